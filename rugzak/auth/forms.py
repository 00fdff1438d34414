from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField


class LoginForm(FlaskForm):
    email = StringField(_l("E-mailadres"), render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Wachtwoord"), render_kw={"autocomplete": "current-password"})
    next = HiddenField()
