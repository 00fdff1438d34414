"""Erasure does not rewrite texts: the erase screen lists what still names the person."""
import re

import pytest

from .test_agenda import item_id, new_item
from .test_comments import comment

NAME = "Fatima Bouzid"


def erase_page(client, user_id: int):
    return client.get(f"/beheer/gebruikers/{user_id}/wissen")


@pytest.fixture
def person(make_user):
    return make_user(name=NAME)


def test_erase_screen_lists_texts_naming_the_person_with_links(app, client, make_user,
                                                                 make_experience, person):
    writer = make_user(name="Wim Schrijver")
    titled = make_experience(writer, title=f"Warme overdracht van {NAME}")
    discussed = make_experience(writer, title="Schuldhulp zonder wachtlijst")
    unrelated = make_experience(writer, title="Fatima en de voedselbank",
                                lesson="Een voornaam alleen is geen verwijzing.")
    make_experience(writer, title=f"Concept over {NAME}", status="concept")
    client.login(writer.email)
    assert comment(client, discussed.id, "Mevrouw BOUZID belde terug.").status_code == 302
    assert comment(client, unrelated.id, "Goed verhaal.").status_code == 302
    agenda = item_id(new_item(client, f"user:{writer.id}", title="Vaste overdracht"))
    version = re.search(r'name="version" type="hidden" value="(\d+)"',
                        client.get(f"/agenda/{agenda}").get_data(as_text=True)).group(1)
    assert client.submit(f"/agenda/{agenda}/voortgang",
                         {"text": f"Besproken met {NAME}.", "version": version}
                         ).status_code == 302
    client.logout()

    client.login(make_user("beheerder").email)
    page = erase_page(client, person.id).get_data(as_text=True)
    assert "Wissen herschrijft geen teksten" in page and "vóór het bevestigen" in page
    assert f'href="/ervaringen/{titled.id}">Warme overdracht van {NAME}</a>' in page
    assert re.search(rf'href="/ervaringen/{discussed.id}#reactie-\d+">Schuldhulp', page)
    assert f'href="/agenda/{agenda}">Vaste overdracht</a>' in page
    assert f"/ervaringen/{unrelated.id}" not in page and "voedselbank" not in page
    assert "Concept over" not in page
    assert "(concepten van anderen of ervaringen in de prullenbak): 1." in page


def test_erase_screen_says_when_no_text_names_the_person(client, make_user, person):
    client.login(make_user("beheerder").email)
    page = erase_page(client, person.id).get_data(as_text=True)
    assert "Geen ervaringen, reacties of agendapunten die je kunt openen, noemen deze naam." \
        in page
    assert "die je niet kunt openen en die" not in page


@pytest.mark.parametrize("role", ["partner", "medewerker", "kernteam"])
def test_only_the_beheerder_sees_the_erase_screen(client, logged_in, person, role):
    logged_in(role)
    assert erase_page(client, person.id).status_code == 403
