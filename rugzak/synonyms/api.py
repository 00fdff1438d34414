"""/api/v1/synonyms: the synonym groups, with the rules of /beheer/synoniemen."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import DateTime, DutchSchema, Int, List, Nested, Str
from ..auth.policies import require
from .models import SynonymGroup
from .policies import kept_group_or_404, may_keep_synonyms
from .queries import synonym_groups
from .services import delete_group, save_group

blp = ApiBlueprint("api_synonyms", __name__, url_prefix="/api/v1",
                   description="Synoniemen die zoeken toepast (kernteam, beheerder)")


class SynonymGroupInSchema(DutchSchema):
    members = List(Str(), required=True,
                   metadata={"description": "woorden en zinsdelen die hetzelfde betekenen"})


class SynonymGroupSchema(DutchSchema):
    id = Int()
    members = List(Str())
    created_by = Str()
    created_at = DateTime()
    updated_by = Str(allow_none=True)
    updated_at = DateTime(allow_none=True)


class SynonymGroupListSchema(DutchSchema):
    items = List(Nested(SynonymGroupSchema))


def _group(group_id: int) -> SynonymGroup:
    return kept_group_or_404(group_id, current_user)


def _may_keep() -> None:
    require(may_keep_synonyms(current_user))


def group_dict(group: SynonymGroup) -> dict:
    return {"id": group.id, "members": group.members, "created_by": group.created_by.name,
            "created_at": group.created_at,
            "updated_by": group.updated_by.name if group.updated_by else None,
            "updated_at": group.updated_at}


@blp.route("/synonyms")
class SynonymGroups(MethodView):
    @blp.response(200, SynonymGroupListSchema)
    def get(self):
        """Alle synoniemengroepen"""
        _may_keep()
        return {"items": [group_dict(group) for group in synonym_groups()]}

    @checked_first(_may_keep)
    @blp.arguments(SynonymGroupInSchema)
    @blp.response(201, SynonymGroupSchema)
    def post(self, payload):
        """Een groep toevoegen; geldt vanaf de volgende zoekvraag"""
        return group_dict(save_group(current_user, None, payload["members"]))


@blp.route("/synonyms/<int:group_id>")
class SynonymGroupItem(MethodView):
    @checked_first(_group)
    @blp.arguments(SynonymGroupInSchema)
    @blp.response(200, SynonymGroupSchema)
    def put(self, payload, group_id: int):
        """Een groep wijzigen"""
        return group_dict(save_group(current_user, _group(group_id), payload["members"]))

    @checked_first(_group)
    @blp.response(204)
    def delete(self, group_id: int):
        """Een groep verwijderen"""
        delete_group(current_user, _group(group_id))
