"""Two API doors: the core team shares and withdraws (/api/v1/…/open, signed in), and the
world reads open data (/open/api/v1, no sign-in): stable ids, tombstones for withdrawals."""
from __future__ import annotations

import math
from datetime import datetime, timezone

from flask.views import MethodView
from flask_babel import gettext as _
from flask_login import current_user
from flask_smorest import Blueprint

from ..api.blueprint import ApiBlueprint, DutchParser, checked_first
from ..api.fields import (
    PAGE_RANGE,
    PER_PAGE_RANGE,
    Bool,
    DateTime,
    DutchSchema,
    Int,
    List,
    Nested,
    Str,
)
from ..errors import InvalidInput
from ..extensions import db
from ..urls import external_url
from .labels import bundle_view, tombstone, world_view
from .models import OpenBundle, OpenExperience
from .policies import is_public, shared_bundle_or_404, shared_experience_or_404
from .queries import changed_since
from .services import (
    publish_bundle,
    publish_experience,
    withdraw_bundle,
    withdraw_experience,
)

blp = ApiBlueprint("api_open_sharing", __name__, url_prefix="/api/v1",
                   description="Openbaar delen (kernteam)")
open_blp = Blueprint("api_open", __name__, url_prefix="/open/api/v1",
                     description="Open data: openbaar gedeelde ervaringen en bundels, zonder "
                                 "inloggen")
open_blp.ARGUMENTS_PARSER = DutchParser()


class SharingStateSchema(DutchSchema):
    shared = Bool(metadata={"description": "wordt nu openbaar gedeeld"})
    open_id = Int(allow_none=True, metadata={"description": "vaste id in de open data"})
    url = Str(allow_none=True)
    withdrawn_at = DateTime(allow_none=True)


class ChangedArgs(DutchSchema):
    updated_since = DateTime(load_default=None, metadata={
        "description": "alleen wat op of na dit tijdstip (ISO 8601) veranderde"})
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=50, validate=PER_PAGE_RANGE)


class ConditionSchema(DutchSchema):
    name = Str()
    effect = Str(metadata={"description": "hielp of ontbrak"})


class OpenExperienceSchema(DutchSchema):
    id = Int(metadata={"description": "vaste id van de open publicatie"})
    url = Str()
    title = Str()
    situation = Str()
    task = Str()
    approach = Str()
    result = Str()
    lesson = Str()
    tip = Str()
    kind = Str(metadata={"description": "succes, knelpunt, les of vraag"})
    occurred_in = Str(allow_none=True, metadata={"description": "maand, JJJJ-MM"})
    departments = List(Str())
    conditions = List(Nested(ConditionSchema))
    goals = List(Str())
    tags = List(Str())
    author = Str(metadata={"description": "nooit een naam: een medewerker van …"})
    municipality = Str()
    licence = Str()
    published_at = DateTime()
    updated_at = DateTime()


class TombstoneSchema(DutchSchema):
    id = Int()
    withdrawn_at = DateTime()


class OpenItemSchema(DutchSchema):
    id = Int()
    title = Str()
    url = Str()


class OpenBundleSchema(DutchSchema):
    id = Int()
    url = Str()
    title = Str()
    intro = Str()
    municipality = Str()
    licence = Str()
    items = List(Nested(OpenItemSchema), metadata={
        "description": "alleen de ervaringen die zelf openbaar gedeeld zijn"})
    published_at = DateTime()
    updated_at = DateTime()


class ChangesPageSchema(DutchSchema):
    total = Int(metadata={"description": "veranderingen (gedeeld en ingetrokken) samen"})
    page = Int()
    pages = Int()
    per_page = Int()
    withdrawn = List(Nested(TombstoneSchema), metadata={
        "description": "ingetrokken: verwijder je kopie"})


class ExperiencesPageSchema(ChangesPageSchema):
    items = List(Nested(OpenExperienceSchema))


class BundlesPageSchema(ChangesPageSchema):
    items = List(Nested(OpenBundleSchema))


# -- the core team ---------------------------------------------------------------------------
def _experience(experience_id: int):
    return shared_experience_or_404(experience_id, current_user)


def _bundle(bundle_id: int):
    return shared_bundle_or_404(bundle_id, current_user)


def _state(shared, endpoint: str) -> dict:
    public = shared is not None and is_public(shared)
    return {"shared": public, "open_id": shared.id if shared is not None else None,
            "url": external_url(f"open.{endpoint}", open_id=shared.id) if public else None,
            "withdrawn_at": shared.withdrawn_at if shared is not None else None}


@blp.route("/experiences/<int:experience_id>/open")
class ExperienceSharing(MethodView):
    @checked_first(_experience)
    @blp.response(200, SharingStateSchema)
    def put(self, experience_id: int):
        """Openbaar delen (kernteam): met toestemming van de auteur, gepubliceerd, zonder
        mogelijke gegevens van inwoners (anders 422 met `findings`)"""
        return _state(publish_experience(current_user, _experience(experience_id)), "item")

    @blp.response(200, SharingStateSchema)
    def delete(self, experience_id: int):
        """Openbaar delen intrekken (kernteam); de open data houden een grafsteen"""
        experience = _experience(experience_id)
        withdraw_experience(current_user, experience)
        return _state(experience.open_record, "item")


@blp.route("/bundles/<int:bundle_id>/open")
class BundleSharing(MethodView):
    @checked_first(_bundle)
    @blp.response(200, SharingStateSchema)
    def put(self, bundle_id: int):
        """Een bundel openbaar delen (kernteam); alleen openbaar gedeelde ervaringen erin
        zijn te zien"""
        return _state(publish_bundle(current_user, _bundle(bundle_id)), "bundle")

    @blp.response(200, SharingStateSchema)
    def delete(self, bundle_id: int):
        """Een bundel niet meer openbaar delen (kernteam)"""
        bundle = _bundle(bundle_id)
        withdraw_bundle(current_user, bundle)
        return _state(bundle.open_record, "bundle")


# -- the world ---------------------------------------------------------------------------------
@open_blp.route("/experiences")
class Experiences(MethodView):
    @open_blp.arguments(ChangedArgs, location="query")
    @open_blp.response(200, ExperiencesPageSchema)
    def get(self, args):
        """Openbaar gedeelde ervaringen en ingetrokken ervaringen (grafstenen), oudste
        verandering eerst; bewaar de laatste `updated_at` en vraag daarna `updated_since`"""
        return _changes(OpenExperience, args,
                        lambda shared: world_view(shared.experience, shared))


@open_blp.route("/bundles")
class Bundles(MethodView):
    @open_blp.arguments(ChangedArgs, location="query")
    @open_blp.response(200, BundlesPageSchema)
    def get(self, args):
        """Openbaar gedeelde bundels en ingetrokken bundels (grafstenen)"""
        return _changes(OpenBundle, args, lambda shared: bundle_view(shared.bundle, shared))


def _changes(model, args: dict, describe) -> dict:
    page = db.paginate(changed_since(model, _in_utc(args["updated_since"])), page=args["page"],
                       per_page=args["per_page"], error_out=False)
    return {"total": page.total, "page": page.page, "per_page": page.per_page,
            "pages": math.ceil((page.total or 0) / page.per_page),
            "items": [describe(shared) for shared in page.items if is_public(shared)],
            "withdrawn": [tombstone(shared) for shared in page.items if not is_public(shared)]}


def _in_utc(moment: datetime | None) -> datetime | None:
    """A naive time is read as UTC; an aware one at the edge of the calendar cannot be."""
    if moment is None or moment.tzinfo is None:
        return moment
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        raise InvalidInput({"updated_since": _("Dit tijdstip valt buiten de kalender; schrijf "
                                               "het bijvoorbeeld als 2025-01-31T12:00:00Z.")}
                           ) from None
