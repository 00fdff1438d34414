"""What a notification says and where it leads, rendered when it is read (the caller only
passes notifications the reader may see: notifications/queries.py)."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from .models import Notification, NotificationKind


def notification_text(notification: Notification) -> str:
    title = notification.experience.title
    kind = notification.kind
    if kind == NotificationKind.NEW_EXPERIENCE and notification.bundle is not None:
        return _("Nieuw in de bundel „%(bundle)s”: %(title)s", bundle=notification.bundle.title,
                 title=title)
    if kind == NotificationKind.COMMENT:
        return _("%(name)s reageerde op „%(title)s”", name=notification.comment.author.name,
                 title=title)
    if kind == NotificationKind.AGENDA_ITEM:
        return _("Agendapunt „%(item)s” is gemaakt met „%(title)s”",
                 item=notification.agenda_item.title, title=title)
    return {
        NotificationKind.NEW_EXPERIENCE: _("Nieuwe ervaring: %(title)s", title=title),
        NotificationKind.HIGHLIGHT: _("Het kernteam lichtte „%(title)s” uit", title=title),
        NotificationKind.RECOGNITION: _("Iemand vond je ervaring „%(title)s” herkenbaar",
                                        title=title),
        NotificationKind.REVIEW_REMINDER: _("Klopt „%(title)s” nog?", title=title),
    }[kind]


def notification_target(notification: Notification) -> tuple[str, dict]:
    """The endpoint and its values where a notification leads."""
    if notification.kind == NotificationKind.AGENDA_ITEM:
        return "agenda.show", {"item_id": notification.agenda_item.id}
    anchor = f"reactie-{notification.comment.id}" if notification.comment else None
    return "experiences.show", {"experience_id": notification.experience.id, "_anchor": anchor}


def notification_url(notification: Notification) -> str:
    endpoint, values = notification_target(notification)
    return url_for(endpoint, **values)
