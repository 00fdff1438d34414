"""The reflection report (HTML and PDF) and the CSV export of a search result."""
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from rugzak.audit.models import Action, AuditEvent
from rugzak.bundles.models import Bundle
from rugzak.demo.data import demo_data
from rugzak.extensions import db

from .insight_helpers import load_demo_accounts, read_csv, user_id, visible_rows
from .test_bundles import add, item_ids, make_bundle

BUNDLE = demo_data("curation")["bundle"]


def pdf_text(response) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:1000]
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def demo(app):
    return load_demo_accounts(app)


def test_pdf_of_a_period_contains_its_experiences(app, client, demo):
    client.login(*demo["pieter"])
    rows = [r for r in visible_rows(app, user_id(app, demo["pieter"][0]))
            if date(2025, 1, 1) <= r["day"] <= date(2025, 6, 30)]
    assert len(rows) >= 4
    text = pdf_text(client.get("/verslag/periode.pdf?start=2025-01-01&end=2025-06-30"))
    assert "rugzak · reflectieverslag" in text.lower()
    assert f"Ervaringen in dit verslag {len(rows)}" in text
    for row in rows:
        assert squash(row["title"]) in text, row["title"]
    outside = visible_rows(app, user_id(app, demo["pieter"][0]))
    assert not any(squash(r["title"]) in text for r in outside if r["day"].year == 2024)
    assert "Randvoorwaarden per afdeling" in text and "Pieter Bakker" in text
    with app.app_context():
        event = db.session.query(AuditEvent).filter_by(action=Action.EXPORT).one()
        assert "pdf" in event.detail and str(len(rows)) in event.detail


def test_every_pdf_page_is_numbered_in_the_readers_language(client, demo):
    client.login(*demo["pieter"])
    reader = PdfReader(io.BytesIO(client.get("/verslag/zoekopdracht.pdf?q=wijkteam").data))
    pages = len(reader.pages)
    assert pages > 1
    assert f"pagina {pages} van {pages}" in reader.pages[-1].extract_text()
    assert client.submit("/taal", {"locale": "en"}).status_code == 302
    reader = PdfReader(io.BytesIO(client.get("/verslag/zoekopdracht.pdf?q=wijkteam").data))
    assert "page 1 of" in reader.pages[0].extract_text()


def test_pdf_of_a_search_for_a_partner_leaves_out_internal(app, client, demo):
    client.login(*demo["esra"])
    shared = visible_rows(app, user_id(app, demo["esra"][0]))
    everyone = visible_rows(app, user_id(app, demo["pieter"][0]))
    internal = [r for r in everyone if r["visibility"] == "intern"]
    text = pdf_text(client.get("/verslag/zoekopdracht.pdf"))
    assert f"Ervaringen in dit verslag {len(shared)}" in text
    assert all(squash(r["title"]) in text for r in shared)
    assert not any(squash(r["title"]) in text for r in internal)


def test_html_report_of_a_search_with_cover_figures_and_open_agenda(app, client, make_user,
                                                                     make_experience):
    author = make_user()
    found = make_experience(author, title="Warme overdracht naar het wijkteam",
                            lesson="Bel **samen** het wijkteam.", tags=["wijkteam"],
                            departments=["werk-en-inkomen"])
    make_experience(author, title="Iets heel anders", lesson="Over schulden.")
    client.login(make_user("kernteam", name="Kim Kern").email)
    for title, status in (("Open actie", "loopt"), ("Afgeronde actie", "gerealiseerd")):
        client.submit("/agenda/nieuw", {"title": title, "owner": "department:werk-en-inkomen",
                                        "status": status, "experience_ids": str(found.id)})
    response = client.get("/verslag/zoekopdracht?q=wijkteam")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Zoekopdracht „wijkteam”" in page and "Kim Kern" in page
    assert "Warme overdracht naar het wijkteam" in page and "Iets heel anders" not in page
    assert "<strong>samen</strong>" in page
    figures = page.split('id="verslag-inzicht-kop"', 1)[1]
    assert "Meest gebruikte trefwoorden" in figures and 'class="chart"' not in figures
    assert page.index('id="verslag-ervaringen-kop"') < page.index('id="verslag-inzicht-kop"')
    agenda = page.split('id="verslag-agenda-kop"', 1)[1]
    assert "Open actie" in agenda and "Afgeronde actie" not in agenda
    assert 'href="/verslag/zoekopdracht.pdf?q=wijkteam"' in page
    assert "report.css" in page
    search_page = client.get("/zoeken?q=wijkteam").get_data(as_text=True)
    assert 'href="/verslag/zoekopdracht?q=wijkteam"' in search_page
    assert 'href="/zoeken/export.csv?q=wijkteam"' in search_page
    insight = client.get("/inzicht?start=2025-01-01").get_data(as_text=True)
    assert 'href="/verslag/periode?start=2025-01-01&amp;end=' in insight


def demo_bundle_id(app) -> int:
    with app.app_context():
        return db.session.query(Bundle).filter_by(title=BUNDLE["title"]).one().id


def experiences_part(text: str) -> str:
    """The PDF's text from the heading "De ervaringen" (after the cover and the figures)."""
    assert text.count("De ervaringen") == 1
    return text.split("De ervaringen", 1)[1].split("Open agendapunten uit deze ervaringen", 1)[0]


def test_a_bundle_report_of_four_experiences_is_short_and_starts_with_them(app, client, demo):
    client.login(*demo["esra"])
    response = client.get(f"/verslag/bundel.pdf?bundle={demo_bundle_id(app)}")
    assert "Ervaringen in dit verslag 4" in pdf_text(response)
    pages = [" ".join((page.extract_text() or "").split())
             for page in PdfReader(io.BytesIO(response.data)).pages]
    assert len(pages) <= 6
    visible = {r["title"] for r in visible_rows(app, user_id(app, demo["esra"][0]))}
    first = squash(next(item["title"] for item in BUNDLE["items"] if item["title"] in visible))
    starts = next(number for number, page in enumerate(pages) if first in page)
    assert starts < 3
    assert starts <= next(number for number, page in enumerate(pages)
                          if "Inzicht in deze selectie" in page)
    assert not re.search(r"(\b0 0 ){3}", " ".join(pages)), "no tables of zeros"


def test_the_pdf_is_tagged_with_title_and_language(app, client, demo):
    client.login(*demo["esra"])
    reader = PdfReader(io.BytesIO(client.get(f"/verslag/bundel.pdf?bundle={demo_bundle_id(app)}")
                                  .data))
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"]
    tree = catalog["/StructTreeRoot"].get_object()
    assert tree["/K"], "the structure tree has elements"
    assert catalog["/Lang"] == "nl"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title == squash(f"Reflectieverslag: Bundel „{BUNDLE['title']}”")
    roles = structure_roles(tree)
    assert {"H1", "H2", "H3", "Table", "TH", "TD"} <= roles, roles
    assert reader.outline, "headings become bookmarks"


def structure_roles(element, seen=None) -> set[str]:
    """Every structure type (/S) below `element` in the PDF's structure tree."""
    seen = set() if seen is None else seen
    element = element.get_object()
    if isinstance(element, list):
        for child in element:
            structure_roles(child, seen)
    elif hasattr(element, "get"):
        if "/S" in element:
            seen.add(str(element["/S"])[1:])
        if "/K" in element:
            structure_roles(element["/K"], seen)
    return seen


@pytest.mark.parametrize("key", ["pieter", "sanne", "esra"])
def test_pdf_of_a_bundle_has_its_visible_items_in_order_with_notes(app, client, demo, key):
    client.login(*demo[key])
    bundle = demo_bundle_id(app)
    page = client.get(f"/bundels/{bundle}").get_data(as_text=True)
    assert f'href="/verslag/bundel?bundle={bundle}"' in page
    assert f'href="/verslag/bundel.pdf?bundle={bundle}"' in page
    text = pdf_text(client.get(f"/verslag/bundel.pdf?bundle={bundle}"))
    assert squash(f"Bundel „{BUNDLE['title']}”") in text
    visible = {r["title"] for r in visible_rows(app, user_id(app, demo[key][0]))}
    items = [(item["title"], item["note"]) for item in BUNDLE["items"]]
    shown = [(title, note) for title, note in items if title in visible]
    hidden = [(title, note) for title, note in items if title not in visible]
    assert len(shown) >= 4 and len(hidden) == (1 if key == "esra" else 0)
    assert f"Ervaringen in dit verslag {len(shown)}" in text
    part = experiences_part(text)
    positions = [part.index(squash(title)) for title, _ in shown]
    assert positions == sorted(positions)
    assert all(squash(note) in part for _, note in shown if note)
    for title, note in hidden:
        assert squash(title) not in text and squash(note) not in text
    assert "wat nemen we van elkaar over" in text


def test_html_report_of_a_bundle_follows_its_order(client, make_user, make_experience):
    author = make_user()
    first = make_experience(author, title="Eerste in de bundel")
    second = make_experience(author, title="Tweede in de bundel")
    client.login(make_user("kernteam").email)
    bundle = make_bundle(client, title="Volgorde", intro="Lees **vooraf**.")
    add(client, bundle, first.id, note="Begin hier.")
    add(client, bundle, second.id)
    client.submit(f"/bundels/{bundle}/onderdelen/{item_ids(client, bundle)[1]}/omhoog",
                  page=f"/bundels/{bundle}")
    response = client.get(f"/verslag/bundel?bundle={bundle}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<strong>vooraf</strong>" in page
    assert f'href="/verslag/bundel.pdf?bundle={bundle}"' in page
    part = page.split('id="verslag-ervaringen-kop"', 1)[1]
    assert part.index("Tweede in de bundel") < part.index("Eerste in de bundel")
    assert "Notitie van het kernteam" in part and "Begin hier." in part


def test_every_report_holds_at_most_its_limit_and_says_so(monkeypatch, client, make_user,
                                                          make_experience):
    monkeypatch.setattr("rugzak.reports.selections.REPORT_LIMIT", 2)
    author = make_user()
    made = [make_experience(author, title=f"Ervaring {n}", occurred_on=date(2025, 1, n))
            for n in (1, 2, 3)]
    client.login(make_user("kernteam").email)
    bundle = make_bundle(client, title="Drie")
    for experience in made:
        add(client, bundle, experience.id)
    for url in ("/verslag/periode?start=2025-01-01", f"/verslag/bundel?bundle={bundle}"):
        page = client.get(url).get_data(as_text=True)
        assert "dit verslag bevat de eerste 2" in page, url
        part = page.split('id="verslag-ervaringen-kop"', 1)[1]
        assert "Ervaring 1" in part and "Ervaring 2" in part and "Ervaring 3" not in part, url
    period = client.get("/verslag/periode?start=2025-01-01").get_data(as_text=True)
    assert "Gepubliceerde ervaringen die in deze periode gebeurden: 3" in period


@pytest.mark.parametrize("role", ["medewerker", "partner", "kernteam", "beheerder"])
def test_bundle_report_follows_who_may_read_the_bundle(app, client, make_user, make_experience,
                                                       role):
    app.config["REPORTS_PER_MINUTE"] = 100  # fourteen reports in a row; tests/test_budget.py
    experience = make_experience(make_user(), title="Alleen intern")
    client.login(make_user("kernteam").email)
    internal = make_bundle(client, title="Interne bundel", visibility="intern")
    add(client, internal, experience.id)
    client.logout()
    client.login(make_user(role).email)
    expected = 404 if role == "partner" else 200
    for url in (f"/verslag/bundel?bundle={internal}", f"/verslag/bundel.pdf?bundle={internal}"):
        assert client.get(url).status_code == expected, url
    for number in ("", "abc", "-1", str(internal + 1000), "١"):
        assert client.get(f"/verslag/bundel?bundle={number}").status_code == 404, number
        assert client.get(f"/verslag/bundel.pdf?bundle={number}").status_code == 404, number
    assert client.get(f"/verslag/bundel?bundle={'9' * 30}").status_code == 400  # too big


def test_search_csv_matches_the_result_and_is_safe(app, client, make_user, make_experience):
    author = make_user(name="Ans Auteur")
    first = make_experience(author, title="=SOM(A1) wijkteam", lesson="Les over het wijkteam.",
                            occurred_on=date(2025, 1, 1))
    second = make_experience(author, title="Tweede wijkteam", occurred_on=date(2025, 2, 1),
                             anonymous=True, visibility="met_partners")
    make_experience(author, title="Geen treffer")
    client.login(make_user().email)
    rows = read_csv(client.get("/zoeken/export.csv?q=wijkteam&sort=nieuwste"))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Nummer", "Titel", "Soort"] and header[-1] == "Adres"
    assert [row[0] for row in body] == [str(second.id), str(first.id)]
    assert body[1][1] == "'=SOM(A1) wijkteam"
    assert body[0][header.index("Vastgelegd door")] == "een collega van Werk en Inkomen"
    assert body[1][header.index("Les")] == "Les over het wijkteam."
    client.logout()
    client.login(make_user("partner").email)
    body = read_csv(client.get("/zoeken/export.csv?q=wijkteam"))[1:]
    assert [row[0] for row in body] == [str(second.id)]


def test_bad_selections_are_explained(client, logged_in):
    logged_in()
    response = client.get("/verslag/periode?start=2025-31-01")
    assert response.status_code == 422
    assert "Vul een datum in als jjjj-mm-dd" in response.get_data(as_text=True)
    response = client.get("/verslag/zoekopdracht.pdf?q=%22open")
    assert response.status_code == 422
    assert "aanhalingsteken" in response.get_data(as_text=True)
    assert client.get("/zoeken/export.csv?q=(haakje").status_code == 422
    assert client.get("/verslag/bundel").status_code == 404
    assert client.get("/verslag/bundel.pdf").status_code == 404


def test_reports_require_sign_in(client):
    for url in ("/verslag/periode", "/verslag/periode.pdf", "/zoeken/export.csv",
                "/verslag/bundel?bundle=1", "/verslag/bundel.pdf?bundle=1"):
        assert client.get(url).status_code == 302


def test_empty_selection_still_makes_a_report(client, logged_in):
    logged_in()
    text = pdf_text(client.get("/verslag/zoekopdracht.pdf?q=onvindbaarwoord"))
    assert "Deze selectie bevat geen ervaringen." in text
    assert re.search(r"Ervaringen in dit verslag 0", text)
