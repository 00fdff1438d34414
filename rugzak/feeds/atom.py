"""A feed as an Atom document (feedgen): entries link to the app's pages, summaries are
plain text (the Markdown as its reader sees it, escaped by the XML writer).

feedgen (with lxml, ~5 MB) is imported on first use, like WeasyPrint: most workers never
write a feed."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..auth.models import User
from ..experiences.labels import author_label
from ..experiences.models import Experience
from ..markdown import plain_text
from ..timeutil import utcnow
from ..urls import external_url
from .queries import Feed

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

SUMMARY_MAX = 600


def atom_document(feed: Feed, self_url: str, reader: User, language: str) -> bytes:
    from feedgen.feed import FeedGenerator

    generator = FeedGenerator()
    generator.id(feed.page_url)
    generator.title(feed.title)
    generator.link(href=feed.page_url, rel="alternate", type="text/html")
    generator.link(href=self_url, rel="self", type="application/atom+xml")
    generator.language(language)
    generator.author(name="Rugzak")
    generator.generator("Rugzak")
    generator.updated(max((_changed(row) for row in feed.experiences), default=utcnow()))
    for experience in feed.experiences:
        _add_entry(generator, experience, reader)
    return generator.atom_str(pretty=True)


def _add_entry(generator: FeedGenerator, experience: Experience, reader: User) -> None:
    url = external_url("experiences.show", experience_id=experience.id)
    entry = generator.add_entry(order="append")
    entry.id(url)
    entry.title(experience.title)
    entry.link(href=url, rel="alternate", type="text/html")
    entry.author(name=author_label(experience, reader))
    entry.published(experience.published_at or experience.created_at)
    entry.updated(_changed(experience))
    entry.summary(_summary(experience), type="text")
    for tag in experience.tags:
        entry.category(term=tag.name)


def _changed(experience: Experience):
    return max(moment for moment in (experience.updated_at, experience.published_at,
                                     experience.highlighted_at) if moment is not None)


def _summary(experience: Experience) -> str:
    text = plain_text(experience.lesson) or plain_text(experience.situation)
    return text if len(text) <= SUMMARY_MAX else text[:SUMMARY_MAX - 1].rstrip() + "…"
