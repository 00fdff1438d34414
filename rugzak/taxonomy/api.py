"""/api/v1/taxonomy: the lists with their slugs, and their upkeep with the rules of /beheer."""
from __future__ import annotations

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint, checked_first
from ..api.fields import Bool, DutchSchema, Int, List, Nested, Str
from ..auth.policies import may_keep_vocabulary, require
from .policies import kept_entry_or_404, kept_kind, kept_tag_or_404
from .queries import tag_with_count, tags_with_counts, taxonomy_for_filters
from .services import EntryInput, merge_tags, rename_tag, save_entry

blp = ApiBlueprint("api_taxonomy", __name__, url_prefix="/api/v1",
                description="Afdelingen, partners, randvoorwaarden, doelen en trefwoorden")
API_KINDS = {"goals": "doelen", "conditions": "randvoorwaarden", "departments": "afdelingen",
             "partners": "partners"}


class TaxonomyItemSchema(DutchSchema):
    slug = Str()
    name = Str()
    description = Str()
    active = Bool()


class TaxonomySchema(DutchSchema):
    departments = List(Nested(TaxonomyItemSchema))
    partners = List(Nested(TaxonomyItemSchema))
    conditions = List(Nested(TaxonomyItemSchema))
    goals = List(Nested(TaxonomyItemSchema))


class TagCountSchema(DutchSchema):
    id = Int()
    name = Str()
    count = Int(metadata={"description": "gepubliceerde ervaringen die jij mag zien"})


class TagListSchema(DutchSchema):
    items = List(Nested(TagCountSchema))


class TagNameSchema(DutchSchema):
    name = Str(required=True)


class TagMergeSchema(DutchSchema):
    into = Int(required=True, metadata={"description": "id van het trefwoord dat blijft"})


class EntryInSchema(DutchSchema):
    name = Str(required=True)
    description = Str(load_default="")
    active = Bool(load_default=True)


class EntryOutSchema(DutchSchema):
    slug = Str()
    name = Str()
    description = Str()
    active = Bool()


def _tag(tag_id: int):
    return kept_tag_or_404(tag_id, current_user)


def _kind(kind: str):
    return kept_kind(API_KINDS[kind], current_user)


def _entry(kind: str, slug: str):
    return kept_entry_or_404(API_KINDS[kind], current_user, slug=slug)


def _tag_dict(tag_id: int) -> dict:
    tag, count = tag_with_count(current_user, tag_id)
    return {"id": tag.id, "name": tag.name, "count": count}


@blp.route("/taxonomy")
class Taxonomy(MethodView):
    @blp.response(200, TaxonomySchema)
    def get(self):
        """De taxonomie, met slugs om in ervaringen te gebruiken"""
        return taxonomy_for_filters()


@blp.route("/taxonomy/tags")
class Tags(MethodView):
    @blp.response(200, TagListSchema)
    def get(self):
        """Trefwoorden met het aantal ervaringen dat jij mag zien (kernteam, beheerder)"""
        require(may_keep_vocabulary(current_user))
        return {"items": [{"id": tag.id, "name": tag.name, "count": count}
                          for tag, count in tags_with_counts(current_user)]}


@blp.route("/taxonomy/tags/<int:tag_id>")
class TagItem(MethodView):
    @checked_first(_tag)
    @blp.arguments(TagNameSchema)
    @blp.response(200, TagCountSchema)
    def put(self, payload, tag_id: int):
        """Hernoemen; zoeken volgt (kernteam, beheerder)"""
        rename_tag(current_user, _tag(tag_id), payload["name"])
        return _tag_dict(tag_id)


@blp.route("/taxonomy/tags/<int:tag_id>/merge")
class TagMerge(MethodView):
    @checked_first(_tag)
    @blp.arguments(TagMergeSchema)
    @blp.response(200, TagCountSchema)
    def post(self, payload, tag_id: int):
        """Samenvoegen in `into`: dit trefwoord verdwijnt (kernteam, beheerder)"""
        source, target = _tag(tag_id), _tag(payload["into"])
        merge_tags(current_user, source, target)
        return _tag_dict(target.id)


@blp.route("/taxonomy/<any(goals, conditions, departments, partners):kind>")
class Entries(MethodView):
    @checked_first(_kind)
    @blp.arguments(EntryInSchema)
    @blp.response(201, EntryOutSchema)
    def post(self, payload, kind: str):
        """Toevoegen: doelen (kernteam, beheerder); randvoorwaarden, afdelingen, partners
        (beheerder)"""
        return entry_dict(save_entry(current_user, _kind(kind), None, EntryInput(**payload)))


@blp.route("/taxonomy/<any(goals, conditions, departments, partners):kind>/<slug>")
class EntryItem(MethodView):
    @checked_first(_entry)
    @blp.arguments(EntryInSchema)
    @blp.response(200, EntryOutSchema)
    def put(self, payload, kind: str, slug: str):
        """Wijzigen of niet meer aanbieden (active=false); oude ervaringen houden het"""
        entry_kind, entry = _entry(kind, slug)
        return entry_dict(save_entry(current_user, entry_kind, entry, EntryInput(**payload)))


def entry_dict(entry) -> dict:
    return {"slug": entry.slug, "name": entry.name,
            "description": getattr(entry, "description", ""), "active": entry.active}
