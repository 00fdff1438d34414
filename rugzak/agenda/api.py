"""/api/v1/agenda: agenda items with the same services and permission rules as the pages."""
from __future__ import annotations

from dataclasses import fields as dataclass_fields

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import (
    PAGE_RANGE,
    PER_PAGE_RANGE,
    Bool,
    Date,
    DateTime,
    DutchSchema,
    Int,
    List,
    Nested,
    Str,
    confirm_privacy_field,
)
from ..auth.policies import require
from ..extensions import db
from ..urls import external_url
from .models import AgendaItem
from .policies import editable_item_or_404, may_create, visible_item_or_404
from .queries import AgendaFilters, filtered_items, readable_history, visible_linked
from .services import AgendaInput, add_progress, create_item, update_item

blp = ApiBlueprint("api_agenda", __name__, url_prefix="/api/v1",
                   description="De toekomstagenda: agendapunten en hun voortgang")


class AgendaItemInSchema(DutchSchema):
    title = Str()
    description = Str()
    owner = Str(metadata={"description": "user:<id>, department:<slug> of partner:<slug>"})
    status = Str(metadata={"description": "idee, loopt, gerealiseerd of gestopt"})
    target_date = Date(allow_none=True)
    shared_with_partners = Bool()
    confirm_privacy = confirm_privacy_field()
    experience_ids = List(Int(), metadata={"description": "nummers van ervaringen"})


class AgendaItemUpdateSchema(AgendaItemInSchema):
    version = Int(required=True, metadata={"description": "de versie die je bewerkte"})


class ProgressInSchema(DutchSchema):
    text = Str(required=True)
    confirm_privacy = confirm_privacy_field()
    status = Str(load_default="", metadata={"description": "leeg: status blijft hetzelfde"})
    version = Int(load_default=None, allow_none=True,
                  metadata={"description": "nodig als je de status wijzigt"})


class OwnerSchema(DutchSchema):
    key = Str()
    name = Str()


class ProgressOutSchema(DutchSchema):
    written_at = DateTime()
    author = Str()
    text = Str()
    status = Str(allow_none=True)


class ChangeSchema(DutchSchema):
    changed_at = DateTime()
    changed_by = Str(allow_none=True)
    field = Str()
    old_value = Str()
    new_value = Str()


class AgendaItemOutSchema(AgendaItemInSchema):
    id = Int()
    owner = Nested(OwnerSchema)
    overdue = Bool()
    version = Int()
    created_at = DateTime()
    updated_at = DateTime()
    url = Str()
    updates = List(Nested(ProgressOutSchema))
    history = List(Nested(ChangeSchema))


class AgendaListArgs(DutchSchema):
    status = Str(load_default="")
    owner = Str(load_default="")
    overdue = Str(load_default="", metadata={"description": "1: alleen wat over tijd is"})
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=20, validate=PER_PAGE_RANGE)


class AgendaPageSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    items = List(Nested(AgendaItemOutSchema))


@blp.route("/agenda")
class AgendaItems(MethodView):
    @blp.arguments(AgendaListArgs, location="query")
    @blp.response(200, AgendaPageSchema)
    def get(self, args):
        """Agendapunten die jij mag zien: open eerst, vroegste streefdatum eerst"""
        query = filtered_items(current_user, AgendaFilters.from_args(args))
        page = db.paginate(query, page=args["page"], per_page=args["per_page"],
                           error_out=False)
        return {"total": page.total, "page": page.page, "pages": page.pages,
                "items": [to_dict(item) for item in page.items]}

    @checked_first(lambda: require(may_create(current_user)))
    @blp.arguments(AgendaItemInSchema)
    @blp.response(201, AgendaItemOutSchema)
    def post(self, payload):
        """Een agendapunt maken (niet voor partners)"""
        data = merge_input(AgendaInput(), payload)
        return to_dict(create_item(current_user, data))


@blp.route("/agenda/<int:item_id>")
class AgendaItemResource(MethodView):
    @blp.response(200, AgendaItemOutSchema)
    def get(self, item_id: int):
        """Eén agendapunt met voortgang en geschiedenis"""
        return to_dict(visible_item_or_404(item_id, current_user))

    @checked_first(lambda item_id: editable_item_or_404(item_id, current_user))
    @blp.arguments(AgendaItemUpdateSchema)
    @blp.response(200, AgendaItemOutSchema)
    def put(self, payload, item_id: int):
        """Een agendapunt bewerken; velden die je weglaat, blijven zoals ze waren"""
        item = editable_item_or_404(item_id, current_user)
        version = payload.pop("version")
        data = merge_input(AgendaInput.from_item(item), payload)
        return to_dict(update_item(current_user, item, data, version))


@blp.route("/agenda/<int:item_id>/updates")
class AgendaProgress(MethodView):
    @checked_first(lambda item_id: visible_item_or_404(item_id, current_user))
    @blp.arguments(ProgressInSchema)
    @blp.response(201, AgendaItemOutSchema)
    def post(self, payload, item_id: int):
        """Voortgang toevoegen, eventueel met een nieuwe status"""
        item = visible_item_or_404(item_id, current_user)
        add_progress(current_user, item, payload["text"], payload["status"], payload["version"],
                     payload["confirm_privacy"])
        return to_dict(item)


def merge_input(data: AgendaInput, payload: dict) -> AgendaInput:
    for item in dataclass_fields(AgendaInput):
        if item.name in payload and (payload[item.name] is not None
                                     or item.name == "target_date"):
            setattr(data, item.name, payload[item.name])
    return data


def to_dict(item: AgendaItem) -> dict:
    return {
        "id": item.id, "title": item.title, "description": item.description,
        "owner": {"key": item.owner_key, "name": item.owner.name},
        "status": item.status, "target_date": item.target_date,
        "shared_with_partners": item.shared_with_partners,
        "experience_ids": [e.id for e in visible_linked(current_user, item)],
        "overdue": item.is_overdue(), "version": item.version,
        "created_at": item.created_at, "updated_at": item.updated_at,
        "url": external_url("agenda.show", item_id=item.id),
        "updates": [{"written_at": u.written_at, "author": u.author.name, "text": u.text,
                     "status": u.status} for u in item.updates],
        "history": [vars(line) for line in readable_history(current_user, item)],
    }
