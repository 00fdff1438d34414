"""A person who took part in everything, built through HTTP: for the erasure and data-download
tests. They are kernteam in Werk en Inkomen; a colleague in Jeugd en Onderwijs reacts to them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from rugzak.mail.kinds import KINDS

NAME = "Willemijn Bakker-Oosterhout"
EMAIL = "w.bakker@gemeente.example"
BSN = "111222333"
PUBLISH = {"kind": "les", "visibility": "intern", "publish": "1"}


@dataclass
class World:
    person: object
    colleague: object
    admin: object
    curator: object
    own: object  # the person's, edited once (2 versions); commented and recognised by colleague
    checked: int  # the person's, with a confirmed resident-data finding
    theirs: object  # colleague's; the person commented, recognised and highlighted it
    binned: object  # colleague's, put in the bin by the person
    deleted_comment: int  # the person's own comment under `theirs`, deleted by them
    bundle_id: int  # made by the person: `own` and `theirs`
    owned_item: int  # agenda item made and owned by the person, with a progress update
    handed_item: int  # colleague's agenda item, moved from the person to a department


def new_id(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    return int(re.search(r"(\d+)(#.*)?$", response.headers["Location"]).group(1))


def version_on(page: str) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


def new_agenda_item(client, owner: str, **values) -> int:
    data = {"title": "Vaste overdrachtsafspraken", "description": "Samen vastleggen.",
            "owner": owner, "status": "idee", "target_date": "", "experience_ids": "",
            **values}
    return new_id(client.submit("/agenda/nieuw", data))


def build_world(app, make_user, make_experience) -> World:
    person = make_user("kernteam", name=NAME, email=EMAIL)
    colleague = make_user("medewerker", name="Cor Collega", department="jeugd-en-onderwijs")
    admin, curator = make_user("beheerder"), make_user("kernteam")
    own = make_experience(person, title="Warme overdracht met het UWV")
    theirs = make_experience(colleague, title="Schuldhulp samen met het wijkteam")
    binned = make_experience(colleague, title="Verouderde werkwijze")
    parts = _as_person(app.test_client(), person, own, theirs, binned)
    handed_item = _as_colleague(app.test_client(), colleague, person, own)
    as_admin = app.test_client()
    as_admin.login(admin.email)
    assert as_admin.submit(f"/beheer/gebruikers/{person.id}/wachtwoordlink",
                           page=f"/beheer/gebruikers/{person.id}").status_code == 200
    return World(person, colleague, admin, curator, own, theirs=theirs, binned=binned,
                 handed_item=handed_item, **parts)


def _as_person(client, person, own, theirs, binned) -> dict:
    client.login(person.email)
    assert client.submit("/taal", {"locale": "nl"}).status_code == 302
    assert client.submit(f"/ervaringen/{own.id}/bewerken", {
        **PUBLISH, "title": own.title, "version": str(own.version),
        "situation": "Het UWV en het wijkteam zaten samen.",
        "lesson": "Draag warm over, met de inwoner erbij."}).status_code == 302
    checked = new_id(client.submit("/ervaringen/nieuw", {
        **PUBLISH, "title": "Loket en wijkteam", "lesson": "Spreek af wie de regie heeft.",
        "situation": f"Een moeder met nummer {BSN} kwam bij het loket.",
        "confirm_privacy": "1"}))
    page = f"/ervaringen/{theirs.id}"
    assert client.submit(f"{page}/reacties", {"body": "Herkenbaar, bij ons ook."},
                         page=page).status_code == 302
    deleted_comment = new_id(client.submit(f"{page}/reacties", {"body": "Toch niet."},
                                           page=page))
    assert client.submit(f"/reacties/{deleted_comment}/verwijderen", page=page
                         ).status_code == 302
    assert client.submit(f"{page}/herkenbaar", page=page).status_code == 302
    assert client.submit(f"{page}/uitlichten", {"note": "Mooi voorbeeld."}).status_code == 302
    assert client.submit(f"/ervaringen/{binned.id}/verwijderen").status_code == 302
    bundle_id = new_id(client.submit("/bundels/nieuw", {
        "title": "Overdracht", "intro": "Wat we leerden.", "visibility": "intern"}))
    for experience in (own, theirs):
        assert client.submit(f"/bundels/toevoegen/{experience.id}",
                             {"bundle": str(bundle_id), "note": "Lezen!", "next": ""},
                             page=f"/ervaringen/{experience.id}").status_code == 302
    owned_item = new_agenda_item(client, f"user:{person.id}",
                                 experience_ids=f"{own.id}, {theirs.id}")
    version = version_on(client.get(f"/agenda/{owned_item}").get_data(as_text=True))
    assert client.submit(f"/agenda/{owned_item}/voortgang", {
        "text": "Eerste overleg gepland.", "status": "loopt", "version": version}
    ).status_code == 302
    assert client.get("/").status_code == 200  # the home page keeps the visit
    follow = {"kind": "department", "target": "werk-en-inkomen"}
    assert client.submit("/meldingen/volgen", follow, page="/meldingen/volgen").status_code == 302
    assert client.submit("/account/feedadres/maken", page="/account").status_code == 302
    assert client.submit("/account/e-mail", {kind: "weekly" for kind in KINDS},
                         page="/account").status_code == 302
    return {"checked": checked, "deleted_comment": deleted_comment, "bundle_id": bundle_id,
            "owned_item": owned_item}


def _as_colleague(client, colleague, person, own) -> int:
    client.login(colleague.email)
    page = f"/ervaringen/{own.id}"
    assert client.submit(f"{page}/reacties", {"body": "Goed idee, nemen we over."},
                         page=page).status_code == 302
    assert client.submit(f"{page}/herkenbaar", page=page).status_code == 302
    handed_item = new_agenda_item(client, f"user:{person.id}", title="Eén intake",
                                  experience_ids=str(own.id))
    version = version_on(client.get(f"/agenda/{handed_item}/bewerken").get_data(as_text=True))
    assert client.submit(f"/agenda/{handed_item}/bewerken", {
        "title": "Eén intake", "description": "Samen vastleggen.",
        "owner": "department:jeugd-en-onderwijs", "status": "idee", "target_date": "",
        "experience_ids": str(own.id), "version": version}).status_code == 302
    return handed_item
