"""API schemas; they describe types only, the services judge the content."""
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from .fields import Bool, Date, DateTime, DutchSchema, Int, List, Nested, Str

PAGE_RANGE = validate.Range(min=1, error=_l("Kies een pagina vanaf 1."))
PER_PAGE_RANGE = validate.Range(min=1, max=100, error=_l("Kies tussen 1 en 100 per pagina."))


class ConditionLinkSchema(DutchSchema):
    condition = Str(required=True, metadata={"description": "slug van de randvoorwaarde"})
    effect = Str(required=True, metadata={"description": "hielp of ontbrak"})


class ExperienceInSchema(DutchSchema):
    title = Str()
    situation = Str()
    task = Str()
    approach = Str()
    result = Str()
    lesson = Str()
    tip = Str()
    kind = Str(metadata={"description": "succes, knelpunt, les of vraag"})
    occurred_on = Date(allow_none=True)
    departments = List(Str(), metadata={"description": "slugs"})
    partners = List(Str(), metadata={"description": "slugs"})
    goals = List(Str(), metadata={"description": "slugs"})
    conditions = List(Nested(ConditionLinkSchema))
    tags = List(Str())
    visibility = Str(metadata={"description": "intern of met_partners"})
    status = Str(metadata={"description": "concept of gepubliceerd"})
    anonymous = Bool()
    confirm_privacy = Bool(load_only=True, metadata={
        "description": "true: de gevonden mogelijke gegevens van inwoners zijn dat niet"})


class ExperienceUpdateSchema(ExperienceInSchema):
    version = Int(required=True, metadata={"description": "de versie die je bewerkte"})


class AuthorSchema(DutchSchema):
    id = Int()
    name = Str()


class ExperienceOutSchema(ExperienceInSchema):
    id = Int()
    version = Int()
    author = Nested(AuthorSchema, allow_none=True,
                    metadata={"description": "null bij een anonieme ervaring"})
    highlight_note = Str(allow_none=True, metadata={"description": "null: niet uitgelicht"})
    recognitions = Int(metadata={"description": "hoeveel collega's dit herkenbaar vinden"})
    created_at = DateTime()
    updated_at = DateTime()
    url = Str()


class ExperienceListArgs(DutchSchema):
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=20, validate=PER_PAGE_RANGE)


class ExperiencePageSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    per_page = Int()
    items = List(Nested(ExperienceOutSchema))


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


class SearchArgs(DutchSchema):
    q = Str(load_default="")
    department = Str(load_default="")
    condition = Str(load_default="")
    effect = Str(load_default="")
    goal = Str(load_default="")
    kind = Str(load_default="")
    partner = Str(load_default="")
    year = Str(load_default="")
    highlighted = Str(load_default="", metadata={"description": "ja: alleen uitgelichte"})
    sort = Str(load_default="relevantie", validate=validate.OneOf(
        ["relevantie", "nieuwste", "herkenbaar"],
        error=_l("Kies sort=relevantie, sort=nieuwste of sort=herkenbaar.")))
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=10, validate=PER_PAGE_RANGE)


class SearchHitSchema(DutchSchema):
    id = Int()
    title = Str()
    snippet = Str(metadata={"description": "HTML; zoekwoorden staan in <mark>"})
    score = fields.Float()


class SearchResultSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    results = List(Nested(SearchHitSchema))
    facets = fields.Dict(keys=Str(), values=fields.Dict(keys=Str(), values=Int()),
                         metadata={"description": "per facet: waarde → aantal"})
    suggestion = Str(allow_none=True)
