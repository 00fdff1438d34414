"""HTML pages of the toekomstagenda: list, new (also from an experience), show, edit, progress."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.policies import only_if
from ..errors import InvalidInput, StaleVersion
from ..experiences.models import Visibility
from ..experiences.policies import get_visible_or_404 as get_experience_or_404
from ..extensions import db
from ..forms import keep_input
from ..privacy.check import CONFIRM_FIELD
from .forms import AgendaForm, ProgressForm, form_data, owner_groups
from .labels import FIELD_LABELS, STATUS_LABELS
from .policies import (
    can_add_update,
    can_edit,
    editable_item_or_404,
    may_create,
    visible_item_or_404,
)
from .queries import (
    AgendaFilters,
    filtered_items,
    items_for_experiences,
    owner_options,
    readable_history,
    visible_items,
    visible_linked,
)
from .services import (
    AgendaInput,
    add_progress,
    create_item,
    find_problems,
    update_item,
)

bp = Blueprint("agenda", __name__)


@bp.app_context_processor
def agenda_labels() -> dict:
    return {"AGENDA_STATUS_LABELS": STATUS_LABELS, "AGENDA_FIELD_LABELS": FIELD_LABELS}


@bp.app_template_global()
def agenda_for_experience(experience) -> dict:
    """What the experience page shows: the items from it, and whether one may be started."""
    items = db.session.scalars(items_for_experiences(current_user, [experience.id])).all()
    return {"items": items, "may_create": may_create(current_user)}


@bp.get("/agenda")
def index():
    filters = AgendaFilters.from_args(request.args)
    items = db.session.scalars(filtered_items(current_user, filters)).all()
    everything = db.session.scalars(visible_items(current_user)).all()
    return render_template("agenda/index.html", items=items, filters=filters,
                           owners=owner_options(everything), may_create=may_create(current_user))


@bp.route("/agenda/nieuw", methods=["GET", "POST"])
@only_if(may_create)
def new():
    if request.method == "GET":
        form = AgendaForm(data=form_data(_start_from(request.args.get("ervaring", type=int))))
        return _form_page(form, None)
    form = AgendaForm()
    return _save(form, None, lambda data: create_item(current_user, data))


def _start_from(experience_id: int | None) -> AgendaInput:
    """A new item, pre-filled from an experience's lesson when one is given."""
    start = AgendaInput(owner=f"user:{current_user.id}")
    if experience_id is None:
        return start
    experience = get_experience_or_404(experience_id, current_user)
    start.title = experience.title
    start.description = experience.lesson
    start.experience_ids = [experience.id]
    start.shared_with_partners = experience.visibility == Visibility.MET_PARTNERS
    return start


@bp.get("/agenda/<int:item_id>")
def show(item_id: int):
    item = visible_item_or_404(item_id, current_user)
    form = ProgressForm(data={"version": str(item.version)})
    return _item_page(item, form)


@bp.route("/agenda/<int:item_id>/bewerken", methods=["GET", "POST"])
def edit(item_id: int):
    item = editable_item_or_404(item_id, current_user)
    if request.method == "GET":
        return _form_page(AgendaForm(data=form_data(AgendaInput.from_item(item), item.version)),
                          item)
    form = AgendaForm()
    return _save(form, item, lambda data: update_item(current_user, item, data,
                                                      form.submitted_version()))


@bp.post("/agenda/<int:item_id>/voortgang")
def progress(item_id: int):
    item = visible_item_or_404(item_id, current_user)
    form = ProgressForm()
    if not form.validate():
        return _item_page(item, form), 422
    try:
        add_progress(current_user, item, form.text.data or "", form.status.data or "",
                     form.submitted_version(), CONFIRM_FIELD in request.form)
    except InvalidInput as error:
        keep_input(form, error)
        return _item_page(item, form, findings=error.extra.get("findings")), 422
    except StaleVersion as stale:
        form.version.data = str(stale.current.version)
        return _item_page(stale.current, form, conflict=True), 409
    flash(_("Je voortgang is toegevoegd."), "success")
    return redirect(url_for(".show", item_id=item.id))


def _save(form: AgendaForm, item, save):
    """Validate and save; on any problem show the form again with everything typed."""
    parsed = form.validate()
    data = form.to_input()
    data.confirm_privacy = CONFIRM_FIELD in request.form
    try:
        if not parsed:
            raise InvalidInput(find_problems(current_user, data, item))
        saved = save(data)
    except InvalidInput as error:
        keep_input(form, error)
        return _form_page(form, item, findings=error.extra.get("findings")), 422
    except StaleVersion as stale:
        form.version.data = str(stale.current.version)
        return _form_page(form, stale.current, conflict=stale.current), 409
    flash(_("Het agendapunt is bewaard."), "success")
    return redirect(url_for(".show", item_id=saved.id))


def _form_page(form: AgendaForm, item, conflict=None, findings=None):
    return render_template("agenda/form.html", form=form, item=item, conflict=conflict,
                           owner_groups=owner_groups(item), findings=findings)


def _item_page(item, form: ProgressForm, conflict: bool = False, findings=None):
    return render_template("agenda/show.html", item=item, form=form, conflict=conflict,
                           findings=findings,
                           experiences=visible_linked(current_user, item),
                           history=readable_history(current_user, item),
                           may_edit=can_edit(current_user, item),
                           may_add_update=can_add_update(current_user, item))
