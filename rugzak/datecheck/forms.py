from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..forms import IsoDateField


class DateCorrectionForm(FlaskForm):
    occurred_on = IsoDateField(_l("Juiste datum"))

    @classmethod
    def for_experience(cls, experience, **kwargs) -> "DateCorrectionForm":
        """One form per listed experience; the prefix keeps the fields' ids apart."""
        return cls(prefix=f"ervaring-{experience.id}",
                   data={"occurred_on": experience.occurred_on.isoformat()}, **kwargs)
