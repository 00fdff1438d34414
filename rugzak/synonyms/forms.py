from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField


class SynonymGroupForm(FlaskForm):
    members = StringField(_l("Woorden en zinsdelen die hetzelfde betekenen"),
                        render_kw={"maxlength": 1000})

    def typed_members(self) -> list[str]:
        """What was typed, separated by commas."""
        return (self.members.data or "").split(",")

