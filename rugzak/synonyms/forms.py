from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField


class SynonymGroupForm(FlaskForm):
    terms = StringField(_l("Woorden en zinsdelen die hetzelfde betekenen"),
                        render_kw={"maxlength": 1000})

