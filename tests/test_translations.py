"""Every user-facing text is translatable, and the English catalogue is complete and compiled.

When these fail after a merge: wrap the listed template text in {{ _('…') }}, run
`make translations`, fill in the empty msgstr entries it lists, and run it again.
"""
from .translations import (
    missing_translations,
    stale_compiled_catalogue,
    untranslatable_in_templates,
    untranslatable_text,
)


def test_templates_contain_no_untranslatable_text():
    problems = untranslatable_in_templates()
    assert not problems, ("Text in templates that Flask-Babel cannot translate; wrap it in "
                          "{{ _('…') }}:\n" + "\n".join(problems))


def test_every_message_has_an_english_translation():
    problems = missing_translations()
    assert not problems, ("Messages without an English translation in "
                          "rugzak/translations/en/LC_MESSAGES/messages.po (run `make "
                          "translations`, then fill in msgstr):\n" + "\n".join(problems))


def test_compiled_catalogue_matches_the_po_file():
    problems = stale_compiled_catalogue()
    assert not problems, ("The compiled English catalogue is missing or out of date; run "
                          "`make install` (or `make translations`):\n" + "\n".join(problems))


def test_the_template_check_finds_text_outside_gettext():
    source = """{% extends "base.html" %}
<h1>{{ _('Welkom') }}</h1>
<p>Niet vertaald {{ name }}</p>
<img alt="Een foto" src="{{ url }}"> <input placeholder="{{ _('Zoek') }}">
{# Uitleg voor ontwikkelaars #}<span lang="en">English</span> · Rugzak
<code>rugzak init</code><span>{{ count }} (3) — ✓</span>"""
    assert untranslatable_text(source) == [(3, "Niet vertaald"), (4, "Een foto")]
