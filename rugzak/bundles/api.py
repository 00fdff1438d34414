"""/api/v1/bundles: read what you may see; the core team keeps them."""
from __future__ import annotations

from flask.views import MethodView
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import validate

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import (
    DateTime,
    DutchSchema,
    Int,
    List,
    Nested,
    Str,
    confirm_privacy_field,
)
from ..auth.policies import may_curate, require
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from ..urls import external_url
from .models import Bundle
from .policies import bundle_or_404, kept_item_or_404
from .queries import readable_bundles, visible_counts, visible_items
from .services import (
    BundleInput,
    add_item,
    change_note,
    create_bundle,
    move_item,
    remove_item,
    update_bundle,
)

blp = ApiBlueprint("api_bundles", __name__, url_prefix="/api/v1",
                   description="Bundels: reeksen ervaringen met een inleiding")


class BundleInSchema(DutchSchema):
    title = Str(required=True)
    intro = Str(load_default="", metadata={"description": "Markdown"})
    visibility = Str(load_default="intern", metadata={"description": "intern of met_partners"})
    confirm_privacy = confirm_privacy_field()


class BundleItemInSchema(DutchSchema):
    experience_id = Int(required=True)
    note = Str(load_default="")
    confirm_privacy = confirm_privacy_field()


class BundleItemChangeSchema(DutchSchema):
    note = Str(metadata={"description": "de notitie bij deze ervaring"})
    confirm_privacy = confirm_privacy_field()
    move = Str(validate=validate.OneOf(["up", "down"], error=_l("Kies move=up of move=down.")),
               metadata={"description": "up of down: één plek omhoog of omlaag"})


class BundleItemSchema(DutchSchema):
    id = Int()
    experience_id = Int()
    title = Str()
    note = Str()


class BundleSchema(DutchSchema):
    id = Int()
    title = Str()
    intro = Str()
    visibility = Str()
    item_count = Int(metadata={"description": "ervaringen die jij mag zien"})
    updated_at = DateTime()
    url = Str()


class BundleDetailSchema(BundleSchema):
    items = List(Nested(BundleItemSchema))


class BundleListSchema(DutchSchema):
    items = List(Nested(BundleSchema))


@blp.route("/bundles")
class Bundles(MethodView):
    @blp.response(200, BundleListSchema)
    def get(self):
        """De bundels die jij mag lezen"""
        bundles = db.session.scalars(readable_bundles(current_user)).all()
        counts = visible_counts(bundles, current_user)
        return {"items": [bundle_dict(b, counts[b.id]) for b in bundles]}

    @checked_first(lambda: require(may_curate(current_user)))
    @blp.arguments(BundleInSchema)
    @blp.response(201, BundleDetailSchema)
    def post(self, payload):
        """Een bundel maken (kernteam)"""
        bundle = create_bundle(current_user, BundleInput(**payload))
        return detail(bundle)


@blp.route("/bundles/<int:bundle_id>")
class BundleItem(MethodView):
    @blp.response(200, BundleDetailSchema)
    def get(self, bundle_id: int):
        """Eén bundel, met alleen de ervaringen die jij mag zien, in volgorde"""
        return detail(bundle_or_404(bundle_id, current_user))

    @checked_first(lambda bundle_id: bundle_or_404(bundle_id, current_user, keep=True))
    @blp.arguments(BundleInSchema)
    @blp.response(200, BundleDetailSchema)
    def put(self, payload, bundle_id: int):
        """Titel, inleiding en zichtbaarheid wijzigen (kernteam)"""
        bundle = bundle_or_404(bundle_id, current_user, keep=True)
        update_bundle(current_user, bundle, BundleInput(**payload))
        return detail(bundle)


@blp.route("/bundles/<int:bundle_id>/items")
class BundleItems(MethodView):
    @checked_first(lambda bundle_id: bundle_or_404(bundle_id, current_user, keep=True))
    @blp.arguments(BundleItemInSchema)
    @blp.response(201, BundleDetailSchema)
    def post(self, payload, bundle_id: int):
        """Een ervaring achteraan toevoegen (kernteam)"""
        bundle = bundle_or_404(bundle_id, current_user, keep=True)
        experience = get_visible_or_404(payload["experience_id"], current_user)
        add_item(current_user, bundle, experience, payload["note"], payload["confirm_privacy"])
        return detail(bundle)


@blp.route("/bundles/<int:bundle_id>/items/<int:item_id>")
class BundleItemEntry(MethodView):
    @checked_first(lambda bundle_id, item_id: kept_item_or_404(bundle_id, item_id,
                                                                    current_user))
    @blp.arguments(BundleItemChangeSchema)
    @blp.response(200, BundleDetailSchema)
    def patch(self, payload, bundle_id: int, item_id: int):
        """De notitie wijzigen en/of één plek verschuiven (kernteam)"""
        item = kept_item_or_404(bundle_id, item_id, current_user)
        if "note" in payload:
            change_note(current_user, item, payload["note"], payload["confirm_privacy"])
        if "move" in payload:
            move_item(current_user, item, -1 if payload["move"] == "up" else 1)
        return detail(item.bundle)

    @blp.response(204)
    def delete(self, bundle_id: int, item_id: int):
        """Een ervaring uit de bundel halen (kernteam)"""
        remove_item(current_user, kept_item_or_404(bundle_id, item_id, current_user))


def bundle_dict(bundle: Bundle, count: int) -> dict:
    return {"id": bundle.id, "title": bundle.title, "intro": bundle.intro,
            "visibility": bundle.visibility, "item_count": count,
            "updated_at": bundle.updated_at,
            "url": external_url("bundles.show", bundle_id=bundle.id)}


def detail(bundle: Bundle) -> dict:
    items = visible_items(bundle, current_user)
    return {**bundle_dict(bundle, len(items)),
            "items": [{"id": item.id, "experience_id": item.experience_id,
                       "title": item.experience.title, "note": item.note} for item in items]}
