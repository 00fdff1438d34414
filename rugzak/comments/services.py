"""Writing, editing, deleting and (kernteam) hiding comments."""
from __future__ import annotations

from flask_babel import gettext as _

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import may_curate, require
from ..errors import InvalidInput, NotFound
from ..experiences.models import Experience
from ..experiences.policies import can_view
from ..extensions import db
from ..notifications.services import comment_added
from ..privacy.findings import screen, store_confirmed
from ..timeutil import utcnow
from .models import Comment
from .policies import may_delete_comment, may_edit_comment

BODY_MAX = 5000
REASON_MAX = 500


def add_comment(actor: User, experience: Experience, body: str,
                confirmed: bool = False) -> Comment:
    """`confirmed`: the writer confirmed the resident-data findings (privacy/check.py)."""
    if not can_view(actor, experience):
        raise NotFound()
    if not experience.is_published:
        raise InvalidInput({"body": _("Bij een concept kun je nog niet reageren.")})
    body = _checked(body)
    findings = screen({"body": body}, confirmed)
    comment = Comment(experience_id=experience.id, author_id=actor.id, body=body)
    db.session.add(comment)
    store_confirmed(comment, findings, actor, experience.id)
    comment_added(actor, comment, experience)
    db.session.commit()
    return comment


def edit_comment(actor: User, comment: Comment, body: str, confirmed: bool = False) -> None:
    require(may_edit_comment(actor, comment))
    body = _checked(body)
    findings = screen({"body": body}, confirmed, comment)
    comment.body = body
    comment.edited_at = utcnow()
    store_confirmed(comment, findings, actor, comment.experience_id)
    db.session.commit()


def delete_comment(actor: User, comment: Comment) -> None:
    require(may_delete_comment(actor, comment))
    comment.deleted_at = utcnow()
    db.session.commit()


def hide_comment(actor: User, comment: Comment, reason: str, confirmed: bool = False) -> None:
    require(may_curate(actor))
    reason = reason.strip()
    if not reason:
        raise InvalidInput({"reason": _("Schrijf de reden op; de schrijver krijgt die te zien.")})
    if len(reason) > REASON_MAX:
        raise InvalidInput({"reason": _("Gebruik hoogstens %(count)d tekens.", count=REASON_MAX)})
    findings = screen({"reason": reason}, confirmed, comment)
    comment.hidden_at, comment.hidden_reason = utcnow(), reason
    record(Action.COMMENT_HIDDEN, target=comment)
    store_confirmed(comment, findings, actor, comment.experience_id)
    db.session.commit()


def restore_comment(actor: User, comment: Comment) -> None:
    require(may_curate(actor))
    if comment.is_hidden:
        comment.hidden_at, comment.hidden_reason = None, None
        record(Action.COMMENT_UNHIDDEN, target=comment)
        db.session.commit()


def _checked(body: str) -> str:
    body = body.strip()
    if not body:
        raise InvalidInput({"body": _("Schrijf eerst je reactie.")})
    if len(body) > BODY_MAX:
        raise InvalidInput({"body": _("Een reactie mag hoogstens %(count)d tekens hebben.",
                                      count=BODY_MAX)})
    return body
