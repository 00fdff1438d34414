"""/bundels: read what you may see; the core team creates, fills, orders and annotates."""
from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import may_curate, only_if, require
from ..auth.views import safe_next
from ..errors import InvalidInput
from ..experiences.policies import get_visible_or_404
from ..extensions import db
from ..forms import keep_input
from ..numbers import database_int
from ..privacy.check import CONFIRM_FIELD
from .forms import AddToBundleForm, BundleForm, NoteForm
from .models import Bundle
from .policies import bundle_or_404, kept_item_or_404
from .queries import readable_bundles, visible_counts, visible_items
from .services import (
    BundleInput,
    add_item,
    change_note,
    create_bundle,
    move_item,
    remove_item,
    update_bundle,
)

bp = Blueprint("bundles", __name__, url_prefix="/bundels")
HOME_COUNT = 5


@bp.get("")
def index():
    bundles = db.session.scalars(readable_bundles(current_user)).all()
    return render_template("bundles/index.html", bundles=bundles,
                           counts=visible_counts(bundles, current_user))


@bp.route("/nieuw", methods=["GET", "POST"])
@only_if(may_curate)
def new():
    form = BundleForm()
    findings = None
    if form.validate_on_submit():
        try:
            bundle = create_bundle(current_user, _input_of(form))
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            flash(_("De bundel is gemaakt. Voeg ervaringen toe vanaf een ervaring of vanuit "
                    "zoeken."), "success")
            return redirect(url_for(".show", bundle_id=bundle.id))
    return _form_page(form, None, findings)


@bp.get("/<int:bundle_id>")
def show(bundle_id: int):
    bundle = bundle_or_404(bundle_id, current_user)
    return render_template("bundles/show.html", bundle=bundle,
                           items=visible_items(bundle, current_user),
                           may_keep=may_curate(current_user))


@bp.route("/<int:bundle_id>/bewerken", methods=["GET", "POST"])
def edit(bundle_id: int):
    bundle = bundle_or_404(bundle_id, current_user, keep=True)
    form = BundleForm(obj=bundle)
    findings = None
    if form.validate_on_submit():
        try:
            update_bundle(current_user, bundle, _input_of(form))
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            flash(_("De bundel is bewaard."), "success")
            return redirect(url_for(".show", bundle_id=bundle.id))
    return _form_page(form, bundle, findings)


@bp.route("/toevoegen/<int:experience_id>", methods=["GET", "POST"])
def add(experience_id: int):
    """Add an experience to a bundle, from its page or from search results."""
    experience = get_visible_or_404(experience_id, current_user)
    require(may_curate(current_user))
    form = AddToBundleForm(next=request.args.get("next", ""))
    form.bundle.choices = bundle_choices()
    findings = None
    if form.validate_on_submit():
        bundle = _chosen_bundle(form.bundle.data)
        try:
            add_item(current_user, bundle, experience, form.note.data or "", _confirmed())
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            flash(_("„%(title)s” staat nu in de bundel „%(bundle)s”.", title=experience.title,
                    bundle=bundle.title), "success")
            return redirect(safe_next(form.next.data)
                            or url_for(".show", bundle_id=bundle.id))
    status = 422 if form.is_submitted() else 200
    return render_template("bundles/add.html", form=form, experience=experience,
                           findings=findings), status


def _chosen_bundle(number: str | None) -> Bundle | None:
    """The bundle picked in the form; None when none (or one that does not exist) was picked."""
    bundle_id = database_int(number)
    return db.session.get(Bundle, bundle_id) if bundle_id is not None else None


@bp.post("/<int:bundle_id>/onderdelen/<int:item_id>/omhoog")
def move_up(bundle_id: int, item_id: int):
    move_item(current_user, kept_item_or_404(bundle_id, item_id, current_user), -1)
    return _back_to(bundle_id, item_id)


@bp.post("/<int:bundle_id>/onderdelen/<int:item_id>/omlaag")
def move_down(bundle_id: int, item_id: int):
    move_item(current_user, kept_item_or_404(bundle_id, item_id, current_user), +1)
    return _back_to(bundle_id, item_id)


@bp.post("/<int:bundle_id>/onderdelen/<int:item_id>/verwijderen")
def remove(bundle_id: int, item_id: int):
    remove_item(current_user, kept_item_or_404(bundle_id, item_id, current_user))
    flash(_("De ervaring is uit de bundel gehaald."), "success")
    return redirect(url_for(".show", bundle_id=bundle_id))


@bp.route("/<int:bundle_id>/onderdelen/<int:item_id>/notitie", methods=["GET", "POST"])
def note(bundle_id: int, item_id: int):
    item = kept_item_or_404(bundle_id, item_id, current_user)
    form = NoteForm(data={"note": item.note})
    findings = None
    if form.validate_on_submit():
        try:
            change_note(current_user, item, form.note.data or "", _confirmed())
        except InvalidInput as error:
            keep_input(form, error)
            findings = error.extra.get("findings")
        else:
            return _back_to(bundle_id, item_id)
    status = 422 if form.is_submitted() else 200
    return render_template("bundles/note.html", form=form, item=item,
                           findings=findings), status


def _back_to(bundle_id: int, item_id: int):
    return redirect(url_for(".show", bundle_id=bundle_id, _anchor=f"onderdeel-{item_id}"))


def _form_page(form: BundleForm, bundle: Bundle | None, findings=None):
    status = 422 if form.is_submitted() else 200
    return render_template("bundles/form.html", form=form, bundle=bundle,
                           findings=findings), status


def _input_of(form: BundleForm) -> BundleInput:
    data = form.to_input()
    data.confirm_privacy = _confirmed()
    return data


def _confirmed() -> bool:
    return CONFIRM_FIELD in request.form


def bundle_choices() -> list[tuple[str, str]]:
    bundles = db.session.scalars(readable_bundles(current_user)).all()
    return [("", _("Kies een bundel"))] + [(str(b.id), b.title) for b in bundles]


@bp.app_template_global()
def bundles_to_add_to() -> list[tuple[str, str]]:
    """The choices of the "add to bundle" form; empty for who may not keep bundles. Read once
    per request: the search page shows the form under every result."""
    if "bundles_to_add_to" not in g:
        g.bundles_to_add_to = bundle_choices() if may_curate(current_user) else []
    return g.bundles_to_add_to


@bp.app_template_global()
def bundles_for_home() -> tuple[list[Bundle], dict[int, int]]:
    bundles = db.session.scalars(readable_bundles(current_user).limit(HOME_COUNT)).all()
    return bundles, visible_counts(bundles, current_user)
