"""/toegankelijkheid: the accessibility statement, readable before signing in too."""
from datetime import date

from flask import Blueprint, current_app, render_template

bp = Blueprint("accessibility", __name__)

STATEMENT_DATE = date(2026, 11, 22)  # update when the statement or the tests change


@bp.get("/toegankelijkheid")
def statement():
    return render_template("accessibility/statement.html", statement_date=STATEMENT_DATE,
                           contact=current_app.config.get("ACCESSIBILITY_CONTACT"))
