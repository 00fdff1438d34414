"""Signing in with the organisation account: /inloggen/organisatie sends the browser to the
provider, /inloggen/organisatie/terug takes its answer. Every failure is a Dutch page, audited.

The client (Authlib) is imported in the views, not here: a worker of an installation without
single sign-on never loads it."""
from __future__ import annotations

from typing import TYPE_CHECKING

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..audit.models import Action, Outcome
from ..audit.refusals import count_refusal
from ..audit.services import record
from ..auth.views import safe_next
from ..errors import NotFound
from ..extensions import db
from ..security.sessions import ORGANISATION_ACCOUNT_KEY, SIGN_OUT_URL_KEY, sign_in
from .services import SignInRefused, UnknownIssuer, sign_in_with
from .settings import sso_configured

if TYPE_CHECKING:
    from authlib.integrations.flask_client import OAuthError

bp = Blueprint("sso", __name__)
NEXT_KEY = "sso_next"


@bp.get("/inloggen/organisatie")
def start():
    oidc = _client()
    try:
        client = oidc.provider()
    except (UnknownIssuer, *oidc.PROVIDER_ERRORS) as error:
        return _provider_failed(error)
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    session[NEXT_KEY] = safe_next(request.args.get("next"))
    return oidc.start_sign_in(client)


@bp.get("/inloggen/organisatie/terug")
def callback():
    oidc = _client()
    try:
        client = oidc.provider()
        user = sign_in_with(oidc.issuer(), oidc.verified_claims(client))
    except SignInRefused as refused:
        return _account_refused(refused)
    except oidc.OAuthError as error:
        return _refused(_exchange_message(error), f"{error.error or 'oauth'}", 400)
    except oidc.TOKEN_ERRORS as error:
        return _refused(_("Het bewijs van je organisatieaccount klopt niet (verkeerde "
                          "uitgever, ondertekening of geldigheid). Probeer opnieuw in te "
                          "loggen; blijft dit gebeuren, meld het dan bij de beheerder."),
                        f"ID-token ongeldig: {type(error).__name__}", 400)
    except (UnknownIssuer, *oidc.PROVIDER_ERRORS) as error:
        return _provider_failed(error)
    next_page = session.get(NEXT_KEY)
    sign_in(user)
    session[ORGANISATION_ACCOUNT_KEY] = True
    session[SIGN_OUT_URL_KEY] = oidc.sign_out_url(client)
    return redirect(next_page or url_for("home.index"))


def _client():
    """rugzak.sso.client, or 404 when single sign-on is not configured."""
    if not sso_configured(current_app.config):
        raise NotFound()
    from . import client

    return client


def _exchange_message(error: OAuthError) -> str:
    if error.error == "mismatching_state":
        return _("Deze inlogpoging is verlopen of niet in deze browser begonnen. Probeer "
                 "opnieuw in te loggen.")
    return _("Je organisatieaccount heeft de inlogpoging niet bevestigd (de code is "
             "bijvoorbeeld al gebruikt of verlopen). Probeer opnieuw in te loggen.")


def _provider_failed(error: Exception):
    if isinstance(error, UnknownIssuer):
        return _refused(_("Het inlogsysteem van je organisatie noemt zich anders dan Rugzak "
                          "verwacht. Meld dit bij de beheerder van Rugzak."),
                        "onbekende uitgever in de discovery", 502)
    return _refused(_("Het inlogsysteem van je organisatie is nu niet bereikbaar. Probeer het "
                      "later opnieuw."), f"aanbieder niet bereikbaar: {type(error).__name__}", 503)


def _refused(message: str, reason: str, status: int):
    """A failed exchange with the provider: counted like every other refusal."""
    db.session.rollback()
    count_refusal(Action.REFUSED_SSO, reason)
    db.session.commit()
    return _refusal_page(message, status)


def _account_refused(refused: SignInRefused):
    """The provider vouched for the person, Rugzak says no: a failed sign-in, as with a
    password."""
    db.session.rollback()
    record(Action.SIGN_IN_FAILED, actor=None, target=refused.user, outcome=Outcome.DENIED,
           detail=f"organisatieaccount: {refused.reason}")
    db.session.commit()
    return _refusal_page(refused.message, 403)


def _refusal_page(message: str, status: int):
    session.pop(NEXT_KEY, None)
    return render_template("sso/refused.html", message=message), status
