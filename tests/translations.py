"""Finding text that cannot be translated, and msgids without an English translation."""
from __future__ import annotations

import re
import shlex
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
CATALOGUE = ROOT / "rugzak" / "translations" / "en" / "LC_MESSAGES" / "messages.po"
JINJA = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.S)
LETTER = re.compile(r"[^\W\d_]")
NOT_TRANSLATED = {"Rugzak"}  # the product's name
USER_FACING_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-roledescription"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _TextFinder(HTMLParser):
    """Collects the literal text and user-facing attribute values a template shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.open: list[tuple[str, bool]] = []  # (tag, marked with its own lang or code)

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.open)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if not self._skipping():
            for name in USER_FACING_ATTRIBUTES & values.keys():
                self._check(values[name] or "")
        if tag not in VOID:
            self.open.append((tag, "lang" in values or tag in {"script", "style", "code"}))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if not self._skipping():
            self._check(data)

    def _check(self, text: str) -> None:
        words = " ".join(word for word in text.split() if word not in NOT_TRANSLATED)
        if LETTER.search(words):
            self.found.append((self.getpos()[0], " ".join(text.split())))


def untranslatable_text(source: str) -> list[tuple[int, str]]:
    """(line, text) for every piece of visible text outside {{ _('…') }} and friends.

    Text in an element with a literal `lang` attribute is exempt: it is marked as another
    language on purpose (a language's own name in the language switcher).
    """
    without_jinja = JINJA.sub(lambda match: "\n" * match.group(0).count("\n") + " ", source)
    finder = _TextFinder()
    finder.feed(without_jinja)
    finder.close()
    return finder.found


def untranslatable_in_templates() -> list[str]:
    problems = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for line, text in untranslatable_text(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {text!r}")
    return problems


def extraction_keywords() -> dict:
    """The keywords `make translations` passes (-k …), read from the Makefile: one source."""
    from babel.messages.extract import DEFAULT_KEYWORDS

    line = re.search(r"^BABEL_KEYWORDS := (.*)$", (ROOT / "Makefile").read_text(), re.M)
    keywords = dict(DEFAULT_KEYWORDS)
    for option, spec in zip(*[iter(shlex.split(line.group(1)))] * 2, strict=True):
        assert option == "-k", line.group(0)
        name, _, positions = spec.partition(":")
        keywords[name] = tuple(int(p) for p in positions.split(",")) if positions else None
    return keywords


def extracted_messages() -> dict:
    """msgid (a tuple for plurals) → first place it is used, as `pybabel extract` finds them."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=extraction_keywords()):
        found.setdefault(message, f"{filename}:{line}")
    return found


def missing_translations() -> list[str]:
    """Every extracted msgid that the English catalogue lacks or leaves untranslated."""
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)
    problems = []
    for message, place in extracted_messages().items():
        entry = catalogue.get(message[0] if isinstance(message, tuple) else message)
        if entry is None or entry.fuzzy or not all(_strings(entry)):
            state = "fuzzy" if entry is not None and entry.fuzzy else "missing"
            problems.append(f"{place}: {state}: {message!r}")
    return problems


def stale_compiled_catalogue() -> list[str]:
    """msgids whose compiled (.mo) translation differs from the .po: `make install` compiles."""
    compiled = CATALOGUE.with_suffix(".mo")
    if not compiled.exists():
        return [f"{compiled.relative_to(ROOT)} is missing"]
    with CATALOGUE.open("rb") as po, compiled.open("rb") as mo:
        source, built = read_po(po), read_mo(mo)
    return [repr(message.id) for message in source if message.id and not message.fuzzy
            and _strings(built.get(message.id)) != _strings(message)]


def _strings(message) -> tuple:
    if message is None:
        return ()
    string = message.string
    return tuple(string) if isinstance(string, (tuple, list)) else (string,)
