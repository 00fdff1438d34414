from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField


class CodeForm(FlaskForm):
    code = StringField(_l("Code"), render_kw={"autocomplete": "one-time-code",
                                              "autocapitalize": "none", "spellcheck": "false"})


class PasswordAndCodeForm(FlaskForm):
    password = PasswordField(_l("Wachtwoord"), render_kw={"autocomplete": "current-password"})
    code = StringField(_l("Code uit je app of een herstelcode"),
                       render_kw={"autocomplete": "one-time-code", "autocapitalize": "none",
                                  "spellcheck": "false"})
