"""`Idempotency-Key` on API POSTs: a retried POST gets the first answer and makes nothing twice."""
from datetime import timedelta

from sqlalchemy import func, select, update

from rugzak.experiences.models import Experience
from rugzak.extensions import db
from rugzak.security.idempotency import IdempotentAnswer
from rugzak.timeutil import utcnow

from .test_api import NEW


def experiences(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Experience))


def post(client, headers, key: str | None, path: str = "/api/v1/experiences", body=None):
    extra = {"Idempotency-Key": key} if key is not None else {}
    return client.post(path, json=NEW if body is None else body, headers={**headers, **extra})


def test_a_retried_post_gets_the_first_answer_and_makes_nothing_twice(app, client, api_user):
    _, headers = api_user()
    first = post(client, headers, "poging-1")
    again = post(client, headers, "poging-1")
    assert first.status_code == again.status_code == 201
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert experiences(app) == 1
    assert post(client, headers, "poging-2").get_json()["id"] != first.get_json()["id"]
    assert post(client, headers, None).status_code == 201  # without a key: made every time
    assert experiences(app) == 3


def test_keys_are_per_user_and_per_request(app, client, api_user):
    (_, mine), (_, theirs) = api_user(), api_user()
    assert post(client, mine, "zelfde").status_code == 201
    assert post(client, theirs, "zelfde").status_code == 201  # another user's key is their own
    assert experiences(app) == 2
    other = post(client, mine, "zelfde", "/api/v1/bundles", {"title": "Regie"})
    assert other.status_code == 422
    assert "al gebruikt voor een ander verzoek" in other.get_json()["fields"]["idempotency_key"]
    too_long = post(client, mine, "x" * 101)
    assert too_long.status_code == 422 and experiences(app) == 2


def test_a_refusal_is_replayed_and_a_busy_key_waits(app, client, api_user):
    user, headers = api_user()
    refused = post(client, headers, "leeg", body={**NEW, "title": ""})
    assert refused.status_code == 422
    assert post(client, headers, "leeg").get_json() == refused.get_json()  # same answer
    with app.app_context():
        db.session.add(IdempotentAnswer(user_id=user.id, key="bezig",
                                        request="POST /api/v1/experiences"))
        db.session.commit()
    busy = post(client, headers, "bezig")
    assert busy.status_code == 409 and busy.headers["Retry-After"] == "1"
    assert experiences(app) == 0
    with app.app_context():  # the request that reserved it died: after 5 minutes, it is free
        db.session.execute(update(IdempotentAnswer).where(IdempotentAnswer.key == "bezig")
                           .values(created_at=utcnow() - timedelta(minutes=6)))
        db.session.commit()
    assert post(client, headers, "bezig").status_code == 201


def test_answers_are_kept_a_day(app, client, api_user):
    _, headers = api_user()
    first = post(client, headers, "gisteren")
    with app.app_context():
        db.session.execute(update(IdempotentAnswer).values(
            created_at=utcnow() - timedelta(hours=25)))
        db.session.commit()
    later = post(client, headers, "gisteren")
    assert later.status_code == 201 and later.get_json()["id"] != first.get_json()["id"]
