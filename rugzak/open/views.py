"""Two doors: the pages for the world (blueprint `open`, no sign-in, no cookies) and the
core team's preview-then-confirm pages for sharing (blueprint `open_sharing`)."""
from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import InvalidInput
from ..search.engine import SearchParams, search_open
from .catalogue import catalogue
from .feed import atom_feed
from .forms import ConfirmForm
from .labels import bundle_view, licence, municipality, world_view
from .policies import (
    open_bundle_or_404,
    open_experience_or_404,
    shared_bundle_or_404,
    shared_experience_or_404,
)
from .queries import shown_bundles, shown_by_experience
from .services import (
    bundle_sharing_refusal,
    publish_bundle,
    publish_experience,
    sharing_refusal,
    withdraw_bundle,
    withdraw_experience,
)

bp = Blueprint("open", __name__)
sharing = Blueprint("open_sharing", __name__)
PER_PAGE = 20


# -- for the world -------------------------------------------------------------------------------
@bp.get("/open")
def index():
    params = SearchParams.from_args(request.args)
    try:
        outcome = search_open(params, per_page=PER_PAGE)
    except InvalidInput as refused:
        return render_template("open/index.html", params=params, errors=refused.errors), 422
    shown = shown_by_experience([hit.id for hit in outcome.hits])
    results = [(hit, world_view(shown[hit.id].experience, shown[hit.id]))
               for hit in outcome.hits if hit.id in shown]
    return render_template("open/index.html", params=params, outcome=outcome, results=results,
                           bundles=[bundle_view(b.bundle, b) for b in shown_bundles()]
                           if params.page == 1 and not params.q else [])


@bp.get("/open/<int:open_id>")
def item(open_id: int):
    shared = open_experience_or_404(open_id)
    return render_template("open/item.html", view=world_view(shared.experience, shared))


@bp.get("/open/bundels/<int:open_id>")
def bundle(open_id: int):
    shared = open_bundle_or_404(open_id)
    return render_template("open/bundle.html", view=bundle_view(shared.bundle, shared))


@bp.get("/open/feed.atom")
def feed():
    return Response(atom_feed(), mimetype="application/atom+xml")


@bp.get("/open/catalogus.jsonld")
def catalogue_document():
    return Response(json.dumps(catalogue(), ensure_ascii=False, indent=1),
                    mimetype="application/ld+json")


# -- for the core team: preview, confirm, withdraw -----------------------------------------------
@sharing.route("/ervaringen/<int:experience_id>/openbaar", methods=["GET", "POST"])
def share_experience(experience_id: int):
    experience = shared_experience_or_404(experience_id, current_user)
    form = ConfirmForm()
    back = url_for("experiences.show", experience_id=experience_id)
    if form.validate_on_submit():
        try:
            publish_experience(current_user, experience)
        except InvalidInput as refused:
            return _preview(form, "experience", world_view(experience), refused, back), 422
        flash(_("De ervaring is openbaar gedeeld."), "success")
        return redirect(back)
    return _preview(form, "experience", world_view(experience, experience.open_record),
                    sharing_refusal(experience), back, experience.open_record)


@sharing.post("/ervaringen/<int:experience_id>/openbaar/intrekken")
def withdraw_experience_page(experience_id: int):
    withdraw_experience(current_user, shared_experience_or_404(experience_id, current_user))
    flash(_("De ervaring wordt niet meer openbaar gedeeld."), "success")
    return redirect(url_for("experiences.show", experience_id=experience_id))


@sharing.route("/bundels/<int:bundle_id>/openbaar", methods=["GET", "POST"])
def share_bundle(bundle_id: int):
    bundle_row = shared_bundle_or_404(bundle_id, current_user)
    form = ConfirmForm()
    back = url_for("bundles.show", bundle_id=bundle_id)
    if form.validate_on_submit():
        try:
            publish_bundle(current_user, bundle_row)
        except InvalidInput as refused:
            return _preview(form, "bundle", bundle_view(bundle_row), refused, back), 422
        flash(_("De bundel is openbaar gedeeld."), "success")
        return redirect(back)
    return _preview(form, "bundle", bundle_view(bundle_row, bundle_row.open_record),
                    bundle_sharing_refusal(bundle_row), back, bundle_row.open_record)


@sharing.post("/bundels/<int:bundle_id>/openbaar/intrekken")
def withdraw_bundle_page(bundle_id: int):
    withdraw_bundle(current_user, shared_bundle_or_404(bundle_id, current_user))
    flash(_("De bundel wordt niet meer openbaar gedeeld."), "success")
    return redirect(url_for("bundles.show", bundle_id=bundle_id))


def _preview(form, kind: str, view: dict, refused: InvalidInput | None, back: str,
             shared=None):
    refused = refused or InvalidInput({})
    return render_template("open/preview.html", form=form, kind=kind, view=view,
                           problem=refused.errors.get("open"),
                           findings=refused.extra.get("findings", []), back=back,
                           shared=shared if shared is not None and not shared.is_withdrawn
                           else None)


@bp.app_template_global()
def open_municipality() -> str:
    return municipality()


@bp.app_template_global()
def open_licence() -> dict[str, str]:
    return licence()
