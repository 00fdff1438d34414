"""The resident-data scanner on its own: what it catches, and what merely looks similar."""
import pytest

from rugzak.privacy.scanner import bsn_valid, iban_valid, scan, scan_text


def kinds(text: str) -> list[tuple[str, str]]:
    return [(finding.kind, finding.value) for finding in scan_text(text)]


@pytest.mark.parametrize("bsn", ["111222333", "999999990", "123456782", "012345672"])
def test_valid_bsns_pass_the_11_check(bsn):
    assert bsn_valid(bsn)


@pytest.mark.parametrize("number", ["123456789", "111222334", "000000000", "12345678", "abcdefghi",
                                    "1234567890"])
def test_invalid_bsns_fail_the_11_check(number):
    assert not bsn_valid(number)


def test_bsn_in_text_in_its_usual_notations():
    assert kinds("Het BSN is 111222333.") == [("bsn", "111222333")]
    assert kinds("bsn 1112.22.333 en 111 222 333") == [("bsn", "1112.22.333"),
                                                       ("bsn", "111 222 333")]


@pytest.mark.parametrize("text", [
    "Zaak 123456789 liep vast.",          # fails the 11-check
    "We spraken 1112223330 keer af.",     # ten digits
    "Bedrag: 111.222.333,00 euro.",       # an amount
    "Versie 2.111222333 van het plan",    # part of a longer number
    "In 2023 en 2024 hadden we 123 456 789 euro.",
])
def test_numbers_that_merely_look_like_a_bsn(text):
    assert [kind for kind, _ in kinds(text)] == []


@pytest.mark.parametrize("iban", ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00",
                                  "nl91abna0417164300", "DE89370400440532013000",
                                  "GB82 WEST 1234 5698 7654 32"])
def test_valid_ibans(iban):
    assert iban_valid(iban)
    assert kinds(f"Rekening {iban} gebruikt.") == [("iban", iban)]


@pytest.mark.parametrize("text", ["NL91ABNA0417164301", "NL12ABNA0417164300",
                                  "NL91 ABNA 0417 1643 01", "AB12CDEF", "ISBN 9789012345678"])
def test_invalid_ibans_and_look_alikes(text):
    assert [kind for kind, _ in kinds(text)] == []


def test_iban_followed_by_a_word():
    assert kinds("rekening NL91 ABNA 0417 1643 00 van de moeder") == [
        ("iban", "NL91 ABNA 0417 1643 00")]


def test_email_addresses():
    assert kinds("Mail naar j.de.vries+zorg@voorbeeld.nl, graag.") == [
        ("e-mail", "j.de.vries+zorg@voorbeeld.nl")]
    assert kinds("Schrijf @wijkteam of info@ of a@b") == []


@pytest.mark.parametrize("phone", ["06-12345678", "0612345678", "06 1234 5678", "+31 6 12345678",
                                   "+31612345678", "0031 6 12345678", "020-1234567",
                                   "(020) 123 4567", "0591 123456", "+31 (0)20 123 4567"])
def test_dutch_phone_numbers(phone):
    assert kinds(f"Bel {phone} voor overleg.") == [("telefoon", phone)]


@pytest.mark.parametrize("text", ["Tussen 2019-2023 verdubbelde het.", "Om 10.30-12.00 uur.",
                                  "Kosten 1.234.567 euro.", "We hadden 06 gesprekken.",
                                  "Code 12345678901"])
def test_numbers_that_merely_look_like_a_phone_number(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text, value", [
    ("Het gezin woont op 1234 AB 12 bij de school.", "1234 AB 12"),
    ("Adres: 1234AB, nr. 5", "1234AB, nr. 5"),
    ("Ze wonen aan de Dorpsstraat 12a, 1234 AB Ergenshuizen.", "Dorpsstraat 12a, 1234 AB"),
])
def test_postcode_with_house_number(text, value):
    assert kinds(text) == [("adres", value)]


@pytest.mark.parametrize("text", ["Het wijkteam zit in 1234 AB.", "In 2023 en 2024 groeide het.",
                                  "Kantoor in postcodegebied 1234."])
def test_postcode_alone_or_look_alikes_are_not_an_address(text):
    assert kinds(text) == []


@pytest.mark.parametrize("text, value", [
    ("De jongere, geboren op 3 maart 2008, kwam binnen.", "3 maart 2008"),
    ("geb. 12-03-2008", "12-03-2008"),
    ("Geboortedatum: 2008-03-12.", "2008-03-12"),
    ("(12/03/2008 geboren)", "12/03/2008"),
])
def test_dates_of_birth(text, value):
    assert kinds(text) == [("geboortedatum", value)]


@pytest.mark.parametrize("text", ["Op 12-03-2024 spraken we af.", "Het project is geboren uit "
                                  "nood. Op 3 maart 2024 begonnen we.", "geboren in 2008"])
def test_dates_without_a_birth_are_not_caught(text):
    assert kinds(text) == []


def test_context_and_masked_snippet():
    text = "Moeder (BSN 111222333, tel 0612345678) belde op dinsdag."
    bsn, phone = scan_text(text, "situation")
    assert (bsn.field, bsn.before) == ("situation", "Moeder (BSN ")
    assert bsn.after == ", tel 0612345678) belde op dinsdag."
    snippet = bsn.masked_snippet()
    assert "111222333" not in snippet and "0612345678" not in snippet
    assert snippet.startswith("Moeder (BSN •••••••••, tel ••••••••••")
    assert "j.jansen" not in scan_text("mail j.jansen@example.nl of 111222333")[1].masked_snippet()


def test_scan_names_the_field():
    findings = scan({"title": "Overleg", "situation": "BSN 111222333", "lesson": "",
                     "tip": "bel 06-12345678"})
    assert [(f.field, f.kind) for f in findings] == [("situation", "bsn"), ("tip", "telefoon")]
