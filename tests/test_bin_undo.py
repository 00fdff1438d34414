"""An author undoes their own delete: the flash points at "Ongedaan maken" on /mijn-ervaringen,
which lists what they deleted themselves."""
from sqlalchemy import select

from rugzak.audit.models import AuditEvent
from rugzak.extensions import db

from .test_bin import delete


def restore_buttons(client) -> list[str]:
    page = client.get("/mijn-ervaringen").get_data(as_text=True)
    return [part.split('"', 1)[0] for part in page.split('action="/prullenbak/')[1:]]


def test_the_author_undoes_their_own_delete(app, client, make_user, make_experience):
    author = make_user()
    experience = make_experience(author, title="Toch bewaren")
    kept = make_experience(author, title="Blijft gewoon")
    client.login(author.email)
    confirm = client.get(f"/ervaringen/{experience.id}/verwijderen").get_data(as_text=True)
    assert "ongedaan maken op Mijn ervaringen" in confirm
    deleted = client.submit(f"/ervaringen/{experience.id}/verwijderen",
                            page=f"/ervaringen/{experience.id}", follow_redirects=True)
    page = deleted.get_data(as_text=True)
    assert "Met „Ongedaan maken” hieronder zet je hem terug." in page
    assert "Door jou verwijderd" in page and "Toch bewaren" in page
    assert restore_buttons(client) == [f"{experience.id}/terugzetten"]
    assert client.get(f"/ervaringen/{experience.id}").status_code == 404
    undone = client.submit(f"/prullenbak/{experience.id}/terugzetten", page="/mijn-ervaringen")
    assert undone.status_code == 302
    assert undone.headers["Location"] == f"/ervaringen/{experience.id}"
    assert client.get(f"/ervaringen/{experience.id}").status_code == 200
    assert restore_buttons(client) == []
    assert "Door jou verwijderd" not in client.get("/mijn-ervaringen").get_data(as_text=True)
    assert client.get(f"/ervaringen/{kept.id}").status_code == 200
    with app.app_context():
        assert db.session.scalars(select(AuditEvent.action).where(
            AuditEvent.object_id == experience.id)).all()[-2:] == [
            "experience_deleted", "experience_undeleted"]


def test_a_colleague_sees_no_undo_and_the_bin_stays_closed(client, make_user, make_experience):
    author, colleague = make_user(), make_user()
    experience = make_experience(author)
    client.login(author.email)
    delete(client, experience.id)
    client.logout()
    client.login(colleague.email)
    assert restore_buttons(client) == []
    assert client.submit(f"/prullenbak/{experience.id}/terugzetten",
                         page="/").status_code == 403
    assert client.submit("/prullenbak/999999/terugzetten", page="/").status_code == 403
