"""Reflection sessions in the data download, and at erasure.

A participant's marks ("wil ik bespreken") and questions are theirs: in their download, and
removed with them, as is the record of which temperature checks they answered (the scores
themselves carry no person). That they were invited, attended, facilitated, planned or wrote a
note stays, under "oud-medewerker": it is part of the session's record.
"""
from __future__ import annotations

from sqlalchemy import delete, or_, select

from ..auth.models import User
from ..extensions import db
from ..personal_data import personal_data_section, user_erasing
from .models import (
    ReflectionMark,
    ReflectionNote,
    ReflectionQuestion,
    ReflectionSession,
    TemperatureVote,
    reflection_attendance,
    reflection_participants,
)


@personal_data_section("reflection", ReflectionMark.user_id, ReflectionQuestion.author_id,
                       TemperatureVote.user_id, ReflectionNote.author_id,
                       ReflectionSession.facilitator_id, ReflectionSession.created_by_id,
                       reflection_participants.c.user_id, reflection_attendance.c.user_id)
def reflection(user: User) -> dict:
    invited = select(reflection_participants.c.session_id).where(
        reflection_participants.c.user_id == user.id)
    sessions = db.session.scalars(select(ReflectionSession).where(or_(
        ReflectionSession.id.in_(invited), ReflectionSession.facilitator_id == user.id,
        ReflectionSession.created_by_id == user.id)).order_by(ReflectionSession.id))
    marks = db.session.scalars(select(ReflectionMark).where(ReflectionMark.user_id == user.id)
                               .order_by(ReflectionMark.id))
    questions = db.session.scalars(select(ReflectionQuestion)
                                   .where(ReflectionQuestion.author_id == user.id)
                                   .order_by(ReflectionQuestion.id))
    notes = db.session.scalars(select(ReflectionNote).where(ReflectionNote.author_id == user.id)
                               .order_by(ReflectionNote.id))
    answered = db.session.scalars(select(TemperatureVote)
                                  .where(TemperatureVote.user_id == user.id)
                                  .order_by(TemperatureVote.id))
    return {
        "sessions": [{"id": s.id, "title": s.title, "held_on": s.held_on,
                      "facilitator": s.facilitator_id == user.id,
                      "attended": any(person.id == user.id for person in s.attendees),
                      "planned_by_you": s.created_by_id == user.id} for s in sessions],
        "marked_to_discuss": [{"session_id": m.session_id, "experience_id": m.experience_id}
                              for m in marks],
        "questions": [{"session_id": q.session_id, "text": q.text, "created_at": q.created_at}
                      for q in questions],
        "notes_written": [{"session_id": n.session_id, "kind": n.kind, "text": n.text,
                           "created_at": n.created_at} for n in notes],
        "temperature_checks_answered": [{"session_id": v.session_id,
                                         "condition_id": v.condition_id} for v in answered],
    }


@user_erasing.connect
def forget_preparation(user: User, **_options) -> None:
    for model, column in ((ReflectionMark, ReflectionMark.user_id),
                          (ReflectionQuestion, ReflectionQuestion.author_id),
                          (TemperatureVote, TemperatureVote.user_id)):
        db.session.execute(delete(model).where(column == user.id)
                           .execution_options(synchronize_session=False))
