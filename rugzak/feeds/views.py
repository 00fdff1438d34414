"""/feeds/<token>/…: Atom feeds for feed readers, which do not sign in. The token in the URL
is the permission: no session is read or made, the feed holds what its owner may see now.
The account page makes, shows, renews and revokes the token."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, flash, g, redirect, request, url_for
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import MESSAGES, ServiceError
from ..extensions import db
from ..i18n.locale import LANGUAGES
from ..security.throttle import limit_wait
from ..urls import external_url
from . import queries
from .atom import atom_document
from .services import (
    feed_owner_or_404,
    feed_token_text,
    make_feed_token,
    revoke_feed_token,
)

bp = Blueprint("feeds", __name__, url_prefix="/feeds/<token>")
account_bp = Blueprint("feed_token", __name__, url_prefix="/account/feedadres")
ATOM = "application/atom+xml; charset=utf-8"


@bp.get("/uitgelicht.atom")
def highlights(token: str):
    return _answer(token, queries.highlights)


@bp.get("/nieuw.atom")
def newest(token: str):
    return _answer(token, queries.newest)


@bp.get("/bundels/<int:bundle_id>.atom")
def bundle(token: str, bundle_id: int):
    return _answer(token, lambda owner: queries.bundle(owner, bundle_id))


@bp.get("/trefwoorden/<name>.atom")
def tag(token: str, name: str):
    return _answer(token, lambda owner: queries.tag(owner, name))


@bp.get("/zoeken.atom")
def search(token: str):
    return _answer(token, lambda owner: queries.search_results(owner, request.args))


def _answer(token: str, build) -> Response:
    owner = feed_owner_or_404(token)
    retry_after = limit_wait("feeds", current_app.config["FEED_REQUESTS_PER_MINUTE"], owner)
    if retry_after is not None:
        return _plain(429, str(MESSAGES[429]), {"Retry-After": str(retry_after)})
    language = owner.locale if owner.locale in LANGUAGES else str(get_locale())
    with force_locale(language):
        body = atom_document(build(owner), _own_address(), owner, language)
    return Response(body, content_type=ATOM, headers={"Cache-Control": "private, no-store"})


@bp.errorhandler(ServiceError)
def _refused(error: ServiceError) -> Response:
    """Plain text, not the error page: that page makes a session (its forms' CSRF token)."""
    db.session.rollback()
    return _plain(error.status, error.text())


def _plain(status: int, message: str, headers: dict | None = None) -> Response:
    return Response(message, status, mimetype="text/plain", headers=headers)


def _own_address() -> str:
    """This feed's address on BASE_URL, never on the Host header the reader sent."""
    return current_app.config["BASE_URL"] + request.script_root + request.full_path.rstrip("?")


@account_bp.post("/maken")
def make():
    make_feed_token(current_user._get_current_object())
    flash(_("Je feedadressen staan hieronder. Oude feedadressen werken niet meer."), "success")
    return redirect(url_for("account.index", _anchor="feeds"))


@account_bp.post("/intrekken")
def revoke():
    revoke_feed_token(current_user._get_current_object())
    flash(_("Je feedadres is ingetrokken. Je feeds werken niet meer."), "success")
    return redirect(url_for("account.index", _anchor="feeds"))


@bp.app_template_global()
def list_feed(filters) -> tuple[str, dict, str]:
    """The feed that follows the experiences list with these filters: a tag's, the
    highlights or the newest experiences (endpoint, arguments, title)."""
    if filters.tag:
        return "tag", {"name": filters.tag}, _("Trefwoord: %(name)s", name=filters.tag)
    if filters.highlighted:
        return "highlights", {}, _("Uitgelicht in Rugzak")
    return "newest", {}, _("Nieuwste ervaringen in Rugzak")


@bp.app_template_global()
def feed_url(endpoint: str, **values) -> str | None:
    """The address of one of the signed-in person's feeds, or None without a feed token."""
    if "feed_token" not in g:
        g.feed_token = feed_token_text(current_user) if current_user.is_authenticated else None
    token = g.feed_token
    return external_url(f"feeds.{endpoint}", token=token, **values) if token else None

