"""Demo curation: highlights, a bundle, recognitions and comments on the demo experiences."""
from __future__ import annotations

from sqlalchemy import select

from ..auth.models import User
from ..bundles.services import BundleInput, add_item, create_bundle
from ..comments.services import add_comment
from ..curation.services import highlight
from ..experiences.models import Experience
from ..extensions import db
from ..recognition.services import recognise
from .data import demo_data


def load_curation(users: dict[str, User]) -> None:
    """Curate the demo experiences as curation.toml says; `users` maps demo keys to accounts."""
    curation = demo_data("curation")
    titles = {e.title: e for e in db.session.scalars(select(Experience))}
    for item in curation["highlights"]:
        highlight(users[item["by"]], titles[item["title"]], item["note"])
    bundle = curation["bundle"]
    made = create_bundle(users[bundle["by"]],
                         BundleInput(bundle["title"], bundle["intro"], bundle["visibility"]))
    for item in bundle["items"]:
        add_item(users[bundle["by"]], made, titles[item["title"]], item["note"])
    for item in curation["recognitions"]:
        recognise(users[item["by"]], titles[item["title"]])
    for item in curation["comments"]:
        add_comment(users[item["by"]], titles[item["title"]], item["body"])
