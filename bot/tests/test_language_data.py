"""Data keyed by a language code is fine; a language of content/site.yml without its data is not.
A fourth language fails here until the bot has what it needs for it."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from components.language import LANGUAGE_NAMES, requested_language

BOT = Path(__file__).resolve().parent.parent
SITE = yaml.safe_load((BOT.parent / "content" / "site.yml").read_text(encoding="utf-8"))
CODES = [language["code"] for language in SITE["languages"]]


@pytest.mark.parametrize("code", CODES)
def test_a_reader_can_ask_for_every_language_by_name(code):
    assert code in LANGUAGE_NAMES, f"components/language.py LANGUAGE_NAMES has no names for '{code}'"
    name = LANGUAGE_NAMES[code].strip("()").split("|")[0]
    assert requested_language(f"{name} graag") == code


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("kind", ["base", "danger"])
def test_every_language_has_its_hand_written_examples(code, kind):
    path = BOT / "data" / "nlu" / f"{kind}_{code}.yml"
    assert path.is_file(), f"{path.relative_to(BOT)} is missing: greetings, 112 and distress for '{code}'"
    blocks = yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]
    examples = [block for block in blocks if "examples" in block]
    assert examples, f"{path.relative_to(BOT)} has no examples"
    wrong = [block["intent"] for block in examples if (block.get("metadata") or {}).get("language") != code]
    assert not wrong, f"{path.relative_to(BOT)}: blocks without `metadata: {{language: {code}}}`: {wrong}"
