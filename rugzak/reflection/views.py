"""/reflectie: plan a session, prepare it, run it on a projector, and its summary."""
from __future__ import annotations

from datetime import date

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
from sqlalchemy import select

from ..agenda.forms import owner_groups
from ..agenda.services import find_problems as agenda_problems
from ..audit.models import Action
from ..audit.services import record
from ..auth.policies import only_if
from ..errors import InvalidInput
from ..extensions import db
from ..forms import keep_input
from ..numbers import database_int
from ..privacy.check import CONFIRM_FIELD
from ..reports.budget import in_a_slot, per_user
from ..reports.pdf import html_to_pdf
from .forms import (
    AttendanceForm,
    DecisionForm,
    FormatForm,
    NoteForm,
    PlanForm,
    QuestionForm,
    TemperatureForm,
    plan_data,
)
from .labels import NOTE_LABELS
from .models import ReflectionFormat
from .policies import (
    change_or_404,
    format_or_404,
    is_invited,
    may_change,
    may_plan,
    may_run,
    run_or_404,
    session_or_404,
)
from .queries import (
    THRESHOLD,
    all_sessions,
    cancelled_for,
    has_partners,
    invited_sessions,
    mark_counts,
    material,
    my_marks,
    steps,
    summary_context,
    temperatures,
    trend,
    upcoming_for,
    voted_conditions,
)
from .services import (
    add_note,
    answer_temperature,
    ask_question,
    cancel_session,
    change_session,
    close_session,
    decide,
    plan_problems,
    plan_session,
    record_attendance,
    save_format,
    toggle_mark,
)

bp = Blueprint("reflection", __name__)


@bp.app_context_processor
def reflection_labels() -> dict:
    return {"NOTE_LABELS": NOTE_LABELS}


@bp.app_template_global()
def upcoming_reflection_sessions() -> list:
    """The home page's line: open sessions the signed-in user is invited to."""
    return upcoming_for(current_user)


@bp.app_template_global()
def cancelled_reflection_sessions() -> list:
    """The home page's warning: sessions the signed-in user was invited to that do not take
    place."""
    return cancelled_for(current_user)


@bp.app_template_global()
def temperature_trend(filters) -> list:
    """/inzicht: the temperature check per condition over the sessions in the period."""
    return trend(filters.experience_ids(current_user), filters.start, filters.end)


@bp.get("/reflectie")
def index():
    mine = db.session.scalars(invited_sessions(current_user)).all()
    planned = db.session.scalars(all_sessions()).all() if may_plan(current_user) else []
    return render_template("reflection/index.html", mine=mine, planned=planned,
                           may_plan=may_plan(current_user))


@bp.route("/reflectie/nieuw", methods=["GET", "POST"])
@only_if(may_plan)
def new():
    return _plan_form(PlanForm(), lambda data: plan_session(current_user, data),
                      _("De reflectiesessie is gepland; de deelnemers zien de uitnodiging."))


@bp.route("/reflectie/<int:session_id>/bewerken", methods=["GET", "POST"])
def edit(session_id: int):
    session = change_or_404(session_id, current_user)
    form = PlanForm() if request.method == "POST" else PlanForm(data=plan_data(session))
    return _plan_form(form, lambda data: change_session(current_user, session, data),
                      _("De sessie is gewijzigd; wie nieuw is uitgenodigd, ziet de uitnodiging."),
                      session)


def _plan_form(form, save, done: str, session=None):
    """The plan form of a new (`session` None) or a changed session: `save` keeps it, or the
    form comes back with the Dutch messages and everything typed."""
    form.fill_choices()
    if request.method == "GET":
        return render_template("reflection/plan.html", form=form, session=session)
    try:
        if not form.validate():
            raise InvalidInput(plan_problems(form.to_input()) | _field_errors(form))
        saved = save(form.to_input())
    except InvalidInput as error:
        keep_input(form, error)
        return render_template("reflection/plan.html", form=form, session=session), 422
    flash(done, "success")
    return redirect(url_for(".show", session_id=saved.id))


@bp.route("/reflectie/<int:session_id>/annuleren", methods=["GET", "POST"])
def cancel(session_id: int):
    session = change_or_404(session_id, current_user)
    if request.method == "GET":
        return render_template("reflection/cancel.html", session=session)
    cancel_session(current_user, session)
    flash(_("De sessie is geannuleerd; de genodigden zien dat in Rugzak."), "success")
    return redirect(url_for(".show", session_id=session.id))


def _field_errors(form) -> dict[str, str]:
    """What the form could not parse (a date, a number), by field: it wins over the service's
    message for the same field."""
    return {name: errors[0] for name, errors in form.errors.items()}


@bp.get("/reflectie/<int:session_id>")
def show(session_id: int):
    session = session_or_404(session_id, current_user)
    return _session_page(session, QuestionForm())


def _confirmed() -> bool:
    """The writer confirmed the resident-data findings (rugzak/privacy/check.py)."""
    return CONFIRM_FIELD in request.form


def _session_page(session, question_form, temperature_errors=None, findings=None,
                  status=200, attendance_form=None):
    if attendance_form is None:
        attendance_form = AttendanceForm(formdata=None, data={
            "attendee_ids": [str(person.id) for person in session.attendees]})
    attendance_form.fill_choices(session)
    return render_template(
        "reflection/show.html", session=session, experiences=material(current_user, session),
        marked=my_marks(current_user, session), counts=mark_counts(session),
        question_form=question_form, findings=findings, temperatures=temperatures(session),
        voted=voted_conditions(current_user, session), threshold=THRESHOLD,
        temperature_errors=temperature_errors or {}, invited=is_invited(current_user, session),
        may_run=may_run(current_user, session), may_change=may_change(current_user, session),
        has_partners=has_partners(session), attendance_form=attendance_form), status


@bp.post("/reflectie/<int:session_id>/bespreken/<int:experience_id>")
def mark(session_id: int, experience_id: int):
    session = session_or_404(session_id, current_user)
    if toggle_mark(current_user, session, experience_id):
        flash(_("Gemarkeerd: wil ik bespreken."), "success")
    else:
        flash(_("Je markering is weggehaald."), "success")
    return redirect(url_for(".show", session_id=session.id, _anchor=f"ervaring-{experience_id}"))


@bp.post("/reflectie/<int:session_id>/vragen")
def question(session_id: int):
    session = session_or_404(session_id, current_user)
    form = QuestionForm()
    try:
        form.validate()
        ask_question(current_user, session, form.question.data or "", _confirmed())
    except InvalidInput as error:
        keep_input(form, error)
        return _session_page(session, form, findings=error.extra.get("findings"), status=422)
    flash(_("Je vraag staat op de agenda van de sessie."), "success")
    return redirect(url_for(".show", session_id=session.id, _anchor="vragen"))


@bp.post("/reflectie/<int:session_id>/aanwezig")
def attendance(session_id: int):
    session = run_or_404(session_id, current_user)
    form = AttendanceForm()
    try:
        form.validate()
        record_attendance(current_user, session, form.chosen_ids())
    except InvalidInput as error:
        keep_input(form, error)
        return _session_page(session, QuestionForm(formdata=None), status=422,
                             attendance_form=form)
    flash(_("De aanwezigheid is bewaard."), "success")
    return redirect(url_for(".show", session_id=session.id, _anchor="aanwezig"))


@bp.post("/reflectie/<int:session_id>/temperatuur")
def temperature(session_id: int):
    session = session_or_404(session_id, current_user)
    form = TemperatureForm()
    condition_id = database_int(form.condition_id.data)
    try:
        form.validate()
        answer_temperature(current_user, session, condition_id, database_int(form.score.data))
    except InvalidInput as error:
        db.session.rollback()
        messages = {condition_id: next(iter(error.errors.values()))}
        return _session_page(session, QuestionForm(formdata=None), messages, status=422)
    flash(_("Dank je; je score is anoniem geteld."), "success")
    return redirect(url_for(".show", session_id=session.id, _anchor="temperatuur"))


@bp.get("/reflectie/<int:session_id>/leiden")
def run(session_id: int):
    session = run_or_404(session_id, current_user)
    return _run_page(session, request.args.get("stap", 1, type=int))


def _run_page(session, number: int, note_form=None, decision_form=None, findings=None,
              status=200):
    """`findings`: the resident-data findings of the refused form (note or decision)."""
    walk = steps(current_user, session)
    number = min(max(number, 1), max(len(walk), 1))
    step = walk[number - 1] if walk else None
    note_form = note_form or NoteForm(formdata=None)
    decision_form = decision_form or DecisionForm(formdata=None, data={
        "owner": f"user:{current_user.id}",
        "experience_ids": str(step.experience.id) if step and step.experience else ""})
    notes = [n for n in session.notes if step and n.step_key == step.key]
    results = {t.condition.id: t for t in temperatures(session)}
    return render_template(
        "reflection/run.html", session=session, step=step, number=number, total=len(walk),
        note_form=note_form, decision_form=decision_form, notes=notes, results=results,
        threshold=THRESHOLD, owner_groups=owner_groups(), findings=findings), status


@bp.post("/reflectie/<int:session_id>/leiden/notitie")
def note(session_id: int):
    session = run_or_404(session_id, current_user)
    number = request.args.get("stap", 1, type=int)
    form = NoteForm()
    try:
        form.validate()
        add_note(current_user, session, form.step_key.data or "", form.kind.data or "",
                 form.note.data or "", _confirmed())
    except InvalidInput as error:
        keep_input(form, error)
        return _run_page(session, number, note_form=form,
                         findings=error.extra.get("findings"), status=422)
    flash(_("Bewaard."), "success")
    return redirect(url_for(".run", session_id=session.id, stap=number))


@bp.post("/reflectie/<int:session_id>/leiden/besluit")
def decision(session_id: int):
    session = run_or_404(session_id, current_user)
    number = request.args.get("stap", 1, type=int)
    form = DecisionForm()
    try:
        if not form.validate():
            raise InvalidInput(agenda_problems(current_user, form.to_input())
                               | _field_errors(form))
        data = form.to_input()
        data.confirm_privacy = _confirmed()
        item = decide(current_user, session, data)
    except InvalidInput as error:
        keep_input(form, error)
        return _run_page(session, number, decision_form=form,
                         findings=error.extra.get("findings"), status=422)
    flash(_("Het besluit staat op de agenda: „%(title)s”.", title=item.title), "success")
    return redirect(url_for(".run", session_id=session.id, stap=number))


@bp.post("/reflectie/<int:session_id>/afsluiten")
def close(session_id: int):
    session = run_or_404(session_id, current_user)
    close_session(current_user, session)
    flash(_("De sessie is afgesloten."), "success")
    return redirect(url_for(".summary", session_id=session.id))


@bp.get("/reflectie/<int:session_id>/verslag")
def summary(session_id: int):
    session = session_or_404(session_id, current_user)
    return render_template("reflection/summary.html", **summary_context(current_user, session))


@bp.get("/reflectie/<int:session_id>/verslag.pdf")
@per_user
@in_a_slot
def summary_pdf(session_id: int):
    session = session_or_404(session_id, current_user)
    pdf = html_to_pdf(render_template("reflection/summary_pdf.html",
                                      **summary_context(current_user, session)))
    record(Action.EXPORT, target=session, detail="verslag van een reflectiesessie als pdf")
    db.session.commit()
    filename = f"reflectiesessie-{session.id}-{date.today().isoformat()}.pdf"
    return Response(pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/reflectie/formats", methods=["GET", "POST"])
@only_if(may_plan)
def formats():
    form = FormatForm()
    if request.method == "POST":
        try:
            save_format(current_user, None, form.name.data or "", form.questions.data or "",
                        bool(form.per_condition.data))
        except InvalidInput as error:
            keep_input(form, error)
            return _formats_page(form), 422
        flash(_("De werkvorm is toegevoegd."), "success")
        return redirect(url_for(".formats"))
    return _formats_page(FormatForm(formdata=None))


def _formats_page(form):
    rows = db.session.scalars(select(ReflectionFormat).order_by(ReflectionFormat.id)).all()
    return render_template("reflection/formats.html", formats=rows, form=form)


@bp.route("/reflectie/formats/<int:format_id>", methods=["GET", "POST"])
def edit_format(format_id: int):
    kept = format_or_404(format_id, current_user)
    form = FormatForm(obj=kept)
    if request.method == "POST":
        try:
            save_format(current_user, kept, form.name.data or "", form.questions.data or "",
                        bool(form.per_condition.data), bool(form.active.data))
        except InvalidInput as error:
            keep_input(form, error)
            return render_template("reflection/format.html", form=form, kept=kept), 422
        flash(_("De werkvorm is bewaard."), "success")
        return redirect(url_for(".formats"))
    return render_template("reflection/format.html", form=form, kept=kept)
