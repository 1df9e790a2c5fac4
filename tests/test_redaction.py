"""Personal data is redacted before a conversation is stored (bot/serving/redaction.py)."""
import sys

import pytest

from conftest import REPO

sys.path.insert(0, str(REPO / "bot"))
from serving.redaction import redact, redact_text  # noqa: E402 (plain functions, no Rasa)


@pytest.mark.parametrize("text, expected", [
    ("bel me op 06-12345678", "bel me op [telefoonnummer]"),
    ("call me on +31 6 1234 5678 please", "call me on [telefoonnummer] please"),
    ("mijn nummer is 0201234567", "mijn nummer is [telefoonnummer]"),
    ("mail jan.jansen@example.nl", "mail [e-mail]"),
    ("ik maakte het over naar NL91 ABNA 0417 1643 00", "ik maakte het over naar [IBAN]"),
    ("IBAN nl91abna0417164300", "IBAN [IBAN]"),
    ("ik woon op 1234 AB 56", "ik woon op [adres]"),
    ("Kerkstraat 5, 2511 CV Den Haag", "Kerkstraat [adres] Den Haag"),
    ("postcode 1234ab huisnummer 7", "postcode [adres] huisnummer 7"),
])
def test_personal_data_is_replaced(text, expected):
    assert redact_text(text) == expected


@pytest.mark.parametrize("text", [
    "bel 112 of 0900-8844",  # service numbers are not personal data, and help the reader
    "ik ben 75 jaar en het gebeurde in 2024 en 2025",
    "het Schadefonds betaalt 35000 euro",
    "hoe voorkom ik een overval?",
])
def test_ordinary_text_is_kept(text):
    assert redact_text(text) == text


def test_every_string_in_an_event_is_redacted():
    event = {"event": "user", "text": "mijn mail is a@b.nl", "parse_data": {"text": "mijn mail is a@b.nl",
             "entities": [{"value": "06-12345678"}]}, "timestamp": 1.5}
    assert redact(event) == {"event": "user", "text": "mijn mail is [e-mail]", "parse_data": {
        "text": "mijn mail is [e-mail]", "entities": [{"value": "[telefoonnummer]"}]}, "timestamp": 1.5}
