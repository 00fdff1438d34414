"""Issue 7 as a new user meets it: the app served by gunicorn (three workers, behind a proxy
that terminates HTTPS, as in production), visited with an HTTP client that keeps cookies like a
browser. The Flask test-client tests beside this one go into every detail; these show that the
protections hold in the served app, whichever worker process answers."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from pypdf import PdfReader

from .busy_person import BSN, EMAIL, NAME, build_world
from .http_client import Visitor
from .servers import Server
from .test_authorisation_matrix import (
    EXPECTED,
    ROLES,
    objects_of_others,
    page_url,
    routes,
    values_for,
)
from .test_erasure_everywhere import pages, status_after_erasure
from .test_security_headers import assert_csp_compliant_html, assert_secure_headers

pytestmark = pytest.mark.slow
HTTPS = {"X-Forwarded-Proto": "https"}  # what the proxy adds for a request that came over TLS
SURNAME = NAME.split()[-1]


@pytest.fixture
def served(app, instance, database_url):
    """The app under gunicorn on the test's database; `app` prepared that database."""
    with Server(instance, database_url, workers=3, settings={"PROXY_HOPS": 1}) as server:
        yield server


def visitor(served, **headers) -> Visitor:
    return Visitor(served.url, headers)


def signed_in(served, email: str) -> Visitor:
    person = visitor(served)
    answer = person.sign_in(email)
    assert (answer.status, answer.location) == (302, "/"), answer.text[:2000]
    return person


def test_every_page_for_every_role_has_the_security_headers(app, served, make_user,
                                                            make_experience):
    world = objects_of_others(app, make_user, make_experience)
    pages_seen, wrong = 0, []
    for column, role in enumerate(ROLES):
        person = visitor(served) if role == "anonymous" else signed_in(
            served, make_user(role).email)
        for method, rule in routes(app):
            if method != "GET":
                continue
            url = page_url(rule, values_for(method, rule, world))
            answer = person.get(url)
            if answer.status != EXPECTED[(method, rule)][column]:
                wrong.append(f"{role} {url}: {answer.status}")
            assert_secure_headers(answer.headers, cached=rule.startswith("/static/"))
            if answer.headers.get_content_type() == "text/html":
                assert_csp_compliant_html(answer.headers, answer.text)
                pages_seen += 1
    assert not wrong, "; ".join(wrong)
    assert pages_seen > 100


def test_over_https_hsts_and_secure_cookies(served, make_user):
    user = make_user()
    plain, secure = visitor(served), visitor(served, **HTTPS)
    assert "Strict-Transport-Security" not in plain.get("/inloggen").headers
    assert secure.get("/inloggen").headers["Strict-Transport-Security"].startswith(
        "max-age=31536000")
    for person, is_secure in ((plain, False), (secure, True)):
        assert person.sign_in(user.email).status == 302
        morsel = person.set_cookies[-1]["__Host-session" if is_secure else "session"]
        assert morsel["httponly"] and morsel["samesite"] == "Lax"
        assert bool(morsel["secure"]) is is_secure


def test_a_copied_cookie_works_until_sign_out_and_dies_after_it(served, make_user):
    user = make_user()
    owner = visitor(served)
    owner.get("/inloggen")
    before_sign_in = owner.cookies["session"]
    assert owner.sign_in(user.email).status == 302
    assert owner.cookies["session"] != before_sign_in  # no fixation
    thief = visitor(served)
    thief.cookies["session"] = owner.cookies["session"]
    assert [thief.get("/ervaringen").status for _ in range(6)] == [200] * 6  # every worker
    fixer = visitor(served)
    fixer.cookies["session"] = before_sign_in
    assert fixer.get("/ervaringen").status == 302

    answer = owner.sign_out()
    assert (answer.status, answer.location) == (302, "/inloggen")
    for _ in range(6):
        page = thief.get("/ervaringen")
        assert page.status == 302 and page.location.startswith("/inloggen")
        assert thief.get("/api/v1/experiences").status == 401
    assert owner.get("/ervaringen").status == 302


def test_the_sixth_quick_wrong_password_gets_429_whichever_worker_answers(served, make_user):
    user = make_user()
    attacker = visitor(served)
    tries = [attacker.sign_in(user.email, "helemaal verkeerd!") for _ in range(6)]
    assert [answer.status for answer in tries] == [401] * 5 + [429]
    assert "Te veel mislukte inlogpogingen" in tries[-1].text
    assert 60 <= int(tries[-1].headers["Retry-After"]) <= 16 * 60
    assert user.email in tries[-1].text  # the form keeps what was typed
    assert visitor(served).sign_in(user.email).status == 429  # the right password waits too
    assert signed_in(served, make_user().email).get("/").status == 200  # others are not blocked


def test_one_address_trying_many_accounts_is_stopped(served):
    office = visitor(served, **{"X-Forwarded-For": "192.0.2.7"})
    statuses = [office.sign_in(f"gok{number}@gemeente.example", "helemaal verkeerd!").status
                for number in range(51)]
    assert statuses == [401] * 50 + [429]
    other_address = visitor(served, **{"X-Forwarded-For": "192.0.2.8"})
    assert other_address.sign_in("gok1@gemeente.example", "fout!").status == 401


def new_experience(lesson: str) -> dict:
    return {"title": "Overdracht aan het wijkteam", "kind": "les", "situation": "Bij het loket.",
            "lesson": lesson, "publish": "1"}


def test_a_bsn_is_caught_before_publishing_and_123456789_is_not(served, make_user, token_for):
    user = make_user()
    author = signed_in(served, user.email)
    caught = author.submit("/ervaringen/nieuw", new_experience(f"Mail nooit BSN {BSN}."))
    assert caught.status == 422
    assert "Staan hier gegevens van inwoners in?" in caught.text
    assert f'Mail nooit BSN <mark class="finding">{BSN}</mark>.' in caught.text
    assert 'value="Overdracht aan het wijkteam"' in caught.text  # nothing typed is lost
    assert "Overdracht aan het wijkteam" not in author.get("/mijn-ervaringen").text
    published = author.submit("/ervaringen/nieuw", new_experience("Dossier 123456789 lag stil."))
    assert published.status == 302 and re.fullmatch(r"/ervaringen/\d+", published.location)

    api = visitor(served)
    token = token_for(user)
    payload = {"title": "Via de API", "situation": "Bij het loket.", "status": "gepubliceerd",
               "lesson": f"Het BSN {BSN} stond in de mail."}
    refused = api.api("POST", "/api/v1/experiences", payload, token)
    assert refused.status == 422
    assert [(f["kind"], f["field"]) for f in refused.json()["findings"]] == [("bsn", "lesson")]
    confirmed = api.api("POST", "/api/v1/experiences", {**payload, "confirm_privacy": True},
                        token)
    assert confirmed.status == 201


def test_the_data_download_is_complete_and_the_erased_name_appears_nowhere(
        app, served, make_user, make_experience, tmp_path):
    world = build_world(app, make_user, make_experience)
    person = signed_in(served, EMAIL)
    download = person.get("/account/gegevens")
    assert download.status == 200 and download.headers["Cache-Control"] == "no-store"
    assert download.headers["Content-Disposition"].startswith("attachment; filename=")
    data = download.json()
    assert (data["account"]["name"], data["account"]["email"]) == (NAME, EMAIL)
    empty = sorted(name for name, section in data.items() if not section)
    # they took part in everything else; a medewerker keeps no synonyms and sent no API POSTs,
    # and the served app here sends no mail and has no organisation account to sign in with
    assert empty == ["api_tokens", "idempotent_answers", "mail", "organisation_accounts",
                     "synonyms"]
    assert {e["title"] for e in data["experiences"]} == {"Warme overdracht met het UWV",
                                                         "Loket en wijkteam"}

    colleague = signed_in(served, world.colleague.email)
    for query in (NAME, f"lessen van {SURNAME.lower()}", EMAIL):  # now in the search log
        assert colleague.get(f"/zoeken?q={quote(query)}").status == 200
    curator = signed_in(served, world.curator.email)
    assert unanswered_searches(curator) == sorted(
        [NAME.lower(), f"lessen van {SURNAME.lower()}", EMAIL])

    admin = signed_in(served, world.admin.email)
    wipe = f"/beheer/gebruikers/{world.person.id}/wissen"
    assert admin.submit(wipe, {"understood": "y"}).status == 302
    assert person.get("/").status == 302  # their session ended with the erasure
    for viewer in (world.admin, world.colleague, world.curator):
        reader = signed_in(served, viewer.email)
        for path in [*pages(world), "/verslag/zoekopdracht.pdf?q=overdracht"]:
            answer = reader.get(path)
            assert answer.status == status_after_erasure(world, viewer, path, False), (
                viewer.role, path, answer.status)
            text = pdf_text(answer.body) if ".pdf?" in path else answer.text
            assert SURNAME not in text and EMAIL not in text, (viewer.role, path)
    exported = export_everything(served, tmp_path / "export")  # search log included
    assert SURNAME not in exported and EMAIL not in exported
    assert "schuldhulp" in exported  # what others searched stays
    assert unanswered_searches(curator) == []  # the searches naming them went


def unanswered_searches(person: Visitor) -> list[str]:
    """The search log as the core team sees it: what found nothing, lower-cased."""
    figure = person.get("/api/v1/insight/zoekvragen-zonder-resultaat").json()
    return sorted(query for query, _count, _last in figure["rows"])


def pdf_text(body: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def export_everything(served, folder: Path) -> str:
    """`rugzak export`, as an administrator runs it next to the server; all files as text."""
    done = subprocess.run([str(Path(sys.executable).with_name("rugzak")), "export", str(folder)],
                          env=served.env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    texts = [path.read_text(errors="replace") for path in sorted(folder.rglob("*"))
             if path.is_file() and path.suffix in (".json", ".csv", ".jsonl")]
    assert texts, f"nothing exported into {folder}"
    return json.dumps(texts, ensure_ascii=False)
