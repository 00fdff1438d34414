"""/api/v1/follows: what I follow, with the rules of the follow buttons."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint
from ..api.fields import DateTime, DutchSchema, Int, List, Nested, Str
from .labels import follow_label
from .models import Follow, FollowKind
from .policies import own_follow_or_404
from .queries import follows_of
from .services import follow, unfollow

blp = ApiBlueprint("api_follows", __name__, url_prefix="/api/v1",
                   description="Volgen: trefwoorden, randvoorwaarden, doelen, afdelingen, "
                               "partners, bundels, collega's, ervaringen en zoekopdrachten")
KINDS = [kind.value for kind in FollowKind]


class FollowInSchema(DutchSchema):
    kind = Str(required=True, metadata={"enum": KINDS})
    target = Str(required=True, metadata={
        "description": "tag: de naam; condition: de slug, of slug:hielp / slug:ontbrak; goal, "
                       "department, partner: de slug; bundle, author, experience: het nummer; "
                       "search: de zoekvraag zoals op /zoeken (q=…&goal=…), of alleen "
                       "zoekwoorden"})


class FollowSchema(DutchSchema):
    id = Int()
    kind = Str(metadata={"enum": KINDS})
    target = Str()
    name = Str(metadata={"description": "wat je volgt, in woorden"})
    url = Str(allow_none=True)
    created_at = DateTime()


class FollowListSchema(DutchSchema):
    items = List(Nested(FollowSchema))


@blp.route("/follows")
class Follows(MethodView):
    @blp.response(200, FollowListSchema)
    def get(self):
        """Wat ik volg"""
        return {"items": [follow_dict(row) for row in follows_of(current_user)]}

    @blp.arguments(FollowInSchema)
    @blp.response(201, FollowSchema)
    def post(self, payload):
        """Iets volgen (nog eens volgen geeft hetzelfde volgen terug)"""
        return follow_dict(follow(current_user, payload["kind"], payload["target"]))


@blp.route("/follows/<int:follow_id>")
class FollowItem(MethodView):
    @blp.response(204)
    def delete(self, follow_id: int):
        """Niet meer volgen"""
        unfollow(current_user, own_follow_or_404(follow_id, current_user))


def follow_dict(row: Follow) -> dict:
    label = follow_label(row, current_user)
    return {"id": row.id, "kind": row.kind, "target": row.target, "name": label.name,
            "url": label.url, "created_at": row.created_at}
