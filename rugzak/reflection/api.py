"""/api/v1/reflection: the reflection sessions the caller may see, read-only, with the same
rules as the pages (a partner reads only what is shared with partners)."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint
from ..api.fields import (
    PAGE_RANGE,
    PER_PAGE_RANGE,
    Date,
    DateTime,
    DutchSchema,
    Float,
    Int,
    List,
    Nested,
    Str,
)
from ..extensions import db
from ..urls import external_url
from .models import ReflectionSession
from .policies import session_or_404
from .queries import summary_context, visible_sessions

blp = ApiBlueprint("api_reflection", __name__, url_prefix="/api/v1",
                   description="Reflectiesessies: wat jij mag zien, alleen lezen")


class PersonSchema(DutchSchema):
    name = Str()
    organisation = Str(allow_none=True)


class SessionSchema(DutchSchema):
    id = Int()
    title = Str()
    held_on = Date()
    place = Str()
    format = Str()
    facilitator = Str()
    participants = List(Nested(PersonSchema))
    state = Str(metadata={"description": "gepland, afgesloten of geannuleerd"})
    closed_at = DateTime(allow_none=True)
    url = Str()


class NoteSchema(DutchSchema):
    kind = Str(metadata={"description": "notitie of inzicht"})
    text = Str()
    experience_id = Int(allow_none=True)


class TemperatureSchema(DutchSchema):
    condition = Str()
    answers = Int()
    mean = Float(allow_none=True, metadata={"description": "leeg onder de drie antwoorden"})


class SessionDetailSchema(SessionSchema):
    experience_ids = List(Int(), metadata={"description": "het materiaal dat jij mag zien"})
    notes = List(Nested(NoteSchema))
    agenda_item_ids = List(Int())
    temperatures = List(Nested(TemperatureSchema))


class SessionListArgs(DutchSchema):
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=20, validate=PER_PAGE_RANGE)


class SessionPageSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    items = List(Nested(SessionSchema))


@blp.route("/reflection/sessions")
class Sessions(MethodView):
    @blp.arguments(SessionListArgs, location="query")
    @blp.response(200, SessionPageSchema)
    def get(self, args):
        """Reflectiesessies die jij mag zien (het kernteam alle, anderen waar ze voor zijn
        uitgenodigd), nieuwste eerst"""
        page = db.paginate(visible_sessions(current_user), page=args["page"],
                           per_page=args["per_page"], error_out=False)
        return {"total": page.total, "page": page.page, "pages": page.pages,
                "items": [to_dict(session) for session in page.items]}


@blp.route("/reflection/sessions/<int:session_id>")
class SessionResource(MethodView):
    @blp.response(200, SessionDetailSchema)
    def get(self, session_id: int):
        """Eén reflectiesessie met het materiaal, de notities, de besluiten en de
        temperatuurcheck, zoals jij die mag zien"""
        session = session_or_404(session_id, current_user)
        summary = summary_context(current_user, session)
        return to_dict(session) | {
            "experience_ids": list(summary["experiences"]),
            "notes": [{"kind": note.kind, "text": note.text,
                       "experience_id": _experience_of(note.step_key)}
                      for note in summary["notes"]],
            "agenda_item_ids": [item.id for item in summary["items"]],
            "temperatures": [{"condition": result.condition.name, "answers": result.total,
                              "mean": round(result.mean, 2) if result.shown else None}
                             for result in summary["temperatures"]]}


def _experience_of(step_key: str) -> int | None:
    kind, _, number = step_key.partition("-")
    return int(number) if kind == "ervaring" else None


def to_dict(session: ReflectionSession) -> dict:
    return {
        "id": session.id, "title": session.title, "held_on": session.held_on,
        "place": session.place, "format": session.format.name,
        "facilitator": session.facilitator.name,
        "participants": [{"name": person.name, "organisation": person.organisation.name
                          if person.organisation else None}
                         for person in session.participants],
        "state": ("geannuleerd" if session.is_cancelled else
                  "afgesloten" if session.is_closed else "gepland"),
        "closed_at": session.closed_at,
        "url": external_url("reflection.show", session_id=session.id)}
