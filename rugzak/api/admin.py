"""/api/v1/users (beheerder) and /api/v1/taxonomy/… upkeep, with the rules of /beheer."""
from __future__ import annotations

from flask import abort, url_for
from flask.views import MethodView
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, or_, select

from ..admin.password_links import VALID_FOR, issue_link
from ..auth.models import User
from ..auth.permissions import may_administer, may_keep_list, may_keep_vocabulary, require
from ..auth.services import (
    AccountError,
    change_user,
    create_user,
    deactivate_user,
    reactivate_user,
)
from ..extensions import db
from ..taxonomy.models import Tag
from ..taxonomy.services import (
    KINDS,
    EntryInput,
    TaxonomyError,
    merge_tags,
    rename_tag,
    save_entry,
    tags_with_counts,
)
from ..timeutil import utcnow
from .blueprint import ApiBlueprint, checked_first
from .errors import unprocessable
from .fields import Bool, DateTime, DutchSchema, Int, List, Nested, Str

blp = ApiBlueprint("api_admin", __name__, url_prefix="/api/v1",
                   description="Gebruikers (beheerder) en het onderhoud van de taxonomie")
API_KINDS = {"goals": "doelen", "conditions": "randvoorwaarden", "departments": "afdelingen",
             "partners": "partners"}


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


class TagCountSchema(DutchSchema):
    id = Int()
    name = Str()
    count = Int(metadata={"description": "gepubliceerde ervaringen die jij mag zien"})


class TagListSchema(DutchSchema):
    items = List(Nested(TagCountSchema))


class TagNameSchema(DutchSchema):
    name = Str(required=True)


class TagMergeSchema(DutchSchema):
    into = Int(required=True, metadata={"description": "id van het trefwoord dat blijft"})


class EntryInSchema(DutchSchema):
    name = Str(required=True)
    description = Str(load_default="")
    active = Bool(load_default=True)


class EntryOutSchema(DutchSchema):
    slug = Str()
    name = Str()
    description = Str()
    active = Bool()


def _administering() -> None:
    require(may_administer(current_user))


def _user(user_id: int) -> User:
    _administering()
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _tag(tag_id: int) -> tuple[Tag, int]:
    require(may_keep_vocabulary(current_user))
    for tag, count in tags_with_counts(current_user):
        if tag.id == tag_id:
            return tag, count
    abort(404)


def _kind(kind: str):
    entry_kind = KINDS[API_KINDS[kind]]
    require(may_keep_list(current_user, entry_kind.model))
    return entry_kind


def _entry(kind: str, slug: str):
    """(kind, entry) of a list the user keeps; 404 for an unknown slug."""
    entry_kind = _kind(kind)
    entry = db.session.scalar(select(entry_kind.model).filter_by(slug=slug))
    if entry is None:
        abort(404)
    return entry_kind, entry


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


# -- taxonomy -------------------------------------------------------------------------------
@blp.route("/taxonomy/tags")
class Tags(MethodView):
    @blp.response(200, TagListSchema)
    def get(self):
        """Trefwoorden met het aantal ervaringen dat jij mag zien (kernteam, beheerder)"""
        require(may_keep_vocabulary(current_user))
        return {"items": [{"id": tag.id, "name": tag.name, "count": count}
                          for tag, count in tags_with_counts(current_user)]}


@blp.route("/taxonomy/tags/<int:tag_id>")
class TagItem(MethodView):
    @checked_first(_tag)
    @blp.arguments(TagNameSchema)
    @blp.response(200, TagCountSchema)
    def put(self, payload, tag_id: int):
        """Hernoemen; zoeken volgt (kernteam, beheerder)"""
        tag, _count = _tag(tag_id)
        _keeping(lambda: rename_tag(tag, payload["name"]))
        tag, count = _tag(tag_id)
        return {"id": tag.id, "name": tag.name, "count": count}


@blp.route("/taxonomy/tags/<int:tag_id>/merge")
class TagMerge(MethodView):
    @checked_first(_tag)
    @blp.arguments(TagMergeSchema)
    @blp.response(200, TagCountSchema)
    def post(self, payload, tag_id: int):
        """Samenvoegen in `into`: dit trefwoord verdwijnt (kernteam, beheerder)"""
        source, _count = _tag(tag_id)
        target, _count = _tag(payload["into"])
        target_id = target.id
        _keeping(lambda: merge_tags(source, target))
        tag, count = _tag(target_id)
        return {"id": tag.id, "name": tag.name, "count": count}


@blp.route("/taxonomy/<any(goals, conditions, departments, partners):kind>")
class Entries(MethodView):
    @checked_first(_kind)
    @blp.arguments(EntryInSchema)
    @blp.response(201, EntryOutSchema)
    def post(self, payload, kind: str):
        """Toevoegen: doelen (kernteam, beheerder); randvoorwaarden, afdelingen, partners
        (beheerder)"""
        entry_kind = _kind(kind)
        return entry_dict(_keeping(lambda: save_entry(entry_kind, None, EntryInput(**payload))))


@blp.route("/taxonomy/<any(goals, conditions, departments, partners):kind>/<slug>")
class EntryItem(MethodView):
    @checked_first(_entry)
    @blp.arguments(EntryInSchema)
    @blp.response(200, EntryOutSchema)
    def put(self, payload, kind: str, slug: str):
        """Wijzigen of niet meer aanbieden (active=false); oude ervaringen houden het"""
        entry_kind, entry = _entry(kind, slug)
        return entry_dict(_keeping(lambda: save_entry(entry_kind, entry,
                                                      EntryInput(**payload))))


def _keeping(action):
    try:
        return action()
    except TaxonomyError as error:
        db.session.rollback()
        unprocessable(error.errors)


def entry_dict(entry) -> dict:
    return {"slug": entry.slug, "name": entry.name,
            "description": getattr(entry, "description", ""), "active": entry.active}
