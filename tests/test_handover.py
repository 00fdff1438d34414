"""/beheer/overdracht and `rugzak handover`: one ZIP with the export, the insight figures, the
period report, the last session summaries and the guide; it restores into an empty instance."""
from __future__ import annotations

import fcntl
import io
import zipfile

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.extensions import db
from rugzak.insight.services import SEARCHES
from rugzak.reflection.models import ReflectionSession
from rugzak.reflection.services import close_session
from rugzak.transfer.tables import TABLES

from . import instances
from .test_export import experiences, some_content, table

fresh_instance = instances.fresh_instance
PACKAGE = "/beheer/overdracht"
GUIDE = "LEESMIJ-overdracht.txt"


def content_with_a_closed_session(app, client, make_user, make_experience) -> int:
    some_content(app, client, make_user, make_experience)
    with app.app_context():
        session = db.session.scalar(select(ReflectionSession))
        close_session(session.facilitator, session)
        db.session.commit()
        return session.id


def download(client) -> zipfile.ZipFile:
    assert client.get(PACKAGE).status_code == 200
    response = client.submit(PACKAGE)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/zip"
    assert "rugzak-overdracht-" in response.headers["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.data))


def assert_complete(archive: zipfile.ZipFile, session_id: int) -> None:
    names = set(archive.namelist())
    assert {f"export/{entry.name}.json" for entry in TABLES} <= names
    assert {"export/manifest.json", "export/README.txt", "export/tags.csv",
            "export/reflection_formats.csv", GUIDE} <= names
    assert {"inzicht/randvoorwaarden-per-afdeling.csv", "inzicht/trefwoorden.csv",
            f"inzicht/{SEARCHES}.csv"} <= names  # curators see what was searched in vain
    tags = archive.read("inzicht/trefwoorden.csv").decode("utf-8-sig")
    assert "wijkteam" in tags
    pdfs = sorted(name for name in names if name.endswith(".pdf"))
    assert pdfs[0].startswith("verslagen/periodeverslag-")
    assert pdfs[1:] == [f"verslagen/reflectiesessie-{session_id}-2026-02-01.pdf"]
    assert all(archive.read(name).startswith(b"%PDF") for name in pdfs)
    guide = archive.read(GUIDE).decode("utf-8")
    assert "rugzak import overdracht/export/" in guide
    assert "Plan elk kwartaal een reflectiesessie" in guide
    assert "`reflection_formats`" in guide and "`tags`" in guide
    assert all(f"`{name}`" in guide for name in pdfs)


@pytest.mark.parametrize("role", ["kernteam", "beheerder"])
def test_curators_download_the_package_from_beheer_and_it_is_audited(
        app, client, make_user, make_experience, role):
    session_id = content_with_a_closed_session(app, client, make_user, make_experience)
    curator = make_user(role)
    client.login(curator.email)
    assert f'href="{PACKAGE}"' in client.get("/beheer").get_data(as_text=True)
    archive = download(client)
    assert_complete(archive, session_id)
    summary = f"verslagen/reflectiesessie-{session_id}-2026-02-01.pdf"
    text = " ".join(page.extract_text() for page in PdfReader(
        io.BytesIO(archive.read(summary))).pages)
    assert "Verslag van de reflectiesessie" in text
    with app.app_context():
        details = db.session.scalars(select(AuditEvent.detail).where(
            AuditEvent.actor_id == curator.id, AuditEvent.action == "export")).all()
    assert f"overdrachtspakket: {len(archive.namelist())} bestanden" in details


def test_the_beheerders_package_gives_no_access_to_the_sessions(
        app, client, make_user, make_experience):
    session_id = content_with_a_closed_session(app, client, make_user, make_experience)
    client.login(make_user("beheerder").email)
    assert f"verslagen/reflectiesessie-{session_id}-2026-02-01.pdf" in download(
        client).namelist()
    for url in (f"/reflectie/{session_id}", f"/reflectie/{session_id}/verslag",
                f"/reflectie/{session_id}/verslag.pdf"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ["medewerker", "partner"])
def test_others_may_not_make_the_package(client, make_user, role):
    client.login(make_user(role).email)
    assert client.get(PACKAGE).status_code == 403
    assert client.submit(PACKAGE, page="/").status_code == 403
    assert PACKAGE not in client.get("/").get_data(as_text=True)


def test_the_package_needs_a_csrf_token(client, make_user):
    client.login(make_user("beheerder").email)
    assert client.post(PACKAGE).status_code == 400


def test_the_package_spends_the_report_budget(app, instance, client, make_user):
    app.config["REPORTS_PER_MINUTE"] = 1
    client.login(make_user("kernteam").email)
    slots = instance / "report-slots"
    slots.mkdir(exist_ok=True)
    with open(slots / "slot-0", "a") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)  # another worker is making a PDF
        busy = client.submit(PACKAGE)
        fcntl.flock(slot, fcntl.LOCK_UN)
    assert busy.status_code == 503 and busy.headers["Retry-After"] == "30"
    assert "Er worden nu al verslagen gemaakt" in busy.get_data(as_text=True)
    again = client.submit(PACKAGE)
    assert again.status_code == 429 and "Te veel verzoeken" in again.get_data(as_text=True)


def test_the_command_writes_the_package_as_the_core_team_or_whom_you_name(
        app, client, runner, make_user, make_experience, tmp_path):
    session_id = content_with_a_closed_session(app, client, make_user, make_experience)
    target = tmp_path / "overdracht.zip"
    worker = make_user("medewerker")
    refused = runner.invoke(args=["handover", "--als", worker.email, str(target)])
    assert refused.exit_code == 1 and "--als" in refused.output and not target.exists()
    result = runner.invoke(args=["handover", str(target)])  # some_content's core team member
    assert result.exit_code == 0, result.output
    assert "Overdrachtspakket geschreven" in result.output
    with zipfile.ZipFile(target) as archive:
        assert_complete(archive, session_id)
    with app.app_context():
        event = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert (event.action, event.actor_id) == ("export", None)  # the operator
        assert event.detail.startswith("overdrachtspakket: ")
    again = runner.invoke(args=["handover", str(target)])
    assert again.exit_code == 1 and "bestaat al" in again.output
    beheerder = tmp_path / "beheerder.zip"
    as_beheerder = runner.invoke(args=["handover", "--als", make_user("beheerder").email,
                                       str(beheerder)])
    assert as_beheerder.exit_code == 0, as_beheerder.output
    with zipfile.ZipFile(beheerder) as archive:
        assert_complete(archive, session_id)


def test_the_downloaded_package_restores_into_an_empty_instance(
        app, client, make_user, make_experience, tmp_path, fresh_instance):
    content_with_a_closed_session(app, client, make_user, make_experience)
    client.login(make_user("kernteam").email)
    download(client).extractall(tmp_path / "overdracht")
    export = tmp_path / "overdracht" / "export"
    target = fresh_instance(init=True)
    runner = target.test_cli_runner()
    loaded = runner.invoke(args=["import", str(export)])
    assert loaded.exit_code == 0, loaded.output
    again = tmp_path / "opnieuw"
    assert runner.invoke(args=["export", str(again)]).exit_code == 0
    for entry in TABLES:
        before, after = table(export, entry.name), table(again, entry.name)
        if entry.name == "audit_events":
            assert after[-1]["action"] == "import"
            after = after[:-1]
        assert before == after, entry.name
    assert experiences(target) == experiences(app)
    renewed = tmp_path / "nieuw-pakket.zip"  # the reports are reproduced in the new instance
    result = runner.invoke(args=["handover", str(renewed)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(renewed) as archive:
        assert len([n for n in archive.namelist() if n.endswith(".pdf")]) == 2


def test_the_page_speaks_english_to_an_english_reader(client, make_user):
    client.login(make_user("beheerder").email)
    client.submit("/taal", {"locale": "en"})
    page = client.get(PACKAGE).get_data(as_text=True)
    assert "Download the handover package" in page and "audit log" in page
    assert "Handover" in client.get("/beheer").get_data(as_text=True)
