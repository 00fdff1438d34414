"""`rugzak backup` and `rugzak restore`: a copy taken during saves restores consistently."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.revisions.models import ExperienceRevision

from . import instances

fresh_instance = instances.fresh_instance  # a fixture shared with test_export

SAVER = textwrap.dedent("""
    import pathlib, sys
    from rugzak import create_app
    from rugzak.auth.models import User
    from rugzak.experiences.services import ExperienceInput, create_experience
    from rugzak.extensions import db

    instance, author_id, stop = sys.argv[1], int(sys.argv[2]), pathlib.Path(sys.argv[3])
    app = create_app({"INSTANCE_PATH": instance, "SECRET_KEY": "test",
                      **({"SQLALCHEMY_DATABASE_URI": sys.argv[4]} if len(sys.argv) > 4 else {})})
    with app.app_context():
        author = db.session.get(User, author_id)
        number = 0
        while not stop.exists() or number < 5:
            create_experience(author, ExperienceInput(
                title=f"Bewaard tijdens de back-up {number}", situation="Doorlopend werk.",
                lesson="Een back-up is een momentopname.", status="gepubliceerd",
                tags=["back-up", f"nummer {number}"]))
            number += 1
""")


def _wait_for_saves(app, saver, at_least: int) -> None:
    deadline = time.monotonic() + 90
    while len(content(app)) < at_least and time.monotonic() < deadline \
            and saver.poll() is None:
        time.sleep(0.2)


def content(app) -> list[tuple]:
    """Everything a reader could compare: experiences with tags and revisions."""
    with app.app_context():
        rows = db.session.scalars(select(Experience).order_by(Experience.id)).all()
        revisions = {(r.experience_id, r.number, r.snapshot["title"]) for r in
                     db.session.scalars(select(ExperienceRevision))}
        return [(e.id, e.title, e.situation, e.lesson, e.version, e.created_at,
                 tuple(t.name for t in e.tags),
                 tuple(sorted(r for r in revisions if r[0] == e.id))) for e in rows]


@pytest.mark.slow
def test_backup_during_saves_restores_into_a_fresh_instance(app, runner, make_user,
                                                            make_experience, instance,
                                                            database_url, tmp_path,
                                                            fresh_instance):
    author = make_user(name="Bram Backup")
    make_experience(author, title="Van voor de back-up", tags=["back-up"])
    stop = tmp_path / "stop"
    saver = subprocess.Popen([sys.executable, "-c", SAVER, str(instance), str(author.id),
                              str(stop), *([database_url] if database_url else [])],
                             stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_saves(app, saver, at_least=5)
        result = runner.invoke(args=["backup", str(tmp_path / "rugzak.backup")])
    finally:
        stop.touch()
        _, errors = saver.communicate(timeout=120)
    assert result.exit_code == 0, result.output
    assert saver.returncode == 0, errors
    source = content(app)

    restored_app = fresh_instance()
    restored = restored_app.test_cli_runner().invoke(
        args=["restore", "--yes", str(tmp_path / "rugzak.backup")])
    assert restored.exit_code == 0, restored.output
    copy = content(restored_app)
    assert 1 < len(copy) < len(source)  # taken in the middle of the saves
    assert copy == source[:len(copy)]  # a consistent moment: nothing half, nothing missing
    assert all(row[7] == ((row[0], 1, row[1]),) for row in copy)  # each with its revision
    status = restored_app.test_cli_runner().invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    client = restored_app.test_client()
    client.login(author.email)  # the accounts came along
    found = client.get("/api/v1/search?q=back-up&per_page=100").get_json()
    assert found["total"] == len(copy)
    with restored_app.app_context():
        actions = list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))
    assert actions[-2:] == ["restore", "sign_in"]
    with app.app_context():
        assert db.session.scalars(select(AuditEvent.action)
                                  .order_by(AuditEvent.id.desc())).first() == "backup"


def test_restore_refuses_what_is_not_a_backup(app, runner, make_user, make_experience,
                                              tmp_path):
    author = make_user()
    make_experience(author, title="Blijft")
    wrong = tmp_path / "notities.txt"
    wrong.write_text("geen back-up")
    result = runner.invoke(args=["restore", "--yes", str(wrong)])
    assert result.exit_code == 1 and "Dit is geen back-up" in result.output
    missing = runner.invoke(args=["restore", "--yes", str(tmp_path / "weg.backup")])
    assert missing.exit_code == 1 and "bestaat niet" in missing.output
    nowhere = runner.invoke(args=["backup", str(tmp_path / "geen-map" / "rugzak.backup")])
    assert nowhere.exit_code == 1 and "De map" in nowhere.output
    assert [row[1] for row in content(app)] == ["Blijft"]


def test_restore_asks_first_and_brings_back_an_earlier_state(app, runner, make_user,
                                                             make_experience, tmp_path):
    author = make_user()
    make_experience(author, title="Er al")
    file = tmp_path / "eerder.backup"
    assert runner.invoke(args=["backup", str(file)]).exit_code == 0
    make_experience(author, title="Later toegevoegd")
    refused = runner.invoke(args=["restore", str(file)], input="n\n")
    assert refused.exit_code == 1 and len(content(app)) == 2
    result = runner.invoke(args=["restore", str(file)], input="y\n")
    assert result.exit_code == 0, result.output
    assert "zoekindex opnieuw opgebouwd met 1 ervaringen" in result.output
    assert [row[1] for row in content(app)] == ["Er al"]
