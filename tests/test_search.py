"""Search through /zoeken and /api/v1/search: Dutch matching, facets, visibility, sync, CLI."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from rugzak import create_app
from rugzak.auth.models import User
from rugzak.experiences.models import Experience
from rugzak.experiences.queries import visible_experiences
from rugzak.extensions import db
from rugzak.search.changelog import SearchChange, log_flushed_changes
from rugzak.search.log import SearchLog
from rugzak.search.query import visibility_filter
from rugzak.search.service import search_service

from . import conftest


def titles(client, query: str = "", **args) -> list[str]:
    page = client.get("/zoeken", query_string={"q": query, **args})
    assert page.status_code == 200
    return re.findall(r'class="card__title"><a href="/ervaringen/\d+">([^<]+)</a>',
                      page.get_data(as_text=True))


@pytest.fixture
def author(make_user):
    return make_user(name="Schrijver")


@pytest.mark.parametrize("query, text", [
    ("afspraken", "We maakten één afspraak met de buurt."),
    ("wijkteams", "Het wijkteam kwam langs."),
    ("jongeren", "Elke jongere kreeg een coach."),
    ("samenwerking", "De samenwerkingsafspraken liepen vast."),
    ("samenwerking", "Een samenwerkingstraject van een jaar."),
    ("participatie", "De participatiesamenleving vraagt veel."),
    ("definieren", "Samen een doel definiëren."),
    ("schuldenaanpak", "We gingen de schulden samen aanpakken."),
])
def test_dutch_examples_are_found_through_the_search_page(client, author, make_experience,
                                                          logged_in, query, text):
    make_experience(author, title="Gevonden", situation=text)
    make_experience(author, title="Ruis", situation="Iets heel anders over vergaderen.")
    logged_in()
    assert titles(client, query) == ["Gevonden"]


def test_stop_words_alone_match_nothing(client, author, make_experience, logged_in):
    make_experience(author, title="De ervaring", situation="Het is de beste.")
    logged_in()
    assert titles(client, "de") == [] and titles(client, "het") == []


def test_title_outweighs_lesson_outweighs_body(client, author, make_experience, logged_in):
    make_experience(author, title="Iets", situation="Over mantelzorg gesproken.")
    make_experience(author, title="Mantelzorg ondersteunen", situation="Een gesprek.")
    make_experience(author, title="Anders", situation="Een gesprek.",
                    lesson="Mantelzorg verdient aandacht.")
    logged_in()
    assert titles(client, "mantelzorg") == ["Mantelzorg ondersteunen", "Anders", "Iets"]


def test_boolean_syntax_in_dutch_and_english(client, author, make_experience, logged_in):
    make_experience(author, title="Schuld en werk", situation="schulden en werk")
    make_experience(author, title="Alleen schuld", situation="schulden")
    make_experience(author, title="Alleen werk", situation="werk")
    logged_in()
    assert sorted(titles(client, "schulden EN werk")) == ["Schuld en werk"]
    assert sorted(titles(client, "schulden AND werk")) == ["Schuld en werk"]
    assert sorted(titles(client, "schulden OF werk")) == [
        "Alleen schuld", "Alleen werk", "Schuld en werk"]
    assert sorted(titles(client, "schulden NIET werk")) == ["Alleen schuld"]
    assert sorted(titles(client, "schulden NOT werk")) == ["Alleen schuld"]


def test_quotes_search_a_phrase(client, author, make_experience, logged_in):
    make_experience(author, title="Warm", situation="De warme overdracht werkte.")
    make_experience(author, title="Los", situation="Overdracht ging mis, het was warm weer.")
    logged_in()
    assert titles(client, '"warme overdracht"') == ["Warm"]


@pytest.mark.parametrize("query", ['"open aanhalingsteken', "(haakje", "NIET", "EN OF"])
def test_malformed_query_gets_a_friendly_message(client, author, make_experience, logged_in,
                                                 query):
    make_experience(author)
    logged_in()
    response = client.get("/zoeken", query_string={"q": query})
    assert response.status_code == 200
    assert "Foutcode" not in response.get_data(as_text=True)


def test_unbalanced_quote_is_explained(client, logged_in):
    logged_in()
    page = client.get("/zoeken", query_string={"q": '"warme overdracht'}).get_data(as_text=True)
    assert "Er ontbreekt een aanhalingsteken" in page


def test_empty_query_lists_newest_with_facets(client, author, make_experience, logged_in):
    from datetime import date

    make_experience(author, title="Oud", occurred_on=date(2024, 1, 5))
    make_experience(author, title="Nieuw", occurred_on=date(2025, 1, 5))
    logged_in()
    page = client.get("/zoeken").get_data(as_text=True)
    assert titles(client) == ["Nieuw", "Oud"]
    assert "Verfijnen" in page and "2024" in page and "2025" in page


def test_facets_count_and_narrow(client, author, make_experience, logged_in):
    make_experience(author, title="Werk een", situation="overleg", kind="succes",
                    departments=["werk-en-inkomen"], conditions={"transparantie": "ontbrak"})
    make_experience(author, title="Werk twee", situation="overleg", kind="les",
                    departments=["werk-en-inkomen"], partners=["uwv"],
                    conditions={"transparantie": "hielp"})
    make_experience(author, title="Jeugd", situation="overleg", kind="les",
                    departments=["jeugd-en-onderwijs"], goals=["integrale-toegang"])
    logged_in()
    result = client.get("/api/v1/search?q=overleg&per_page=10").get_json()
    assert result["total"] == 3
    assert result["facets"]["department"] == {"werk-en-inkomen": 2, "jeugd-en-onderwijs": 1}
    assert result["facets"]["condition_effect"] == {"transparantie:ontbrak": 1,
                                                    "transparantie:hielp": 1}
    assert result["facets"]["kind"] == {"succes": 1, "les": 2}
    narrowed = client.get("/api/v1/search?q=overleg&department=werk-en-inkomen&kind=les"
                          ).get_json()
    assert [r["title"] for r in narrowed["results"]] == ["Werk twee"]
    assert narrowed["facets"]["partner"] == {"uwv": 1}
    assert titles(client, "overleg", condition="transparantie", effect="ontbrak") == ["Werk een"]
    assert sorted(titles(client, "overleg", condition="transparantie")) == [
        "Werk een", "Werk twee"]
    assert titles(client, "overleg", goal="integrale-toegang") == ["Jeugd"]
    page = client.get("/zoeken?q=overleg").get_data(as_text=True)
    assert "condition=transparantie&amp;effect=ontbrak" in page
    assert ('<span lang="nl">Transparantie</span> — ontbrak</a> <span class="muted">(1)</span>'
            in page)
    chosen = client.get("/zoeken?q=overleg&department=werk-en-inkomen").get_data(as_text=True)
    assert ('aria-current="true"><strong><span lang="nl">Werk en Inkomen</span></strong> (2)'
            in chosen)
    assert titles(client, "overleg", partner="uwv") == ["Werk twee"]
    assert titles(client, "overleg", year="2025") and titles(client, "overleg", year="1999") == []


def test_snippets_highlight_and_escape(client, author, make_experience, logged_in):
    make_experience(author, title="Veilig", lesson="Een <script>alert(1)</script> wijkteam les.")
    logged_in()
    page = client.get("/zoeken?q=wijkteam").get_data(as_text=True)
    assert re.search(r"<mark[^>]*>wijkteam</mark>", page)
    assert "<script>alert(1)" not in page


def test_a_snippet_shows_where_the_text_was_cut(client, author, make_experience, logged_in):
    opening = "Eerst spraken we af wie wat deed. " * 8
    closing = " Daarna ging het vanzelf beter. " * 8
    make_experience(author, title="Lang", lesson=f"{opening}Het wijkteam nam de regie.{closing}")
    make_experience(author, title="Kort", lesson="Het buurthuis hielp.")
    logged_in()

    def snippet_for(query: str) -> str:
        page = client.get(f"/zoeken?q={query}").get_data(as_text=True)
        return re.search(r'class="snippet">(.*?)</p>', page, re.S).group(1).strip()

    cut = snippet_for("wijkteam")
    assert cut.startswith("…") and cut.endswith("…")
    assert re.search(r"<mark[^>]*>wijkteam</mark> nam de regie", cut)
    whole = snippet_for("buurthuis")  # nothing cut, no ellipsis
    assert re.fullmatch(r"Het <mark[^>]*>buurthuis</mark> hielp\.", whole)


def test_sort_newest_and_pagination(client, author, make_experience, logged_in):
    from datetime import date

    for day in range(1, 13):
        make_experience(author, title=f"Overleg {day:02d}", situation="overleg",
                        occurred_on=date(2025, 1, day))
    logged_in()
    first = titles(client, "overleg", sort="nieuwste")
    assert len(first) == 10 and first[0] == "Overleg 12"
    second = titles(client, "overleg", sort="nieuwste", page="2")
    assert second == ["Overleg 02", "Overleg 01"]
    assert len(titles(client, "overleg", page="x")) == 10  # a bad page number means page 1


def test_did_you_mean(client, author, make_experience, logged_in):
    make_experience(author, title="Samenwerking", situation="samenwerking met partners")
    logged_in()
    page = client.get("/zoeken?q=samenwerkng").get_data(as_text=True)
    assert "Bedoelde je" in page and "samenwerking</strong></a>?" in page


def test_typo_finds_the_word_but_ranks_below_exact_matches(client, author, make_experience,
                                                          logged_in):
    make_experience(author, title="Wijkteam aan tafel", situation="Het wijkteam en een wijkteam.",
                    departments=["jeugd-en-onderwijs"])
    make_experience(author, title="Geld", situation="Een gesprek over het budget.",
                    departments=["werk-en-inkomen"])
    make_experience(author, title="Anders", situation="Iets over vergaderen.")
    logged_in()
    assert titles(client, "wijkteem") == ["Wijkteam aan tafel"]
    page = client.get("/zoeken?q=wijkteem").get_data(as_text=True)
    assert re.search(r"<mark[^>]*>[Ww]ijkteam</mark>", page)
    assert "Bedoelde je" in page and "wijkteam</strong></a>?" in page
    # The typo's document scores higher on its own, but an exact match always comes first.
    assert titles(client, "wijkteem OF budget") == ["Geld", "Wijkteam aan tafel"]
    result = client.get("/api/v1/search?q=wijkteem OF budget").get_json()
    assert result["total"] == 2 and result["suggestion"] is None
    assert result["facets"]["department"] == {"werk-en-inkomen": 1, "jeugd-en-onderwijs": 1}
    assert titles(client, "wijkteem", sort="nieuwste") == ["Wijkteam aan tafel"]
    # A word after NIET is never widened: it would exclude more than was asked.
    assert titles(client, "gesprek NIET budgt") == ["Geld"]
    assert titles(client, '"wijkteem"') == []  # nor inside quotes


def test_typo_never_reaches_what_a_partner_may_not_see(client, author, make_experience,
                                                       logged_in):
    make_experience(author, title="Intern", situation="wijkbudget", visibility="intern")
    logged_in("partner")
    result = client.get("/api/v1/search?q=wijkbudgt").get_json()
    assert result["total"] == 0 and result["results"] == [] and result["suggestion"] is None
    assert all(counts == {} for counts in result["facets"].values())


def test_partner_never_sees_internal_in_results_counts_or_suggestions(
        client, author, make_experience, logged_in):
    make_experience(author, title="Intern geheim", situation="wijkbudget overleg",
                    visibility="intern", departments=["jeugd-en-onderwijs"])
    make_experience(author, title="Gedeeld", situation="overleg", visibility="met_partners",
                    departments=["werk-en-inkomen"])
    logged_in("partner")
    assert titles(client, "overleg") == ["Gedeeld"]
    result = client.get("/api/v1/search?q=overleg").get_json()
    assert result["total"] == 1
    assert result["facets"]["department"] == {"werk-en-inkomen": 1}
    assert client.get("/api/v1/search?q=wijkbudget").get_json()["total"] == 0
    assert client.get("/api/v1/search?q=wijkbudgt").get_json()["suggestion"] is None


def test_drafts_and_hidden_stay_out_of_search(app, client, author, make_experience, logged_in):
    make_experience(author, title="Concept", situation="overleg", status="concept")
    hidden = make_experience(author, title="Verborgen", situation="overleg")
    with app.app_context():
        from rugzak.timeutil import utcnow

        experience = db.session.get(Experience, hidden.id)
        experience.hidden_at, experience.hidden_reason = utcnow(), "privacy"
        db.session.commit()
    logged_in()
    assert titles(client, "overleg") == []
    client.logout()
    logged_in("kernteam")
    assert titles(client, "overleg") == ["Verborgen"]


def test_index_filter_equals_the_database_rule(app, client, make_user, make_experience):
    """The visibility rule exists twice (SQL and index); for every role they agree."""
    writer, partner_writer = make_user(), make_user("partner")
    for visibility in ("intern", "met_partners"):
        for status in ("concept", "gepubliceerd"):
            make_experience(writer, visibility=visibility, status=status)
    make_experience(partner_writer, status="concept")
    make_experience(partner_writer)
    users = [make_user(role) for role in ("medewerker", "partner", "kernteam", "beheerder")]
    client.login(writer.email)
    client.get("/zoeken")  # waits for the indexer
    with app.app_context():
        searcher = search_service().searcher()
        from whoosh.query import Every

        for ref in [*users, writer, partner_writer]:
            user = db.session.get(User, ref.id)
            in_sql = {e.id for e in db.session.scalars(visible_experiences(user))}
            in_index = {int(hit["id"]) for hit in searcher.search(
                Every(), filter=visibility_filter(user), limit=None)}
            assert in_sql == in_index, user.role


def test_related_experiences_respect_visibility(client, author, make_experience, logged_in):
    base = make_experience(author, title="Schuldhulp en werk",
                           situation="schuldhulp budgetcoach werkgever schulden")
    make_experience(author, title="Ook schuldhulp", situation="schuldhulp budgetcoach schulden")
    make_experience(author, title="Intern schuldhulp", visibility="intern",
                    situation="schuldhulp budgetcoach schulden")
    shared = make_experience(author, title="Partnerzicht", situation="schuldhulp budgetcoach",
                             visibility="met_partners")
    logged_in("partner")
    html = client.get(f"/ervaringen/{shared.id}").get_data(as_text=True)
    assert "Vergelijkbare ervaringen" in html
    assert "Intern schuldhulp" not in html
    client.logout()
    logged_in()
    html = client.get(f"/ervaringen/{base.id}").get_data(as_text=True)
    related = html.split("Vergelijkbare ervaringen")[1]
    assert "Ook schuldhulp" in related and "Intern schuldhulp" in related


def test_search_log_keeps_query_and_hits_but_no_user(app, client, author, make_experience,
                                                     logged_in):
    make_experience(author, situation="overleg")
    logged_in()
    client.get("/zoeken?q=overleg")
    client.get("/zoeken?q=onvindbaar")
    with app.app_context():
        rows = {(row.query, row.hits) for row in db.session.scalars(select(SearchLog))}
        assert rows == {("overleg", 1), ("onvindbaar", 0)}
        assert not {"user_id", "user", "author"} & set(SearchLog.__table__.columns.keys())


def test_api_search_validates_arguments(client, logged_in):
    logged_in()
    assert client.get("/api/v1/search?sort=raar").status_code == 422
    bad = client.get('/api/v1/search?q="open')
    assert bad.status_code == 422 and "aanhalingsteken" in bad.get_json()["fields"]["q"]


def test_saved_and_edited_experiences_reach_search(client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", {
        "title": "Buurtgezinscoach", "situation": "Een nieuw idee.", "lesson": "Het werkt.",
        "kind": "les", "visibility": "intern", "publish": "1"})
    url = response.headers["Location"]
    assert titles(client, "buurtgezinscoach") == ["Buurtgezinscoach"]
    client.submit(url + "/bewerken", {"title": "Wijkcoach", "situation": "Een nieuw idee.",
                                      "lesson": "Het werkt.", "kind": "les",
                                      "visibility": "intern", "version": "1",
                                      "publish": "1"})
    assert titles(client, "buurtgezinscoach") == []
    assert titles(client, "wijkcoach") == ["Wijkcoach"]


def test_rolled_back_change_leaves_no_trace(app, author, make_experience):
    make_experience(author, title="Blijft")
    with app.app_context():
        experience = db.session.scalar(select(Experience))
        experience.title = "Teruggedraaid"
        db.session.flush()
        db.session.rollback()
        search_service().catch_up()
        assert db.session.scalar(select(func.count()).select_from(SearchChange)) == 1
        searcher = search_service().searcher()
        from whoosh.query import Every

        assert [hit["title"] for hit in searcher.search(Every(), limit=None)
                if "title" in hit] == ["Blijft"]


def test_the_apps_sessions_log_each_change_once_other_sessions_not_at_all(
        app, author, make_experience, instance, database_url):
    second = create_app(conftest.test_config(instance, database_url))  # hooks are not doubled
    experience = make_experience(author)
    with app.app_context():
        with Session(db.engine) as session:  # not the app's session: no hooks
            session.get(Experience, experience.id).title = "Buiten de app om"
            session.commit()
        logged = db.session.scalars(select(SearchChange.entity_id)).all()
        assert logged == [experience.id]
    assert not event.contains(Session, "after_flush", log_flushed_changes)
    with second.app_context():
        db.engine.dispose()


def test_change_made_while_index_unreachable_is_caught_up(app, runner, author, make_experience,
                                                          tmp_path):
    make_experience(author, title="Eerste")
    with app.app_context():
        search_service().catch_up()
    folder = search_service_folder(app)
    import shutil

    shutil.rmtree(folder)  # the index is gone (or unreachable) while saves go on
    make_experience(author, title="Tweede")
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 1 and "onbruikbaar of ontbreekt" in status.output
    with app.app_context():
        search_service().catch_up()  # missing: rebuilt, then caught up
    status = runner.invoke(args=["search", "status"])
    assert status.exit_code == 0, status.output
    assert "Ervaringen in de zoekindex: 2" in status.output


def search_service_folder(app):
    return app.extensions["rugzak.search"].folder.root


def test_status_reports_lag_and_rebuild_fixes_a_corrupt_index(app, runner, author,
                                                              make_experience):
    make_experience(author)
    with app.app_context():
        search_service().catch_up()
    assert runner.invoke(args=["search", "status"]).exit_code == 0
    make_experience(author, title="Nog niet verwerkt")  # no web request: nobody catches up
    lagging = runner.invoke(args=["search", "status"])
    assert lagging.exit_code == 1 and "Achterstand: 1" in lagging.output
    root = search_service_folder(app)
    current = root / (root / "CURRENT").read_text()
    for toc in current.glob("*.toc"):
        toc.write_bytes(b"kapot")
    broken = runner.invoke(args=["search", "status"])
    assert broken.exit_code == 1 and "onbruikbaar" in broken.output
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert rebuilt.exit_code == 0 and "2 ervaringen" in rebuilt.output
    assert runner.invoke(args=["search", "status"]).exit_code == 0
