"""`rugzak export` / `rugzak import`: a full round trip, and spreadsheets checked row by row."""
from __future__ import annotations

import csv
import json
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from rugzak.admin.services import create_user, issue_password_link
from rugzak.agenda.services import AgendaInput, add_progress, create_item
from rugzak.audit.models import AuditEvent
from rugzak.auth.models import User
from rugzak.bundles.services import BundleInput, add_item, create_bundle, move_item
from rugzak.comments.services import (
    add_comment,
    delete_comment,
    edit_comment,
    hide_comment,
)
from rugzak.curation.services import hide, highlight
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.i18n.services import set_locale
from rugzak.mail.kinds import KINDS
from rugzak.open.services import publish_bundle, publish_experience
from rugzak.peers.services import add_peer
from rugzak.recognition.services import recognise
from rugzak.reflection.models import ReflectionFormat
from rugzak.reflection.queries import session_conditions
from rugzak.reflection.services import (
    SessionInput,
    add_note,
    answer_temperature,
    ask_question,
    decide,
    plan_session,
    record_attendance,
    toggle_mark,
)
from rugzak.revisions.models import ExperienceRevision
from rugzak.sso.models import OidcIdentity
from rugzak.synonyms.services import save_group
from rugzak.transfer.tables import LEFT_OUT, TABLES

from . import instances

fresh_instance = instances.fresh_instance  # a fixture shared with test_backup

HEADER = "titel;situatie;les;soort;datum;afdelingen;randvoorwaarden;doelen;trefwoorden;auteur"


def experiences(app) -> list[tuple]:
    with app.app_context():
        return [(e.title, e.kind, e.occurred_on, tuple(d.slug for d in e.departments),
                 tuple((c.condition.slug, c.effect) for c in e.conditions),
                 tuple(g.slug for g in e.goals), tuple(t.name for t in e.tags), e.author_id)
                for e in db.session.scalars(select(Experience).order_by(Experience.id))]


def table(folder, name: str) -> list[dict]:
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


def some_content(app, client, make_user, make_experience):
    """Rows in every exported table, made the way the features make them."""
    author = make_user(name="Eva Export")
    partner = make_user("partner")
    curator = make_user("kernteam", name="Kees Kern")
    first = make_experience(author, title="Eén plan", tags=["wijkteam", "régie"],
                            departments=["werk-en-inkomen"], partners=["uwv"],
                            goals=["integrale-toegang"], conditions={"transparantie": "ontbrak"})
    theirs = make_experience(partner, title="Van de partner", visibility="met_partners")
    gone = make_experience(author, title="In de prullenbak")
    mailed = make_experience(author, title="Met een adres", confirm_privacy=True,
                             departments=["jeugd-en-onderwijs"], partners=["uwv"],
                             goals=["integrale-toegang"],
                             situation="Mevrouw mailde vanaf jan.jansen@voorbeeld.nl.")
    client.login(author.email)
    client.submit(f"/ervaringen/{first.id}/bewerken", {
        "title": "Eén plan, bewerkt", "situation": "Anders.", "lesson": "Les.", "kind": "succes",
        "visibility": "intern", "version": "1", "publish": "1", "tags": "wijkteam"})
    client.submit(f"/ervaringen/{gone.id}/verwijderen", page=f"/ervaringen/{gone.id}/verwijderen")
    client.submit("/ervaringen/snel", {"situation": "Half af. Verder later."})  # a bookmark
    assert client.get("/zoeken?q=plan").status_code == 200  # a search log row
    assert client.get("/").status_code == 200  # a home visit
    client.submit("/meldingen/volgen", {"kind": "tag", "target": "wijkteam"},
                  page="/meldingen/volgen")  # a follow
    client.submit("/account/e-mail", {kind: "weekly" for kind in KINDS}, page="/account")
    client.logout()
    with app.app_context():  # an account linked to an organisation account
        db.session.add(OidcIdentity(user_id=author.id, issuer="https://login.example",
                                    subject="eva-sub"))
        db.session.commit()
    with app.app_context():
        curate(first, theirs, mailed, author, curator)
    return author


def curate(first, theirs, mailed, author, curator) -> None:
    """Highlights, hiding, recognitions, comments, a bundle, an agenda item and synonyms."""
    writer, kern = db.session.get(User, author.id), db.session.get(User, curator.id)
    plan, mail = db.session.get(Experience, first.id), db.session.get(Experience, mailed.id)
    set_locale(writer, "en")
    highlight(kern, plan, "Laat zien hoe regie werkt.")
    hide(kern, db.session.get(Experience, theirs.id), "Staat er dubbel in.")
    recognise(kern, plan)
    edit_comment(kern, add_comment(kern, plan, "Herkenbaar, *zeker* bij ons."),
                 "Herkenbaar, **zeker** bij ons.")
    hide_comment(kern, add_comment(writer, plan, "Een gedachte."),
                 "Hoort bij een andere ervaring.")
    delete_comment(writer, add_comment(writer, mail, "Weg ermee."))
    bundle = create_bundle(kern, BundleInput(title="Regie", intro="Over *regie*.",
                                             visibility="met_partners"))
    add_item(kern, bundle, plan, "Lees dit eerst.")
    move_item(kern, add_item(kern, bundle, mail, ""), -1)
    plan.open_consent = True  # the author agreed; the core team shares it and its bundle
    publish_experience(kern, plan)
    publish_bundle(kern, bundle)
    add_peer(None, "https://rugzak.leiden.example", "Gemeente Leiden")
    item = create_item(kern, AgendaInput(title="Regie afspreken", description="Wie, wanneer.",
                                         owner="department:werk-en-inkomen",
                                         target_date=date(2026, 1, 31),
                                         experience_ids=[plan.id]))
    add_progress(writer, item, "Eerste overleg gehad.", "loopt", item.version)
    save_group(kern, None, ["mantelzorger", "naaste"])
    reflect(kern, writer, bundle, plan)
    issue_password_link(None, writer)  # a secret: never exported
    db.session.commit()


def reflect(kern, writer, bundle, plan) -> None:
    """A reflection session with a mark, a question, an insight, a score, a decision and who
    attended."""
    intervisie = db.session.scalar(select(ReflectionFormat).filter_by(slug="intervisie"))
    session = plan_session(kern, SessionInput(
        title="Intervisie", held_on=date(2026, 2, 1), place="Stadhuis", format_id=intervisie.id,
        facilitator_id=kern.id, participant_ids=[writer.id], material_kind="bundel",
        bundle_id=bundle.id))
    toggle_mark(writer, session, plan.id)
    ask_question(writer, session, "Wie houdt de regie?")
    add_note(kern, session, f"ervaring-{plan.id}", "inzicht", "Eén regisseur werkt.")
    answer_temperature(writer, session, session_conditions(session)[0].id, 4)
    decide(kern, session, AgendaInput(title="Vaste regisseur", owner=f"user:{writer.id}",
                                      experience_ids=[plan.id]))
    record_attendance(kern, session, [kern.id, writer.id])


def test_export_writes_json_csv_and_a_readme(app, client, runner, make_user, make_experience,
                                             tmp_path):
    some_content(app, client, make_user, make_experience)
    folder = tmp_path / "export"
    result = runner.invoke(args=["export", str(folder)])
    assert result.exit_code == 0, result.output
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    for entry in TABLES:
        assert f"- {entry.name} (" in readme
        with open(folder / f"{entry.name}.csv", encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == [column.name for column in entry.columns]
        assert len(rows) - 1 == len(table(folder, entry.name))
    users = table(folder, "users")
    assert users and all("password_hash" not in user for user in users)
    assert "password_hash" not in (folder / "users.csv").read_text(encoding="utf-8-sig")
    with app.app_context():
        for name in LEFT_OUT:  # secrets (sessions, set-password links) and passing state
            assert not (folder / f"{name}.json").exists() and f"- {name}: " in readme
        assert set(db.metadata.tables) == {entry.name for entry in TABLES} | set(LEFT_OUT)
        for secret in ("user_sessions", "password_links"):  # there were some to leave out
            assert db.session.scalar(select(func.count()).select_from(
                db.metadata.tables[secret])), secret
    assert "sessies zijn geheim" in readme and "eenmalige links" in readme
    titles = [row["title"] for row in table(folder, "experiences")]
    assert titles == ["Eén plan, bewerkt", "Van de partner", "In de prullenbak", "Met een adres",
                      "Half af"]
    assert len(table(folder, "experience_revisions")) == 6
    snapshot = table(folder, "experience_revisions")[0]["snapshot"]
    assert snapshot["title"] == "Eén plan" and snapshot["tags"] == ["régie", "wijkteam"]
    again = runner.invoke(args=["export", str(folder)])
    assert again.exit_code == 1 and "niet leeg" in again.output
    with app.app_context():
        assert db.session.scalars(select(AuditEvent.action)
                                  .order_by(AuditEvent.id.desc())).first() == "export"


def test_an_export_round_trips_into_an_empty_instance(app, client, runner, make_user,
                                                      make_experience, tmp_path,
                                                      fresh_instance):
    some_content(app, client, make_user, make_experience)
    first = tmp_path / "eerste"
    assert runner.invoke(args=["export", str(first)]).exit_code == 0
    assert [entry.name for entry in TABLES if not table(first, entry.name)] == []
    plan = table(first, "experiences")[0]
    assert (plan["highlight_note"], plan["recognition_count"]) == (
        "Laat zien hoe regie werkt.", 1)
    assert table(first, "experiences")[1]["hidden_reason"] == "Staat er dubbel in."
    assert [user["locale"] for user in table(first, "users")][:1] == ["en"]
    assert [row["position"] for row in table(first, "bundle_items")] == [2, 1]
    assert {row["field"] for row in table(first, "agenda_changes")} == {
        "created", "progress", "status"}
    target = fresh_instance(init=True)
    target_runner = target.test_cli_runner()
    checked = target_runner.invoke(args=["import", "--dry-run", str(first)])
    assert checked.exit_code == 0 and "niets opgeslagen" in checked.output
    loaded = target_runner.invoke(args=["import", str(first)])
    assert loaded.exit_code == 0, loaded.output
    second = tmp_path / "tweede"
    assert target_runner.invoke(args=["export", str(second)]).exit_code == 0
    for entry in TABLES:
        before, after = table(first, entry.name), table(second, entry.name)
        if entry.name == "audit_events":
            assert after[-1]["action"] == "import"
            after = after[:-1]
        assert before == after, entry.name
    assert experiences(target) == experiences(app)
    status = target_runner.invoke(args=["search", "status"])
    assert status.exit_code == 0 and "Ervaringen in de zoekindex: 4" in status.output
    refused = target_runner.invoke(args=["import", str(first)])
    assert refused.exit_code == 1 and "alleen in een lege installatie" in refused.output
    with target.app_context():  # new rows continue after the imported ids
        assert_new_rows_follow_the_imported(first)


def assert_new_rows_follow_the_imported(export) -> None:
    admin = create_user(None, "nieuw@gemeente.example", "Nieuw", "kernteam",
                        department="werk-en-inkomen")
    plan = db.session.get(Experience, table(export, "experiences")[0]["id"])
    new_rows = {
        "users": admin,
        "comments": add_comment(admin, plan, "Na de import."),
        "bundles": create_bundle(admin, BundleInput(title="Na de import")),
        "agenda_items": create_item(admin, AgendaInput(title="Na de import",
                                                       owner="department:werk-en-inkomen")),
    }
    new_rows["bundle_items"] = add_item(admin, new_rows["bundles"], plan, "")
    new_rows["agenda_changes"] = new_rows["agenda_items"].changes[-1]
    for name, row in new_rows.items():
        assert row.id > max(imported["id"] for imported in table(export, name)), name


def write_csv(path, *lines: str) -> None:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")


def test_dry_run_reports_every_row_problem_in_dutch_and_writes_nothing(
        app, runner, make_user, tmp_path):
    author = make_user(email="auteur@gemeente.example")
    sheet = tmp_path / "ervaringen.csv"
    write_csv(sheet,
              "Goed;Wat er speelde;Wat we leerden;succes;2025-03-14;Werk en Inkomen;"
              "Transparantie: ontbrak;integrale-toegang;wijkteam;auteur@gemeente.example",
              ";Geen titel;Les;les;;;;;;auteur@gemeente.example",
              "Fout;Situatie;Les;raar;14 maart;Onbekende afdeling;Transparantie;;;"
              "niemand@gemeente.example",
              "",
              "Toekomst;Situatie;;les;2999-01-01;;;;;auteur@gemeente.example")
    result = runner.invoke(args=["import", "--dry-run", str(sheet)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    for expected in [
        "Rij 3, kolom 'titel': Vul een titel in.",
        "Rij 4, kolom 'soort': 'raar' is geen soort; kies succes, knelpunt, les of vraag.",
        "Rij 4, kolom 'datum': '14 maart' is geen datum; schrijf bijvoorbeeld 2025-03-14 of "
        "14-03-2025.",
        "Rij 4, kolom 'randvoorwaarden': Schrijf 'Transparantie' als 'naam: hielp' of "
        "'naam: ontbrak'.",
        "Rij 4, kolom 'auteur': Er is geen gebruiker met e-mailadres niemand@gemeente.example.",
        "Rij 6, kolom 'les': Vul de les in.",
        "Rij 6, kolom 'datum': De datum ligt in de toekomst; kies de dag waarop het gebeurde.",
    ]:
        assert expected in lines, (expected, lines)
    assert not any(line.startswith("Rij 2") for line in lines)
    assert "niets opgeslagen" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Experience)) == 0
    assert author


def test_a_clean_sheet_is_imported_with_revisions_and_found(app, client, runner, make_user,
                                                           tmp_path):
    author = make_user(email="auteur@gemeente.example")
    sheet = tmp_path / "ervaringen.csv"
    write_csv(sheet,
              "Warme overdracht;Wat er speelde;Bel eerst;succes;14-03-2025;Werk en Inkomen;"
              "Transparantie: ontbrak, verantwoordelijkheden: hielp;integrale-toegang;"
              "wijkteam, Régie;",
              "Tweede;Situatie;Les;;;;;;;auteur@gemeente.example")
    checked = runner.invoke(args=["import", "--dry-run", "--author", author.email, str(sheet)])
    assert checked.exit_code == 0 and "alle 2 rijen zijn in orde" in checked.output
    assert experiences(app) == []
    missing_author = runner.invoke(args=["import", str(sheet)])
    assert "Rij 2, kolom 'auteur': Vul het e-mailadres van de auteur in." in \
        missing_author.output
    result = runner.invoke(args=["import", "--author", author.email, str(sheet)])
    assert result.exit_code == 0, result.output
    assert experiences(app) == [
        ("Warme overdracht", "succes", date(2025, 3, 14), ("werk-en-inkomen",),
         (("verantwoordelijkheden", "hielp"), ("transparantie", "ontbrak")),
         ("integrale-toegang",), ("régie", "wijkteam"), author.id),
        ("Tweede", "les", None, (), (), (), (), author.id)]
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ExperienceRevision)) == 2
        assert db.session.scalars(select(AuditEvent.detail).filter_by(action="import")).one() \
            == "2 ervaringen uit ervaringen.csv"
    client.login(author.email)
    found = client.get("/api/v1/search?q=overdracht").get_json()
    assert [hit["title"] for hit in found["results"]] == ["Warme overdracht"]


def test_xlsx_sheet_with_real_dates(app, runner, make_user, tmp_path):
    author = make_user(email="auteur@gemeente.example")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Titel", "Situatie", "Les", "Datum", "Zichtbaarheid", "Status", "Auteur"])
    sheet.append(["Uit Excel", "Situatie", "Les", datetime(2024, 5, 6), "met partners",
                  "concept", author.email])
    sheet.append(["Kapot", "Situatie", "Les", "morgen", "iedereen", "af", author.email])
    file = tmp_path / "ervaringen.xlsx"
    workbook.save(file)
    result = runner.invoke(args=["import", str(file)])
    assert result.exit_code == 1
    assert "Rij 3, kolom 'zichtbaarheid': Vul 'intern' of 'met partners' in." in result.output
    assert "Rij 3, kolom 'status': Vul 'gepubliceerd' of 'concept' in." in result.output
    sheet.delete_rows(3)
    workbook.save(file)
    assert runner.invoke(args=["import", str(file)]).exit_code == 0
    with app.app_context():
        row = db.session.scalars(select(Experience)).one()
        assert (row.occurred_on, row.visibility, row.status) == (
            date(2024, 5, 6), "met_partners", "concept")


def test_unreadable_or_misshapen_files_are_explained(runner, make_user, tmp_path):
    make_user()
    wrong_columns = tmp_path / "kolommen.csv"
    wrong_columns.write_text("titel,omschrijving\nA,B\n", encoding="utf-8")
    result = runner.invoke(args=["import", str(wrong_columns)])
    assert "Rij 1: Onbekende kolom(men): 'omschrijving'." in result.output
    assert "Deze kolommen ontbreken: 'situatie', 'les'." in result.output
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"geen excel")
    assert "kunnen we niet lezen" in runner.invoke(args=["import", str(broken)]).output
    text = tmp_path / "notities.txt"
    text.write_text("x")
    assert "Kies een CSV- of XLSX-bestand" in runner.invoke(args=["import", str(text)]).output


def upload(client, name: str, content: bytes):
    return client.submit("/beheer/import", {"file": (BytesIO(content), name)},
                         content_type="multipart/form-data")


def test_beheerder_imports_a_sheet_in_the_browser_after_the_check(app, client, make_user):
    admin = make_user("beheerder", name="Bea Beheer")
    client.login(admin.email)
    assert 'href="/beheer/import"' in client.get("/beheer").get_data(as_text=True)
    bad = (HEADER + "\n;Situatie;Les;;;;;;;\nGoed;Situatie;Les;vraag;;;;;;\n").encode()
    checked = upload(client, "lijst.csv", bad)
    html = checked.get_data(as_text=True)
    assert checked.status_code == 422
    assert "Er is niets geïmporteerd." in html and "Vul een titel in." in html
    assert "<td>3</td><td>titel</td>" not in html and "<td>2</td><td>titel</td>" in html
    assert experiences(app) == []
    good = (HEADER + "\nUit de browser;Situatie;Les;vraag;;;;;;\n").encode()
    checked = upload(client, "lijst.csv", good)
    html = checked.get_data(as_text=True)
    assert checked.status_code == 200 and "Er is nog niets opgeslagen." in html
    assert experiences(app) == []
    token = html.split('name="token" type="hidden" value="')[1].split('"')[0]
    assert client.post("/beheer/import/bevestigen", data={"token": token}).status_code == 400
    done = client.submit("/beheer/import/bevestigen", {"token": token}, page="/beheer/import")
    assert done.status_code == 302
    assert [row[0] for row in experiences(app)] == ["Uit de browser"]
    assert experiences(app)[0][-1] == admin.id
    again = client.submit("/beheer/import/bevestigen", {"token": token}, page="/beheer/import")
    assert again.status_code == 302 and [row[0] for row in experiences(app)] == [
        "Uit de browser"]  # confirming twice imports once
    assert not list((Path(app.instance_path) / "imports").glob("*"))  # nothing left behind


def test_browser_import_refuses_others_wrong_files_and_big_ones(app, client, make_user):
    for role in ("medewerker", "kernteam", "partner"):
        client.login(make_user(role).email)
        assert client.get("/beheer/import").status_code == 403
        assert upload(client, "lijst.csv", b"titel").status_code == 403
        client.logout()
    client.login(make_user("beheerder").email)
    empty = client.submit("/beheer/import", {}, content_type="multipart/form-data")
    assert empty.status_code == 422 and "Kies een bestand." in empty.get_data(as_text=True)
    wrong = upload(client, "foto.png", b"\x89PNG")
    assert wrong.status_code == 422
    assert "Kies een CSV- of XLSX-bestand (Excel)." in wrong.get_data(as_text=True)
    assert 'aria-describedby="file-hint file-fout"' in wrong.get_data(as_text=True)
    broken = upload(client, "lijst.xlsx", b"geen excel")
    assert broken.status_code == 422 and "kunnen we niet lezen" in broken.get_data(as_text=True)
    huge = upload(client, "groot.csv", b"x" * (3 * 1024 * 1024))
    assert huge.status_code == 422
    assert "Kies een bestand van hoogstens 2 MB." in huge.get_data(as_text=True)
    assert experiences(app) == []
