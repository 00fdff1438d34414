"""Follow and unfollow buttons (forms that work without JavaScript), and what I follow."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.views import safe_next
from ..errors import InvalidInput
from ..search.engine import SearchParams
from ..search.saved import saved_form
from .labels import follow_label
from .policies import own_follow_or_404
from .queries import followed_by_me, follows_of
from .services import follow, unfollow

bp = Blueprint("follows", __name__, url_prefix="/meldingen/volgen")


@bp.get("")
def index():
    return _list_page()


@bp.post("")
def start():
    try:
        follow(current_user, request.form.get("kind", ""), request.form.get("target", ""))
    except InvalidInput as refusal:
        return _list_page(refusal.errors), 422
    flash(_("Je volgt dit nu. Nieuws erover zie je bij Meldingen."), "success")
    return _back()


@bp.post("/<int:follow_id>/stoppen")
def stop(follow_id: int):
    unfollow(current_user, own_follow_or_404(follow_id, current_user))
    flash(_("Je volgt dit niet meer."), "success")
    return _back()


def _list_page(errors: dict | None = None):
    follows = [(row, follow_label(row, current_user)) for row in follows_of(current_user)]
    return render_template("follows/index.html", follows=follows, errors=errors or {})


def _back():
    return redirect(safe_next(request.form.get("next")) or url_for(".index"))


@bp.app_template_global()
def saved_search_of(params: SearchParams) -> str:
    """What the search page's "Volg deze zoekopdracht" saves ("" for a search of everything)."""
    return saved_form(params)


@bp.app_template_global()
def my_follow_id(kind: str, target: str) -> int | None:
    """The id of the current user's follow of `target`, for the page's follow buttons."""
    return followed_by_me(current_user).get((kind, str(target)))
