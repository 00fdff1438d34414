from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import or_, select
from wtforms import PasswordField, SelectField, StringField

from ..auth.roles import ROLE_LABELS
from ..extensions import db
from ..taxonomy.models import Department, Partner


class PlacementForm(FlaskForm):
    role = SelectField(_l("Rol"), validate_choice=False)
    department = SelectField(_l("Afdeling"), validate_choice=False)
    partner = SelectField(_l("Partnerorganisatie"), validate_choice=False)

    def fill_choices(self, user=None) -> None:
        self.role.choices = [(str(role), str(label)) for role, label in ROLE_LABELS.items()]
        self.department.choices = _options(Department, _l("Geen afdeling"),
                                           user.department_id if user else None)
        self.partner.choices = _options(Partner, _l("Geen partnerorganisatie"),
                                        user.partner_id if user else None)


class NewUserForm(PlacementForm):
    name = StringField(_l("Naam"), render_kw={"autocomplete": "off"})
    email = StringField(_l("E-mailadres"), render_kw={"autocomplete": "off"})


class ForgottenPasswordForm(FlaskForm):
    email = StringField(_l("E-mailadres"), render_kw={"autocomplete": "email"})


class SetPasswordForm(FlaskForm):
    # Filled from the link's fragment (static/set-password.js), which no server ever sees;
    # without JavaScript the person pastes the part of the link after the #.
    token = StringField(_l("Code uit je link"), render_kw={"autocomplete": "off"})
    password = PasswordField(_l("Nieuw wachtwoord"), render_kw={"autocomplete": "new-password"})
    confirm = PasswordField(_l("Herhaal het wachtwoord"),
                            render_kw={"autocomplete": "new-password"})


def _options(model, empty_label, current_id) -> list[tuple[str, str]]:
    """Active entries, and the one the user already has even when retired."""
    rows = db.session.scalars(select(model).where(
        or_(model.active.is_(True), model.id == current_id)).order_by(model.name))
    return [("", str(empty_label))] + [(row.slug, row.name) for row in rows]
