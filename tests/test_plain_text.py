"""plain_text skips Markdown rendering for a plain line: the result must be the same."""
import html

import nh3
import pytest

from rugzak.markdown import plain_text, render_markdown


def _rendered(text: str) -> str:
    return html.unescape(nh3.clean(str(render_markdown(text)), tags=set())).strip()


@pytest.mark.parametrize("text", [
    "Gewoon een zin, met \"aanhalingstekens\" en één accent.", "  Spaties eromheen  ",
    "Kosten: 1. huur en 2) gas", "Q&A &amp; meer", "Een *nadruk* en _nog een_", "a <b>c</b>",
    "1. een lijst", "- een punt", "> een citaat", "***", "Regel een\nregel twee",
    "Eerste alinea\n\nTweede alinea", "    code", "Zie [de site](https://example.org)",
    "Een `code` stukje", "Ab\u00a0cd", "", "co-creatie — ja…", "Twee  spaties binnenin",
])
def test_plain_text_equals_the_rendered_text(text):
    assert plain_text(text) == _rendered(text)
