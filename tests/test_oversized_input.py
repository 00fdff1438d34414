"""Oversized input: field validation answers before the request limit and keeps the text; the
413 page explains in Dutch with a way back; the form says each text's limit beforehand."""
import re

PASTED = "Een heel lang verslag van het overleg. " * 65_000  # about 2.5 MB


def test_a_huge_field_is_refused_by_its_own_check_and_kept(client, logged_in):
    logged_in()
    response = client.submit("/ervaringen/nieuw", {
        "title": "Overleg met de wijk", "situation": PASTED, "lesson": "Kort houden.",
        "publish": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Dit deel mag hoogstens 10000 tekens hebben." in page
    assert PASTED.strip() in page and 'value="Overleg met de wijk"' in page


def test_a_huge_field_in_the_api_is_422_at_its_field(client, api_user):
    _, token = api_user()
    response = client.post("/api/v1/experiences", headers=token, json={
        "title": "Overleg", "situation": PASTED, "lesson": "Kort houden."})
    assert response.status_code == 422
    assert response.json["fields"]["situation"] == "Dit deel mag hoogstens 10000 tekens hebben."


def test_beyond_the_request_limit_the_413_page_explains_and_leads_back(app, client, logged_in):
    logged_in()
    too_big = "x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post("/ervaringen/nieuw", data={"situation": too_big},
                           headers={"Referer": "http://localhost/ervaringen/nieuw"})
    page = response.get_data(as_text=True)
    assert response.status_code == 413
    assert "Wat je verstuurt is te groot." in page
    assert "Er is niets opgeslagen: Rugzak neemt hoogstens 16 MB in één keer aan." in page
    assert "Ga met de knop Terug van je browser terug naar het formulier" in page
    assert '<a href="/ervaringen/nieuw">Terug naar de vorige pagina</a>' in page
    elsewhere = client.post("/ervaringen/nieuw", data={"situation": too_big},
                            headers={"Referer": "https://elders.example/ervaringen/nieuw"})
    assert '<a href="/">Terug naar de vorige pagina</a>' in elsewhere.get_data(as_text=True)


def test_the_form_shows_each_limit_before_submitting(client, logged_in):
    logged_in()
    page = client.get("/ervaringen/nieuw").get_data(as_text=True)
    for name in ("situation", "task", "approach", "result", "lesson", "tip"):
        area = re.search(rf'<textarea[^>]*id="{name}"[^>]*>', page).group(0)
        described_by = re.search(r'aria-describedby="([^"]*)"', area).group(1).split()
        assert 'maxlength="10000"' in area and f"{name}-hint" in described_by
        hint = re.search(rf'<p class="[^"]*hint" id="{name}-hint">([^<]*)</p>', page).group(1)
        assert hint.endswith(" Hoogstens 10.000 tekens."), hint
    assert 'maxlength="200"' in re.search(r'<input[^>]*id="title"[^>]*>', page).group(0)
    assert "Hoogstens 200 tekens." in page
    english = client.get("/ervaringen/nieuw", headers={"Accept-Language": "en"})
    assert "At most 10,000 characters." in english.get_data(as_text=True)


def test_a_line_break_counts_once_as_in_the_browser(client, logged_in):
    logged_in()
    situation = "Regel.\r\n" * 1_250  # 10,000 characters as sent, 8,750 as the browser counts
    response = client.submit("/ervaringen/nieuw", {
        "title": "Veel regels", "situation": situation + "x" * 1_250, "lesson": "Kort.",
        "publish": "1"})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
