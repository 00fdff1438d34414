from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField

from .services import NAME_MAX, URL_MAX


class PeerForm(FlaskForm):
    """Checked by the service (add_peer), as `rugzak peers add` is."""

    name = StringField(_l("Naam"), render_kw={"maxlength": NAME_MAX})
    url = StringField(_l("Adres van de andere Rugzak"), render_kw={"maxlength": URL_MAX})


class ConfirmForm(FlaskForm):
    """Only the CSRF token: removing a peer and fetching from it now."""
