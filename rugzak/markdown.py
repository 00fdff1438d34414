"""The small, safe Markdown subset of the text sections: markdown-it-py, then nh3."""
import html
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "a", "blockquote", "code", "pre"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    # commonmark without raw HTML; headings and images are not part of the subset
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).disable(
        ["heading", "lheading", "image", "html_block", "html_inline", "table"],
        ignoreInvalid=True)


def render_markdown(text: str | None) -> Markup:
    html = _parser().render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)


def plain_text(markdown: str | None) -> str:
    """The text a reader sees, without Markdown signs: for indexing, snippets and excerpts."""
    if _is_plain(markdown or ""):  # most sentences: rendering would give them back unchanged
        return (markdown or "").strip()
    return html.unescape(nh3.clean(str(render_markdown(markdown)), tags=set())).strip()


def _is_plain(text: str) -> bool:
    """One line without any sign that Markdown or HTML reads, starting with a letter (not a
    list, quote, rule or code block)."""
    stripped = text.strip()
    return not stripped or (stripped[0].isalpha() and _MARKUP_SIGNS.isdisjoint(stripped))


_MARKUP_SIGNS = frozenset("\\`*_[]<>&~\n\r\t")
