"""/inzicht: every figure agrees with a count done in plain Python over what the viewer may see."""
import re
from collections import Counter
from datetime import date, timedelta

import pytest

from .insight_helpers import (
    bearer,
    html_table,
    load_demo_accounts,
    quarter,
    read_csv,
    user_id,
    visible_rows,
)

# The demo data and the small data sets start in 2024; without a start /inzicht shows 3 years.
SINCE_2024 = {"start": "2024-01-01"}
FIGURES = ["randvoorwaarden-per-afdeling", "randvoorwaarden-per-kwartaal", "transformatiedoelen",
           "deelname-afdelingen", "deelname-partners", "meest-herkend", "trefwoorden"]


@pytest.fixture
def demo(app):
    return load_demo_accounts(app)


def figure_csv(client, key, **args):
    rows = read_csv(client.get(f"/inzicht/{key}.csv", query_string={**SINCE_2024, **args}))
    return rows[0], rows[1:]


def quarter_span(rows):
    days = sorted(row["day"] for row in rows)
    first, last = days[0], days[-1]
    span, (year, number) = [], (first.year, (first.month - 1) // 3 + 1)
    while (year, number) <= (last.year, (last.month - 1) // 3 + 1):
        span.append(f"{year}-K{number}")
        year, number = (year + 1, 1) if number == 4 else (year, number + 1)
    return span


def check_all_figures(client, rows):
    """Compare each figure's CSV with counts over `rows` (the experiences the viewer sees)."""
    effects = Counter((c, d, e) for r in rows for c, e in r["conditions"] for d in r["departments"])
    _, table = figure_csv(client, "randvoorwaarden-per-afdeling")
    for condition, department, helped, missing in table:
        assert int(helped) == effects[(condition, department, "hielp")], (condition, department)
        assert int(missing) == effects[(condition, department, "ontbrak")], (condition, department)
    assert sum(int(r[2]) + int(r[3]) for r in table) == sum(effects.values())

    trend = Counter((c, quarter(r["day"]), e) for r in rows for c, e in r["conditions"])
    _, table = figure_csv(client, "randvoorwaarden-per-kwartaal")
    assert sorted({r[1] for r in table}) == quarter_span(rows)
    for condition, period, helped, missing in table:
        assert (int(helped), int(missing)) == (trend[(condition, period, "hielp")],
                                               trend[(condition, period, "ontbrak")])
    assert sum(int(r[2]) + int(r[3]) for r in table) == sum(trend.values())

    goals = Counter(g for r in rows for g in r["goals"])
    _, table = figure_csv(client, "transformatiedoelen")
    assert {name: int(n) for name, n, _, _ in table if int(n)} == dict(goals)
    for name, _, last, _ in table:
        if goals[name]:
            assert last == max(r["day"] for r in rows if name in r["goals"]).isoformat()

    for key, field in (("deelname-afdelingen", "departments"), ("deelname-partners", "partners")):
        expected = Counter((o, quarter(r["day"])) for r in rows for o in r[field])
        _, table = figure_csv(client, key)
        assert {(o, q): int(n) for o, q, n in table if int(n)} == dict(expected), key

    check_most_recognised(client, rows)

    tags = Counter(t for r in rows for t in r["tags"])
    _, table = figure_csv(client, "trefwoorden")
    assert len(table) == min(15, len(tags))
    assert all(int(n) == tags[name] for name, n in table)
    shown = [int(n) for _, n in table]
    assert shown == sorted(shown, reverse=True)
    left_out = [count for name, count in tags.items() if name not in {r[0] for r in table}]
    assert max(left_out, default=0) <= min(shown)


def check_most_recognised(client, rows):
    """The top 10 by recognitions of visible experiences; ties may come in any order."""
    recognised = {r["id"]: (r["title"], r["recognised"]) for r in rows if r["recognised"]}
    _, table = figure_csv(client, "meest-herkend")
    assert len(table) == min(10, len(recognised))
    assert all(recognised[int(number)] == (title, int(n)) for title, number, n in table)
    shown = [int(n) for _, _, n in table]
    assert shown == sorted(shown, reverse=True)
    left_out = [n for number, (_, n) in recognised.items()
                if number not in {int(row[1]) for row in table}]
    assert max(left_out, default=0) <= min(shown, default=0)


@pytest.mark.parametrize("key", ["pieter", "sanne", "esra"])
def test_figures_agree_with_a_count_over_the_demo_data(app, client, demo, key):
    email, password = demo[key]
    client.login(email, password)
    rows = visible_rows(app, user_id(app, email))
    assert len(rows) >= 10
    check_all_figures(client, rows)


def test_partner_figures_leave_out_internal_experiences(app, client, demo):
    email, password = demo["esra"]
    client.login(email, password)
    rows = visible_rows(app, user_id(app, email))
    assert rows and all(r["visibility"] == "met_partners" for r in rows)
    everyone = visible_rows(app, user_id(app, demo["pieter"][0]))
    assert len(everyone) > len(rows)
    page = client.get("/inzicht", query_string=SINCE_2024).get_data(as_text=True)
    assert f"{len(rows)} ervaringen in deze selectie" in page
    goals = Counter(g for r in rows for g in r["goals"])
    _, table = figure_csv(client, "transformatiedoelen")
    assert sum(int(r[1]) for r in table) == sum(goals.values())


def test_recognitions_of_internal_experiences_stay_out_of_partner_figures(app, client, demo):
    internal = "Casusoverleg zonder regisseur: iedereen betrokken, niemand eigenaar"
    client.login(*demo["pieter"])
    _, table = figure_csv(client, "meest-herkend")
    assert internal in [row[0] for row in table]
    client.logout()
    client.login(*demo["esra"])
    _, table = figure_csv(client, "meest-herkend")
    assert table and internal not in [row[0] for row in table]
    shared = visible_rows(app, user_id(app, demo["esra"][0]))
    assert sum(int(row[2]) for row in table) == sum(r["recognised"] for r in shared)


def test_most_recognised_counts_only_what_the_viewer_sees(client, make_user, make_experience):
    author = make_user()
    shared = make_experience(author, title="Gedeeld en herkend", visibility="met_partners",
                             occurred_on=date(2025, 2, 1))
    internal = make_experience(author, title="Intern en herkend", visibility="intern",
                               occurred_on=date(2025, 2, 1))
    make_experience(author, title="Niet herkend", visibility="met_partners")
    for role in ("medewerker", "partner", "kernteam"):
        client.login(make_user(role).email)
        for experience in (shared, internal):
            client.submit(f"/ervaringen/{experience.id}/herkenbaar",
                          page=f"/ervaringen/{experience.id}")
        client.logout()
    client.login(make_user().email)
    _, table = figure_csv(client, "meest-herkend")
    assert table == [["Gedeeld en herkend", str(shared.id), "3"],
                     ["Intern en herkend", str(internal.id), "2"]]
    _, table = figure_csv(client, "meest-herkend", end="2024-12-31")
    assert table == []
    client.logout()
    client.login(make_user("partner").email)
    _, table = figure_csv(client, "meest-herkend")
    assert table == [["Gedeeld en herkend", str(shared.id), "3"]]


def test_internal_only_tag_is_counted_for_staff_not_for_partners(client, make_user,
                                                                 make_experience):
    author = make_user()
    make_experience(author, tags=["alleen-intern"], visibility="intern")
    make_experience(author, tags=["gedeeld"], visibility="met_partners")
    client.login(make_user("partner").email)
    _, table = figure_csv(client, "trefwoorden")
    assert table == [["gedeeld", "1"]]
    client.logout()
    client.login(make_user().email)
    _, table = figure_csv(client, "trefwoorden")
    assert sorted(table) == [["alleen-intern", "1"], ["gedeeld", "1"]]


def test_period_and_department_filter_on_small_data(app, client, make_user, make_experience):
    author = make_user()
    make_experience(author, title="Vroeg", occurred_on=date(2024, 1, 10),
                    departments=["werk-en-inkomen"], goals=["integrale-toegang"],
                    conditions={"transparantie": "ontbrak"})
    make_experience(author, title="Midden", occurred_on=date(2024, 5, 2),
                    departments=["jeugd-en-onderwijs"], goals=["integrale-toegang"],
                    conditions={"transparantie": "hielp"})
    make_experience(author, title="Zonder datum", occurred_on=None,
                    departments=["werk-en-inkomen"], conditions={"transparantie": "ontbrak"})
    make_experience(author, title="Concept", status="concept", occurred_on=date(2024, 2, 1),
                    departments=["werk-en-inkomen"], conditions={"transparantie": "hielp"})
    client.login(make_user("kernteam").email)
    _, table = figure_csv(client, "randvoorwaarden-per-kwartaal")
    today = quarter(date.today())
    counts = {(c, q): (int(h), int(m)) for c, q, h, m in table if c == "Transparantie"}
    assert counts[("Transparantie", "2024-K1")] == (0, 1)
    assert counts[("Transparantie", "2024-K2")] == (1, 0)
    assert counts[("Transparantie", today)] == (0, 1)  # no date: the day it was published
    args = {"start": "2024-01-01", "end": "2024-06-30"}
    _, table = figure_csv(client, "randvoorwaarden-per-afdeling", **args)
    cells = {(c, d): (int(h), int(m)) for c, d, h, m in table if c == "Transparantie"}
    assert cells[("Transparantie", "Werk en Inkomen")] == (0, 1)
    assert cells[("Transparantie", "Jeugd en Onderwijs")] == (1, 0)
    _, table = figure_csv(client, "deelname-afdelingen", department="jeugd-en-onderwijs")
    assert [row for row in table if row[2] != "0"] == [["Jeugd en Onderwijs", "2024-K2", "1"]]
    page = client.get("/inzicht", query_string={**args, "department": "werk-en-inkomen"})
    assert "1 ervaring in deze selectie" in page.get_data(as_text=True)


def test_goals_without_recent_experiences_are_flagged(client, make_user, make_experience):
    author = make_user()
    make_experience(author, occurred_on=date(2020, 3, 1), goals=["werk-boven-uitkering"])
    make_experience(author, occurred_on=date.today(), goals=["integrale-toegang"])
    client.login(make_user().email)
    page = client.get("/inzicht?start=2020-01-01").get_data(as_text=True)
    table = {row[0]: row[1:] for row in html_table(page, "transformatiedoelen")[1:]}
    assert table["Werk boven uitkering"] == ["1", "2020-03-01", "nee"]
    assert table["Integrale toegang"] == ["1", date.today().isoformat(), "ja"]
    assert table["Van zorg naar preventie"] == ["0", "", "nee"]
    assert "geen recente ervaring" in page


def test_each_csv_matches_its_table_on_the_page(client, demo):
    client.login(*demo["pieter"])
    client.get("/zoeken?q=tweelingwoning")
    page = client.get("/inzicht", query_string=SINCE_2024).get_data(as_text=True)
    for key in FIGURES + ["zoekvragen-zonder-resultaat"]:
        header, rows = figure_csv(client, key)
        shown = [row[:len(header)] for row in html_table(page, key)]  # without a link column
        assert shown == [header, *rows], key
        assert f'href="/inzicht/{key}.csv?start=' in page


def test_charts_are_accessible_svg(client, demo):
    client.login(*demo["sanne"])
    page = client.get("/inzicht", query_string=SINCE_2024).get_data(as_text=True)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == len(FIGURES)
    assert page.count('role="img" aria-labelledby="fig-') == len(FIGURES)
    assert "<title id=\"fig-doelen-titel\">" in page and "<desc id=\"fig-doelen-uitleg\">" in page
    assert "<script" not in page


CELL_SVG = re.compile(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="30" '
                      r'fill="(#[0-9a-f]{6})" stroke="#ffffff"/>'
                      r'(?:<rect [^>]*/>)?<text [^>]*fill="(#[0-9a-f]{6})" '
                      r'font-weight="600">(\d+)</text>')


def test_heat_map_shows_helped_and_missing_in_two_readable_colour_families(
        client, make_user, make_experience):
    author = make_user()
    for _ in range(3):
        make_experience(author, departments=["werk-en-inkomen"],
                        conditions={"transparantie": "hielp", "verantwoordelijkheden": "ontbrak"})
    make_experience(author, departments=["werk-en-inkomen"],
                    conditions={"transparantie": "ontbrak"})
    client.login(author.email)
    page = client.get("/inzicht", query_string=SINCE_2024).get_data(as_text=True)
    svg = page.split('<svg', 2)[1].split("</svg>", 1)[0]
    assert 'id="fig-voorwaarden-titel"' in svg
    columns = re.findall(r'rotate\(-45[^>]*>([^<]*)</text>', svg)
    cells = [(columns[index % len(columns)], fill, ink, int(value)) for index, (_, fill, ink, value)
             in enumerate(CELL_SVG.findall(svg))]
    assert len(cells) == 5 * len(columns)
    helped = {fill for column, fill, _, n in cells
              if column == "Werk en Inkomen · hielp" and n == 3}
    missing = {fill for column, fill, _, n in cells
               if column == "Werk en Inkomen · ontbrak" and n == 3}
    assert len(helped) == len(missing) == 1 and helped != missing
    zero = {(column.rsplit(" · ", 1)[1], fill) for column, fill, _, n in cells if n == 0}
    assert len({fill for _, fill in zero}) == 2, "a zero cell shows its column's colour family"
    for _, fill, ink, _ in cells:
        assert contrast(ink, fill) >= 4.5, (fill, ink)
    assert ">hielp</text>" in svg and ">ontbrak</text>" in svg
    assert 'fill="url(#fig-voorwaarden-hatch)"' in svg


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, computed here rather than with the app's own function."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    darker, lighter = sorted((luminance(first), luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


def test_unanswered_searches_for_the_core_team_only(client, make_user, make_experience):
    make_experience(make_user(), title="Wijkteam overleg")
    client.login(make_user().email)
    for query in ["mantelzorgwoning", "Mantelzorgwoning", "wijkteam", "=HYPERLINK(1)"]:
        client.get("/zoeken", query_string={"q": query})
    assert "Zoekvragen zonder resultaat" not in client.get("/inzicht").get_data(as_text=True)
    assert client.get("/inzicht/zoekvragen-zonder-resultaat.csv").status_code == 403
    client.logout()
    for role in ("kernteam", "beheerder"):
        client.login(make_user(role).email)
        _, table = figure_csv(client, "zoekvragen-zonder-resultaat")
        assert [row[:2] for row in table] == [["mantelzorgwoning", "2"], ["'=hyperlink(1)", "1"]]
        assert table[0][2] == date.today().isoformat()
        _, later = figure_csv(client, "zoekvragen-zonder-resultaat", start="2999-01-01")
        assert later == []
        client.logout()


def test_bad_filter_input_is_explained_and_kept(client, logged_in):
    logged_in()
    response = client.get("/inzicht", query_string={"start": "14.03.2025", "end": "2024-01-01",
                                                    "department": "onbekend"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14." in page
    assert "Kies een afdeling uit de lijst." in page
    assert 'value="14.03.2025"' in page and 'aria-invalid="true"' in page
    response = client.get("/inzicht", query_string={"start": "2025-02-01", "end": "2025-01-01"})
    assert response.status_code == 422
    assert "De einddatum ligt vóór de begindatum." in response.get_data(as_text=True)
    assert client.get("/inzicht/trefwoorden.csv?start=gisteren").status_code == 422
    assert client.get("/inzicht/bestaat-niet.csv").status_code == 404


def test_without_dates_the_last_three_years_show_in_whole_quarters(client, make_user,
                                                                   make_experience):
    today = date.today()
    quarters = today.year * 4 + (today.month - 1) // 3 - 11
    first = date(quarters // 4, quarters % 4 * 3 + 1, 1)
    author = make_user()
    make_experience(author, title="Eerste dag", occurred_on=first)
    make_experience(author, title="Vandaag", occurred_on=today)
    make_experience(author, title="Net ervoor", occurred_on=first - timedelta(days=1))
    client.login(make_user().email)
    page = client.get("/inzicht").get_data(as_text=True)
    assert "2 ervaringen in deze selectie" in page
    assert f'value="{first.isoformat()}"' in page and f'value="{today.isoformat()}"' in page
    assert "Wis het filter" not in page
    _, table = figure_csv(client, "randvoorwaarden-per-kwartaal", start="")
    columns = sorted({row[1] for row in table})
    assert len(columns) == 12 and columns[0] == quarter(first) and columns[-1] == quarter(today)


def test_a_period_longer_than_ten_years_is_refused(app, client, make_user):
    client.login(make_user().email)
    long_ago = {"start": "2014-01-01", "end": "2024-01-01"}
    response = client.get("/inzicht", query_string=long_ago)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies een periode van hoogstens 10 jaar." in page
    assert 'value="2014-01-01"' in page and "Wis het filter" in page
    assert client.get("/inzicht", query_string={"start": "2014-01-02",
                                                "end": "2024-01-01"}).status_code == 200
    staff = bearer(app, make_user())
    refused = client.get("/api/v1/insight", query_string=long_ago, headers=staff)
    assert refused.status_code == 422
    assert refused.get_json()["fields"] == {"start": "Kies een periode van hoogstens 10 jaar."}
    assert client.get("/verslag/periode.pdf", query_string=long_ago).status_code == 422
    typo = client.get("/inzicht", query_string={"start": "0202-05-01"})
    assert "Kies een datum vanaf 1900." in typo.get_data(as_text=True)
    assert typo.status_code == 422


def test_sign_in_required(client):
    assert client.get("/inzicht").status_code == 302
    assert client.get("/inzicht/trefwoorden.csv").status_code == 302


def test_api_gives_the_same_figures_and_rules(app, client, make_user, make_experience):
    author = make_user()
    make_experience(author, tags=["alleen-intern"], visibility="intern")
    make_experience(author, tags=["gedeeld"], visibility="met_partners",
                    occurred_on=date(2025, 5, 1))
    staff = bearer(app, make_user())
    body = client.get("/api/v1/insight", query_string=SINCE_2024, headers=staff).get_json()
    assert body["total"] == 2
    assert [f["key"] for f in body["figures"]] == FIGURES
    tags = next(f for f in body["figures"] if f["key"] == "trefwoorden")
    assert sorted(tags["rows"]) == [["alleen-intern", 1], ["gedeeld", 1]]
    assert tags["columns"] == ["Trefwoord", "Ervaringen"]
    partner = bearer(app, make_user("partner"))
    one = client.get("/api/v1/insight/trefwoorden", headers=partner).get_json()
    assert one["rows"] == [["gedeeld", 1]]
    period = client.get("/api/v1/insight?start=2025-04-01&end=2025-06-30",
                        headers=staff).get_json()
    assert period["total"] == 1 and "2025" in period["selection"]
    bad = client.get("/api/v1/insight?start=morgen&department=nergens", headers=staff)
    assert bad.status_code == 422
    assert bad.get_json()["fields"] == {
        "start": "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.",
        "department": "Kies een afdeling uit de lijst."}
    assert client.get("/api/v1/insight/zoekvragen-zonder-resultaat",
                      headers=staff).status_code == 403
    curator = bearer(app, make_user("kernteam"))
    assert client.get("/api/v1/insight/zoekvragen-zonder-resultaat",
                      headers=curator).status_code == 200
    assert client.get("/api/v1/insight/onbekend", headers=staff).status_code == 404
    assert client.get("/api/v1/insight").status_code == 401
