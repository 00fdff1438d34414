"""/api/v1/users (beheerder): the same policies and services as /beheer/gebruikers."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import Bool, DateTime, DutchSchema, Int, List, Nested, Str
from ..auth.policies import may_administer, require
from ..extensions import db
from .links import password_link_url
from .policies import user_or_404
from .queries import users_matching
from .services import (
    NewLink,
    change_user,
    create_user,
    deactivate_user,
    hand_out_password_link,
    reactivate_user,
)

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


class Slug(Str):
    """A department or partner organisation as its slug."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value.slug if value is not None else None


class UserSchema(DutchSchema):
    id = Int()
    email = Str()
    name = Str()
    role = Str()
    department = Slug(allow_none=True)
    partner = Slug(allow_none=True)
    active = Bool()


class UserListSchema(DutchSchema):
    items = List(Nested(UserSchema))


class PasswordLinkSchema(DutchSchema):
    user = Nested(UserSchema)
    mailed = Bool(metadata={"description": "de link is naar de gebruiker gemaild (e-mail is "
                                           "ingesteld); dan staat hij niet in het antwoord"})
    password_link = Str(metadata={"description": "eenmalig, 48 uur geldig; alleen nu te zien, "
                                                 "alleen als hij niet gemaild is"})
    expires_at = DateTime()


@blp.route("/users")
class Users(MethodView):
    @blp.arguments(UserArgs, location="query")
    @blp.response(200, UserListSchema)
    def get(self, args):
        """Gebruikers, eventueel gezocht op naam of e-mailadres (beheerder)"""
        require(may_administer(current_user))
        return {"items": db.session.scalars(users_matching(args["q"])).all()}

    @checked_first(lambda: require(may_administer(current_user)))
    @blp.arguments(NewUserSchema)
    @blp.response(201, PasswordLinkSchema)
    def post(self, payload):
        """Een gebruiker maken; de eenmalige link om een wachtwoord in te stellen wordt gemaild,
        of staat in het antwoord als e-mail niet is ingesteld (beheerder)"""
        user = create_user(current_user, payload["email"], payload["name"],
                           payload["role"], department=payload["department"] or None,
                           partner=payload["partner"] or None)
        return _shown(user, hand_out_password_link(current_user, user))


@blp.route("/users/<int:user_id>")
class UserItem(MethodView):
    @blp.response(200, UserSchema)
    def get(self, user_id: int):
        """Eén gebruiker (beheerder)"""
        return user_or_404(user_id, current_user)

    @checked_first(lambda user_id: user_or_404(user_id, current_user))
    @blp.arguments(PlacementSchema)
    @blp.response(200, UserSchema)
    def put(self, payload, user_id: int):
        """Rol, afdeling of partnerorganisatie wijzigen (beheerder)"""
        user = user_or_404(user_id, current_user)
        change_user(current_user, user, payload["role"], payload["department"] or None,
                    payload["partner"] or None)
        return user


@blp.route("/users/<int:user_id>/deactivate")
class UserDeactivate(MethodView):
    @blp.response(200, UserSchema)
    def post(self, user_id: int):
        """Deactiveren; open sessies eindigen meteen (beheerder)"""
        user = user_or_404(user_id, current_user)
        deactivate_user(current_user, user)
        return user


@blp.route("/users/<int:user_id>/reactivate")
class UserReactivate(MethodView):
    @blp.response(200, UserSchema)
    def post(self, user_id: int):
        """Heractiveren (beheerder)"""
        user = user_or_404(user_id, current_user)
        reactivate_user(current_user, user)
        return user


@blp.route("/users/<int:user_id>/password-link")
class UserPasswordLink(MethodView):
    @blp.response(201, PasswordLinkSchema)
    def post(self, user_id: int):
        """Een nieuwe eenmalige link, gemaild of in het antwoord (zie hierboven); een eerdere
        ongebruikte link werkt dan niet meer"""
        user = user_or_404(user_id, current_user)
        return _shown(user, hand_out_password_link(current_user, user))


def _shown(user, link: NewLink | None) -> dict:
    if link is None:
        return {"user": user, "mailed": True}
    return {"user": user, "mailed": False, "expires_at": link.expires_at,
            "password_link": password_link_url(link.token)}
