"""The plain-language analysis of one text section (rugzak/writing/analysis.py), without Flask."""
import pytest

from rugzak.writing.analysis import analyse, split_sentences, syllables
from rugzak.writing.wordlists import PACKAGE_WORDS, load_word_lists

LISTS = load_word_lists(PACKAGE_WORDS)


@pytest.mark.parametrize("word, count", [
    ("inwoner", 3), ("gesprekken", 3), ("belemmeringen", 5), ("informatie", 4),
    ("verantwoordelijkheden", 7), ("definiëren", 5), ("coördinator", 5), ("museum", 3),
    # the hyphenation patterns never split off a lone first vowel: added by hand
    ("overleg", 3), ("agenda", 3), ("idee", 2), ("exact", 2), ("adviseur", 3),
    ("re-integratie", 5), ("UWV", 1),
])
def test_syllables_of_dutch_words(word, count):
    assert syllables(word) == count


def test_sentences_do_not_end_after_abbreviations_or_initials():
    text = ("We spraken o.a. met het UWV. Bijv. De Brug deed mee, net als J. Jansen. "
            "Klopt dat? Ja!")
    assert split_sentences(text, LISTS) == [
        "We spraken o.a. met het UWV.",
        "Bijv. De Brug deed mee, net als J. Jansen.",
        "Klopt dat?", "Ja!",
    ]


def test_a_line_break_ends_a_sentence_and_list_items_stand_alone():
    text = "Wat hielp\n\n- eerst bellen\n- dan mailen"
    assert len(analyse(text, LISTS).long_sentences) == 0
    assert analyse(text, LISTS).sentences == 3


def test_flesch_douma_on_known_sentences():
    # 12 words of one syllable in 2 sentences: 206.84 - 0.77 * 100 - 0.93 * 6
    easy = analyse("De kat zit op de mat. De hond ligt in de mand.", LISTS)
    assert (easy.words, easy.sentences, easy.syllables) == (12, 2, 12)
    assert easy.flesch_douma == pytest.approx(124.3)
    assert easy.level == "goed"
    hard = analyse("Teneinde de verantwoordelijkheden inzake de transformatiedoelstellingen "
                   "adequaat te operationaliseren, is intensivering van de interorganisationele "
                   "coördinatie noodzakelijk.", LISTS)
    assert hard.flesch_douma < 0
    assert hard.level == "lastig"


def test_no_score_for_a_very_short_text():
    assert analyse("Kort.", LISTS).flesch_douma is None
    assert analyse("", LISTS).words == 0


def test_long_sentences_are_quoted_by_their_opening():
    sentence = "Toen " + " ".join(["woord"] * 20) + "."
    result = analyse(f"Kort zo. {sentence}", LISTS)
    assert [(s.opening, s.words) for s in result.long_sentences] == [
        ("Toen woord woord woord woord woord woord woord …", 21)]
    assert analyse(" ".join(["woord"] * 20) + ".", LISTS).long_sentences == ()


def test_long_words_leave_out_the_words_everybody_knows():
    result = analyse("De samenwerkingsafspraken over informatie en samenwerking.", LISTS)
    assert result.long_words == ("samenwerkingsafspraken",)


def test_officialese_is_found_once_with_its_plain_alternative():
    result = analyse("Teneinde het overleg te starten, belden wij MIDDELS de telefoon. "
                     "In het  kader van de afspraken middels een brief.", LISTS)
    assert [(o.phrase, o.plain) for o in result.officialese] == [
        ("teneinde", "om"), ("middels", "met, door"), ("in het kader van", "bij, voor")]


def test_officialese_only_as_whole_words():
    assert analyse("De reedsche molen en de dochter.", LISTS).officialese == ()


def test_markdown_signs_are_not_words():
    result = analyse("**Middels** een [overleg](https://example.org/lang/pad) en `code`\n\n"
                     "- *een*\n- _twee_", LISTS)
    assert result.words == 7  # Middels een overleg en code een twee
    assert [o.phrase for o in result.officialese] == ["middels"]


def test_the_word_lists_are_big_enough():
    assert len(LISTS.officialese) >= 60
    assert {"middels", "teneinde", "inzake", "derhalve", "conform", "vigerend"} <= set(
        LISTS.officialese)
