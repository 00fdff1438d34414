"""The search log keeps no one's identity, but a query may name someone: colleagues look for
a person's lessons by name. At erasure, queries naming the person go: this process's waiting
searches are written first, so they go too; another worker's searches of the last
SEARCH_LOG_FLUSH_SECONDS may still arrive after the erasure."""
from __future__ import annotations

from sqlalchemy import delete

from ..auth.models import User
from ..extensions import db
from ..personal_data import user_erasing
from ..privacy.names import mentions_any, name_parts
from .log import SearchLog, flush_search_log


@user_erasing.connect
def forget_searches_for(user: User, **_options) -> None:
    flush_search_log()
    words = {user.email, user.name.strip(), *name_parts(user.name)} - {""}
    db.session.execute(delete(SearchLog).where(mentions_any(SearchLog.query, words)))
