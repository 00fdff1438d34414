"""Plain-language advice on the text sections of an experience: advice, never a block."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _

from ..auth.models import User
from ..errors import InvalidInput
from ..experiences.models import TEXT_SECTIONS
from ..experiences.services import SECTION_MAX, text_length
from .analysis import Analysis, analyse
from .wordlists import PACKAGE_WORDS, WordLists, load_word_lists

INSTANCE_WORDS = "schrijfhulp.toml"  # additions to words.toml, kept in the instance folder


def check_sections(user: User, texts: dict[str, str]) -> dict[str, Analysis]:
    """The analysis of each given text section (Markdown) for its writer; nothing is stored.
    Refuses unknown sections and texts longer than the form accepts."""
    errors = {name: str(problem) for name, text in texts.items()
              if (problem := _section_problem(name, text))}
    if errors:
        raise InvalidInput(errors)
    lists = word_lists()
    return {name: analyse(text, lists) for name, text in texts.items()}


def _section_problem(name: str, text: str) -> str | None:
    if name not in TEXT_SECTIONS:
        return _("Onbekend tekstdeel. Kies uit: %(names)s.", names=", ".join(TEXT_SECTIONS))
    if text_length(text) > SECTION_MAX:
        return _("Dit deel mag hoogstens %(count)d tekens hebben.", count=SECTION_MAX)
    return None


def word_lists() -> WordLists:
    """words.toml plus, when it exists, schrijfhulp.toml in the instance folder (same tables),
    read again after it changed."""
    extra = Path(current_app.instance_path) / INSTANCE_WORDS
    return _lists(extra, extra.stat().st_mtime) if extra.is_file() else _lists(None, 0)


@lru_cache(maxsize=4)
def _lists(extra: Path | None, _modified: float) -> WordLists:
    return load_word_lists(PACKAGE_WORDS, *([extra] if extra else []))
