"""Malformed input never answers 500 (issue 20, findings 3, 5 and 12): huge numbers, NUL
characters, broken JSON text, a binary "CSV", a long XLSX; error pages keep their security
headers; every CSV written escapes formulas."""
import csv
import json
from io import BytesIO

import pytest
from openpyxl import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from rugzak.transfer.spreadsheet import MAX_ROWS

from .test_security_headers import assert_secure_headers

HUGE = str(2**64)
BEYOND_POSTGRES = str(2**31)  # PostgreSQL's INTEGER ends just before; SQLite's at 2**63


@pytest.mark.parametrize("number", [HUGE, BEYOND_POSTGRES])
def test_an_id_beyond_the_database_in_a_path_is_not_found(client, logged_in, api_user, number):
    logged_in()
    assert client.get(f"/ervaringen/{number}/bewerken").status_code == 404
    assert client.get(f"/agenda/nieuw?ervaring={number}").status_code == 400
    _, token = api_user()
    answer = client.get(f"/api/v1/experiences/{number}", headers=token)
    assert answer.status_code == 404 and answer.json["error"].startswith("Deze pagina bestaat")
    answer = client.post("/api/v1/agenda", headers=token, json={
        "title": "Plan", "experience_ids": [int(number)]})
    assert answer.status_code == 422 and answer.json["fields"]["experience_ids"]


def test_a_huge_number_in_a_query_is_refused_in_dutch(client, logged_in, api_user):
    logged_in()
    page = client.get(f"/ervaringen?page={HUGE}")
    assert page.status_code == 400 and "Dit getal is te groot." in page.get_data(as_text=True)
    _, token = api_user()
    answer = client.get("/api/v1/experiences?page=2000000", headers=token)
    assert answer.status_code == 422
    assert answer.json["fields"]["page"] == "Kies een pagina van 1 tot en met 1000000."
    answer = client.get(f"/api/v1/experiences?page={HUGE}", headers=token)
    assert answer.status_code == 400 and answer.json["error"] == "Dit getal is te groot."


def test_a_search_for_a_long_number_is_a_search(client, logged_in, api_user):
    logged_in()
    page = client.get(f"/zoeken?q={HUGE}")
    assert page.status_code == 200 and "Dit getal is te groot." not in page.get_data(as_text=True)
    _, token = api_user()
    assert client.get(f"/api/v1/search?q={HUGE}", headers=token).status_code == 200


def test_huge_numbers_inside_form_and_filter_values_are_no_500(client, logged_in):
    logged_in("kernteam")
    assert client.get(f"/agenda?owner=user:{HUGE}").status_code == 200
    answer = client.submit("/agenda/nieuw", {"title": "Plan", "owner": f"user:{HUGE}",
                                             "status": "idee", "experience_ids": f"1, {HUGE}"})
    assert answer.status_code == 422
    assert "Gebruik de nummers van ervaringen" in answer.get_data(as_text=True)


def test_a_long_number_typed_in_a_text_box_is_text(client, logged_in):
    """A title, place or lesson that is only digits is kept as typed, on SQLite and PostgreSQL
    alike; a number in a field that names a row is still refused."""
    logged_in()
    answer = client.submit("/ervaringen/nieuw", {
        "title": BEYOND_POSTGRES, "situation": HUGE, "lesson": HUGE, "place": HUGE,
        "kind": "les", "visibility": "intern", "publish": "1"})
    assert answer.status_code == 302, answer.get_data(as_text=True)
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "<h1" in page and BEYOND_POSTGRES in page and HUGE in page
    refused = client.submit("/ervaringen/nieuw", {"title": "Plan", "situation": "x",
                                                  "lesson": "y", "version": HUGE})
    assert refused.status_code == 400
    assert "Dit getal is te groot." in refused.get_data(as_text=True)


@pytest.mark.parametrize("body, message", [
    (b'{"title": "\\ud800", "situation": "x", "lesson": "y"}',
     "Het verzoek bevat tekst met een ongeldig teken (een losse surrogaat)."),
    (b"[" * 5000 + b"]" * 5000, "Het verzoek is te diep genest (hoogstens 32 niveaus)."),
    (b'{"title": "\xff\xfe"}', "Het verzoek bevat geen geldige UTF-8-tekst."),
    (b'{"title": "a\\u0000b", "situation": "x", "lesson": "y"}',
     "De invoer bevat een ongeldig teken (NUL). Haal het weg en probeer het opnieuw."),
])
def test_broken_json_text_is_refused_before_parsing(client, api_user, body, message):
    _, token = api_user()
    answer = client.post("/api/v1/experiences", data=body, headers=token,
                         content_type="application/json")
    assert answer.status_code == 400
    assert answer.json["error"] == message
    assert_secure_headers(answer.headers)


def test_nul_is_refused_in_queries_and_forms(client, logged_in, api_user):
    logged_in()
    nul = "De invoer bevat een ongeldig teken (NUL)."
    search = client.get("/zoeken?q=%00")
    assert search.status_code == 400 and nul in search.get_data(as_text=True)
    form = client.submit("/ervaringen/nieuw", {"title": "a\x00b", "situation": "x",
                                               "lesson": "y", "publish": "1"})
    assert form.status_code == 400 and nul in form.get_data(as_text=True)
    _, token = api_user()
    answer = client.get("/api/v1/search?q=%00", headers=token)
    assert answer.status_code == 400 and answer.json["error"].startswith(nul)


def test_even_the_bare_error_page_has_the_security_headers(app, client, logged_in,
                                                           monkeypatch):
    app.config["PROPAGATE_EXCEPTIONS"] = False
    logged_in()

    def broken(*args, **kwargs):
        raise RuntimeError("the template cannot be rendered")

    monkeypatch.setattr("rugzak.experiences.views.render_template", broken)
    monkeypatch.setattr("rugzak.errors.render_template", broken)
    answer = client.get("/ervaringen")
    assert answer.status_code == 500
    assert "Er ging aan onze kant iets mis." in answer.get_data(as_text=True)
    assert_secure_headers(answer.headers)


def upload(client, name: str, content: bytes):
    return client.submit("/beheer/import", {"file": (BytesIO(content), name)},
                         content_type="multipart/form-data")


def test_a_binary_file_named_csv_is_explained(client, make_user):
    client.login(make_user("beheerder").email)
    answer = upload(client, "lijst.csv", bytes(range(256)) * 20)
    assert answer.status_code == 422
    assert "Dit CSV-bestand kunnen we niet lezen" in answer.get_data(as_text=True)


def test_a_long_xlsx_is_read_only_up_to_the_limit(runner, make_user, tmp_path, monkeypatch):
    make_user()
    book = Workbook()
    sheet = book.active
    sheet.append(["titel", "situatie", "les"])
    for number in range(MAX_ROWS + 3000):
        sheet.append([f"Titel {number}", "Situatie", "Les"])
    file = tmp_path / "lang.xlsx"
    book.save(file)
    read = []
    rows_of = ReadOnlyWorksheet._cells_by_row

    def counted(self, *args, **kwargs):
        for row in rows_of(self, *args, **kwargs):
            read.append(1)
            yield row

    monkeypatch.setattr(ReadOnlyWorksheet, "_cells_by_row", counted)
    result = runner.invoke(args=["import", str(file)])
    assert f"Hoogstens {MAX_ROWS} rijen per keer." in result.output
    assert len(read) <= MAX_ROWS + 2


def test_the_cli_export_escapes_formulas(runner, make_user, make_experience, tmp_path):
    author = make_user()
    make_experience(author, title="=HYPERLINK(\"https://elders.example\")",
                    situation="+31 staat voor Nederland", lesson="@SUM(A1:A9)")
    folder = tmp_path / "export"
    assert runner.invoke(args=["export", str(folder)]).exit_code == 0
    with open(folder / "experiences.csv", encoding="utf-8-sig", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["title"] == "'=HYPERLINK(\"https://elders.example\")"
    assert row["situation"] == "'+31 staat voor Nederland" and row["lesson"] == "'@SUM(A1:A9)"
    exported = json.loads((folder / "experiences.json").read_text(encoding="utf-8"))
    assert exported[0]["title"] == "=HYPERLINK(\"https://elders.example\")"  # JSON stays exact
