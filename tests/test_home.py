"""The home page: welcome, highlights first, news on your own experiences, drafts, newest."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from rugzak.comments.models import Comment
from rugzak.extensions import db
from rugzak.home.models import HomeVisit
from rugzak.recognition.models import Recognition
from rugzak.timeutil import utcnow

from .test_comments import comment, comment_id
from .test_recognition import recognise


def home(client) -> str:
    return client.get("/").get_data(as_text=True)


def test_highlights_lead_the_home_page(client, make_user, make_experience, logged_in):
    author = make_user()
    chosen = make_experience(author, title="Gekozen voorbeeld")
    make_experience(author, title="Nieuwste gewone")
    logged_in("kernteam")
    client.submit(f"/ervaringen/{chosen.id}/uitlichten", {"note": "Zo werkt regie."})
    page = home(client)
    assert "Ervaring vastleggen" in page
    highlights = page.index("Uitgelicht door het kernteam")
    assert highlights < page.index("Nieuwste ervaringen")
    assert highlights < page.index("Gekozen voorbeeld") < page.index("Nieuwste ervaringen")
    assert "Zo werkt regie." in page


def test_hidden_or_invisible_highlights_stay_off_a_readers_home(client, make_user,
                                                               make_experience, logged_in):
    author = make_user()
    internal = make_experience(author, title="Interne parel", visibility="intern")
    logged_in("kernteam")
    client.submit(f"/ervaringen/{internal.id}/uitlichten", {"note": "Mooi."})
    client.logout()
    logged_in("partner")
    page = home(client)
    assert "Interne parel" not in page and "Uitgelicht door het kernteam" not in page


def test_news_since_the_last_visit(app, client, make_user, make_experience):
    author, reader = make_user(name="Auteur"), make_user(name="Lezer Lotte")
    mine = make_experience(author, title="Mijn les", visibility="met_partners")
    client.login(author.email)
    assert "Nog niets nieuws" in home(client)
    client.logout()
    client.login(reader.email)
    recognise(client, mine.id)
    comment(client, mine.id, "Goed punt.")
    client.logout()
    client.login(author.email)
    page = home(client)
    assert "Lezer Lotte vond herkenbaar:" in page and "Lezer Lotte reageerde op:" in page
    assert "Nog niets nieuws" not in home(client)  # reloading within the visit keeps it
    with app.app_context():  # the news is three hours old; that visit ended two hours ago
        for model in (Recognition, Comment):
            db.session.execute(update(model).values(created_at=utcnow() - timedelta(hours=3)))
        db.session.execute(update(HomeVisit).values(last_at=utcnow() - timedelta(hours=2)))
        db.session.commit()
    assert "Nog niets nieuws" in home(client)


def test_news_leaves_out_hidden_comments_and_own_actions(client, make_user, make_experience,
                                                         logged_in):
    author, writer = make_user(name="Auteur"), make_user(name="Schrijver Sem")
    mine = make_experience(author, title="Mijn les")
    client.login(author.email)
    home(client)
    comment(client, mine.id, "Eigen aanvulling.")
    client.logout()
    client.login(writer.email)
    number = comment_id(comment(client, mine.id, "Ongepast."))
    client.logout()
    logged_in("kernteam")
    client.submit(f"/reacties/{number}/verbergen", {"reason": "Ongepast"})
    client.logout()
    client.login(author.email)
    page = home(client)
    assert "Schrijver Sem reageerde" not in page and "Auteur reageerde" not in page
    assert "Het kernteam lichtte uit" not in page


def test_own_drafts_are_listed(client, make_experience, logged_in):
    me = logged_in()
    make_experience(me, title="Half af", status="concept")
    assert "Half af" in home(client) and "Jouw concepten" in home(client)
