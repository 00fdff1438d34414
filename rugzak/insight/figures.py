"""The insight figures, each computed with SQL over a selection of visible experience ids."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import Select, func, or_, select

from ..experiences.labels import EFFECT_LABELS
from ..experiences.models import (
    Effect,
    Experience,
    ExperienceCondition,
    experience_departments,
    experience_goals,
    experience_partners,
    experience_tags,
)
from ..extensions import db
from ..search.log import SearchLog
from ..taxonomy.models import Condition, Department, Goal, Partner, Tag
from . import charts
from .quarters import Timeline, quarter_columns, quarter_label, to_quarter
from .selection import PeriodFilters, happened_on

RECENT_DAYS = 365
TOP_TAGS = 15
TOP_RECOGNISED = 10
TOP_SEARCHES = 20


@dataclass
class Figure:
    key: str
    title: str
    description: str
    columns: list[str]
    rows: list[list]
    chart: Markup

    def counted_rows(self) -> list[list]:
        """The rows that count something: at least one number in them is not 0."""
        return [row for row in self.rows
                if any(isinstance(value, int) and value for value in row[1:])]


def _listed(model, order, used: set[int]) -> list:
    """Taxonomy rows that are active or counted (retired ones stay when they carry numbers)."""
    return list(db.session.scalars(select(model).where(
        or_(model.active.is_(True), model.id.in_(used))).order_by(order)))


def conditions_by_department(ids: Select) -> Figure:
    link = experience_departments
    found = db.session.execute(
        select(ExperienceCondition.condition_id, link.c.department_id,
               ExperienceCondition.effect, func.count())
        .join(link, link.c.experience_id == ExperienceCondition.experience_id)
        .where(ExperienceCondition.experience_id.in_(ids))
        .group_by(ExperienceCondition.condition_id, link.c.department_id,
                  ExperienceCondition.effect)).all()
    counts = {(c, d, effect): n for c, d, effect, n in found}
    conditions = _listed(Condition, Condition.position, {key[0] for key in counts})
    departments = _listed(Department, Department.name, {key[1] for key in counts})
    rows = [[c.name, d.name, counts.get((c.id, d.id, Effect.HIELP), 0),
             counts.get((c.id, d.id, Effect.ONTBRAK), 0)] for c in conditions for d in departments]
    title = str(_l("Randvoorwaarden per afdeling: hielp en ontbrak"))
    scales = {Effect.HIELP: "helped", Effect.ONTBRAK: "missing"}
    columns = [charts.HeatColumn(f"{d.name} · {EFFECT_LABELS[effect]}", scales[effect])
               for d in departments for effect in scales]
    values = [[counts.get((c.id, d.id, effect), 0) for d in departments for effect in scales]
              for c in conditions]
    description = str(_l("Hoe vaak elke randvoorwaarde hielp (groenblauwe vakken) of ontbrak "
                         "(oranje vakken met een gearceerde streep), per betrokken afdeling. Een "
                         "donkerder vak betekent vaker. De cijfers staan ook in de tabel."))
    chart = charts.heat_map("fig-voorwaarden", title, description, [c.name for c in conditions],
                            columns, values, (str(_l("hielp")), str(_l("ontbrak"))))
    return Figure("randvoorwaarden-per-afdeling", title, description,
                  [str(_l("Randvoorwaarde")), str(_l("Afdeling")), str(_l("Hielp")),
                   str(_l("Ontbrak"))], rows, chart)


def _quarter_counts(ids: Select, group_column, link=None) -> dict:
    """{(group value, quarter): count} of experiences, with group_column from `link`."""
    year, month = quarter_columns()
    query = select(group_column, year, month, func.count()).select_from(Experience)
    if link is not None:
        query = query.join(link, link.c.experience_id == Experience.id)
    found = db.session.execute(query.where(Experience.id.in_(ids))
                               .group_by(group_column, year, month)).all()
    counts: dict = defaultdict(int)
    for value, y, m, n in found:
        counts[(value, to_quarter(y, m))] += n
    return counts


def _timeline(ids: Select) -> Timeline:
    year, month = quarter_columns()
    found = db.session.execute(select(year, month).where(Experience.id.in_(ids))
                               .group_by(year, month)).all()
    return Timeline(to_quarter(y, m) for y, m in found)


def _period_heading(timeline: Timeline) -> str:
    return str(_l("Jaar")) if timeline.by_year else str(_l("Kwartaal"))


def _timeline_note(timeline: Timeline) -> str:
    """What the description adds when the chart shows years, or leaves early ones out."""
    notes = []
    if timeline.by_year:
        notes.append(str(_l("De periode is lang, daarom staat er een kolom per jaar.")))
    if timeline.left_out:
        notes.append(str(_l("Ervaringen van vóór %(first)s staan niet in de grafiek en de "
                            "tabel; kies een kortere periode om ze te zien.",
                            first=quarter_label(timeline.columns[0]))))
    return "".join(" " + note for note in notes)


def conditions_per_quarter(ids: Select) -> Figure:
    year, month = quarter_columns()
    found = db.session.execute(
        select(ExperienceCondition.condition_id, ExperienceCondition.effect, year, month,
               func.count())
        .join(Experience, Experience.id == ExperienceCondition.experience_id)
        .where(Experience.id.in_(ids))
        .group_by(ExperienceCondition.condition_id, ExperienceCondition.effect, year, month)).all()
    counts: dict = defaultdict(int)
    for condition_id, effect, y, m, n in found:
        counts[(condition_id, effect, to_quarter(y, m))] += n
    timeline = _timeline(ids)
    counts, quarters = timeline.fold(counts), timeline.columns
    conditions = _listed(Condition, Condition.position, {key[0] for key in counts})
    rows = [[c.name, quarter_label(q), counts[(c.id, Effect.HIELP, q)],
             counts[(c.id, Effect.ONTBRAK, q)]] for c in conditions for q in quarters]
    title = str(_l("Randvoorwaarden per kwartaal"))
    description = str(_l("Per randvoorwaarde en per kwartaal: hoe vaak die hielp (effen groen) en "
                         "hoe vaak die ontbrak (gearceerd). Daalt ‘ontbrak’? De cijfers staan "
                         "ook in de tabel.")) + _timeline_note(timeline)
    panels = [(c.name, [(quarter_label(q), counts[(c.id, Effect.HIELP, q)],
                         counts[(c.id, Effect.ONTBRAK, q)]) for q in quarters])
              for c in conditions]
    chart = charts.paired_bars("fig-trend", title, description, panels,
                               (str(_l("hielp")), str(_l("ontbrak"))))
    return Figure("randvoorwaarden-per-kwartaal", title, description,
                  [str(_l("Randvoorwaarde")), _period_heading(timeline), str(_l("Hielp")),
                   str(_l("Ontbrak"))], rows, chart)


def goal_coverage(ids: Select, reference: date) -> Figure:
    """Experiences per goal; goals without one in the year before `reference` are flagged."""
    link = experience_goals
    found = db.session.execute(
        select(link.c.goal_id, func.count(), func.max(happened_on()))
        .join(Experience, Experience.id == link.c.experience_id)
        .where(Experience.id.in_(ids)).group_by(link.c.goal_id)).all()
    counts = {goal_id: (n, last) for goal_id, n, last in found}
    since = reference - timedelta(days=RECENT_DAYS)
    rows, items = [], []
    for goal in _listed(Goal, Goal.position, set(counts)):
        number, last = counts.get(goal.id, (0, None))
        recent = last is not None and since <= last <= reference
        rows.append([goal.name, number, last.isoformat() if last else "",
                     str(_l("ja")) if recent else str(_l("nee"))])
        items.append((goal.name, number, not recent))
    title = str(_l("Transformatiedoelen: aantal ervaringen"))
    description = str(_l("Ervaringen per transformatiedoel. Doelen zonder ervaring in het jaar "
                         "vóór %(date)s zijn gearceerd en hebben de tekst ‘geen recente "
                         "ervaring’.", date=reference.isoformat()))
    chart = charts.bar_chart("fig-doelen", title, description, items,
                             str(_l("geen recente ervaring")))
    return Figure("transformatiedoelen", title, description,
                  [str(_l("Transformatiedoel")), str(_l("Ervaringen")),
                   str(_l("Laatste ervaring")), str(_l("Recente ervaring"))], rows, chart)


def _participation(ids: Select, model, link, column, key: str, title: str,
                   label: str, ident: str) -> Figure:
    timeline = _timeline(ids)
    counts = timeline.fold(_quarter_counts(ids, column, link))
    quarters = timeline.columns
    organisations = _listed(model, model.name, {value for value, _ in counts})
    rows = [[o.name, quarter_label(q), counts[(o.id, q)]] for o in organisations
            for q in quarters]
    description = str(_l("Aantal ervaringen per kwartaal; een donkerder vak betekent meer. Het "
                         "getal staat in elk vak en in de tabel.")) + _timeline_note(timeline)
    chart = charts.heat_map(ident, title, description, [o.name for o in organisations],
                            [charts.HeatColumn(quarter_label(q)) for q in quarters],
                            [[counts[(o.id, q)] for q in quarters] for o in organisations])
    return Figure(key, title, description,
                  [label, _period_heading(timeline), str(_l("Ervaringen"))], rows, chart)


def participation_by_department(ids: Select) -> Figure:
    return _participation(ids, Department, experience_departments,
                          experience_departments.c.department_id, "deelname-afdelingen",
                          str(_l("Deelname per afdeling per kwartaal")), str(_l("Afdeling")),
                          "fig-afdelingen")


def participation_by_partner(ids: Select) -> Figure:
    return _participation(ids, Partner, experience_partners,
                          experience_partners.c.partner_id, "deelname-partners",
                          str(_l("Deelname per partnerorganisatie per kwartaal")),
                          str(_l("Partnerorganisatie")), "fig-partners")


def most_recognised(ids: Select) -> Figure:
    """The experiences in the selection that colleagues found recognisable most often."""
    found = db.session.execute(
        select(Experience.title, Experience.id, Experience.recognition_count)
        .where(Experience.id.in_(ids), Experience.recognition_count > 0)
        .order_by(Experience.recognition_count.desc(), Experience.title, Experience.id)
        .limit(TOP_RECOGNISED)).all()
    title = str(_l("Meest herkende ervaringen"))
    description = str(_l("De %(top)s ervaringen die collega’s het vaakst herkenbaar vonden, met "
                         "hoe vaak.", top=TOP_RECOGNISED))
    chart = charts.bar_chart("fig-herkend", title, description,
                             [(name, n, False) for name, _, n in found])
    return Figure("meest-herkend", title, description,
                  [str(_l("Ervaring")), str(_l("Nummer")), str(_l("Keer herkenbaar"))],
                  [[name, number, n] for name, number, n in found], chart)


def top_tags(ids: Select) -> Figure:
    found = db.session.execute(
        select(Tag.name, func.count().label("n"))
        .join(experience_tags, experience_tags.c.tag_id == Tag.id)
        .where(experience_tags.c.experience_id.in_(ids))
        .group_by(Tag.name).order_by(func.count().desc(), Tag.name).limit(TOP_TAGS)).all()
    title = str(_l("Meest gebruikte trefwoorden"))
    description = str(_l("De %(top)s trefwoorden die het vaakst bij een ervaring staan, met het "
                         "aantal ervaringen.", top=TOP_TAGS))
    chart = charts.bar_chart("fig-trefwoorden", title, description,
                             [(name, n, False) for name, n in found])
    return Figure("trefwoorden", title, description,
                  [str(_l("Trefwoord")), str(_l("Ervaringen"))],
                  [[name, n] for name, n in found], chart)


def unanswered_searches(filters: PeriodFilters) -> Figure:
    """Searches that found nothing (the log keeps no searcher, so no department applies)."""
    text = func.lower(SearchLog.query)
    query = select(text, func.count(), func.max(SearchLog.searched_on)).where(
        SearchLog.hits == 0, SearchLog.searched_on.between(filters.start, filters.end))
    found = db.session.execute(query.group_by(text).order_by(func.count().desc(), text)
                               .limit(TOP_SEARCHES)).all()
    title = str(_l("Zoekvragen zonder resultaat"))
    description = str(_l("Wat collega’s zochten maar niet vonden, vaakst gezocht eerst (in de "
                         "gekozen periode, over alle afdelingen)."))
    chart = charts.bar_chart("fig-zoekvragen", title, description,
                             [(q, n, False) for q, n, _ in found])
    return Figure("zoekvragen-zonder-resultaat", title, description,
                  [str(_l("Zoekvraag")), str(_l("Keer gezocht")), str(_l("Laatst gezocht"))],
                  [[q, n, last.isoformat()] for q, n, last in found], chart)
