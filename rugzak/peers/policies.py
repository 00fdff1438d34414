"""Who sees the peers (the core team may look) and who keeps them (the administrator)."""
from __future__ import annotations

from ..auth.models import User
from ..auth.policies import may_administer, may_keep_vocabulary, require
from ..errors import NotFound
from ..extensions import db
from .models import ExternalExperience, Peer


def may_see_peers(user: User) -> bool:
    return may_keep_vocabulary(user)  # the core team and the administrator


def kept_peer_or_404(peer_id: int, user: User) -> Peer:
    """403 for who may not keep peers, 404 for a peer that does not exist."""
    require(may_administer(user))
    peer = db.session.get(Peer, peer_id)
    if peer is None:
        raise NotFound()
    return peer


def external_or_404(external_id: int) -> ExternalExperience:
    """Everyone signed in reads what other municipalities share openly."""
    external = db.session.get(ExternalExperience, external_id)
    if external is None:
        raise NotFound()
    return external
