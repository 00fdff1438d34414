"""Sharing openly and withdrawing: the core team's use cases, and what an edit, a hide or a
deletion of an openly shared experience does to its open publication.

The open pages show the experience's *current* text. So every save of an openly shared
experience passes through `follow_change`: when it no longer qualifies (consent withdrawn, no
longer published) or its texts now show possible residents' data, the open publication is
withdrawn (audited); otherwise its `updated_at` moves, so subscribers fetch the new text.
"""
from __future__ import annotations

from flask_babel import gettext as _

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import may_curate, require
from ..bundles.models import Bundle
from ..errors import InvalidInput
from ..experiences.models import TEXT_SECTIONS, Experience
from ..extensions import db
from ..privacy.check import findings_extra
from ..privacy.scanner import Finding, scan
from ..search.changelog import EXPERIENCE, record_changes
from ..timeutil import utcnow
from .models import OpenBundle, OpenExperience, OpenRecord
from .policies import refusal

FIELD = "open"  # where a refusal's message goes (form and JSON)


def open_texts(experience: Experience) -> dict[str, str]:
    """Every free text the world would read, by field name."""
    texts = {"title": experience.title}
    texts.update({name: getattr(experience, name) for name in TEXT_SECTIONS})
    texts["tags"] = ", ".join(tag.name for tag in experience.tags)
    return texts


def resident_data(texts: dict[str, str]) -> list[Finding]:
    """Every finding, confirmed inside or not: for the world there is no "that is no BSN"."""
    return scan(texts)


def bundle_texts(bundle: Bundle) -> dict[str, str]:
    return {"title": bundle.title, "intro": bundle.intro}


def sharing_refusal(experience: Experience) -> InvalidInput | None:
    """Why the experience may not be shared openly now, None when it may: the sharing rule,
    and every possible residents' data the world would read."""
    return _refused(refusal(experience), open_texts(experience))


def bundle_sharing_refusal(bundle: Bundle) -> InvalidInput | None:
    return _refused(None, bundle_texts(bundle))


def publish_experience(actor: User, experience: Experience) -> OpenExperience:
    """Share openly, or share again after a withdrawal (same open id)."""
    require(may_curate(actor))
    if refused := sharing_refusal(experience):
        raise refused
    shared = experience.open_record or OpenExperience(experience=experience)
    _publish(shared)
    record_changes(db.session, EXPERIENCE, [experience.id])
    db.session.commit()
    return shared


def withdraw_experience(actor: User, experience: Experience) -> None:
    require(may_curate(actor))
    end_open_sharing(experience, "")
    db.session.commit()


def end_open_sharing(experience: Experience, reason: str) -> None:
    """Withdraw the open publication, if any; the caller commits."""
    shared = experience.open_record
    if shared is not None and not shared.is_withdrawn:
        _withdraw(shared, reason)
        record_changes(db.session, EXPERIENCE, [experience.id])


def follow_change(experience: Experience) -> None:
    """After an edit (see the module's docstring); the caller commits."""
    shared = experience.open_record
    if shared is None or shared.is_withdrawn:
        return
    if not experience.open_consent:
        end_open_sharing(experience, "toestemming ingetrokken")
    elif refusal(experience):
        end_open_sharing(experience, "niet meer gepubliceerd")
    elif resident_data(open_texts(experience)):
        end_open_sharing(experience, "mogelijke gegevens van inwoners na bewerken")
    else:
        shared.updated_at = utcnow()


def publish_bundle(actor: User, bundle: Bundle) -> OpenBundle:
    require(may_curate(actor))
    if refused := bundle_sharing_refusal(bundle):
        raise refused
    shared = bundle.open_record or OpenBundle(bundle=bundle)
    _publish(shared)
    db.session.commit()
    return shared


def follow_bundle_change(bundle: Bundle) -> None:
    """After an edit of the bundle's title or introduction: withdraw the open publication when
    they now show possible residents' data, else move its `updated_at`; the caller commits."""
    shared = bundle.open_record
    if shared is None or shared.is_withdrawn:
        return
    if resident_data(bundle_texts(bundle)):
        _withdraw(shared, "mogelijke gegevens van inwoners na bewerken")
    else:
        shared.updated_at = utcnow()


def withdraw_bundle(actor: User, bundle: Bundle) -> None:
    require(may_curate(actor))
    shared = bundle.open_record
    if shared is not None and not shared.is_withdrawn:
        _withdraw(shared, "")
        db.session.commit()


def _refused(problem: str | None, texts: dict[str, str]) -> InvalidInput | None:
    found = resident_data(texts)
    if problem is None and not found:
        return None
    return InvalidInput({FIELD: problem or _("De tekst lijkt gegevens van inwoners te bevatten. "
                                             "Haal ze eerst weg; openbaar delen kan pas zonder.")},
                        findings_extra(found) if found else None)


def _publish(shared: OpenRecord) -> None:
    now = utcnow()
    if shared.id is None or shared.is_withdrawn:
        shared.published_at, shared.withdrawn_at = now, None
    shared.updated_at = now
    db.session.add(shared)
    db.session.flush()
    record(Action.OPEN_PUBLISHED, target=_subject(shared), detail=f"open id {shared.id}")


def _withdraw(shared: OpenRecord, reason: str) -> None:
    shared.withdrawn_at = shared.updated_at = utcnow()
    record(Action.OPEN_WITHDRAWN, target=_subject(shared),
           detail=f"open id {shared.id}" + (f": {reason}" if reason else ""))


def _subject(shared: OpenRecord):
    return shared.experience if isinstance(shared, OpenExperience) else shared.bundle
