"""Snel vastleggen: every step saves the concept through the experience services (with their
checks and version check), and bookmarks the step to resume at."""
from __future__ import annotations

import re

from ..auth.models import User
from ..errors import InvalidInput
from ..experiences.models import Experience, Status
from ..experiences.services import (
    REQUIRED,
    ExperienceInput,
    add_experience,
    update_experience,
)
from ..extensions import db
from ..markdown import plain_text
from .models import CaptureProgress
from .steps import Step

TITLE_SUGGESTION_MAX = 80
FIRST_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)", re.DOTALL)


def start_capture(author: User, situation: str) -> Experience:
    """Step 1: a new concept with this situation and a title made from its first sentence."""
    data = ExperienceInput(situation=situation, title=suggested_title(situation),
                           status=Status.CONCEPT)
    _require(("situation",), data)
    experience = add_experience(author, data)
    db.session.flush()
    db.session.add(CaptureProgress(experience_id=experience.id, step=2))
    db.session.commit()
    return experience


def save_step(editor: User, experience: Experience, step: Step, changes: dict,
              version: int | None, resume_at: int, *, check_required: bool = True) -> None:
    """Save one step's answers into the concept, and remember `resume_at`. Going back
    (`check_required` off) keeps what was typed even when the step is not finished yet."""
    data = ExperienceInput.from_experience(experience)
    for name, value in changes.items():
        setattr(data, name, value)
    if check_required:
        _require(step.required, data)
    _bookmark(experience, resume_at)
    update_experience(editor, experience, data, version)


def publish(author: User, experience: Experience, changes: dict, version: int | None,
            confirm_privacy: bool) -> None:
    """The last step: publish with every check of the full form, the resident-data check
    included; the bookmark goes with the concept."""
    data = ExperienceInput.from_experience(experience)
    for name, value in changes.items():
        setattr(data, name, value)
    data.status = Status.GEPUBLICEERD
    data.confirm_privacy = confirm_privacy
    progress = db.session.get(CaptureProgress, experience.id)
    if progress is not None:
        db.session.delete(progress)
    update_experience(author, experience, data, version)


def accepted_choices(current: list[str], shown: list[str], accepted: list[str]) -> list[str]:
    """What the suggestions screen leaves: the ticked ones, and what it did not show."""
    return [value for value in current if value not in shown] + \
        [value for value in dict.fromkeys(accepted) if value in shown]


def accepted_conditions(current: dict[str, str], shown: list[str], accepted: list[str],
                        effects: dict[str, str]) -> dict[str, str]:
    kept = {slug: effect for slug, effect in current.items() if slug not in shown}
    return kept | {slug: effects.get(slug, "") for slug in accepted if slug in shown}


def suggested_title(situation: str) -> str:
    """The first sentence of the situation, cut at a word when it is long."""
    text = " ".join(plain_text(situation).split())
    found = FIRST_SENTENCE.match(text)
    sentence = (found.group(1) if found else text).rstrip(".")
    if len(sentence) <= TITLE_SUGGESTION_MAX:
        return sentence
    return sentence[:TITLE_SUGGESTION_MAX].rsplit(" ", 1)[0] + "…"


def _require(names: tuple[str, ...], data: ExperienceInput) -> None:
    """This step's question needs an answer (the full form's rule and message)."""
    missing = {name: str(REQUIRED[name]) for name in names if not getattr(data, name).strip()}
    if missing:
        raise InvalidInput(missing)


def _bookmark(experience: Experience, step: int) -> None:
    progress = db.session.get(CaptureProgress, experience.id)
    if progress is None:
        db.session.add(CaptureProgress(experience_id=experience.id, step=step))
    else:
        progress.step = step
