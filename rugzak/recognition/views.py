"""The herkenbaar button of an experience."""
from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, flash, redirect, url_for
from flask_login import current_user

from ..errors import InvalidInput
from ..experiences.models import Experience
from ..experiences.policies import get_visible_or_404
from .policies import may_recognise
from .queries import has_recognised
from .services import recognise, take_back

bp = Blueprint("recognition", __name__)


@bp.post("/ervaringen/<int:experience_id>/herkenbaar")
def add(experience_id: int):
    try:
        recognise(current_user, get_visible_or_404(experience_id, current_user))
    except InvalidInput as refusal:
        for message in refusal.errors.values():
            flash(message, "error")
    return _back(experience_id)


@bp.post("/ervaringen/<int:experience_id>/herkenbaar/intrekken")
def withdraw(experience_id: int):
    take_back(current_user, get_visible_or_404(experience_id, current_user))
    return _back(experience_id)


def _back(experience_id: int):
    return redirect(url_for("experiences.show", experience_id=experience_id,
                            _anchor="herkenbaar"))


@dataclass
class RecognitionState:
    count: int
    mine: bool
    may: bool


@bp.app_template_global()
def recognition_of(experience: Experience) -> RecognitionState:
    return RecognitionState(experience.recognition_count, has_recognised(current_user, experience),
                            may_recognise(current_user, experience))
