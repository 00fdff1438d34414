"""URL converters: an id in a path fits the database's integers, or the page is not found."""
from werkzeug.exceptions import NotFound
from werkzeug.routing import IntegerConverter

from .numbers import BIGGEST_ID


class DatabaseIdConverter(IntegerConverter):
    """`<int:id>` everywhere: a number beyond BIGGEST_ID (2^31 - 1) is not found (404, where a
    rejecting converter would let werkzeug answer 405 from a sibling rule), and the OpenAPI
    document says so (flask-smorest reads `max`)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", BIGGEST_ID)
        super().__init__(map, *args, **kwargs)

    def to_python(self, value: str) -> int:
        if len(value) > len(str(BIGGEST_ID)) or int(value) > BIGGEST_ID:
            raise NotFound()
        return super().to_python(value)
