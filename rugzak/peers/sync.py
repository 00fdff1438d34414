"""Reading a peer's open API incrementally. A peer is untrusted input: every answer is limited
in time and size, may redirect only within the peer's own origin, and is validated against a
schema before anything is kept. A sync of one peer is one transaction: a peer that answers
garbage or nothing changes nothing, and its error is kept on the peer for the administrator."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from concurrent.futures import Future
from datetime import datetime
from urllib.parse import urlencode

from flask import current_app
from flask_babel import gettext
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate
from sqlalchemy import delete, select

from ..extensions import db
from ..search.changelog import EXTERNAL, record_changes
from ..timeutil import utcnow
from .models import ExternalExperience, Peer
from .services import all_peers, origin_of

API_PATH = "/open/api/v1/experiences"
TEXT = validate.Length(max=10_000)


def N_(message: str) -> str:  # noqa: N802 - Babel's marker: extracted, translated when shown
    return message


class PeerError(Exception):
    """What went wrong with a peer: a Dutch msgid and its values, kept on the peer for
    /beheer/bronnen and `rugzak peers list`; str() translates it for the reader at hand."""

    def __init__(self, message: str, **values):
        super().__init__(message)
        self.message, self.values = message, values

    def __str__(self) -> str:
        return problem_text(self.message, self.values)


def problem_text(message: str, values: dict | None) -> str:
    return gettext(message, **(values or {}))


class _Strict(Schema):
    class Meta:
        unknown = EXCLUDE


class _Condition(_Strict):
    name = fields.String(required=True, validate=validate.Length(max=200))
    effect = fields.String(required=True, validate=validate.OneOf(["hielp", "ontbrak"]))


def _names():
    return fields.List(fields.String(validate=validate.Length(max=200)),
                       load_default=list, validate=validate.Length(max=50))


class _Item(_Strict):
    id = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False,
                     validate=validate.Length(max=500))
    title = fields.String(required=True, validate=validate.Length(min=1, max=200))
    situation = fields.String(required=True, validate=TEXT)
    task = fields.String(load_default="", validate=TEXT)
    approach = fields.String(load_default="", validate=TEXT)
    result = fields.String(load_default="", validate=TEXT)
    lesson = fields.String(required=True, validate=TEXT)
    tip = fields.String(load_default="", validate=TEXT)
    kind = fields.String(required=True, validate=validate.OneOf(
        ["succes", "knelpunt", "les", "vraag"]))
    occurred_in = fields.String(load_default=None, allow_none=True,
                                validate=validate.Regexp(r"^\d{4}-\d{2}$"))
    author = fields.String(required=True, validate=validate.Length(max=300))
    departments = _names()
    goals = _names()
    tags = _names()
    conditions = fields.List(fields.Nested(_Condition), load_default=list,
                             validate=validate.Length(max=50))
    licence = fields.String(load_default="", validate=validate.Length(max=200))
    updated_at = fields.AwareDateTime(required=True, default_timezone=None)


class _Tombstone(_Strict):
    id = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    withdrawn_at = fields.AwareDateTime(required=True, default_timezone=None)


class _Page(_Strict):
    items = fields.List(fields.Nested(_Item), required=True, validate=validate.Length(max=100))
    withdrawn = fields.List(fields.Nested(_Tombstone), load_default=list,
                            validate=validate.Length(max=100))
    page = fields.Integer(required=True, strict=True)
    pages = fields.Integer(required=True, strict=True)


class _SameOrigin(urllib.request.HTTPRedirectHandler):
    def __init__(self, origin: str):
        self.origin = origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if origin_of(newurl) != self.origin:
            raise PeerError(N_("doorverwezen naar een ander adres (%(origin)s)"),
                            origin=str(origin_of(newurl)))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_json(origin: str, url: str) -> object:
    """The JSON at `url`, read only from `origin` (redirects included), within the limits."""
    config = current_app.config
    opener = urllib.request.build_opener(_SameOrigin(origin))
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with opener.open(request, timeout=config["PEER_TIMEOUT_SECONDS"]) as answer:
            body = answer.read(config["PEER_MAX_BYTES"] + 1)
    except urllib.error.HTTPError as error:
        raise PeerError(N_("antwoordde %(status)s"), status=error.code) from None
    except (urllib.error.URLError, OSError) as error:  # refused, unreachable, timed out
        raise PeerError(N_("geen antwoord (%(reason)s)"),
                        reason=str(getattr(error, "reason", error))) from None
    if len(body) > config["PEER_MAX_BYTES"]:
        raise PeerError(N_("antwoord groter dan %(limit)s bytes"), limit=config["PEER_MAX_BYTES"])
    try:
        return json.loads(body)
    except ValueError:
        raise PeerError(N_("antwoord is geen geldige JSON")) from None


def sync_all() -> list[tuple[Peer, int | PeerError]]:
    """Sync every peer; per peer its number of changes or its error. One peer's failure
    does not stop the others."""
    outcomes: list[tuple[Peer, int | PeerError]] = []
    for peer in all_peers():
        try:
            outcomes.append((peer, sync_peer(peer)))
        except PeerError as error:
            outcomes.append((peer, error))
    return outcomes


def sync_in_background(peer_id: int) -> Future:
    """Sync one peer in a thread of this process, so that a web request need not wait for a
    slow peer: the Future holds its number of changes or its error."""
    app, done = current_app._get_current_object(), Future()

    def run() -> None:
        with app.app_context():
            try:
                peer = db.session.get(Peer, peer_id)
                done.set_result(sync_peer(peer) if peer is not None else 0)
            except BaseException as error:  # noqa: BLE001 - handed to whoever waits
                done.set_exception(error)
            finally:
                db.session.remove()

    threading.Thread(target=run, name="rugzak-peer-fetch", daemon=True).start()
    return done


def sync_peer(peer: Peer) -> int:
    """Apply what changed at the peer since the last sync; the number of changes. On any
    problem nothing is kept but the error (PeerError is raised after it is stored).

    Every page is read and checked before the database is touched, and no transaction is
    open while the peer answers (or does not)."""
    url, since = peer.url, peer.synced_until
    db.session.commit()
    try:
        pages = _read_pages(url, since)
    except PeerError as error:
        peer.last_error, peer.last_error_values = error.message, error.values
        db.session.commit()
        raise
    changes, until = _apply(peer, pages)
    peer.synced_until, peer.last_synced_at = until, utcnow()
    peer.last_error = peer.last_error_values = None
    db.session.commit()
    return changes


def _read_pages(url: str, since: datetime | None) -> list[dict]:
    pages, number = [], 1
    while number <= current_app.config["PEER_MAX_PAGES"]:
        pages.append(_page(url, since, number))
        if number >= pages[-1]["pages"]:
            break
        number += 1
    return pages


def _apply(peer: Peer, pages: list[dict]) -> tuple[int, datetime | None]:
    until, changes = peer.synced_until, 0
    for page in pages:
        kept = [_keep(peer, item) for item in page["items"]]
        db.session.flush()
        record_changes(db.session, EXTERNAL, [row.id for row in kept])  # the search follows
        moments = [entry["updated_at"] for entry in page["items"]] + [
            entry["withdrawn_at"] for entry in page["withdrawn"]]
        until = max([until, *moments] if until else moments, default=None)
        removed = [tombstone["id"] for tombstone in page["withdrawn"]]
        if removed:
            record_changes(db.session, EXTERNAL, db.session.scalars(
                delete(ExternalExperience).where(
                    ExternalExperience.peer_id == peer.id,
                    ExternalExperience.remote_id.in_(removed))
                .returning(ExternalExperience.id)).all())
        changes += len(page["items"]) + len(removed)
    return changes, until


def _page(url: str, since: datetime | None, number: int) -> dict:
    query = {"page": number, "per_page": 100}
    if since is not None:
        query["updated_since"] = since.isoformat()
    try:
        return _Page().load(fetch_json(url, f"{url}{API_PATH}?{urlencode(query)}"))
    except ValidationError as error:
        raise PeerError(N_("antwoord past niet in het schema: %(fields)s"),
                        fields=str(sorted(error.messages))) from None


def _keep(peer: Peer, item: dict) -> ExternalExperience:
    row = db.session.scalar(select(ExternalExperience).where(
        ExternalExperience.peer_id == peer.id, ExternalExperience.remote_id == item["id"]))
    if row is None:
        row = ExternalExperience(peer=peer, remote_id=item["id"])
        db.session.add(row)
    for name in ("url", "title", "situation", "task", "approach", "result", "lesson", "tip",
                 "kind", "occurred_in", "author", "updated_at"):
        setattr(row, name, item[name])
    row.facts = {name: item[name] for name in (
        "departments", "goals", "tags", "conditions", "licence")}
    return row
