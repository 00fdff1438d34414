"""API schemas; they describe types only, the services judge the content."""

from ..api.fields import (
    PAGE_RANGE,
    PER_PAGE_RANGE,
    Bool,
    Date,
    DateTime,
    DutchSchema,
    Int,
    List,
    Nested,
    Str,
)


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
    open_consent = Bool(metadata={
        "description": "mag openbaar gedeeld worden (standaard false); false trekt het "
                       "openbaar delen in"})
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
    review_due = Bool(metadata={"description": "vraagt nu „Klopt dit nog?”"})
    confirmed_at = DateTime(allow_none=True, metadata={
        "description": "laatst bevestigd als nog actueel"})
    historical_since = DateTime(allow_none=True, metadata={
        "description": "historisch sinds; null: actueel"})


class ExperienceListArgs(DutchSchema):
    page = Int(load_default=1, validate=PAGE_RANGE)
    per_page = Int(load_default=20, validate=PER_PAGE_RANGE)


class ExperiencePageSchema(DutchSchema):
    total = Int()
    page = Int()
    pages = Int()
    per_page = Int()
    items = List(Nested(ExperienceOutSchema))
