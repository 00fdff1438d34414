"""What may be shared openly, and what the world sees: the one place these rules live.

An experience is shown openly while its open publication is not withdrawn AND it still
qualifies: the author consents, it is published, not hidden and not in the bin. The SQL
condition (`shown_clause`) and its Python twin (`is_shown`) say the same; the search index
stores the outcome per document (`open` field).
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_

from ..auth.models import User
from ..auth.policies import may_curate, require
from ..bundles.models import Bundle
from ..bundles.policies import bundle_or_404
from ..errors import NotFound
from ..experiences.models import Experience, Status, Visibility
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from .models import OpenBundle, OpenExperience

SHAREABLE_VISIBILITY = (Visibility.INTERN, Visibility.MET_PARTNERS)


def refusal(experience: Experience) -> str | None:
    """Why this experience may not be shared openly now; None when it may."""
    if not experience.open_consent:
        return str(_l("De auteur heeft geen toestemming gegeven om deze ervaring openbaar te "
                      "delen."))
    if experience.status != Status.GEPUBLICEERD:
        return str(_l("Alleen een gepubliceerde ervaring kun je openbaar delen."))
    if experience.is_hidden or experience.is_deleted:
        return str(_l("Een verborgen of verwijderde ervaring kun je niet openbaar delen."))
    if experience.visibility not in SHAREABLE_VISIBILITY:
        return str(_l("Deze ervaring kun je niet openbaar delen."))
    return None


def is_shown(experience: Experience) -> bool:
    record = experience.open_record
    return record is not None and not record.is_withdrawn and refusal(experience) is None


def is_public(shared: OpenExperience | OpenBundle) -> bool:
    """May the world read this open publication now?"""
    if isinstance(shared, OpenExperience):
        return shared.experience is not None and is_shown(shared.experience)
    return shared.bundle is not None and not shared.is_withdrawn


def shown_items(bundle: Bundle) -> list[OpenExperience]:
    """A bundle's items the world may read: those shared openly themselves, in order."""
    return [item.experience.open_record for item in bundle.items
            if is_shown(item.experience)]


def shown_clause() -> ColumnElement[bool]:
    """SQL twin of is_shown, over OpenExperience joined to its Experience."""
    return and_(OpenExperience.withdrawn_at.is_(None), Experience.open_consent.is_(True),
                Experience.status == Status.GEPUBLICEERD, Experience.hidden_at.is_(None),
                Experience.deleted_at.is_(None),
                Experience.visibility.in_(SHAREABLE_VISIBILITY))


def shared_experience_or_404(experience_id: int, user: User) -> Experience:
    """The experience the core team shares or withdraws: 404 unseen, then 403 unless curator."""
    experience = get_visible_or_404(experience_id, user)
    require(may_curate(user))
    return experience


def shared_bundle_or_404(bundle_id: int, user: User) -> Bundle:
    return bundle_or_404(bundle_id, user, keep=True)


def open_experience_or_404(open_id: int) -> OpenExperience:
    """For the world: a shown open experience, else 404 (withdrawn ones too)."""
    record = db.session.get(OpenExperience, open_id)
    if record is None or not is_public(record):
        raise NotFound()
    return record


def open_bundle_or_404(open_id: int) -> OpenBundle:
    record = db.session.get(OpenBundle, open_id)
    if record is None or not is_public(record):
        raise NotFound()
    return record
