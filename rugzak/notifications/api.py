"""/api/v1/notifications: my notifications as /meldingen shows them, and marking them read."""
from __future__ import annotations

from flask.views import MethodView
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from marshmallow import validate

from ..api.blueprint import ApiBlueprint
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
from ..numbers import BIGGEST_ID
from .labels import notification_text, notification_url
from .models import Notification, NotificationKind
from .queries import notifications_of, unread_count
from .services import mark_read

IDS_MAX = 100
blp = ApiBlueprint("api_notifications", __name__, url_prefix="/api/v1",
                   description="Meldingen: wat er gebeurde bij wat je volgt of schreef")


class NotificationListArgs(DutchSchema):
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=20, validate=PER_PAGE_RANGE)
    unread = Bool(load_default=False, metadata={"description": "alleen ongelezen meldingen"})


class NotificationSchema(DutchSchema):
    id = Int()
    kind = Str(metadata={"enum": [kind.value for kind in NotificationKind]})
    text = Str(metadata={"description": "wat er gebeurde, in jouw taal"})
    url = Str(metadata={"description": "de pagina erbij"})
    experience_id = Int()
    comment_id = Int(allow_none=True)
    agenda_item_id = Int(allow_none=True)
    bundle_id = Int(allow_none=True)
    created_at = DateTime()
    read = Bool()


class NotificationPageSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    per_page = Int()
    unread = Int(metadata={"description": "ongelezen meldingen in totaal"})
    items = List(Nested(NotificationSchema))


class ReadInSchema(DutchSchema):
    ids = List(Int(validate=validate.Range(min=1, max=BIGGEST_ID,
                                           error=_l("Een melding heeft een nummer vanaf 1."))),
               validate=validate.Length(min=1, max=IDS_MAX, error=_l(
                   "Geef 1 tot %(count)d meldingen tegelijk op.", count=IDS_MAX)),
               metadata={"description": "deze meldingen (hoogstens 100)"})
    all = Bool(load_default=False, metadata={"description": "alle meldingen"})


class ReadOutSchema(DutchSchema):
    marked = Int(metadata={"description": "zoveel meldingen zijn nu gelezen"})
    unread = Int()


@blp.route("/notifications")
class Notifications(MethodView):
    @blp.arguments(NotificationListArgs, location="query")
    @blp.response(200, NotificationPageSchema)
    def get(self, args):
        """Mijn meldingen, nieuwste eerst; alleen wat ik nu mag zien"""
        page = db.paginate(notifications_of(current_user, unread=args["unread"]),
                           page=args["page"], per_page=args["per_page"], error_out=False)
        return {"total": page.total, "page": page.page, "pages": page.pages,
                "per_page": page.per_page, "unread": unread_count(current_user),
                "items": [notification_dict(row) for row in page.items]}


@blp.route("/notifications/read")
class NotificationsRead(MethodView):
    @blp.arguments(ReadInSchema)
    @blp.response(200, ReadOutSchema)
    def post(self, payload):
        """Meldingen als gelezen markeren: `ids`, of `all: true`"""
        if payload["all"] == ("ids" in payload):
            raise InvalidInput({"ids": _("Geef de meldingen op (ids) of alles (all: true), "
                                         "niet allebei.")})
        marked = mark_read(current_user, None if payload["all"] else payload["ids"])
        return {"marked": marked, "unread": unread_count(current_user)}


def notification_dict(notification: Notification) -> dict:
    return {"id": notification.id, "kind": notification.kind,
            "text": notification_text(notification), "url": notification_url(notification),
            "experience_id": notification.experience_id,
            "comment_id": notification.comment_id,
            "agenda_item_id": notification.agenda_item_id,
            "bundle_id": notification.bundle_id, "created_at": notification.created_at,
            "read": notification.is_read}
