"""Column values to and from JSON and CSV text."""
from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer
from sqlalchemy.types import TypeDecorator


def _kind(column):
    kind = column.type
    return kind.impl if isinstance(kind, TypeDecorator) else kind


def to_json(column, value):
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(column, value):
    if value is None:
        return None
    kind = _kind(column)
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Integer) and not isinstance(kind, Boolean):
        return int(value)
    return value


def to_csv(column, value) -> str:
    value = to_json(column, value)
    if value is None:
        return ""
    if isinstance(_kind(column), JSON):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
