"""/api/v1/users (beheerder), with the rules of /beheer/gebruikers."""
from __future__ import annotations

from flask import abort, url_for
from flask.views import MethodView
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.errors import unprocessable
from ..api.fields import Bool, DateTime, DutchSchema, Int, List, Nested, Str
from ..auth.models import User
from ..auth.policies import may_administer, require
from ..auth.services import (
    AccountError,
    change_user,
    create_user,
    deactivate_user,
    reactivate_user,
)
from ..extensions import db
from ..timeutil import utcnow
from .password_links import VALID_FOR, issue_link

blp = ApiBlueprint("api_admin", __name__, url_prefix="/api/v1",
                   description="Gebruikers (beheerder)")


class UserArgs(DutchSchema):
    q = Str(load_default="", metadata={"description": "deel van naam of e-mailadres"})


class PlacementSchema(DutchSchema):
    role = Str(required=True, metadata={"description": "medewerker, partner, kernteam, beheerder"})
    department = Str(load_default=None, allow_none=True, metadata={"description": "slug"})
    partner = Str(load_default=None, allow_none=True, metadata={"description": "slug"})


class NewUserSchema(PlacementSchema):
    email = Str(required=True)
    name = Str(required=True)


class UserSchema(DutchSchema):
    id = Int()
    email = Str()
    name = Str()
    role = Str()
    department = Str(allow_none=True)
    partner = Str(allow_none=True)
    active = Bool()


class UserListSchema(DutchSchema):
    items = List(Nested(UserSchema))


class PasswordLinkSchema(DutchSchema):
    user = Nested(UserSchema)
    password_link = Str(metadata={"description": "eenmalig, 48 uur geldig; alleen nu te zien"})
    expires_at = DateTime()


def _administering() -> None:
    require(may_administer(current_user))


def _user(user_id: int) -> User:
    _administering()
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


# -- users ----------------------------------------------------------------------------------
@blp.route("/users")
class Users(MethodView):
    @blp.arguments(UserArgs, location="query")
    @blp.response(200, UserListSchema)
    def get(self, args):
        """Gebruikers, eventueel gezocht op naam of e-mailadres (beheerder)"""
        _administering()
        query = select(User).order_by(func.lower(User.name))
        if args["q"].strip():
            pattern = f"%{args['q'].strip().lower()}%"
            query = query.where(or_(func.lower(User.name).like(pattern),
                                    func.lower(User.email).like(pattern)))
        return {"items": [user_dict(u) for u in db.session.scalars(query)]}

    @checked_first(_administering)
    @blp.arguments(NewUserSchema)
    @blp.response(201, PasswordLinkSchema)
    def post(self, payload):
        """Een gebruiker maken; het antwoord bevat de eenmalige link om een wachtwoord in te
        stellen (beheerder)"""
        user = _accounting(lambda: create_user(
            payload["email"], payload["name"], payload["role"],
            department=payload["department"] or None, partner=payload["partner"] or None))
        return _link(user)


@blp.route("/users/<int:user_id>")
class UserItem(MethodView):
    @blp.response(200, UserSchema)
    def get(self, user_id: int):
        """Eén gebruiker (beheerder)"""
        return user_dict(_user(user_id))

    @checked_first(_user)
    @blp.arguments(PlacementSchema)
    @blp.response(200, UserSchema)
    def put(self, payload, user_id: int):
        """Rol, afdeling of partnerorganisatie wijzigen (beheerder)"""
        user = _user(user_id)
        if user.id == current_user.id and payload["role"] != user.role:
            unprocessable({"role": _("Je kunt je eigen rol niet wijzigen.")})
        _accounting(lambda: change_user(user, payload["role"], payload["department"] or None,
                                        payload["partner"] or None))
        return user_dict(user)


@blp.route("/users/<int:user_id>/deactivate")
class UserDeactivate(MethodView):
    @blp.response(200, UserSchema)
    def post(self, user_id: int):
        """Deactiveren; open sessies eindigen meteen (beheerder)"""
        user = _user(user_id)
        if user.id == current_user.id:
            unprocessable({"user": "Je kunt jezelf niet deactiveren."})
        if user.active:
            deactivate_user(user)
        return user_dict(user)


@blp.route("/users/<int:user_id>/reactivate")
class UserReactivate(MethodView):
    @blp.response(200, UserSchema)
    def post(self, user_id: int):
        """Heractiveren (beheerder)"""
        user = _user(user_id)
        reactivate_user(user)
        return user_dict(user)


@blp.route("/users/<int:user_id>/password-link")
class UserPasswordLink(MethodView):
    @blp.response(201, PasswordLinkSchema)
    def post(self, user_id: int):
        """Een nieuwe eenmalige link; een eerdere ongebruikte link werkt dan niet meer"""
        user = _user(user_id)
        if not user.active:
            unprocessable({"user": "Heractiveer het account eerst."})
        return _link(user)


def _link(user: User) -> dict:
    token = issue_link(user)
    db.session.commit()
    return {"user": user_dict(user), "expires_at": utcnow() + VALID_FOR,
            "password_link": url_for("password.set_password", token=token, _external=True)}


def _accounting(action):
    try:
        return action()
    except AccountError as error:
        db.session.rollback()
        unprocessable({error.field or "user": str(error)})


def user_dict(user: User) -> dict:
    return {"id": user.id, "email": user.email, "name": user.name, "role": user.role,
            "department": user.department.slug if user.department else None,
            "partner": user.partner.slug if user.partner else None, "active": user.active}
