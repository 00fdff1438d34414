from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_l("Huidig wachtwoord"),
                            render_kw={"autocomplete": "current-password"})
    new = PasswordField(_l("Nieuw wachtwoord"), render_kw={"autocomplete": "new-password"})
    repeat = PasswordField(_l("Nieuw wachtwoord nog een keer"),
                           render_kw={"autocomplete": "new-password"})


class ConfirmForm(FlaskForm):
    """A form with only the CSRF token, for buttons that change something."""
