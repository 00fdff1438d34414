"""/beheer/bronnen: the other municipalities' Rugzak this one follows, and /andere-gemeenten: what
they share openly, read-only (issue 18)."""
from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..auth.policies import may_administer, only_if
from ..errors import InvalidInput
from ..experiences.labels import EFFECT_LABELS, KIND_LABELS
from ..extensions import db
from ..forms import keep_input
from .forms import ConfirmForm, PeerForm
from .policies import external_or_404, kept_peer_or_404, may_see_peers
from .queries import external_experiences, peers_with_counts
from .services import add_peer, remove_peer
from .sync import PeerError, problem_text, sync_in_background

bp = Blueprint("peers", __name__, url_prefix="/beheer/bronnen")
others = Blueprint("others", __name__, url_prefix="/andere-gemeenten")
QUERY_MAX = 200


@bp.get("")
@only_if(may_see_peers)
def index():
    return _index(PeerForm())


@bp.post("")
@only_if(may_administer)
def add():
    form = PeerForm()
    if form.validate_on_submit():
        try:
            peer = add_peer(current_user, form.url.data or "", form.name.data or "")
        except InvalidInput as error:
            keep_input(form, error)
        else:
            flash(_("Bron toegevoegd: %(name)s. Met „Nu ophalen” haal je meteen op wat "
                    "deze gemeente openbaar deelt.", name=peer.name), "success")
            return redirect(url_for(".index"))
    return _index(form), 422


def _index(form: PeerForm):
    return render_template("peers/index.html", peers=peers_with_counts(), form=form)


@bp.route("/<int:peer_id>/verwijderen", methods=["GET", "POST"])
def remove(peer_id: int):
    peer = kept_peer_or_404(peer_id, current_user)
    form = ConfirmForm()
    if not form.is_submitted():
        return render_template("peers/remove.html", peer=peer, form=form)
    if not form.validate():
        abort(400)
    name = peer.name
    remove_peer(current_user, peer)
    flash(_("Bron verwijderd: %(name)s. De ervaringen van deze gemeente zijn hier weg.",
            name=name), "success")
    return redirect(url_for(".index"))


@bp.post("/<int:peer_id>/ophalen")
def fetch(peer_id: int):
    peer = kept_peer_or_404(peer_id, current_user)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    name = peer.name
    db.session.commit()  # end this request's transaction: on SQLite it would hold the fetch up
    fetching = sync_in_background(peer_id)
    try:
        changes = fetching.result(timeout=current_app.config["PEER_FETCH_WAIT_SECONDS"])
    except TimeoutError:
        flash(_("Bij %(name)s wordt nog opgehaald; ververs de pagina over een minuut.",
                name=name), "info")
    except PeerError as error:
        flash(_("Ophalen bij %(name)s lukte niet: %(error)s", name=name, error=error),
              "error")
    else:
        flash(ngettext("Opgehaald bij %(name)s: %(num)d wijziging.",
                       "Opgehaald bij %(name)s: %(num)d wijzigingen.", changes, name=name),
              "success")
    return redirect(url_for(".index"))


@others.get("")
def listing():
    """What the followed municipalities share openly, newest first; `?q=` filters the texts."""
    text = request.args.get("q", "").strip()[:QUERY_MAX]
    page = db.paginate(external_experiences(text), per_page=current_app.config["PER_PAGE"],
                       error_out=False)
    return render_template("peers/others.html", page=page, text=text, kinds=KIND_LABELS)


@others.get("/<int:external_id>")
def show(external_id: int):
    return render_template("peers/external.html", external=external_or_404(external_id),
                           kinds=KIND_LABELS, effects=EFFECT_LABELS)


@bp.app_template_global("peer_problem")
def peer_problem(peer) -> str:
    """The last sync's error, in the reader's language."""
    return problem_text(peer.last_error, peer.last_error_values) if peer.last_error else ""


@bp.app_template_global("may_see_peers")
def may_see_peers_here() -> bool:
    return may_see_peers(current_user)
