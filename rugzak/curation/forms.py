from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField


class HighlightForm(FlaskForm):
    note = TextAreaField(_l("Waarom doet deze ervaring ertoe?"))


class HideForm(FlaskForm):
    reason = TextAreaField(_l("Reden om te verbergen"))

