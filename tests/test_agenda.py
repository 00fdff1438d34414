"""The toekomstagenda through HTTP: from an experience to gerealiseerd, history, permissions."""
import re
from datetime import date, timedelta

import pytest

from rugzak.agenda.models import AgendaChange, AgendaItem
from rugzak.extensions import db


def item_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(response.headers["Location"].rsplit("/", 1)[1])


def new_item(client, owner: str, **values):
    data = {"title": "Vaste overdrachtsafspraken", "description": "Samen vastleggen.",
            "owner": owner, "status": "idee", "target_date": "", "experience_ids": "",
            **values}
    return client.submit("/agenda/nieuw", data)


@pytest.fixture
def people(make_user):
    return {
        "medewerker": make_user("medewerker", name="Mira Medewerker"),
        "collega": make_user("medewerker", name="Cor Collega", department="jeugd-en-onderwijs"),
        "kernteam": make_user("kernteam", name="Kees Kern"),
        "beheerder": make_user("beheerder", name="Bea Beheer"),
        "partner": make_user("partner", name="Pim Partner", partner="uwv"),
        "andere_partner": make_user("partner", name="Olga Ander", partner="welzijn-samen-sterk"),
    }


def test_item_from_an_experience_followed_to_gerealiseerd(app, client, people, make_experience):
    experience = make_experience(people["collega"], title="Dubbele intake",
                                 lesson="Spreek af **wie** de intake doet.",
                                 visibility="met_partners")
    client.login(people["medewerker"].email)
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    assert f'href="/agenda/nieuw?ervaring={experience.id}"' in page and "Maak agendapunt" in page
    form = client.get(f"/agenda/nieuw?ervaring={experience.id}").get_data(as_text=True)
    assert 'value="Dubbele intake"' in form and "Spreek af **wie** de intake doet." in form
    assert f'value="{experience.id}"' in form and "checked" in form
    assert f'<option value="user:{people["medewerker"].id}" selected>' in form
    created = item_id(new_item(client, "partner:uwv", title="Eén intake met UWV",
                               description="Spreek af wie de intake doet.",
                               experience_ids=str(experience.id), shared_with_partners="y",
                               target_date="2030-01-31"))
    client.logout()

    client.login(people["partner"].email)  # the owner organisation's partner follows it up
    page = client.get(f"/agenda/{created}").get_data(as_text=True)
    assert "Eén intake met UWV" in page and "Dubbele intake" in page and "Idee" in page
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    response = client.submit(f"/agenda/{created}/voortgang",
                             {"text": "Eerste overleg gepland.", "status": "loopt",
                              "version": version})
    assert response.status_code == 302
    page = client.get(f"/agenda/{created}").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    client.submit(f"/agenda/{created}/voortgang",
                  {"text": "Afspraken staan in het convenant.", "status": "gerealiseerd",
                   "version": version})
    page = client.get(f"/agenda/{created}").get_data(as_text=True)
    assert "Gerealiseerd" in page and "Afspraken staan in het convenant." in page
    history = page.split('id="geschiedenis-kop"', 1)[1]
    for text in ["Agendapunt aangemaakt", "Voortgang toegevoegd", "Idee", "Loopt",
                 "Gerealiseerd", "Pim Partner", "Mira Medewerker"]:
        assert text in history, text
    client.logout()
    client.login(people["medewerker"].email)
    listing = client.get("/agenda?status=gerealiseerd").get_data(as_text=True)
    assert "Eén intake met UWV" in listing
    assert "Eén intake met UWV" not in client.get("/agenda?status=loopt").get_data(as_text=True)
    assert "Eén intake met UWV" in client.get(f"/ervaringen/{experience.id}").get_data(
        as_text=True)


def test_every_edit_is_kept_in_the_history(app, client, people):
    client.login(people["medewerker"].email)
    created = item_id(new_item(client, "department:werk-en-inkomen"))
    response = client.submit(f"/agenda/{created}/bewerken", {
        "title": "Nieuwe titel", "description": "Samen vastleggen.", "owner": "partner:uwv",
        "status": "loopt", "target_date": "2031-05-01", "experience_ids": "", "version": "1"})
    assert response.status_code == 302
    with app.app_context():
        changes = {c.field: (c.old_value, c.new_value)
                   for c in db.session.query(AgendaChange).filter_by(item_id=created)}
    assert changes["title"] == ("Vaste overdrachtsafspraken", "Nieuwe titel")
    assert changes["owner"] == ("Werk en Inkomen", "UWV")
    assert changes["status"] == ("Idee", "Loopt")
    assert changes["target_date"] == ("", "2031-05-01")
    assert "description" not in changes and "created" in changes
    page = client.get(f"/agenda/{created}").get_data(as_text=True)
    assert "Vaste overdrachtsafspraken" in page.split('id="geschiedenis-kop"', 1)[1]


def test_a_stale_edit_is_refused_and_keeps_the_text(client, people):
    client.login(people["kernteam"].email)
    created = item_id(new_item(client, "department:werk-en-inkomen"))
    edit = {"title": "Eerste wijziging", "owner": "department:werk-en-inkomen",
            "status": "idee", "version": "1"}
    assert client.submit(f"/agenda/{created}/bewerken", edit).status_code == 302
    response = client.submit(f"/agenda/{created}/bewerken", {**edit, "title": "Mijn versie"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Iemand anders heeft dit agendapunt intussen gewijzigd" in page
    assert 'value="Mijn versie"' in page and 'name="version" type="hidden" value="2"' in page


def test_bad_input_gets_dutch_messages_and_keeps_what_was_typed(client, people,
                                                                 make_experience):
    internal = make_experience(people["collega"], visibility="intern", status="concept")
    client.login(people["medewerker"].email)
    response = new_item(client, "", title="", description="Mijn uitleg",
                        target_date="31.01.2030", experience_ids="12, abc")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ["Vul een titel in.", "Kies wie eigenaar is",
                    "Vul een datum in als jjjj-mm-dd, bijvoorbeeld 2025-03-14.",
                    "Gebruik de nummers van ervaringen"]:
        assert message in page, message
    assert "Mijn uitleg" in page and 'value="31.01.2030"' in page and 'value="12, abc"' in page
    assert 'aria-invalid="true"' in page
    response = new_item(client, "user:99999", status="bijna", experience_ids=str(internal.id))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Deze eigenaar bestaat niet (meer); kies een andere." in page
    assert "Kies een status: idee, loopt, gerealiseerd of gestopt." in page
    assert f"Onbekende ervaring: {internal.id}." in page  # someone else's draft
    created = item_id(new_item(client, "department:werk-en-inkomen"))
    response = client.submit(f"/agenda/{created}/voortgang", {"text": "  ", "status": "x",
                                                              "version": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Schrijf wat er is gebeurd of veranderd." in page


def test_permissions_per_role(app, client, people):
    client.login(people["medewerker"].email)
    own = item_id(new_item(client, "department:werk-en-inkomen", title="Van de afdeling"))
    client.logout()
    client.login(people["kernteam"].email)
    other = item_id(new_item(client, "department:jeugd-en-onderwijs", title="Van Jeugd"))
    shared = item_id(new_item(client, "department:jeugd-en-onderwijs", title="Gedeeld punt",
                              shared_with_partners="y"))
    partner_owned = item_id(new_item(client, "partner:uwv", title="Punt van UWV"))
    personal = item_id(new_item(client, f"user:{people['andere_partner'].id}",
                                title="Punt van Olga"))
    client.logout()

    client.login(people["collega"].email)  # medewerker of Jeugd en Onderwijs
    assert client.get(f"/agenda/{other}/bewerken").status_code == 200
    assert client.get(f"/agenda/{own}/bewerken").status_code == 403
    assert client.get(f"/agenda/{own}").status_code == 200
    client.logout()

    client.login(people["partner"].email)
    listing = client.get("/agenda").get_data(as_text=True)
    assert "Gedeeld punt" in listing and "Punt van UWV" in listing
    assert "Van de afdeling" not in listing and "Punt van Olga" not in listing
    assert client.get(f"/agenda/{own}").status_code == 404
    assert client.submit(f"/agenda/{own}/voortgang", {"text": "x"},
                         page=f"/agenda/{shared}").status_code == 404
    assert client.get(f"/agenda/{partner_owned}").status_code == 200
    assert client.get(f"/agenda/{partner_owned}/bewerken").status_code == 403
    assert client.get("/agenda/nieuw").status_code == 403
    assert client.submit("/agenda/nieuw", {"title": "x"}, page="/agenda").status_code == 403
    client.logout()

    client.login(people["andere_partner"].email)
    assert client.get(f"/agenda/{personal}").status_code == 200
    assert client.get(f"/agenda/{partner_owned}").status_code == 404
    client.logout()

    client.login(people["beheerder"].email)
    assert client.get(f"/agenda/{own}/bewerken").status_code == 200
    assert client.get("/agenda/424242").status_code == 404


def test_overdue_items_stand_out_in_words(app, client, people):
    client.login(people["medewerker"].email)
    late = item_id(new_item(client, "department:werk-en-inkomen", title="Te laat",
                            target_date=(date.today() - timedelta(days=3)).isoformat(),
                            status="loopt"))
    item_id(new_item(client, "department:werk-en-inkomen", title="Op tijd",
                     target_date=(date.today() + timedelta(days=30)).isoformat()))
    item_id(new_item(client, "department:werk-en-inkomen", title="Klaar maar laat",
                     target_date="2020-01-01", status="gerealiseerd"))
    listing = client.get("/agenda").get_data(as_text=True)
    assert listing.count("Over tijd</span>") == 1
    overdue = client.get("/agenda?overdue=1").get_data(as_text=True)
    assert "Te laat" in overdue and "Op tijd" not in overdue and "Klaar maar laat" not in overdue
    assert "Dit agendapunt is over tijd" in client.get(f"/agenda/{late}").get_data(as_text=True)
    owner_filter = client.get("/agenda?owner=department:jeugd-en-onderwijs").get_data(
        as_text=True)
    assert "Te laat" not in owner_filter


def test_partner_does_not_see_internal_experiences_of_a_shared_item(client, people,
                                                                    make_experience):
    internal = make_experience(people["collega"], title="Interne les", visibility="intern")
    client.login(people["kernteam"].email)
    created = item_id(new_item(client, "partner:uwv", experience_ids=str(internal.id)))
    client.logout()
    client.login(people["partner"].email)
    page = client.get(f"/agenda/{created}").get_data(as_text=True)
    assert "Interne les" not in page and "Geen ervaringen die jij kunt zien." in page
    assert client.get(f"/agenda/nieuw?ervaring={internal.id}").status_code == 403


def test_a_medewerker_keeps_links_they_cannot_see(app, client, people, make_experience):
    draft = make_experience(people["kernteam"], title="Concept van Kees", status="concept")
    client.login(people["kernteam"].email)
    created = item_id(new_item(client, "department:werk-en-inkomen",
                               experience_ids=str(draft.id)))
    client.logout()
    client.login(people["medewerker"].email)
    response = client.submit(f"/agenda/{created}/bewerken", {
        "title": "Aangepast", "owner": "department:werk-en-inkomen", "status": "loopt",
        "experience_ids": "", "version": "1"})
    assert response.status_code == 302
    with app.app_context():
        assert [e.id for e in db.session.get(AgendaItem, created).experiences] == [draft.id]


def test_csrf_is_required(client, people):
    client.login(people["medewerker"].email)
    response = client.post("/agenda/nieuw", data={"title": "x", "owner": "partner:uwv"})
    assert response.status_code == 400


def test_api_create_update_progress_and_rules(app, client, people, make_experience):
    from .insight_helpers import bearer

    experience = make_experience(people["collega"], title="Bron", visibility="intern")
    staff = bearer(app, people["medewerker"])
    response = client.post("/api/v1/agenda", headers=staff, json={
        "title": "Via de API", "owner": "partner:uwv", "status": "idee",
        "target_date": "2030-06-30", "experience_ids": [experience.id]})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["owner"] == {"key": "partner:uwv", "name": "UWV"}
    assert body["experience_ids"] == [experience.id] and body["version"] == 1
    assert body["history"][0]["field"] == "created"
    number = body["id"]

    partner = bearer(app, people["partner"])
    seen = client.get(f"/api/v1/agenda/{number}", headers=partner).get_json()
    assert seen["experience_ids"] == []  # the source is internal
    assert client.put(f"/api/v1/agenda/{number}", headers=partner,
                      json={"title": "x", "version": 1}).status_code == 403
    assert client.post("/api/v1/agenda", headers=partner,
                       json={"title": "x", "owner": "partner:uwv"}).status_code == 403
    progress = client.post(f"/api/v1/agenda/{number}/updates", headers=partner,
                           json={"text": "Gestart.", "status": "loopt", "version": 1})
    assert progress.status_code == 201, progress.get_json()
    assert progress.get_json()["status"] == "loopt"
    assert progress.get_json()["updates"][0]["author"] == "Pim Partner"
    stale = client.put(f"/api/v1/agenda/{number}", headers=staff,
                       json={"status": "gerealiseerd", "version": 1})
    assert stale.status_code == 409 and "version" in stale.get_json()["fields"]
    done = client.put(f"/api/v1/agenda/{number}", headers=staff,
                      json={"status": "gerealiseerd", "version": 2})
    assert done.status_code == 200 and done.get_json()["title"] == "Via de API"
    listing = client.get("/api/v1/agenda?status=gerealiseerd", headers=partner).get_json()
    assert [item["id"] for item in listing["items"]] == [number]

    other = bearer(app, people["andere_partner"])
    assert client.get(f"/api/v1/agenda/{number}", headers=other).status_code == 404
    assert client.get("/api/v1/agenda", headers=other).get_json()["total"] == 0
    bad = client.post("/api/v1/agenda", headers=staff,
                      json={"title": "", "owner": "department:nergens", "status": "later"})
    assert bad.status_code == 422
    assert bad.get_json()["fields"] == {
        "title": "Vul een titel in.",
        "owner": "Deze eigenaar bestaat niet (meer); kies een andere.",
        "status": "Kies een status: idee, loopt, gerealiseerd of gestopt."}
    wrong_type = client.post("/api/v1/agenda", headers=staff, json={"experience_ids": "12"})
    assert wrong_type.status_code == 422


def test_demo_agenda_has_every_kind_of_owner_and_an_overdue_item(app, client):
    from .insight_helpers import load_demo_accounts

    demo = load_demo_accounts(app)
    client.login(*demo["henk"])  # partner at UWV
    listing = client.get("/agenda").get_data(as_text=True)
    assert "Vaste overdrachtsafspraken met UWV" in listing and "Over tijd</span>" in listing
    assert "Eén regisseur per huishouden" not in listing  # internal, owned by a department
    client.logout()
    client.login(*demo["pieter"])
    listing = client.get("/agenda").get_data(as_text=True)
    owners = [f'Eigenaar: <span lang="nl">{name}</span>'
              for name in ("UWV", "Zorg en Welzijn (Wmo)", "Pieter Bakker")]
    for text in [*owners, "Gerealiseerd", "Loopt", "Idee"]:
        assert text in listing, text
    with app.app_context():
        done = db.session.query(AgendaItem).filter_by(status="gerealiseerd").one()
        assert len(done.updates) == 2 and len(done.changes) >= 5


def history_numbers(page: str) -> set[int]:
    """Experience numbers in the history table of an item's page (not in entities like &#39;)."""
    history = page.split('id="geschiedenis-kop"', 1)[1]
    return {int(number) for number in re.findall(r"(?<!&)#(\d+)", history)}


def test_history_never_shows_experiences_the_reader_may_not_see(client, people, make_experience,
                                                                token_for):
    internal = make_experience(people["collega"], title="Interne les", visibility="intern")
    shared = make_experience(people["collega"], title="Gedeelde les", visibility="met_partners")
    draft = make_experience(people["kernteam"], title="Concept van Kees", status="concept")
    client.login(people["kernteam"].email)
    created = item_id(new_item(client, "partner:uwv", experience_ids=str(internal.id)))
    changed = client.submit(f"/agenda/{created}/bewerken", {
        "title": "Vaste overdrachtsafspraken", "owner": "partner:uwv", "status": "idee",
        "experience_ids": f"{internal.id}, {shared.id}, {draft.id}", "version": "1"})
    assert changed.status_code == 302
    assert history_numbers(client.get(f"/agenda/{created}").get_data(as_text=True)) == {
        internal.id, shared.id, draft.id}  # the kernteam member wrote the draft
    client.logout()
    for reader, seen in (("partner", {shared.id}), ("medewerker", {internal.id, shared.id})):
        client.login(people[reader].email)
        page = client.get(f"/agenda/{created}").get_data(as_text=True)
        assert history_numbers(page) == seen, reader
        history = client.get(f"/api/v1/agenda/{created}",
                             headers=token_for(people[reader])).get_json()["history"]
        lines = [line["old_value"] + " " + line["new_value"] for line in history
                 if line["field"] == "experiences"]
        assert {int(n) for line in lines for n in re.findall(r"#(\d+)", line)} == seen, reader
        client.logout()
