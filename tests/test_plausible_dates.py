"""Issue 14: plausible dates at every door, and shared pages whose cost an outlying date that
is already in the database cannot blow up."""
from __future__ import annotations

import html
from datetime import date, timedelta
from io import BytesIO

from sqlalchemy import update

from rugzak.experiences.models import Experience
from rugzak.extensions import db

from .test_agenda import new_item
from .test_api import NEW
from .test_experiences import record

TOO_EARLY = "De datum ligt vóór 1 januari 2000; controleer het jaartal."


def text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_the_form_refuses_year_one_and_keeps_what_was_typed(client, logged_in):
    logged_in()
    response = record(client, occurred_on="0001-01-01")
    assert response.status_code == 422
    assert TOO_EARLY in text(response) and 'value="0001-01-01"' in text(response)
    assert record(client, occurred_on="31-12-1999").status_code == 422


def test_the_form_accepts_dutch_notations(app, client, logged_in):
    logged_in()
    for typed in ("14-03-2025", "14/03/2025", "2025-03-14"):
        assert record(client, occurred_on=typed).status_code == 302, typed
    with app.app_context():
        assert set(db.session.scalars(db.select(Experience.occurred_on))) == {date(2025, 3, 14)}


def test_the_earliest_date_is_a_setting(app, client, logged_in):
    app.config["EARLIEST_DATE"] = "2020-01-01"
    logged_in()
    response = record(client, occurred_on="2019-12-31")
    assert response.status_code == 422
    assert "De datum ligt vóór 1 januari 2020" in text(response)


def test_the_api_refuses_year_one(client, api_user):
    _, headers = api_user()
    response = client.post("/api/v1/experiences", json={**NEW, "occurred_on": "0001-01-01"},
                           headers=headers)
    assert response.status_code == 422
    assert response.get_json()["fields"]["occurred_on"] == TOO_EARLY


def test_an_import_row_with_year_one_is_reported(client, make_user):
    client.login(make_user("beheerder").email)
    content = "titel;situatie;les;datum\nOud;Wat er speelde;Bel eerst;01-01-0001\n".encode()
    response = client.submit("/beheer/import", {"file": (BytesIO(content), "oud.csv")},
                             content_type="multipart/form-data")
    assert TOO_EARLY in text(response)
    assert "Alle 1 rijen zijn in orde." not in text(response)


def test_agenda_target_dates_are_plausible_in_form_and_api(client, make_user, token_for):
    user = make_user()
    client.login(user.email)
    for typed in ("1800-01-01", (date.today() + timedelta(days=11 * 366)).isoformat()):
        response = new_item(client, "partner:uwv", target_date=typed)
        assert response.status_code == 422, typed
        assert f'value="{typed}"' in text(response)
    assert "controleer het jaartal" in text(new_item(client, "partner:uwv",
                                                     target_date="1800-01-01"))
    assert new_item(client, "partner:uwv", target_date="30-06-2030").status_code == 302
    response = client.post("/api/v1/agenda", headers=token_for(user), json={
        "title": "Via de API", "owner": "partner:uwv", "status": "idee",
        "target_date": "9999-12-31"})
    assert response.status_code == 422
    assert "te ver weg" in response.get_json()["fields"]["target_date"]


def _plant_year_one(app, experience_id: int) -> None:
    """Bypasses the service, as an old row or a direct database edit would."""
    with app.app_context():
        db.session.execute(update(Experience).where(Experience.id == experience_id)
                           .values(occurred_on=date(1, 1, 1)))
        db.session.commit()


def _sizes(client, headers) -> list[int]:
    pages = [client.get("/inzicht"), client.get("/api/v1/insight", headers=headers),
             client.get("/verslag/zoekopdracht?q=")]
    for response in pages:
        assert response.status_code == 200, response.request.path
    return [len(response.data) for response in pages]


def test_a_planted_year_one_date_keeps_insight_and_reports_small(app, client, make_user,
                                                                 make_experience, token_for):
    author = make_user()
    for day in (date(2024, 2, 1), date(2025, 3, 14), date.today()):
        make_experience(author, occurred_on=day, departments=["werk-en-inkomen"])
    outlier = make_experience(author, title="Uit het jaar 1", departments=["werk-en-inkomen"])
    viewer = make_user("kernteam")
    client.login(viewer.email)
    headers = token_for(viewer)
    before = _sizes(client, headers)
    _plant_year_one(app, outlier.id)
    after = _sizes(client, headers)
    for without, with_outlier in zip(before, after, strict=True):
        assert with_outlier < without * 1.5 + 5_000, (before, after)
    assert "staan niet in de grafiek en de tabel" in text(client.get("/verslag/zoekopdracht?q="))
    assert client.get("/verslag/zoekopdracht.pdf?q=").status_code == 200
