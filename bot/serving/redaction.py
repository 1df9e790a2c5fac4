"""Personal data out of stored conversations: phone numbers, e-mail addresses, IBANs, and a
Dutch postcode with its house number are replaced by a label before anything is stored.
Only what carries the reader's words is redacted (the text of a user event, its parse data, slot
values); Rasa's own fields (timestamps, model id, intent names, metadata) stay as they are.
Plain functions, no Rasa, so the rules are easy to test and to extend."""
from __future__ import annotations

import re
from typing import Any

PATTERNS = [
    # e-mail first: its digits must not be taken for a phone number
    ("[e-mail]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # IBAN: country code, check digits, 11-30 letters/digits, often in groups of four
    ("[IBAN]", re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.IGNORECASE)),
    # Dutch postcode (1234 AB) with an optional house number before or after it
    # (letters in capitals, or lower case written against the digits: "in 2024 en" is no postcode)
    ("[adres]", re.compile(r"(?:\b\d{1,5}[a-zA-Z]?,?\s+)?\b[1-9]\d{3}(?:\s?(?!SA|SD|SS)[A-Z]{2}|[a-z]{2})\b"
                           r"(?:\s*,?\s*\d{1,5}(?:\s?[a-zA-Z]\b|-\d+)?)?")),
    # phone numbers: international or national format, 9+ digits with optional spaces or dashes
    ("[telefoonnummer]", re.compile(r"(?<![\w+])(?:\+|00)?\d(?:[\s-]?\d){8,13}(?!\w)")),
]


def redact_text(text: str) -> str:
    for label, pattern in PATTERNS:
        text = pattern.sub(label, text)
    return text


def redact(value: Any) -> Any:
    """Redact every string inside a JSON-like value."""
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, dict):
        return {key: redact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [redact(item) for item in value]
    return value


def redact_event(event: dict) -> dict:
    """A copy of a stored event (`Event.as_dict()`) with the reader's words redacted.

    A user event carries them in `text` and `parse_data` (its text and the entities found in it);
    a slot may be filled from them. Bot replies are our own texts, and every other field is Rasa's
    bookkeeping: the model's hash in `metadata.model_id` looks like an IBAN to the pattern, and
    must stay readable."""
    redacted = dict(event)
    if event.get("event") == "user":
        if isinstance(event.get("text"), str):
            redacted["text"] = redact_text(event["text"])
        parse_data = event.get("parse_data")
        if isinstance(parse_data, dict):
            parse_data = dict(parse_data)
            if isinstance(parse_data.get("text"), str):
                parse_data["text"] = redact_text(parse_data["text"])
            if isinstance(parse_data.get("entities"), list):
                parse_data["entities"] = [redact(entity) for entity in parse_data["entities"]]
            redacted["parse_data"] = parse_data
    elif event.get("event") == "slot":
        redacted["value"] = redact(event.get("value"))
    return redacted
