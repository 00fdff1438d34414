"""Use cases for experiences; the HTML views and the API both call these."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.exc import StaleDataError

from ..auth.models import User
from ..dates import occurred_problem
from ..errors import InvalidInput, StaleVersion
from ..extensions import db
from ..notifications.services import experience_published
from ..open.services import follow_change
from ..privacy.check import findings_extra
from ..privacy.findings import screen, store_confirmed
from ..privacy.scanner import Finding
from ..revisions.recording import keep_baseline, record_revision
from ..taxonomy.models import Condition, Department, Goal, Partner, Tag
from ..text import normalise_tag
from ..timeutil import utcnow
from .models import (
    TEXT_SECTIONS,
    Effect,
    Experience,
    ExperienceCondition,
    Kind,
    Status,
    Visibility,
)
from .policies import ensure_may_edit

TITLE_MAX = 200
SECTION_MAX = 10_000
TAG_MAX = 60
TAGS_MAX = 15
REQUIRED = {"title": _l("Vul een titel in."), "situation": _l("Vul de situatie in."),
            "lesson": _l("Vul de les in.")}
# A concept may still lack its lesson (Snel vastleggen saves one question at a time);
# publishing needs every required field.
DRAFT_REQUIRED = ("title", "situation")


@dataclass
class ExperienceInput:
    """What a user submits for an experience, already parsed into Python types."""

    title: str = ""
    situation: str = ""
    task: str = ""
    approach: str = ""
    result: str = ""
    lesson: str = ""
    tip: str = ""
    kind: str = Kind.LES
    occurred_on: date | None = None
    departments: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    conditions: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    visibility: str = Visibility.INTERN
    status: str = Status.CONCEPT
    anonymous: bool = False
    open_consent: bool = False  # "mag openbaar gedeeld worden" (rugzak/open)
    confirm_privacy: bool = False  # "these are not residents' data" (rugzak/privacy/check.py)

    @classmethod
    def from_experience(cls, experience: Experience) -> "ExperienceInput":
        return cls(
            title=experience.title, situation=experience.situation, task=experience.task,
            approach=experience.approach, result=experience.result, lesson=experience.lesson,
            tip=experience.tip, kind=experience.kind, occurred_on=experience.occurred_on,
            departments=[d.slug for d in experience.departments],
            partners=[p.slug for p in experience.partners],
            goals=[g.slug for g in experience.goals],
            conditions={c.condition.slug: c.effect for c in experience.conditions},
            tags=[t.name for t in experience.tags], visibility=experience.visibility,
            status=experience.status, anonymous=experience.anonymous,
            open_consent=experience.open_consent,
        )


def create_experience(author: User, data: ExperienceInput) -> Experience:
    experience = add_experience(author, data)
    if experience.is_published:
        experience_published(author, experience)
    db.session.commit()
    return experience


def add_experience(author: User, data: ExperienceInput, *, historic: bool = False,
                   confirmed_by: User | None = None) -> Experience:
    """create_experience without the commit, for an import that saves many rows at once;
    `historic` rows may name retired taxonomy entries (see _lookup); `confirmed_by` confirmed
    the row's resident-data findings when that was not its author (the importing beheerder)."""
    experience = Experience(author=author)
    _apply(experience, data, author, historic, confirmed_by)
    db.session.add(experience)
    record_revision(experience, author)
    return experience


def update_experience(editor: User, experience: Experience, data: ExperienceInput,
                      version: int | None, restored_from: int | None = None) -> Experience:
    """Save an edit made from `version`; raise StaleVersion when someone saved in between.

    The previous version stays available as a revision; `restored_from` names the revision
    this save brings back.
    """
    ensure_may_edit(editor, experience)
    if version != experience.version:
        raise StaleVersion(experience)
    keep_baseline(experience)
    first_publication = experience.published_at is None
    _apply(experience, data, editor)
    try:
        record_revision(experience, editor, restored_from)
        if first_publication and experience.is_published:
            experience_published(editor, experience)
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleVersion(db.session.get(Experience, experience.id)) from None
    return experience


def find_problems(editor: User, data: ExperienceInput, experience: Experience | None = None,
                  *, historic: bool = False) -> InvalidInput | None:
    """Every problem with `data`, as the refusal saving it would raise; None when it can be
    saved. Nothing is changed."""
    try:
        _checked(data, experience or Experience(author=editor), editor, historic)
    except InvalidInput as problems:
        return problems
    return None


def _normalise(data: ExperienceInput, experience: Experience, editor: User) -> None:
    """Ignore what the editor may not set; normalise tags."""
    if editor.id != experience.author.id:  # status, anonymity, consent: the author's alone
        data.status, data.anonymous = experience.status, experience.anonymous
        data.open_consent = bool(experience.open_consent)
    if experience.author.is_partner:
        data.visibility = Visibility.MET_PARTNERS
    data.tags = [tag for tag in dict.fromkeys(map(normalise_tag, data.tags)) if tag]


def _checked(data: ExperienceInput, experience: Experience, editor: User,
             historic: bool = False) -> tuple[dict, list[Finding]]:
    """The taxonomy rows `data` names and the confirmed findings of the resident-data check;
    raises InvalidInput with every problem at once."""
    _normalise(data, experience, editor)
    resolved, errors = _resolve(data, experience, historic)
    errors.update(_validate_fields(data))
    if any(text_length(text) > SECTION_MAX for text in texts_of(data).values()):
        raise InvalidInput(errors)  # shortened first, then checked: megabytes cost seconds
    try:
        findings = _screened(data, experience)
    except InvalidInput as unconfirmed:
        raise InvalidInput(errors | unconfirmed.errors, unconfirmed.extra) from None
    if errors:
        raise InvalidInput(errors, findings_extra(findings) if findings else None)
    return resolved, findings


def _screened(data: ExperienceInput, experience: Experience) -> list[Finding]:
    """Drafts are only seen by their author: the resident-data check waits for publishing."""
    if data.status != Status.GEPUBLICEERD:
        return []
    return screen(texts_of(data), data.confirm_privacy, experience)


def texts_of(data: ExperienceInput) -> dict[str, str]:
    """The free texts of an experience by field name, as the resident-data check reads them."""
    texts = {"title": data.title}
    texts.update({name: getattr(data, name) for name in TEXT_SECTIONS})
    texts["tags"] = ", ".join(data.tags)
    return texts


def _apply(experience: Experience, data: ExperienceInput, editor: User,
           historic: bool = False, confirmed_by: User | None = None) -> None:
    """Check everything, then change the row in one go: one UPDATE, one version step."""
    resolved, findings = _checked(data, experience, editor, historic)
    tags = _tags(data.tags)
    with db.session.no_autoflush:
        for name in ("title", "situation", "task", "approach", "result", "lesson", "tip"):
            setattr(experience, name, getattr(data, name).strip())
        experience.kind = data.kind
        experience.occurred_on = data.occurred_on
        experience.visibility = data.visibility
        experience.status = data.status
        experience.anonymous = data.anonymous
        experience.open_consent = data.open_consent
        experience.departments = resolved["departments"]
        experience.partners = resolved["partners"]
        experience.goals = resolved["goals"]
        experience.tags = tags
        _set_conditions(experience, resolved["conditions"])
        experience.updated_at = utcnow()
        if experience.status == Status.GEPUBLICEERD and experience.published_at is None:
            experience.published_at = experience.updated_at
    store_confirmed(experience, findings, confirmed_by or editor)
    follow_change(experience)


def text_length(text: str) -> int:
    """Characters as the form's maxlength counts them: a line break is one, also as CR LF."""
    return len(text.replace("\r\n", "\n"))


def _validate_fields(data: ExperienceInput) -> dict[str, str]:
    errors = {}
    for name in required_fields(data.status):
        if not getattr(data, name).strip():
            errors[name] = str(REQUIRED[name])
    if text_length(data.title) > TITLE_MAX:
        errors["title"] = _("De titel mag hoogstens %(count)d tekens hebben.", count=TITLE_MAX)
    for name in ("situation", "task", "approach", "result", "lesson", "tip"):
        if text_length(getattr(data, name)) > SECTION_MAX:
            errors[name] = _("Dit deel mag hoogstens %(count)d tekens hebben.",
                             count=SECTION_MAX)
    if data.kind not in set(Kind):
        errors["kind"] = _("Kies wat voor ervaring het is: succes, knelpunt, les of vraag.")
    if data.visibility not in set(Visibility):
        errors["visibility"] = _("Kies of de ervaring intern blijft of met partners gedeeld "
                                 "wordt.")
    if data.status not in set(Status):
        errors["status"] = _("Kies of je de ervaring als concept bewaart of publiceert.")
    if problem := occurred_problem(data.occurred_on):
        errors["occurred_on"] = problem
    if len(data.tags) > TAGS_MAX:
        errors["tags"] = _("Gebruik hoogstens %(count)d trefwoorden.", count=TAGS_MAX)
    elif any(len(tag) > TAG_MAX for tag in data.tags):
        errors["tags"] = _("Een trefwoord mag hoogstens %(count)d tekens hebben.",
                           count=TAG_MAX)
    return errors


def required_fields(status: str) -> tuple[str, ...]:
    """The texts an experience needs before it can be saved with `status`."""
    return DRAFT_REQUIRED if status == Status.CONCEPT else tuple(REQUIRED)


def _resolve(data: ExperienceInput, experience: Experience,
             historic: bool) -> tuple[dict, dict[str, str]]:
    """Turn slugs into rows; retired entries stay allowed where the experience already has them,
    and in historic rows (an import of what happened before they were retired)."""
    errors: dict[str, str] = {}
    resolved = {}
    lists = {"departments": (Department, _l("Onbekende afdeling: %(slugs)s.")),
             "partners": (Partner, _l("Onbekende partnerorganisatie: %(slugs)s.")),
             "goals": (Goal, _l("Onbekend transformatiedoel: %(slugs)s."))}
    for name, (model, message) in lists.items():
        kept = {item.slug for item in getattr(experience, name, None) or []}
        rows, unknown = _lookup(model, getattr(data, name), kept, historic)
        resolved[name] = rows
        if unknown:
            errors[name] = str(message) % {"slugs": ", ".join(sorted(unknown))}
    kept = {c.condition.slug for c in experience.conditions or []}
    rows, unknown = _lookup(Condition, list(data.conditions), kept, historic)
    if unknown:
        errors["conditions"] = _("Onbekende randvoorwaarde: %(slugs)s.",
                                 slugs=", ".join(sorted(unknown)))
    elif any(effect not in set(Effect) for effect in data.conditions.values()):
        errors["conditions"] = _("Kies per randvoorwaarde of die hielp of ontbrak.")
    resolved["conditions"] = [(row, data.conditions[row.slug]) for row in rows]
    return resolved, errors


def _lookup(model, slugs: list[str], kept: set[str],
            historic: bool) -> tuple[list, set[str]]:
    wanted = list(dict.fromkeys(slugs))
    if not wanted:
        return [], set()
    rows = db.session.scalars(select(model).where(model.slug.in_(wanted))).all()
    usable = [row for row in rows if row.active or historic or row.slug in kept]
    return usable, set(wanted) - {row.slug for row in usable}


def _tags(names: list[str]) -> list[Tag]:
    """Find or create the tags. Two saves may introduce the same new tag at once: an insert
    that skips names that exist (or are being committed) instead of failing on the unique
    name."""
    if not names:
        return []
    dialect = db.session.get_bind().dialect.name
    insert = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}[dialect]
    db.session.execute(insert(Tag).values([{"name": name} for name in names])
                       .on_conflict_do_nothing(index_elements=[Tag.name]))
    found = {t.name: t for t in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    return [found[name] for name in names]


def _set_conditions(experience: Experience, wanted: list[tuple[Condition, str]]) -> None:
    current = {link.condition_id: link for link in experience.conditions}
    links = []
    for condition, effect in wanted:
        link = current.get(condition.id) or ExperienceCondition(condition=condition)
        link.effect = effect
        links.append(link)
    experience.conditions = links
