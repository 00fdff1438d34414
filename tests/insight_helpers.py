"""Helpers for the insight and report tests: demo accounts, CSV and HTML tables read back,
and the visible experiences counted in plain Python (not with the app's SQL)."""
from __future__ import annotations

import csv
import html
import io
import re
from datetime import date

from rugzak.auth.models import User
from rugzak.demo.loader import load_demo
from rugzak.experiences.models import Experience, Status
from rugzak.experiences.policies import can_view
from rugzak.extensions import db
from rugzak.recognition.models import Recognition

ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)


def load_demo_accounts(app) -> dict[str, tuple[str, str]]:
    """Demo key → (email, password)."""
    with app.app_context():
        return {account.key: (account.email, password) for account, password in load_demo()}


def read_csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/csv"
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def html_table(page: str, key: str) -> list[list[str]]:
    """Header and body rows of the data table of figure `key` on a page."""
    section = page.split(f'aria-labelledby="{key}-kop"', 1)[1].split("</section>", 1)[0]
    table = section.split("<table", 1)[1].split("</table>", 1)[0]
    return [[html.unescape(cell.strip()) for cell in CELL.findall(row)]
            for row in ROW.findall(table)]


def visible_rows(app, user_id: int) -> list[dict]:
    """The published experiences a user may see, as plain dicts, using the Python rule."""
    with app.app_context():
        user = db.session.get(User, user_id)
        recognitions = [r.experience_id for r in db.session.query(Recognition).all()]
        rows = []
        for experience in db.session.query(Experience).all():
            if experience.status != Status.GEPUBLICEERD or not can_view(user, experience):
                continue
            rows.append({
                "id": experience.id, "title": experience.title,
                "visibility": experience.visibility,
                "day": experience.occurred_on or experience.published_at.date(),
                "departments": [d.name for d in experience.departments],
                "partners": [p.name for p in experience.partners],
                "goals": [g.name for g in experience.goals],
                "tags": [t.name for t in experience.tags],
                "conditions": [(c.condition.name, c.effect) for c in experience.conditions],
                "recognised": recognitions.count(experience.id),
            })
        return rows


def quarter(day: date) -> str:
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def user_id(app, email: str) -> int:
    with app.app_context():
        return db.session.query(User).filter_by(email=email).one().id


def bearer(app, user) -> dict:
    """Authorization header with a fresh personal API token for `user` (a Ref)."""
    from rugzak.auth.models import ApiToken

    with app.app_context():
        row, token = ApiToken.issue(db.session.get(User, user.id))
        db.session.add(row)
        db.session.commit()
    return {"Authorization": f"Bearer {token}"}
