"""PDF through WeasyPrint, from HTML that refers to nothing outside itself."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask_babel import gettext as _
from weasyprint import CSS, HTML

STATIC = Path(__file__).resolve().parent.parent / "static"
STYLESHEETS = ("print.css", "report.css")


@lru_cache(maxsize=1)
def _stylesheets() -> tuple[CSS, ...]:
    return tuple(CSS(string=(STATIC / name).read_text(encoding="utf-8"))
                 for name in STYLESHEETS)


def _page_numbers() -> CSS:
    """Page numbers at the foot of every page ("pagina 2 van 5"), in the reader's language."""
    words = _("pagina %(page)s van %(pages)s", page='" counter(page) "',
              pages='" counter(pages) "')
    return CSS(string=f'@page {{ @bottom-right {{ content: "{words}"; }} }}')


def html_to_pdf(html: str) -> bytes:
    """A tagged PDF/UA-1 document (structure tree, title and language from the HTML). The
    document's own links stay links; nothing is fetched (no base URL, no <link>)."""
    return HTML(string=html, base_url=None).write_pdf(
        stylesheets=[*_stylesheets(), _page_numbers()], pdf_variant="pdf/ua-1")
