"""Issue 14 in the browser: what a person sees of plausible dates, the resident-data check on
comments and agenda updates, related experiences, search parameters, names left in texts at
erasure, oversized input, and the smaller points (favicon, undo, tag merge, bundle list)."""
import re

import pytest
from playwright.sync_api import expect

from .conftest import ACCOUNTS, sign_in_on
from .helpers import assert_no_axe_violations, watch_scripts
from .journeys import (
    BSN,
    EXPERIENCE_URL,
    create_user,
    fill_required_fields,
    record_experience,
    unique_word,
)

pytestmark = pytest.mark.browser
CONFIRM = "Ik heb dit nagekeken: dit zijn geen gegevens van inwoners."
QUESTION = "Staan hier gegevens van inwoners in?"


def publish(page) -> None:
    page.get_by_role("button", name="Publiceren").click()


def record_with(page, title: str, departments: tuple[str, ...] = (), tags: str = "") -> int:
    """Record an experience with these departments and tags; return its id."""
    fill_required_fields(page, title)
    for department in departments:
        page.get_by_role("group", name="Betrokken afdelingen").get_by_label(department).check()
    page.get_by_role("textbox", name="Trefwoorden").fill(tags)
    publish(page)
    page.wait_for_url(EXPERIENCE_URL)
    return int(EXPERIENCE_URL.search(page.url).group(1))


def test_a_date_in_year_one_is_refused_and_the_dutch_notation_accepted(sign_in):
    page = sign_in("medewerker")
    title = f"Overleg over de overdracht {unique_word()}"
    fill_required_fields(page, title)
    date = page.get_by_label("Datum waarop het gebeurde")
    date.fill("01-01-0001")
    publish(page)

    expect(page.get_by_role("alert")).to_be_visible()
    expect(date).to_have_attribute("aria-invalid", "true")
    expect(date).to_have_accessible_description(
        re.compile("De datum ligt vóór 1 januari 2000; controleer het jaartal."))
    expect(date).to_have_value("01-01-0001")
    expect(page.get_by_role("textbox", name="Titel")).to_have_value(title)

    date.fill("14-03-2025")
    publish(page)
    page.wait_for_url(EXPERIENCE_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_role("article")).to_contain_text("gebeurd op 14 maart 2025")


def test_a_comment_and_an_agenda_update_with_a_bsn_wait_for_confirmation(sign_in):
    title = f"Samen naar de schuldhulp {unique_word()}"
    experience = record_experience(sign_in("collega"), title)
    writer = sign_in("medewerker")
    writer.goto(f"/ervaringen/{experience}")
    body = f"Bij ons had de moeder BSN {BSN}."
    writer.get_by_label("Jouw reactie").fill(body)
    writer.get_by_role("button", name="Reactie plaatsen").click()

    question = writer.get_by_role("region", name=QUESTION)
    expect(question.locator("mark")).to_have_text(BSN)
    expect(writer.get_by_label("Jouw reactie")).to_have_value(body)
    assert_no_axe_violations(writer, "reactie met privacymelding")
    reader = writer.context.new_page()
    reader.goto(f"/ervaringen/{experience}")
    expect(reader.get_by_role("heading", name=re.compile("^Meedenken"))).to_contain_text("(0)")

    writer.get_by_label(CONFIRM).check()
    writer.get_by_role("button", name="Reactie plaatsen").click()
    expect(writer).to_have_url(re.compile(rf"/ervaringen/{experience}#reactie-\d+$"))
    comment = writer.get_by_role("article").filter(has_text=ACCOUNTS["medewerker"].name)
    expect(comment.locator(".comment__body")).to_have_text(body)

    curator = sign_in("kernteam")
    curator.goto("/privacy-meldingen")
    finding = curator.get_by_role("row").filter(has_text=title)
    expect(finding).to_contain_text("Reactie")
    expect(finding).to_contain_text("BSN")
    expect(curator.get_by_text(BSN)).to_have_count(0)

    writer.goto("/agenda/nieuw")
    item = f"Vaste overdrachtsafspraken {unique_word()}"
    writer.get_by_role("textbox", name="Titel").fill(item)
    writer.get_by_label("Eigenaar").select_option(label="Werk en Inkomen")
    writer.get_by_role("button", name="Bewaren").click()
    expect(writer.get_by_role("heading", level=1)).to_have_text(item)
    update = f"Gesproken over het dossier met BSN {BSN}."
    writer.get_by_label("Wat is er gebeurd of veranderd?").fill(update)
    writer.get_by_role("button", name="Voortgang toevoegen").click()
    expect(writer.get_by_role("region", name=QUESTION).locator("mark")).to_have_text(BSN)
    expect(writer.get_by_label("Wat is er gebeurd of veranderd?")).to_have_value(update)
    expect(writer.get_by_role("region", name="Voortgang")).to_contain_text("Nog geen voortgang.")
    assert_no_axe_violations(writer, "voortgang met privacymelding")
    writer.get_by_label(CONFIRM).check()
    writer.get_by_role("button", name="Voortgang toevoegen").click()
    expect(writer.get_by_role("status")).to_have_text("Je voortgang is toegevoegd.")
    expect(writer.get_by_role("region", name="Voortgang")).to_contain_text(update)


def test_related_experiences_show_right_after_publishing(sign_in):
    page = sign_in("medewerker")
    words = " ".join(unique_word() for _ in range(4))
    earlier = f"Budgetcoach bij de werkgever {unique_word()}"
    record_experience(page, earlier, situation=f"Schuldhulp met {words}.")
    title = f"Schuldhulp via de werkgever {unique_word()}"
    record_experience(page, title, situation=f"Ook hier schuldhulp met {words}.")

    related = page.get_by_role("region", name="Vergelijkbare ervaringen")
    expect(related.get_by_role("link", name=earlier)).to_be_visible()
    expect(related).not_to_contain_text("Nog geen vergelijkbare ervaringen")


def results_of(page):
    return page.get_by_role("region", name="Resultaten")


def test_search_pages_facets_and_invalid_values(sign_in):
    page = sign_in("medewerker")
    word = unique_word()
    titles = {department: f"Overleg {department} {word}"
              for department in ("Werk en Inkomen", "Jeugd en Onderwijs", "Zorg en Welzijn (Wmo)")}
    for department, title in titles.items():
        record_with(page, title, departments=(department,))

    page.goto(f"/zoeken?q={word}&page=50")
    expect(page.get_by_role("status")).to_have_text(f"3 ervaringen gevonden voor „{word}”")
    expect(results_of(page).get_by_role("heading", level=3)).to_have_count(3)
    expect(page.get_by_text("Niets gevonden")).to_have_count(0)

    facets = page.get_by_role("complementary", name="Verfijnen")
    facets.get_by_role("link", name="Werk en Inkomen", exact=True).click()
    expect(page.get_by_role("status")).to_have_text(f"1 ervaring gevonden voor „{word}”")
    facets.get_by_role("link", name="Jeugd en Onderwijs", exact=True).click()
    expect(page.get_by_role("status")).to_have_text(f"2 ervaringen gevonden voor „{word}”")
    for department in ("Werk en Inkomen", "Jeugd en Onderwijs"):
        expect(results_of(page).get_by_role("link", name=titles[department])).to_be_visible()
    expect(results_of(page).get_by_text(titles["Zorg en Welzijn (Wmo)"])).to_have_count(0)
    expect(facets.locator("a[aria-current=true]")).to_have_count(2)

    page.goto(f"/zoeken?q={word}&year=abc")
    problem = page.get_by_role("alert")
    expect(problem).to_contain_text("Een jaar schrijf je als vier cijfers, bijvoorbeeld 2024.")
    assert_no_axe_violations(page, "zoeken met een ongeldig filter")
    problem.get_by_role("link", name="Zoek zonder filters").click()
    expect(page.get_by_role("status")).to_have_text(f"3 ervaringen gevonden voor „{word}”")


def test_the_erase_screen_lists_a_text_that_names_the_person(sign_in):
    admin = sign_in("beheerder")
    name = f"Fatima {unique_word().capitalize()}"
    create_user(admin, name)
    title = f"Warme overdracht van {name}"
    experience = record_experience(sign_in("collega"), title)

    admin.get_by_role("link", name=f"Naar {name}").click()
    admin.get_by_role("link", name="Gebruiker wissen").click()
    texts = admin.get_by_role("region", name="Teksten waarin de naam nog staat")
    expect(texts).to_contain_text("Wissen herschrijft geen teksten")
    expect(texts.get_by_role("link", name=title)).to_have_attribute(
        "href", f"/ervaringen/{experience}")
    assert_no_axe_violations(admin, "gebruiker wissen met teksten die de naam noemen")


PASTED = "Een heel lang verslag van het overleg. " * 65_000  # about 2.5 MB


def test_an_oversized_text_is_answered_at_its_field_and_kept(sign_in):
    page = sign_in("medewerker")
    title = f"Verslag geplakt {unique_word()}"
    fill_required_fields(page, title)
    situation = page.get_by_role("textbox", name="Situatie")
    expect(situation).to_have_accessible_description(re.compile("Hoogstens 10.000 tekens."))
    expect(situation).to_have_attribute("maxlength", "10000")
    situation.evaluate("(area, text) => { area.value = text; }", PASTED)  # past the maxlength
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        publish(page)
    assert answer.value.status == 422

    expect(situation).to_have_attribute("aria-invalid", "true")
    expect(situation).to_have_accessible_description(
        re.compile("Dit deel mag hoogstens 10000 tekens hebben."))
    assert situation.evaluate("area => area.value") == PASTED
    expect(page.get_by_role("textbox", name="Titel")).to_have_value(title)


def test_the_first_page_loads_without_a_console_error(page):
    """Headless Chromium fetches no icon by itself: the page loads the icons a browser with a
    tab bar asks for (the one it declares and /favicon.ico), so a 404 shows as a console error."""
    trouble = watch_scripts(page)
    sign_in_on(page, "medewerker")
    declared = page.locator("link[rel=icon]").get_attribute("href")
    for icon in (declared, "/favicon.ico"):
        assert page.evaluate(LOAD_IMAGE, icon) > 0, icon
    assert not trouble, "\n".join(trouble)


LOAD_IMAGE = """url => new Promise(done => {
  const image = new Image();
  image.onload = () => done(image.naturalWidth);
  image.onerror = () => done(0);
  image.src = url;
})"""


def test_an_author_undoes_their_own_delete(sign_in):
    page = sign_in("medewerker")
    title = f"Per ongeluk weggegooid {unique_word()}"
    experience = record_experience(page, title)
    page.get_by_role("link", name="Verwijderen").click()
    expect(page.get_by_role("main")).to_contain_text(
        "je kunt het verwijderen ongedaan maken op Mijn ervaringen")
    page.get_by_role("button", name="Ja, verwijderen").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Met „Ongedaan maken” hieronder zet je hem terug.")
    deleted = page.get_by_role("region", name="Door jou verwijderd")
    deleted.get_by_role("button", name=re.compile(rf"^Ongedaan maken\s*: {title}$")).click()
    expect(page).to_have_url(re.compile(rf"/ervaringen/{experience}$"))
    expect(page.get_by_role("status")).to_have_text(
        "De ervaring is teruggezet en weer te zien voor wie hem mag zien.")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_merging_two_tags_asks_before_anything_changes(sign_in):
    old, new = unique_word(), unique_word()
    author = sign_in("medewerker")
    experience = record_with(author, f"Trefwoorden opruimen {unique_word()}", tags=old)
    record_with(author, f"Het goede trefwoord {unique_word()}", tags=new)

    curator = sign_in("kernteam")
    curator.goto("/beheer/trefwoorden")
    curator.get_by_label("Samenvoegen: dit trefwoord verdwijnt").select_option(label=old)
    curator.get_by_label("in dit trefwoord").select_option(label=new)
    curator.get_by_role("button", name="Samenvoegen").click()
    expect(curator.get_by_role("heading", level=1)).to_have_text("Trefwoorden samenvoegen")
    expect(curator.get_by_role("main")).to_contain_text(
        f"„{old}” verdwijnt en wordt „{new}” in 1 ervaring.")
    assert_no_axe_violations(curator, "trefwoorden samenvoegen bevestigen")
    author.goto(f"/ervaringen/{experience}")
    expect(author.get_by_role("article")).to_contain_text(old)  # nothing changed yet

    curator.get_by_role("button", name="Ja, samenvoegen").click()
    expect(curator.get_by_role("status")).to_have_text(f"„{old}” is samengevoegd met „{new}”.")
    author.reload()
    expect(author.get_by_role("article")).to_contain_text(new)
    expect(author.get_by_role("article")).not_to_contain_text(old)


def test_the_bundle_list_shows_no_markdown_signs(sign_in):
    curator = sign_in("kernteam")
    curator.goto("/bundels/nieuw")
    bundle = f"Lezen voor de reflectie {unique_word()}"
    curator.get_by_role("textbox", name="Titel").fill(bundle)
    curator.get_by_role("textbox", name="Inleiding").fill(
        "Lees **vooraf** de [notitie](https://example.org/notitie).")
    curator.get_by_role("button", name="Bundel bewaren").click()
    expect(curator.get_by_role("heading", level=1)).to_have_text(bundle)

    curator.goto("/bundels")
    card = curator.get_by_role("article").filter(has_text=bundle)
    expect(card).to_contain_text("Lees vooraf de notitie.")
    expect(card).not_to_contain_text("**")
