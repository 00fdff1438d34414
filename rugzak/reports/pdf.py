"""PDF through WeasyPrint, from HTML that refers to nothing outside itself.

WeasyPrint is imported on first use: it adds ~45 MB to every worker that imports it, and most
workers never make a PDF.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from flask_babel import gettext as _

if TYPE_CHECKING:
    from weasyprint import CSS

STATIC = Path(__file__).resolve().parent.parent / "static"
STYLESHEETS = ("print.css", "report.css")


@lru_cache(maxsize=1)
def _stylesheets() -> tuple[CSS, ...]:
    from weasyprint import CSS

    return tuple(CSS(string=(STATIC / name).read_text(encoding="utf-8"))
                 for name in STYLESHEETS)


def _page_numbers() -> CSS:
    """Page numbers at the foot of every page ("pagina 2 van 5"), in the reader's language."""
    from weasyprint import CSS

    words = _("pagina %(page)s van %(pages)s", page='" counter(page) "',
              pages='" counter(pages) "')
    return CSS(string=f'@page {{ @bottom-right {{ content: "{words}"; }} }}')


def html_to_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 document (structure tree, title and language from the HTML). The
    document's own links stay links; nothing is fetched (no base URL, no <link>)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=None).write_pdf(
        stylesheets=[*_stylesheets(), _page_numbers()], pdf_variant="pdf/ua-1")
