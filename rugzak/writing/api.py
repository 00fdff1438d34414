"""/api/v1/writing/check: the plain-language advice of the experience form, for the live
script and for other clients. Nothing is stored."""
from __future__ import annotations

from dataclasses import asdict

from flask.views import MethodView
from flask_login import current_user

from ..api.blueprint import ApiBlueprint
from ..api.fields import Dict, DutchSchema, Float, Int, List, Nested, Str
from ..experiences.models import TEXT_SECTIONS
from .analysis import Analysis
from .labels import advice
from .services import check_sections

blp = ApiBlueprint("api_writing", __name__, url_prefix="/api/v1",
                   description="Schrijfhulp: advies voor eenvoudige taal (B1)")


class WritingCheckInSchema(DutchSchema):
    texts = Dict(keys=Str(), values=Str(), required=True, metadata={
        "description": "Tekst per deel (Markdown), met als sleutel een van: "
                       + ", ".join(TEXT_SECTIONS)})


class LongSentenceSchema(DutchSchema):
    opening = Str(metadata={"description": "de eerste woorden van de zin"})
    words = Int()


class OfficialeseSchema(DutchSchema):
    phrase = Str()
    plain = Str(metadata={"description": "het eenvoudiger alternatief"})


class SectionAdviceSchema(DutchSchema):
    words = Int()
    sentences = Int()
    syllables = Int()
    flesch_douma = Float(allow_none=True,
                         metadata={"description": "leeg bij minder dan 10 woorden"})
    level = Str(allow_none=True, metadata={"description": "goed (B1), redelijk of lastig"})
    long_sentences = List(Nested(LongSentenceSchema))
    long_words = List(Str())
    officialese = List(Nested(OfficialeseSchema))
    summary = Str(metadata={"description": "de samenvatting in de taal van de gebruiker"})
    lines = List(Str(), metadata={"description": "de adviezen in de taal van de gebruiker"})


class WritingCheckSchema(DutchSchema):
    sections = Dict(keys=Str(), values=Nested(SectionAdviceSchema))


@blp.route("/writing/check")
class WritingCheck(MethodView):
    @blp.arguments(WritingCheckInSchema)
    @blp.response(200, WritingCheckSchema)
    def post(self, payload):
        """Leesbaarheid, lange zinnen en woorden, en ambtelijke taal per tekstdeel"""
        checked = check_sections(current_user, payload["texts"])
        return {"sections": {name: section_dict(analysis) for name, analysis in checked.items()}}


def section_dict(analysis: Analysis) -> dict:
    return {**asdict(analysis), "flesch_douma": analysis.flesch_douma, "level": analysis.level,
            **advice(analysis)}
