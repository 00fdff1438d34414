"""marshmallow fields and schema base with Dutch error messages."""
from marshmallow import EXCLUDE, Schema, fields

_COMMON = {
    "required": "Dit veld is verplicht.",
    "null": "Dit veld mag niet leeg (null) zijn.",
    "validator_failed": "Ongeldige waarde.",
}


class Str(fields.String):
    default_error_messages = {**_COMMON, "invalid": "Verwacht tekst.",
                              "invalid_utf8": "Verwacht geldige UTF-8-tekst."}


class Int(fields.Integer):
    default_error_messages = {**_COMMON, "invalid": "Verwacht een geheel getal.",
                              "too_large": "Dit getal is te groot."}


class Bool(fields.Boolean):
    default_error_messages = {**_COMMON, "invalid": "Verwacht true of false."}


class Date(fields.Date):
    default_error_messages = {**_COMMON, "invalid": "Verwacht een datum als JJJJ-MM-DD.",
                              "format": "Deze datum kan niet worden weergegeven."}


class DateTime(fields.DateTime):
    default_error_messages = {**_COMMON, "invalid": "Verwacht een tijdstip (ISO 8601)."}


class List(fields.List):
    default_error_messages = {**_COMMON, "invalid": "Verwacht een lijst."}


class Nested(fields.Nested):
    default_error_messages = {**_COMMON, "type": "Verwacht een object."}


class DutchSchema(Schema):
    """Unknown fields (id, author, created_at…) are ignored, so a GET result can be sent back."""

    error_messages = {"type": "Verwacht een JSON-object.", "unknown": "Onbekend veld."}

    class Meta:
        unknown = EXCLUDE
