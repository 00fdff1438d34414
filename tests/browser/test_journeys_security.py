"""Issue 7 in the browser: sessions, throttling, the resident-data check, Markdown that stays
inert, and a person's data from download to erasure."""
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..test_access_rules import ATTACKS
from .helpers import watch_scripts
from .journeys import (
    BSN,
    EXPERIENCE_URL,
    confirm_and_publish,
    create_user,
    fill_required_fields,
    open_beheer_task,
    record_experience,
    search,
    start_as_new_user,
    unique_word,
)

pytestmark = pytest.mark.browser
ATTACK_TEXT = "\n\n".join([*ATTACKS, "[veilig](https://www.example.org/pagina)"])


def test_a_bsn_in_a_lesson_is_caught_and_publishing_goes_through_after_confirming(sign_in):
    page = sign_in("medewerker")
    title = f"Overdracht per mail {unique_word()}"
    lesson = f"Stuur nooit een BSN als {BSN} mee in de mail."
    fill_required_fields(page, title, lesson=lesson)
    page.get_by_role("button", name="Publiceren").click()

    question = page.get_by_role("region", name="Staan hier gegevens van inwoners in?")
    expect(question.locator(".findings li")).to_have_text(
        re.compile(rf"^BSN in Les:\s+„…Stuur nooit een BSN als {BSN} mee in de mail\.…”$"))
    expect(question.locator("mark")).to_have_text(BSN)
    question.get_by_role("link", name="Les").click()
    expect(page.get_by_role("textbox", name="Les (verplicht)")).to_be_focused()
    confirmation = page.get_by_label("Ik heb dit nagekeken: dit zijn geen gegevens van inwoners.")
    expect(confirmation).to_have_attribute("aria-invalid", "true")
    expect(confirmation).to_have_accessible_description(
        "Haal deze gegevens weg, of bevestig dat het geen gegevens van inwoners zijn.")
    expect(page.get_by_role("textbox", name="Titel")).to_have_value(title)  # nothing is lost
    expect(page.get_by_role("textbox", name="Les (verplicht)")).to_have_value(lesson)
    mine = page.context.new_page()
    mine.goto("/mijn-ervaringen")
    expect(mine.get_by_role("heading", level=1)).to_have_text("Mijn ervaringen")
    expect(mine.get_by_text(title)).to_have_count(0)  # and nothing is saved yet

    page.get_by_role("button", name="Publiceren").click()  # publishing again still asks
    expect(confirmation).to_have_attribute("aria-invalid", "true")
    confirm_and_publish(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".section--lesson")).to_contain_text(lesson)

    curator = sign_in("kernteam")
    open_beheer_task(curator, "Privacymeldingen")
    finding = curator.get_by_role("row").filter(has_text=title)
    expect(finding).to_contain_text("Stuur nooit een BSN als ••••••••• mee in de mail.")
    expect(curator.get_by_text(BSN)).to_have_count(0)


def test_a_number_that_is_no_bsn_is_not_questioned(sign_in):
    page = sign_in("medewerker")
    fill_required_fields(page, f"Dossiernummer {unique_word()}",
                         lesson="Dossier 123456789 lag een jaar stil.")
    page.get_by_role("button", name="Publiceren").click()
    page.wait_for_url(EXPERIENCE_URL)
    expect(page.get_by_role("status")).to_contain_text("Je ervaring is gepubliceerd.")


def open_without_running_anything(page, url: str, rendered) -> None:
    """Open `url`, check the attacks in `rendered` show as text, click every link in them."""
    trouble = watch_scripts(page)
    page.goto(url)
    expect(rendered.first).to_contain_text("<script>alert(1)</script>")
    links = rendered.get_by_role("link")
    expect(links.filter(has_text="veilig").first).to_have_attribute(
        "href", "https://www.example.org/pagina")
    for link in links.all():
        if link.get_attribute("href") != "https://www.example.org/pagina":
            link.click()
    rendered.get_by_text("onmouseover").first.hover()
    page.wait_for_timeout(300)  # time for a handler, had one survived, to open a dialog
    assert page.url.endswith(url)
    assert not trouble, "\n".join(trouble)


def test_markdown_attacks_open_without_any_dialog_or_csp_violation(sign_in):
    author = sign_in("collega")
    experience = record_experience(author, f"Opmaak die niets doet {unique_word()}",
                                   lesson=ATTACK_TEXT, situation=ATTACK_TEXT,
                                   visibility="Met partners")
    author.get_by_role("region", name=re.compile("^Meedenken")).get_by_label(
        "Jouw reactie").fill(ATTACK_TEXT)
    author.get_by_role("button", name="Reactie plaatsen").click()
    author.get_by_role("region", name="Toekomstagenda").get_by_role(
        "link", name="Maak agendapunt").click()  # the lesson becomes the description
    author.get_by_role("button", name="Bewaren").click()
    expect(author.get_by_role("status")).to_have_text("Het agendapunt is bewaard.")
    agenda_item = re.search(r"/agenda/\d+$", author.url).group()

    for role in ("collega", "medewerker", "partner"):
        reader = sign_in(role)
        open_without_running_anything(reader, f"/ervaringen/{experience}",
                                      reader.locator(".sections, .comment__body"))
    reader = sign_in("medewerker")
    open_without_running_anything(reader, agenda_item, reader.locator(
        ".agenda-item section:has(> h2:text-is('Beschrijving'))"))


def test_a_copied_cookie_stops_working_when_its_owner_signs_out(sign_in, new_page):
    owner = sign_in("medewerker")
    thief = new_page()
    thief.context.add_cookies(owner.context.cookies())
    thief.goto("/mijn-ervaringen")
    expect(thief.get_by_role("heading", level=1)).to_have_text("Mijn ervaringen")

    owner.get_by_role("button", name="Uitloggen").click()
    expect(owner.get_by_role("status")).to_have_text("Je bent uitgelogd.")
    thief.goto("/mijn-ervaringen")
    expect(thief).to_have_url(re.compile(r"/inloggen"))
    expect(thief.get_by_role("heading", level=1)).to_have_text("Inloggen bij Rugzak")


def test_the_sixth_quick_wrong_password_is_answered_with_a_wait(page):
    email = f"{unique_word()}@browser.example"
    page.goto("/inloggen")
    statuses = []
    for _ in range(6):
        page.get_by_label("E-mailadres").fill(email)
        page.get_by_label("Wachtwoord").fill("niet het goede wachtwoord")
        with page.expect_response(lambda answer: answer.request.method == "POST") as answer:
            page.get_by_role("button", name="Inloggen").click()
        statuses.append(answer.value.status)
    assert statuses == [401] * 5 + [429]
    expect(page.get_by_label("Wachtwoord")).to_have_accessible_description(re.compile(
        r"^Te veel mislukte inlogpogingen\. Probeer het over 1[5-7] minuten opnieuw\.$"))
    expect(page.get_by_label("E-mailadres")).to_have_value(email)


def download_my_data(page) -> dict:
    page.goto("/account")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download mijn gegevens (JSON)").click()
    return json.loads(Path(download.value.path()).read_text())


def erase_in_the_browser(admin, name: str) -> None:
    admin.goto("/beheer/gebruikers")
    admin.get_by_role("link", name=name, exact=True).click()
    admin.get_by_role("link", name="Gebruiker wissen").click()
    admin.get_by_role("button", name="Gebruiker definitief wissen").click()
    understood = admin.get_by_label("Ik begrijp dat wissen niet ongedaan kan worden gemaakt")
    expect(understood).to_have_attribute("aria-invalid", "true")  # nothing erased yet
    understood.check()
    admin.get_by_role("button", name="Gebruiker definitief wissen").click()
    expect(admin.get_by_role("status")).to_have_text(
        "De gebruiker is gewist. Ervaringen behouden: 1, verwijderd: 0.")


def test_a_persons_data_downloads_and_after_erasure_their_name_is_gone(sign_in, new_page):
    admin = sign_in("beheerder")
    surname = unique_word().capitalize()
    name, email = f"Esther {surname}", f"{unique_word()}@browser.example"
    person = new_page()
    start_as_new_user(person, create_user(admin, name, email), email)
    title = f"Samen aan tafel {unique_word()}"
    experience = record_experience(person, title)

    data = download_my_data(person)
    assert (data["account"]["name"], data["account"]["email"]) == (name, email)
    assert [e["title"] for e in data["experiences"]] == [title]
    assert "sign_in" in [e["action"] for e in data["audit_events"]]
    assert [s["ended_at"] for s in data["sessions"]] == [None]

    erase_in_the_browser(admin, name)
    person.goto("/mijn-ervaringen")
    expect(person).to_have_url(re.compile(r"/inloggen"))
    reader = sign_in("collega")
    reader.goto(f"/ervaringen/{experience}")
    expect(reader.get_by_role("main")).to_contain_text("oud-medewerker")
    search(reader, title.split()[-1])
    expect(reader.get_by_role("link", name=title)).to_be_visible()
    for page in (reader, admin):
        expect(page.get_by_role("main")).not_to_contain_text(surname)
    admin.goto("/beheer/gebruikers")
    expect(admin.get_by_role("main")).not_to_contain_text(surname)
    expect(admin.get_by_role("main")).not_to_contain_text(email)
