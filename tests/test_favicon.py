"""The browser's first request for /favicon.ico finds an icon, signed in or not."""


def test_favicon_ico_answers_an_icon_without_signing_in(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype == "image/vnd.microsoft.icon"
    assert response.data[:4] == b"\x00\x00\x01\x00"  # the ICO header


def test_every_page_links_the_icon(client):
    page = client.get("/inloggen").get_data(as_text=True)
    assert '<link rel="icon" href="/static/favicon.ico">' in page
    assert client.get("/static/favicon.ico").data == client.get("/favicon.ico").data
