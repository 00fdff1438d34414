"""Spreadsheet import (issue 14): the delimiter from the header line, every problem of a row in
the first check, retired entries for historic rows, and residents' data reported by row."""
from __future__ import annotations

import html
from io import BytesIO

from sqlalchemy import func, select

from rugzak.audit.models import AuditEvent
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.privacy.models import PrivacyFinding
from rugzak.privacy.scanner import bsn_valid
from rugzak.taxonomy.models import Condition, Goal

BSN = "111222333"


def upload(client, name: str, content: bytes, **kwargs):
    return client.submit("/beheer/import", {"file": (BytesIO(content), name)},
                         content_type="multipart/form-data", **kwargs)


def confirm(client, checked) -> object:
    page = checked.get_data(as_text=True)
    token = page.split('name="token" type="hidden" value="')[1].split('"')[0]
    return client.submit("/beheer/import/bevestigen", {"token": token}, page="/beheer/import")


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def titles(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(select(Experience.title).order_by(Experience.id)))


def problems(response) -> list[tuple[str, str, str]]:
    """The rows of the problem table: (row, column, message)."""
    body = text(response).split("<tbody>")[1].split("</tbody>")[0]
    cells = [row.split("</td><td>") for row in body.split("<tr><td>")[1:]]
    return [(row, column, message.split("</td>")[0]) for row, column, message in cells]


def test_a_semicolon_csv_with_long_first_rows_is_read_by_its_header(app, client, make_user):
    client.login(make_user("beheerder").email)
    prose = "Eerst belden we, daarna, na een week, gingen we langs; " * 100  # > 4,096 chars
    rows = [f'Lang {n};"{prose}";Bel eerst, dan pas langs.;wijkteam, buurt' for n in (1, 2)]
    content = ("titel;situatie;les;trefwoorden\n" + "\n".join(rows) + "\n").encode()
    assert len(content.split(b"\n")[1]) > 4096
    checked = upload(client, "excel.csv", content)
    assert checked.status_code == 200, text(checked)
    assert "Alle 2 rijen zijn in orde." in text(checked)
    assert confirm(client, checked).status_code == 302
    assert titles(app) == ["Lang 1", "Lang 2"]


def test_tab_and_comma_headers_are_recognised_too(app, client, make_user):
    client.login(make_user("beheerder").email)
    tabbed = upload(client, "tab.csv", "titel\tsituatie\tles\nTab; één\tSituatie, kort\tLes\n"
                    .encode())
    assert tabbed.status_code == 200 and "Tab; één" in text(tabbed)
    commas = upload(client, "komma.csv", b"titel,situatie,les\nKomma;s,Situatie,Les\n")
    assert commas.status_code == 200 and "Komma;s" in text(commas)


def test_every_problem_of_a_row_is_reported_in_the_first_check(app, client, make_user):
    client.login(make_user("beheerder").email)
    content = ("titel;situatie;les;afdelingen;auteur\n"
               "Alles mis;Situatie;;Nergens;niemand@gemeente.example\n").encode()
    checked = upload(client, "lijst.csv", content)
    assert checked.status_code == 422
    assert sorted(problems(checked)) == [
        ("2", "afdelingen", "Onbekende afdeling: Nergens."),
        ("2", "auteur", "Er is geen gebruiker met e-mailadres niemand@gemeente.example."),
        ("2", "les", "Vul de les in."),
    ]
    english = upload(client, "lijst.csv", content, headers={"Accept-Language": "en"})
    assert "There is no user with the email address niemand@gemeente.example." in \
        text(english)
    assert titles(app) == []


def test_retired_goals_and_conditions_are_accepted_for_imported_rows_only(
        app, client, make_user, api_user):
    with app.app_context():
        db.session.scalars(select(Goal).filter_by(slug="integrale-toegang")).one().active = False
        db.session.scalars(select(Condition).filter_by(slug="transparantie")).one().active = False
        db.session.commit()
    client.login(make_user("beheerder").email)
    content = ("titel;situatie;les;doelen;randvoorwaarden\n"
               "Uit 2019;Situatie;Les;integrale-toegang;Transparantie: ontbrak\n").encode()
    checked = upload(client, "historie.csv", content)
    assert checked.status_code == 200, problems(checked)
    assert confirm(client, checked).status_code == 302
    with app.app_context():
        saved = db.session.scalars(select(Experience)).one()
        assert [g.slug for g in saved.goals] == ["integrale-toegang"]
        assert [(c.condition.slug, c.effect) for c in saved.conditions] == [
            ("transparantie", "ontbrak")]
    _, headers = api_user()
    new = client.post("/api/v1/experiences", headers=headers, json={
        "title": "Nieuw", "situation": "S", "lesson": "L", "goals": ["integrale-toegang"]})
    assert new.status_code == 422 and "Onbekend transformatiedoel" in new.get_data(as_text=True)


def resident_sheet(confirmation: str | None) -> bytes:
    extra = ";geen_inwonersgegevens" if confirmation is not None else ""
    cell = f";{confirmation}" if confirmation is not None else ""
    empty = ";" if confirmation is not None else ""
    return ("titel;situatie;les;status" + extra + "\n"
            f"Een;Situatie;Les;gepubliceerd{empty}\n"
            f"Twee;Situatie;Les;gepubliceerd{empty}\n"
            f"Loket;Moeder met BSN {BSN} kwam langs.;Les;gepubliceerd{cell}\n").encode()


def test_resident_data_is_a_row_problem_in_the_dry_run(app, client, runner, make_user,
                                                       tmp_path):
    assert bsn_valid(BSN)
    admin = make_user("beheerder", email="beheer@gemeente.example")
    client.login(admin.email)
    for sheet in (resident_sheet(None), resident_sheet("nee"), resident_sheet("")):
        checked = upload(client, "lijst.csv", sheet)
        assert checked.status_code == 422
        assert [(row, column) for row, column, _ in problems(checked)] == [("4", "situatie")]
        assert problems(checked)[0][2].startswith("lijkt een BSN te bevatten: \"Moeder met BSN")
    file = tmp_path / "lijst.csv"
    file.write_bytes(resident_sheet(None))
    result = runner.invoke(args=["import", "--dry-run", "--author", admin.email, str(file)])
    assert result.exit_code == 1
    assert "Rij 4, kolom 'situatie': lijkt een BSN te bevatten" in result.output
    unclear = upload(client, "lijst.csv", resident_sheet("misschien"))
    assert ("4", "geen_inwonersgegevens", "Vul 'ja' of 'nee' in.") in problems(unclear)
    assert titles(app) == []


def test_a_confirmed_row_is_imported_and_its_finding_kept(app, client, make_user):
    admin = make_user("beheerder", email="beheer@gemeente.example")
    writer = make_user(email="schrijver@gemeente.example")
    client.login(admin.email)
    lines = resident_sheet("Ja").decode().splitlines()
    sheet = "\n".join([lines[0] + ";auteur"] + [line + ";" + writer.email for line in lines[1:]])
    checked = upload(client, "lijst.csv", sheet.encode())
    assert checked.status_code == 200 and "Alle 3 rijen zijn in orde." in text(checked)
    done = confirm(client, checked)
    assert done.status_code == 302
    assert titles(app) == ["Een", "Twee", "Loket"]
    with app.app_context():
        finding = db.session.scalars(select(PrivacyFinding)).one()
        assert (finding.experience.title, finding.field, finding.kind) == (
            "Loket", "situation", "bsn")
        assert BSN not in finding.snippet
        assert finding.experience.author_id == writer.id
        assert finding.confirmed_by_id == admin.id  # who imported it vouched for the row
        assert db.session.scalar(select(func.count()).select_from(AuditEvent).filter_by(
            action="privacy_finding_confirmed")) == 1
    client.logout()
    client.login(make_user("kernteam").email)
    assert "Loket" in text(client.get("/privacy-meldingen"))
