"""UTC timestamps that come back timezone-aware from every database."""
from datetime import datetime, timezone

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def naive_utc(moment: datetime | None) -> datetime | None:
    """An aware datetime as naive UTC, for stores that keep no zone; naive ones pass as is."""
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment


class UTCDateTime(TypeDecorator):
    """Stores naive UTC (SQLite keeps no zone), always returns an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return naive_utc(value)

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value
