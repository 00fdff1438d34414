"""/api/v1/experiences: the same services and visibility rules as the HTML pages."""
from __future__ import annotations

from dataclasses import fields as dataclass_fields

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..extensions import db
from ..freshness.policies import review_state
from ..urls import external_url
from .labels import reveals_author
from .models import Experience
from .policies import editable_or_404, get_visible_or_404
from .queries import newest_first, visible_experiences
from .schemas import (
    ExperienceInSchema,
    ExperienceListArgs,
    ExperienceOutSchema,
    ExperiencePageSchema,
    ExperienceUpdateSchema,
)
from .services import ExperienceInput, create_experience, update_experience

blp = ApiBlueprint("api_experiences", __name__, url_prefix="/api/v1",
                description="Ervaringen lezen, vastleggen en bewerken")


@blp.route("/experiences")
class Experiences(MethodView):
    @blp.arguments(ExperienceListArgs, location="query")
    @blp.response(200, ExperiencePageSchema)
    def get(self, args):
        """Ervaringen die jij mag zien, nieuwste eerst"""
        query = newest_first(visible_experiences(current_user))
        page = db.paginate(query, page=args["page"], per_page=args["per_page"],
                           error_out=False)
        return {"total": page.total, "page": page.page, "pages": page.pages,
                "per_page": page.per_page, "items": [to_dict(e) for e in page.items]}

    @blp.arguments(ExperienceInSchema)
    @blp.response(201, ExperienceOutSchema)
    def post(self, payload):
        """Een ervaring vastleggen"""
        data = merge_input(ExperienceInput(), payload)
        return to_dict(create_experience(current_user, data))


@blp.route("/experiences/<int:experience_id>")
class ExperienceItem(MethodView):
    @blp.response(200, ExperienceOutSchema)
    def get(self, experience_id: int):
        """Eén ervaring"""
        return to_dict(get_visible_or_404(experience_id, current_user))

    @checked_first(lambda experience_id: editable_or_404(experience_id, current_user))
    @blp.arguments(ExperienceUpdateSchema)
    @blp.response(200, ExperienceOutSchema)
    def put(self, payload, experience_id: int):
        """Een ervaring bewerken; `version` is de versie die je bewerkte (anders 409).

        Velden die je weglaat, blijven zoals ze waren.
        """
        experience = editable_or_404(experience_id, current_user)
        version = payload.pop("version")
        data = merge_input(ExperienceInput.from_experience(experience), payload)
        return to_dict(update_experience(current_user, experience, data, version))


def merge_input(data: ExperienceInput, payload: dict) -> ExperienceInput:
    for item in dataclass_fields(ExperienceInput):
        if item.name in payload:
            value = payload[item.name]
            if item.name == "conditions":
                value = {link["condition"]: link["effect"] for link in value}
            elif value is None and item.name != "occurred_on":
                continue
            setattr(data, item.name, value)
    return data


def to_dict(experience: Experience) -> dict:
    author = experience.author
    return {
        "id": experience.id, "title": experience.title, "situation": experience.situation,
        "task": experience.task, "approach": experience.approach, "result": experience.result,
        "lesson": experience.lesson, "tip": experience.tip, "kind": experience.kind,
        "occurred_on": experience.occurred_on,
        "departments": [d.slug for d in experience.departments],
        "partners": [p.slug for p in experience.partners],
        "goals": [g.slug for g in experience.goals],
        "conditions": [{"condition": c.condition.slug, "effect": c.effect}
                       for c in experience.conditions],
        "tags": [t.name for t in experience.tags], "visibility": experience.visibility,
        "status": experience.status, "anonymous": experience.anonymous,
        "open_consent": experience.open_consent,
        "version": experience.version, "highlight_note": experience.highlight_note,
        "recognitions": experience.recognition_count,
        "author": ({"id": author.id, "name": author.name}
                   if reveals_author(experience, current_user) else None),
        "created_at": experience.created_at, "updated_at": experience.updated_at,
        "url": external_url("experiences.show", experience_id=experience.id),
        **review_state(experience),
    }
