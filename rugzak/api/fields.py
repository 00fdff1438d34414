"""marshmallow fields and schema base with Dutch error messages."""
from flask_babel import lazy_gettext as _l
from marshmallow import EXCLUDE, Schema, fields, validate

from ..numbers import BIGGEST_ID

PAGE_RANGE = validate.Range(min=1, max=1_000_000,
                            error=_l("Kies een pagina van 1 tot en met 1000000."))
PER_PAGE_RANGE = validate.Range(min=1, max=100, error=_l("Kies tussen 1 en 100 per pagina."))

_COMMON = {
    "required": _l("Dit veld is verplicht."),
    "null": _l("Dit veld mag niet leeg (null) zijn."),
    "validator_failed": _l("Ongeldige waarde."),
}


class Str(fields.String):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht tekst."),
                              "invalid_utf8": _l("Verwacht geldige UTF-8-tekst.")}


class Int(fields.Integer):
    """Bounded to the database's integers (rugzak.numbers), so no number overflows a query."""

    default_error_messages = {**_COMMON, "invalid": _l("Verwacht een geheel getal."),
                              "too_large": _l("Dit getal is te groot.")}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators.insert(0, validate.Range(min=-BIGGEST_ID - 1, max=BIGGEST_ID,
                                                 error=_l("Dit getal is te groot.")))


class Float(fields.Float):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht een getal."),
                              "too_large": _l("Dit getal is te groot."),
                              "special": _l("Verwacht een getal.")}


class Bool(fields.Boolean):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht true of false.")}


class Date(fields.Date):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht een datum als JJJJ-MM-DD."),
                              "format": _l("Deze datum kan niet worden weergegeven.")}


class DateTime(fields.DateTime):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht een tijdstip (ISO 8601).")}


class List(fields.List):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht een lijst.")}


class Dict(fields.Dict):
    default_error_messages = {**_COMMON, "invalid": _l("Verwacht een object.")}


class Nested(fields.Nested):
    default_error_messages = {**_COMMON, "type": _l("Verwacht een object.")}


class DutchSchema(Schema):
    """Unknown fields (id, author, created_at…) are ignored, so a GET result can be sent back."""

    error_messages = {"type": _l("Verwacht een JSON-object."), "unknown": _l("Onbekend veld.")}

    class Meta:
        unknown = EXCLUDE


def confirm_privacy_field() -> Bool:
    """The writer's "these are not residents' data" for the resident-data check."""
    return Bool(load_default=False, load_only=True, metadata={
        "description": "true: de gevonden mogelijke gegevens van inwoners zijn dat niet"})


class ReasonSchema(DutchSchema):
    """Why something is hidden, with the writer's answer to the resident-data check."""

    reason = Str(required=True)
    confirm_privacy = confirm_privacy_field()


class FindingSchema(DutchSchema):
    """A possible piece of a resident's data found by the check (rugzak.privacy.check)."""

    field = Str()
    kind = Str()
    value = Str()
    start = Int()
    end = Int()
    context = Str()


class ErrorSchema(DutchSchema):
    """Every API error (rugzak.errors): a Dutch message, messages by field, for the
    resident-data check its findings."""

    error = Str(required=True)
    fields = fields.Dict(keys=Str(), values=Str())
    findings = List(Nested(FindingSchema))
