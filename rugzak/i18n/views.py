"""/taal: choose the language of the interface."""
from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import get_locale, refresh
from flask_babel import gettext as _
from flask_login import current_user

from .forms import LanguageForm
from .locale import LANGUAGES
from .services import set_locale

bp = Blueprint("i18n", __name__)


@bp.route("/taal", methods=["GET", "POST"])
def choose():
    form = LanguageForm()
    if not form.is_submitted():
        form.locale.data = str(get_locale())
        return render_template("i18n/choose.html", form=form)
    if not (form.validate() and set_locale(current_user, form.locale.data or "")):
        form.locale.errors.append(_("Kies een van de talen uit de lijst."))
        return render_template("i18n/choose.html", form=form), 422
    refresh()  # the confirmation already speaks the new language
    flash(_("Rugzak spreekt nu %(language)s.", language=LANGUAGES[str(get_locale())]),
          "success")
    return redirect(url_for(".choose"))
