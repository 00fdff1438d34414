"""Recording, reading and editing experiences through the HTML pages."""
import re

import pytest

FULL_FORM = {
    "title": "Eén plan met de wijkteams",
    "situation": "Wijkteam en **Werk en Inkomen** spraken elk iets anders af.",
    "task": "Eén plan maken.",
    "approach": "- samen aan tafel\n- één regisseur",
    "result": "Het gezin kreeg één aanspreekpunt.",
    "lesson": "Spreek vooraf af wie de regie heeft.",
    "tip": "Bel elkaar eerst.",
    "kind": "succes",
    "occurred_on": "2025-03-14",
    "departments": ["werk-en-inkomen", "jeugd-en-onderwijs"],
    "partners": ["uwv"],
    "goals": ["integrale-toegang", "werk-boven-uitkering"],
    "tags": "Wijkteam, #Regie , wijkteam",
    "visibility": "met_partners",
    "publish": "1",
}


def condition_fields(client, page="/ervaringen/nieuw") -> dict[str, str]:
    """Field names of the condition radio groups, by condition name."""
    html = client.get(page).get_data(as_text=True)
    names = re.findall(r'<legend[^>]*>([^<]+)</legend>(?:(?!</fieldset>)[\s\S])*?'
                       r'<input[^>]*name="(condition_\d+)"', html)
    return {name: field for name, field in names}


def record(client, **changes):
    data = {**FULL_FORM, **changes}
    return client.submit("/ervaringen/nieuw", data)


def experience_id(response) -> int:
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_record_an_experience_with_every_field(client, logged_in):
    logged_in("medewerker", name="Noor Bos")
    conditions = condition_fields(client)
    assert len(conditions) == 5
    response = record(client, **{conditions["Verantwoordelijkheden"]: "hielp",
                                 conditions["Transparantie"]: "ontbrak"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    for text in ["Eén plan met de wijkteams", "<strong>Werk en Inkomen</strong>",
                 "<li>samen aan tafel</li>", "Het gezin kreeg één aanspreekpunt.",
                 "Spreek vooraf af wie de regie heeft.", "Bel elkaar eerst.", "Succes",
                 "14 maart 2025", "Jeugd en Onderwijs, Werk en Inkomen", "UWV",
                 "Integrale toegang", "Werk boven uitkering", "Verantwoordelijkheden</span>: hielp",
                 "Transparantie</span>: ontbrak", "Met partners", "Noor Bos",
                 'tag=regie">regie</a>, <a href="/ervaringen?tag=wijkteam">wijkteam</a>']:
        assert text in page, text


def test_new_experience_shows_in_list_and_mine(client, logged_in):
    logged_in()
    record(client, title="Zichtbaar in de lijst")
    record(client, title="Nog een concept", publish=None, save_draft="1")
    listing = client.get("/ervaringen").get_data(as_text=True)
    assert "Zichtbaar in de lijst" in listing and "Nog een concept" not in listing
    mine = client.get("/mijn-ervaringen").get_data(as_text=True)
    assert "Zichtbaar in de lijst" in mine and "Nog een concept" in mine
    assert "Nog een concept" in client.get("/").get_data(as_text=True)


def test_missing_required_fields_get_dutch_messages_and_keep_the_text(client, logged_in):
    logged_in()
    response = record(client, title="", situation="   ", lesson="", approach="Mijn aanpak",
                      tags="privacy, wijkteam")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ["Vul een titel in.", "Vul de situatie in.", "Vul de les in.",
                    "Je ervaring is nog niet bewaard"]:
        assert message in page
    assert "Mijn aanpak" in page and 'value="privacy, wijkteam"' in page
    assert 'aria-describedby="title-hint title-fout"' in page and 'aria-invalid="true"' in page
    assert re.search(r'<input checked[^>]*value="uwv"', page)


def test_bad_date_and_future_date_are_explained(client, logged_in):
    logged_in()
    bad = record(client, occurred_on="14.03.2025")
    assert bad.status_code == 422
    assert "Vul een datum in als jjjj-mm-dd" in bad.get_data(as_text=True)
    assert "Vul een titel in." not in bad.get_data(as_text=True)
    future = record(client, occurred_on="2999-01-01")
    assert "De datum ligt in de toekomst" in future.get_data(as_text=True)


def test_overlong_title_and_tampered_choices_are_refused(client, logged_in):
    logged_in()
    response = record(client, title="x" * 201, kind="ramp", departments=["bestaat-niet"],
                      visibility="iedereen")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "De titel mag hoogstens 200 tekens hebben." in page
    assert "Onbekende afdeling: bestaat-niet." in page
    assert "Kies wat voor ervaring het is" in page
    assert "Kies of de ervaring intern blijft" in page


def test_markdown_is_sanitised(client, logged_in):
    logged_in()
    response = record(client, situation='<script>alert(1)</script> [klik](javascript:alert(2))'
                                        ' <img src=x onerror=alert(3)>')
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "<img" not in page
    assert 'href="javascript:' not in page
    assert "&lt;script&gt;" in page


def test_drafts_are_seen_only_by_their_author(client, make_user, make_experience, logged_in):
    author = make_user()
    draft = make_experience(author, title="Geheim concept", status="concept")
    logged_in("kernteam")
    assert client.get(f"/ervaringen/{draft.id}").status_code == 404
    assert "Geheim concept" not in client.get("/ervaringen").get_data(as_text=True)
    client.logout()
    client.login(author.email)
    assert client.get(f"/ervaringen/{draft.id}").status_code == 200


def test_partners_never_see_internal_experiences(client, make_user, make_experience, logged_in):
    author = make_user()
    internal = make_experience(author, title="Alleen intern", visibility="intern")
    shared = make_experience(author, title="Gedeeld met partners", visibility="met_partners")
    logged_in("partner")
    listing = client.get("/ervaringen").get_data(as_text=True)
    assert "Gedeeld met partners" in listing and "Alleen intern" not in listing
    assert client.get(f"/ervaringen/{internal.id}").status_code == 404
    assert client.get(f"/ervaringen/{internal.id}/bewerken").status_code == 404
    assert client.get(f"/ervaringen/{shared.id}").status_code == 200


def test_partner_experiences_are_always_shared_with_partners(client, logged_in):
    logged_in("partner")
    form = client.get("/ervaringen/nieuw").get_data(as_text=True)
    assert 'name="visibility"' not in form
    response = record(client, visibility="intern", departments=[])
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Met partners" in page


def test_authors_edit_their_own_and_others_may_not(client, make_user, make_experience,
                                                   logged_in):
    author = make_user()
    experience = make_experience(author)
    logged_in()
    assert client.get(f"/ervaringen/{experience.id}/bewerken").status_code == 403
    response = client.submit(f"/ervaringen/{experience.id}/bewerken",
                             {**FULL_FORM, "version": "1"}, page="/")
    assert response.status_code == 403
    client.logout()
    client.login(author.email)
    url = f"/ervaringen/{experience.id}/bewerken"
    response = client.submit(url, {**FULL_FORM, "title": "Aangepast", "version": "1"})
    assert response.status_code == 302
    assert "Aangepast" in client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)


def test_kernteam_may_edit_any_visible_experience(client, make_user, make_experience,
                                                  logged_in):
    experience = make_experience(make_user(), title="Oud")
    logged_in("kernteam")
    url = f"/ervaringen/{experience.id}/bewerken"
    form = client.get(url).get_data(as_text=True)
    assert 'value="Oud"' in form
    response = client.submit(url, {**FULL_FORM, "title": "Door kernteam verbeterd",
                                   "version": "1", "publish": None, "save_draft": "1"})
    assert response.status_code == 302
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "Door kernteam verbeterd" in page
    assert "Concept" not in page  # the status stays the author's choice


def test_stale_edit_is_refused_without_losing_text(client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author, title="Origineel")
    client.login(author.email)
    url = f"/ervaringen/{experience.id}/bewerken"
    first = client.submit(url, {**FULL_FORM, "title": "Eerste wijziging", "version": "1"})
    assert first.status_code == 302
    stale = client.submit(url, {**FULL_FORM, "title": "Mijn tweede wijziging",
                                "lesson": "Mijn eigen les", "version": "1"})
    page = stale.get_data(as_text=True)
    assert stale.status_code == 409
    assert "Iemand anders heeft deze ervaring intussen gewijzigd" in page
    assert 'value="Mijn tweede wijziging"' in page and "Mijn eigen les" in page
    assert "Eerste wijziging" in page  # the newer saved version is shown
    assert 'name="version" type="hidden" value="2"' in page
    shown = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "Eerste wijziging" in shown and "Mijn tweede wijziging" not in shown
    again = client.submit(url, {**FULL_FORM, "title": "Mijn tweede wijziging", "version": "2"})
    assert again.status_code == 302


def test_anonymous_experience_shows_a_colleague(client, make_user, make_experience, logged_in):
    author = make_user(name="Bram Dekker", department="jeugd-en-onderwijs")
    experience = make_experience(author, anonymous=True)
    logged_in()
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert "een collega van Jeugd en Onderwijs" in page and "Bram Dekker" not in page
    client.logout()
    client.login(author.email)
    assert "Bram Dekker" in client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    client.logout()
    logged_in("beheerder")
    assert "Bram Dekker" in client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)


@pytest.mark.parametrize("query, expected, absent", [
    ("kind=vraag", "Een vraag", "Een succes"),
    ("department=jeugd-en-onderwijs", "Een vraag", "Een succes"),
    ("goal=werk-boven-uitkering", "Een succes", "Een vraag"),
    ("condition=transparantie&effect=ontbrak", "Een succes", "Een vraag"),
    ("condition=transparantie&effect=hielp", "Een vraag", "Een succes"),
    ("effect=ontbrak", "Een succes", "Een vraag"),
])
def test_list_filters(client, make_user, make_experience, logged_in, query, expected, absent):
    author = make_user()
    make_experience(author, title="Een succes", kind="succes", departments=["werk-en-inkomen"],
                    goals=["werk-boven-uitkering"], conditions={"transparantie": "ontbrak"})
    make_experience(author, title="Een vraag", kind="vraag", departments=["jeugd-en-onderwijs"],
                    conditions={"transparantie": "hielp"})
    logged_in()
    page = client.get(f"/ervaringen?{query}").get_data(as_text=True)
    assert expected in page and absent not in page


def test_list_is_paginated_newest_first(app, client, make_user, make_experience, logged_in):
    app.config["PER_PAGE"] = 2
    author = make_user()
    for number in range(5):
        make_experience(author, title=f"Ervaring nummer {number}")
    logged_in()
    first = client.get("/ervaringen").get_data(as_text=True)
    assert "Ervaring nummer 4" in first and "Ervaring nummer 2" not in first
    assert "5 ervaringen" in first
    third = client.get("/ervaringen?page=3").get_data(as_text=True)
    assert "Ervaring nummer 0" in third
    assert client.get("/ervaringen?page=99").status_code == 200
    assert client.get("/ervaringen?page=abc").status_code == 200


def test_unknown_experience_is_404(client, logged_in):
    logged_in()
    assert client.get("/ervaringen/999999").status_code == 404


def test_a_concept_may_lack_its_lesson_but_publishing_needs_it(client, logged_in):
    logged_in()
    draft = record(client, title="Nog zonder les", lesson="", publish=None, save_draft="1")
    assert draft.status_code == 302
    published = record(client, title="Nog zonder les", lesson="")
    assert published.status_code == 422 and "Vul de les in." in published.get_data(as_text=True)
    untitled = record(client, title="", lesson="", publish=None, save_draft="1")
    assert untitled.status_code == 422 and "Vul een titel in." in untitled.get_data(as_text=True)
