from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField


class EraseUserForm(FlaskForm):
    delete_experiences = BooleanField(_l("Verwijder ook de ervaringen die deze persoon schreef"))
    understood = BooleanField(_l("Ik begrijp dat wissen niet ongedaan kan worden gemaakt"))
