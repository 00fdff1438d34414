"""What a user may not see answers 404 by id (HTML and API); fields a role may not set are
ignored; Markdown attack payloads render inert; oversized requests answer 413."""
from html.parser import HTMLParser

import pytest
from sqlalchemy import update

from rugzak.auth.models import User
from rugzak.bin.services import delete_experience
from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.timeutil import utcnow


def hide(app, experience_id):
    with app.app_context():
        db.session.execute(update(Experience).where(Experience.id == experience_id)
                           .values(hidden_at=utcnow(), hidden_reason="Bevat te veel details"))
        db.session.commit()


def assert_not_found(client, experience_id):
    for path in (f"/ervaringen/{experience_id}", f"/ervaringen/{experience_id}/bewerken",
                 f"/api/v1/experiences/{experience_id}"):
        assert client.get(path).status_code == 404, path
    response = client.put(f"/api/v1/experiences/{experience_id}", json={"version": 1},
                          headers={"X-CSRFToken": client.csrf_token()})
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["medewerker", "kernteam", "beheerder", "partner"])
def test_someone_elses_draft_is_404(client, make_user, make_experience, role):
    draft = make_experience(make_user(), status="concept", visibility="met_partners")
    client.login(make_user(role).email)
    assert_not_found(client, draft.id)


@pytest.mark.parametrize("role", ["medewerker", "partner"])
def test_a_hidden_experience_is_404_except_for_curators_and_author(app, client, make_user,
                                                                   make_experience, role):
    author = make_user()
    hidden = make_experience(author, visibility="met_partners")
    hide(app, hidden.id)
    client.login(make_user(role).email)
    assert_not_found(client, hidden.id)
    client.logout()
    client.login(make_user("kernteam").email)
    assert client.get(f"/ervaringen/{hidden.id}").status_code == 200
    client.logout()
    client.login(author.email)
    assert client.get(f"/api/v1/experiences/{hidden.id}").status_code == 200


def test_an_intern_experience_is_404_for_a_partner(client, make_user, make_experience):
    intern = make_experience(make_user(), visibility="intern")
    client.login(make_user("partner").email)
    assert_not_found(client, intern.id)
    assert intern.id not in [e["id"] for e in client.get("/api/v1/experiences").json["items"]]


BINNED_PATHS = ("/ervaringen/{id}/geschiedenis", "/ervaringen/{id}/geschiedenis/vergelijken",
                "/ervaringen/{id}/verwijderen", "/ervaringen/{id}/uitlichten",
                "/ervaringen/{id}/verbergen", "/bundels/toevoegen/{id}",
                "/api/v1/experiences/{id}/comments", "/api/v1/experiences/{id}/recognition")


@pytest.mark.parametrize("role", ["author", "medewerker", "partner", "kernteam", "beheerder"])
def test_a_binned_experience_is_404_for_everyone(app, client, make_user, make_experience, role):
    author = make_user()
    binned = make_experience(author, visibility="met_partners")
    with app.app_context():
        delete_experience(db.session.get(User, author.id), db.session.get(Experience, binned.id))
    client.login(author.email if role == "author" else make_user(role).email)
    assert_not_found(client, binned.id)
    for path in BINNED_PATHS:
        assert client.get(path.format(id=binned.id)).status_code == 404, path
    headers = {"X-CSRFToken": client.csrf_token()}
    url = f"/api/v1/experiences/{binned.id}"
    for method, path in (("DELETE", url), ("PUT", f"{url}/recognition"),
                         ("POST", f"{url}/comments")):
        assert client.open(path, method=method, json={"body": "Ja"},
                           headers=headers).status_code == 404, (method, path)
    response = client.submit(f"/ervaringen/{binned.id}/verwijderen", page="/")
    assert response.status_code == 404


def test_api_ignores_fields_the_user_may_not_set(app, client, make_user):
    user = make_user()
    other = make_user(name="Iemand Anders")
    client.login(user.email)
    headers = {"X-CSRFToken": client.csrf_token()}
    response = client.post("/api/v1/experiences", headers=headers, json={
        "title": "Eigen les", "situation": "Wat er gebeurde.", "lesson": "Wat ik leerde.",
        "id": 4242, "version": 99, "author": {"id": other.id, "name": other.name},
        "author_id": other.id, "highlight": True, "highlighted": True, "hidden_at": "2025-01-01",
        "created_at": "2020-01-01T00:00:00Z"})
    assert response.status_code == 201
    body = response.json
    assert body["id"] != 4242 and body["version"] == 1
    assert body["author"] == {"id": user.id, "name": user.name}
    assert body["created_at"][:4] != "2020"
    with app.app_context():
        row = db.session.get(Experience, body["id"])
        assert row.author_id == user.id and row.hidden_at is None


def test_kernteam_cannot_change_status_or_anonymity_of_others(app, client, make_user,
                                                              make_experience):
    experience = make_experience(make_user(), title="Van een ander")
    client.login(make_user("kernteam").email)
    response = client.put(f"/api/v1/experiences/{experience.id}",
                          headers={"X-CSRFToken": client.csrf_token()},
                          json={"version": experience.version, "status": "concept",
                                "anonymous": True, "title": "Verbeterde titel"})
    assert response.status_code == 200
    body = response.json
    assert (body["title"], body["status"], body["anonymous"]) == (
        "Verbeterde titel", "gepubliceerd", False)
    # the HTML form: "bewaar als concept" by someone else keeps it published
    response = client.submit(f"/ervaringen/{experience.id}/bewerken", {
        "version": str(body["version"]), "title": "Nog beter", "situation": "Iets.",
        "lesson": "Iets geleerd.", "save_draft": "1", "anonymous": "y"})
    assert response.status_code == 302
    with app.app_context():
        row = db.session.get(Experience, experience.id)
        assert (row.title, row.status, row.anonymous) == ("Nog beter", "gepubliceerd", False)


ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[klik](javascript:alert(3))",
    "[klik](JaVaScRiPt:alert(4))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==)",
    '<svg onload="alert(6)"><circle r="1"/></svg>',
    '<a href="#" onclick="alert(7)" style="color:red">link</a>',
    "![plaatje](javascript:alert(8))",
    '<iframe src="javascript:alert(9)"></iframe>',
    "[x](vbscript:msgbox(10))",
    '<p title="x" onmouseover="alert(11)">tekst</p>',
    "<a href='java&#x09;script:alert(12)'>x</a>",
]


class Elements(HTMLParser):
    """The real elements and attributes of a piece of HTML (escaped text is not markup)."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


def test_markdown_attack_payloads_render_inert(client, make_user, make_experience):
    author = make_user()
    text = "\n\n".join([*ATTACKS, "[veilig](https://www.example.org/pagina)"])
    experience = make_experience(author, situation=text, lesson=text, tip=text)
    client.login(author.email)
    page = client.get(f"/ervaringen/{experience.id}").get_data(as_text=True)
    parsed = Elements()
    parsed.feed(page.split('<div class="sections" lang="nl">', 1)[1].split("</div>", 1)[0])
    assert set(parsed.tags) <= {"section", "h2", "p", "a", "br", "em", "strong", "code", "pre",
                                "ul", "ol", "li", "blockquote"}, parsed.tags
    for name, value in parsed.attributes:
        assert not name.startswith("on") and name != "style", (name, value)
        if name in ("href", "src"):
            assert value.startswith(("https://", "http://", "mailto:")), value
    assert ("href", "https://www.example.org/pagina") in parsed.attributes  # links do work
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text, not run


def test_oversized_requests_answer_413_in_dutch(app, client, make_user):
    client.login(make_user().email)
    too_big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/ervaringen/nieuw", data={"situation": too_big})
    assert response.status_code == 413
    assert "Wat je verstuurt is te groot." in response.get_data(as_text=True)
    response = client.post("/api/v1/experiences", data=too_big,
                           headers={"Content-Type": "application/json",
                                    "X-CSRFToken": client.csrf_token()})
    assert response.status_code == 413
    assert response.json["error"] == "Wat je verstuurt is te groot."


def test_field_lengths_are_limited(client, make_user):
    client.login(make_user().email)
    response = client.submit("/ervaringen/nieuw", {
        "title": "t" * 201, "situation": "s" * 10_001, "lesson": "Iets.", "publish": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "hoogstens 200 tekens" in page and "hoogstens 10000 tekens" in page


@pytest.mark.parametrize("role", ["medewerker", "kernteam", "partner"])
def test_search_never_reveals_an_anonymous_author(client, make_user, make_experience, role):
    author = make_user(name="Gerrit Zwanenburg")
    make_experience(author, anonymous=True, visibility="met_partners",
                    title="Schuldhulp zonder wachtlijst")
    client.login(make_user(role).email)
    for path in ("/zoeken?q=schuldhulp", "/api/v1/search?q=schuldhulp", "/ervaringen",
                 "/api/v1/experiences"):
        body = client.get(path).get_data(as_text=True)
        assert "Schuldhulp zonder wachtlijst" in body, path
        assert "Zwanenburg" not in body, path
    assert client.get("/api/v1/search?q=Zwanenburg").json["total"] == 0
