"""Filters and globals the templates share."""
from __future__ import annotations

from flask import Flask, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import widgets

from .auth.roles import ROLE_LABELS
from .experiences.labels import KIND_LABELS, VISIBILITY_LABELS, author_label
from .markdown import plain_text, render_markdown

EFFECT_LABELS = {"hielp": _l("hielp"), "ontbrak": _l("ontbrak")}
STATUS_LABELS = {"concept": _l("Concept"), "gepubliceerd": _l("Gepubliceerd")}


def page_url(page: int) -> str:
    """The current URL with another page number, keeping every filter."""
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return url_for(request.endpoint, **(request.view_args or {}), **args)


# The NL Design System component class of each kind of form control
CONTROL_CLASSES = (
    (widgets.TextArea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (widgets.Select, "utrecht-select utrecht-select--html-select"),
    (widgets.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (widgets.RadioInput, "utrecht-radio-button utrecht-radio-button--html-input"),
    (widgets.FileInput, ""),
    (widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
)


def control_class(field) -> str:
    return next((name for kind, name in CONTROL_CLASSES if isinstance(field.widget, kind)), "")


def input_attrs(field, hint=None, required: bool = False, described_by: str | None = None,
                **attrs) -> dict:
    """The control's NL Design System class, and the ARIA attributes that tie a field to its
    hint, its errors and `described_by` (advice)."""
    control = control_class(field)
    invalid = f"{control.split(' ')[0]}--invalid" if control and field.errors else ""
    attrs["class_"] = " ".join(filter(None, (control, attrs.get("class_"), invalid)))
    described = [f"{field.id}-hint"] if hint else []
    if field.errors:
        described.append(f"{field.id}-fout")
        attrs["aria-invalid"] = "true"
    if described_by:
        described.append(described_by)
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if required:
        attrs["aria-required"] = "true"
    return attrs


def field_hint(field, hint: str | None = None) -> str | None:
    """The hint under a field, followed by its length limit when the form gives a maxlength."""
    limit = (field.render_kw or {}).get("maxlength")
    if not limit:
        return hint
    limit_text = _("Hoogstens %(count)s tekens.", count=format_decimal(limit))
    return f"{hint} {limit_text}" if hint else limit_text


def register_template_helpers(app: Flask) -> None:
    app.add_template_filter(render_markdown, "markdown")
    app.add_template_filter(plain_text, "plain_text")
    app.add_template_filter(format_decimal, "number")
    app.add_template_filter(lambda d: format_date(d, "long") if d else "", "date")
    app.add_template_filter(lambda d: format_datetime(d, "d MMMM y, HH:mm") if d else "",
                            "datetime")
    app.jinja_env.globals.update(
        KIND_LABELS=KIND_LABELS, VISIBILITY_LABELS=VISIBILITY_LABELS,
        EFFECT_LABELS=EFFECT_LABELS, STATUS_LABELS=STATUS_LABELS, ROLE_LABELS=ROLE_LABELS,
        page_url=page_url, input_attrs=input_attrs, control_class=control_class,
        field_hint=field_hint,
        author_of=lambda experience: author_label(experience, current_user),
        public_author_of=lambda experience: author_label(experience, None),
        current_locale=lambda: str(get_locale()),
    )
