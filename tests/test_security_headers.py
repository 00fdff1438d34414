"""Security headers on every kind of page, and templates that comply with the CSP."""
import re

import pytest

from rugzak import create_app

from . import conftest

INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
EXTERNAL_RESOURCE = re.compile(r'<(?:script|link|img)\b[^>]*(?:src|href)="(?:https?:)?//', re.I)
INLINE_ELEMENT = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)


def csp_of(headers) -> dict[str, str]:
    header = headers["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split("; ")}


def assert_secure_headers(headers, cached: bool = False):
    """`headers` of a Flask test response or of an HTTP answer from a served app."""
    csp = csp_of(headers)
    assert csp["default-src"] == "'self'"
    assert csp["object-src"] == "'none'" and csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == "'none'" and csp["form-action"] == "'self'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "unsafe-eval" not in headers["Content-Security-Policy"]
    assert re.fullmatch(r"'self' 'nonce-[\w-]{20,}'", csp["script-src"])
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in ("same-origin", "no-referrer")  # stricter may be
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # plain HTTP
    if not cached:
        assert headers["Cache-Control"] == "no-store"


def assert_csp_compliant_html(headers, page: str):
    """No inline code the policy would block: only elements carrying this response's nonce."""
    nonce = csp_of(headers)["script-src"].split("'nonce-")[1].rstrip("'")
    assert not INLINE_HANDLER.search(page), INLINE_HANDLER.search(page).group(0)
    assert not STYLE_ATTRIBUTE.search(page), STYLE_ATTRIBUTE.search(page).group(0)
    for tag, attributes in INLINE_ELEMENT.findall(page):
        assert f'nonce="{nonce}"' in attributes or (tag.lower() == "script" and "src=" in
                                                   attributes), f"<{tag}{attributes}>"
    assert not EXTERNAL_RESOURCE.search(page), "a script, style, font or image from elsewhere"


@pytest.fixture
def signed_in(client, make_user, make_experience):
    author = make_user("kernteam")
    experience = make_experience(author)
    client.login(author.email)
    return experience


HTML_PAGES = {"/": 200, "/ervaringen": 200, "/mijn-ervaringen": 200, "/ervaringen/nieuw": 200,
              "/ervaringen/{id}": 200, "/ervaringen/{id}/bewerken": 200, "/zoeken?q=regie": 200,
              "/bestaat-niet": 404}


@pytest.mark.parametrize("path, status", HTML_PAGES.items())
def test_every_html_page_has_the_headers_and_complies(client, signed_in, path, status):
    response = client.get(path.format(id=signed_in.id))
    assert response.status_code == status
    assert_secure_headers(response.headers)
    assert_csp_compliant_html(response.headers, response.get_data(as_text=True))


def test_sign_in_page_and_errors_for_anonymous_visitors(client):
    for response in (client.get("/inloggen"), client.get("/ervaringen"),
                     client.submit("/inloggen", {"email": "x@example.org", "password": "y"})):
        assert_secure_headers(response.headers)
    page = client.get("/inloggen")
    assert_csp_compliant_html(page.headers, page.get_data(as_text=True))


def test_failed_form_page_complies(client, signed_in):
    response = client.submit("/ervaringen/nieuw", {"title": "", "publish": "1"})
    assert response.status_code == 422
    assert_secure_headers(response.headers)
    assert_csp_compliant_html(response.headers, response.get_data(as_text=True))


def test_json_answers_have_the_headers(client, signed_in):
    for path in ("/api/v1/experiences", f"/api/v1/experiences/{signed_in.id}",
                 "/api/v1/openapi.json", "/api/v1/experiences/999999", "/healthz"):
        assert_secure_headers(client.get(path).headers)


def test_static_files_may_be_cached_but_not_sniffed(client):
    response = client.get("/static/rugzak.css")
    assert response.status_code == 200
    assert_secure_headers(response.headers, cached=True)
    assert response.headers.get("Cache-Control") != "no-store"


def test_trace_is_refused_and_no_other_origin_is_allowed(client, signed_in):
    for path in ("/inloggen", "/ervaringen", "/api/v1/experiences"):
        assert client.open(path, method="TRACE").status_code == 405
    answer = client.get("/api/v1/experiences", headers={"Origin": "https://elders.example"})
    assert answer.status_code == 200
    assert not [name for name in answer.headers.keys() if name.lower().startswith("access-control")]


def test_each_response_gets_its_own_nonce(client):
    first, second = (csp_of(client.get("/inloggen").headers)["script-src"] for _ in range(2))
    assert first != second


def test_templates_can_use_the_nonce(app):
    with app.test_request_context("/"):
        from flask import render_template_string

        from rugzak.security.headers import content_security_policy, csp_nonce

        html = render_template_string('<script nonce="{{ csp_nonce() }}"></script>')
        assert f'nonce="{csp_nonce()}"' in html
        assert f"'nonce-{csp_nonce()}'" in content_security_policy(csp_nonce())


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/inloggen").headers
    secure = client.get("/inloggen", base_url="https://rugzak.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_forwarded_proto_is_trusted_only_when_configured(app, instance):
    forwarded = {"X-Forwarded-Proto": "https"}
    assert "Strict-Transport-Security" not in app.test_client().get(
        "/inloggen", headers=forwarded).headers
    behind_proxy = create_app({**conftest.test_config(instance), "PROXY_HOPS": 1})
    response = behind_proxy.test_client().get("/inloggen", headers=forwarded)
    assert "Strict-Transport-Security" in response.headers
    behind_proxy.extensions["rugzak.search"].stop()
