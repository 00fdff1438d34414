"""GET /beheer: the tasks of the core team and the beheerder on one page, so the main menu
needs only one item for them."""
from flask import abort, render_template
from flask_login import current_user

from .blueprint import bp


@bp.get("")
def index():
    if not current_user.is_curator:
        abort(403)
    return render_template("admin/index.html")
