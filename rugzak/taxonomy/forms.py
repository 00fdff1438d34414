from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField


class TagNameForm(FlaskForm):
    name = StringField(_l("Nieuwe naam"))


class MergeTagsForm(FlaskForm):
    source = SelectField(_l("Samenvoegen: dit trefwoord verdwijnt"), validate_choice=False)
    target = SelectField(_l("in dit trefwoord"), validate_choice=False)
    confirmed = HiddenField()  # set by the confirmation page


class EntryForm(FlaskForm):
    name = StringField(_l("Naam"))
    description = TextAreaField(_l("Omschrijving"))
    active = BooleanField(_l("In gebruik: aanbieden bij nieuwe ervaringen en gebruikers"),
                          default=True)
