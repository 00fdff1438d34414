"""The Atom feed of what is shared openly (feedgen, imported on first use as in
rugzak/feeds/atom.py)."""
from __future__ import annotations

from flask_babel import gettext as _

from ..markdown import plain_text
from ..urls import external_url
from .labels import licence, municipality, world_view
from .queries import last_change, newest_shown

FEED_SIZE = 50


def atom_feed() -> bytes:
    from feedgen.feed import FeedGenerator

    feed = FeedGenerator()
    feed.id(external_url("open.feed"))
    feed.title(_("Openbaar gedeelde ervaringen van %(municipality)s",
                 municipality=municipality()))
    feed.author({"name": municipality()})
    feed.link(href=external_url("open.feed"), rel="self")
    feed.link(href=external_url("open.index"), rel="alternate")
    feed.rights(f"{licence()['name']} ({licence()['url']})")
    feed.language("nl")
    if changed := last_change():
        feed.updated(changed)
    for shared in reversed(newest_shown(FEED_SIZE)):  # feedgen puts the last one added first
        view = world_view(shared.experience, shared)
        entry = feed.add_entry()
        entry.id(view["url"])
        entry.title(view["title"])
        entry.link(href=view["url"])
        entry.published(view["published_at"])
        entry.updated(view["updated_at"])
        entry.author({"name": view["author"]})
        entry.summary(plain_text(view["lesson"]))
    return feed.atom_str(pretty=True)
