from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.extensions import db


def events(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(e.action, e.outcome, e.actor_id, e.object_type, e.object_id, e.detail)
                for e in rows]


def test_sign_in_failure_and_sign_out_are_recorded(app, client, make_user):
    user = make_user()
    client.submit("/inloggen", {"email": user.email, "password": "niet het goede wachtwoord"})
    client.submit("/inloggen", {"email": "niemand@gemeente.example", "password": "x" * 12})
    client.login(user.email)
    client.logout()
    recorded = events(app)
    assert recorded[0][:5] == ("user_created", "success", None, "users", user.id)
    assert recorded[1:] == [
        ("sign_in_failed", "denied", None, "users", user.id, "onjuist wachtwoord"),
        ("sign_in_failed", "denied", None, None, None, "onbekend e-mailadres"),
        ("sign_in", "success", user.id, "users", user.id, ""),
        ("sign_out", "success", user.id, "users", user.id, ""),
    ]


def test_no_password_reaches_the_audit_log(app, client, make_user):
    user = make_user()
    client.submit("/inloggen", {"email": user.email, "password": "geheim-wachtwoord-123"})
    assert "geheim" not in repr(events(app))
