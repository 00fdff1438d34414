"""Numbers typed by people or sent by clients, bounded to what the database can hold."""
from __future__ import annotations

# the largest id, version or page: PostgreSQL's INTEGER, the type of every such column
BIGGEST_ID = 2**31 - 1


def database_int(text: str | None) -> int | None:
    """The whole number `text` spells (digits only) when the database can hold it, else None."""
    text = (text or "").strip()
    if not is_number(text) or len(text) > len(str(BIGGEST_ID)):
        return None
    number = int(text)
    return number if number <= BIGGEST_ID else None


def is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def too_big(text: str) -> bool:
    """A whole number beyond what the database can hold."""
    text = text.strip()
    return is_number(text) and database_int(text) is None
