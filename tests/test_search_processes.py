"""Several processes saving and indexing at once: no lock errors, nothing lost."""
from __future__ import annotations

import signal
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


KILLED_WHILE_INDEXING = textwrap.dedent("""
    import sys
    import time

    import rugzak.search.service as service_module
    import rugzak.search.sync as sync_module
    from rugzak import create_app
    from rugzak.auth.models import User
    from rugzak.experiences.services import ExperienceInput, create_experience
    from rugzak.extensions import db
    from rugzak.search.service import search_service

    def stall(*args, **kwargs):
        print("indexing", flush=True)
        time.sleep(600)

    module, name = {"before": (service_module, "apply_pending"),
                    "during": (sync_module, "advance")}[sys.argv[3]]
    setattr(module, name, stall)
    app = create_app({"INSTANCE_PATH": sys.argv[1], "SECRET_KEY": "test",
                      **({"SQLALCHEMY_DATABASE_URI": sys.argv[4]} if len(sys.argv) > 4 else {})})
    with app.app_context():
        create_experience(db.session.get(User, int(sys.argv[2])), ExperienceInput(
            title="Overleefde de crash", situation="Bewaard vlak voor kill -9.",
            lesson="Niets kwijt.", status="gepubliceerd"))
        search_service().ensure_indexer()
        search_service().notify()
        time.sleep(600)
""")


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["before", "during"])
def test_killed_between_save_and_index_the_experience_is_found_after_restart(
        app, runner, client, make_user, make_experience, instance, database_url, moment):
    """`before`: saved, the indexer not yet started on it; `during`: the indexer holds
    Whoosh's write lock and has written the document, but has not committed."""
    author = make_user()
    make_experience(author, title="Al gevonden")
    with app.app_context():
        from rugzak.search.service import search_service

        search_service().catch_up()
    extra = [database_url] if database_url else []
    process = subprocess.Popen([sys.executable, "-c", KILLED_WHILE_INDEXING, str(instance),
                                str(author.id), moment, *extra],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "indexing", process.stderr.read()
    finally:
        process.kill()  # SIGKILL: no cleanup, no atexit, the lock is left as it was
        process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    lagging = runner.invoke(args=["search", "status"])
    assert lagging.exit_code == 1 and "Achterstand: 1" in lagging.output, lagging.output

    client.login(author.email)
    page = client.get("/zoeken", query_string={"q": "crash"}).get_data(as_text=True)
    assert "Overleefde de crash" in page
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
