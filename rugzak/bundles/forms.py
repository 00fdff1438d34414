from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField

from ..experiences.labels import VISIBILITY_LABELS
from ..experiences.models import Visibility
from ..forms import choices
from .services import BundleInput


class BundleForm(FlaskForm):
    title = StringField(_l("Titel"))
    intro = TextAreaField(_l("Inleiding"))
    visibility = RadioField(_l("Wie mag de bundel lezen?"), choices=choices(VISIBILITY_LABELS),
                            default=Visibility.INTERN, validate_choice=False)

    def to_input(self) -> BundleInput:
        return BundleInput(self.title.data or "", self.intro.data or "",
                           self.visibility.data or "")


class AddToBundleForm(FlaskForm):
    bundle = SelectField(_l("Bundel"), validate_choice=False)
    note = TextAreaField(_l("Notitie bij deze ervaring (niet verplicht)"))
    next = HiddenField()


class NoteForm(FlaskForm):
    note = TextAreaField(_l("Notitie bij deze ervaring"))
