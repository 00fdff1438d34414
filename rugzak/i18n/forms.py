from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.fields.choices import SelectChoice

from .locale import LANGUAGES


class LanguageForm(FlaskForm):
    locale = RadioField(_l("Taal van Rugzak"), validate_choice=False,
                        choices=[SelectChoice(code, name) for code, name in LANGUAGES.items()])
