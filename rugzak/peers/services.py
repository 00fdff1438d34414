"""Adding and removing peers: the administrator's use cases, also for `rugzak peers`."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit.models import Action
from ..audit.services import record
from ..auth.models import User
from ..auth.policies import may_administer, require
from ..errors import InvalidInput
from ..extensions import db
from ..search.changelog import EXTERNAL, record_changes
from .models import ExternalExperience, Peer

NAME_MAX = 200
URL_MAX = 300


def origin_of(url: str) -> str | None:
    """`https://host[:port]` of a peer's address, or None when it is no usable web address.
    A path is not kept: a Rugzak serves its open data at /open/api/v1 of its origin."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username \
            or parts.password:
        return None
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def add_peer(actor: User | None, url: str, name: str) -> Peer:
    """`actor` None: the operator on the server's command line."""
    if actor is not None:
        require(may_administer(actor))
    origin, name = origin_of(url), name.strip()
    errors = {}
    if origin is None or len(origin) > URL_MAX:
        errors["url"] = _("Geef het adres van de andere Rugzak, bijvoorbeeld "
                          "https://rugzak.leiden.nl.")
    elif db.session.scalar(select(Peer.id).where(Peer.url == origin)):
        errors["url"] = _("Deze bron volg je al.")
    if not name or len(name) > NAME_MAX:
        errors["name"] = _("Geef de bron een naam van hoogstens %(count)d tekens, bijvoorbeeld "
                           "Gemeente Leiden.", count=NAME_MAX)
    if errors:
        raise InvalidInput(errors)
    peer = Peer(url=origin, name=name)
    db.session.add(peer)
    db.session.flush()
    record(Action.PEER_ADDED, target=peer, detail=f"{name} ({origin})", actor=actor)
    db.session.commit()
    return peer


def remove_peer(actor: User | None, peer: Peer) -> None:
    if actor is not None:
        require(may_administer(actor))
    record(Action.PEER_REMOVED, target=peer, detail=f"{peer.name} ({peer.url})", actor=actor)
    record_changes(db.session, EXTERNAL, db.session.scalars(  # its copies leave the search
        select(ExternalExperience.id).where(ExternalExperience.peer_id == peer.id)).all())
    db.session.delete(peer)
    db.session.commit()


def peer_by_url(url: str) -> Peer | None:
    origin = origin_of(url)
    return db.session.scalar(select(Peer).where(Peer.url == origin)) if origin else None


def all_peers() -> list[Peer]:
    return list(db.session.scalars(select(Peer).order_by(Peer.name)))
