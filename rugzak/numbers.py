"""Numbers typed by people or sent by clients, bounded to what the database can hold."""
from __future__ import annotations

BIGGEST_ID = 2**63 - 1  # the largest id, page or version PostgreSQL and SQLite can store


def database_int(text: str | None) -> int | None:
    """The whole number `text` spells (digits only) when the database can hold it, else None."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(BIGGEST_ID)):
        return None
    number = int(text)
    return number if number <= BIGGEST_ID else None
