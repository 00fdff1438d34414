"""Several processes saving and indexing at once: no lock errors, nothing lost."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SAVER = textwrap.dedent("""
    import sys
    from rugzak import create_app
    from rugzak.auth.models import User
    from rugzak.experiences.services import ExperienceInput, create_experience
    from rugzak.extensions import db
    from rugzak.search.service import search_service

    app = create_app({"INSTANCE_PATH": sys.argv[1], "SECRET_KEY": "test",
                      **({"SQLALCHEMY_DATABASE_URI": sys.argv[4]} if len(sys.argv) > 4 else {})})
    with app.app_context():
        author = db.session.get(User, int(sys.argv[2]))
        for number in range(int(sys.argv[3])):
            create_experience(author, ExperienceInput(
                title=f"Proces {sys.argv[2]} nummer {number}", situation="Gelijktijdig.",
                lesson="Niets kwijt.", status="gepubliceerd"))
            search_service().catch_up()
""")


@pytest.mark.slow
def test_two_processes_saving_and_indexing_at_once_lose_nothing(app, runner, make_user,
                                                                instance, database_url):
    writers = [make_user(), make_user()]
    extra = [database_url] if database_url else []
    processes = [subprocess.Popen([sys.executable, "-c", SAVER, str(instance), str(w.id), "15",
                                   *extra], stderr=subprocess.PIPE, text=True)
                 for w in writers]
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
        assert "LockError" not in errors
    with app.app_context():
        from rugzak.search.service import search_service

        search_service().catch_up()
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    assert "Ervaringen in de zoekindex: 30" in status.output
