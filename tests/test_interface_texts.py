"""Interface texts come from one gettext catalogue per language (Babel), complete and up to date:
a new button text in a template without its translations fails here, not in front of a reader."""
from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from preventiewijzer import i18n
from preventiewijzer.model import load_settings

REPO = Path(__file__).resolve().parent.parent
LOCALES_DIR = REPO / "content" / "locales"
LOCALES = [language.html_lang for language in load_settings(REPO / "content" / "site.yml").languages]


def read_catalogue(path: Path):
    with path.open("rb") as file:
        return read_po(file)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    """Every _() text in code, templates and scripts, as `make messages` extracts them."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "extract", "-F", "babel.cfg", "-k", "in_source_language",
                    "--no-location", "-o", str(pot), "."], cwd=REPO, check=True, capture_output=True)
    return {message.id for message in read_catalogue(pot) if message.id}


def test_the_texts_of_the_chat_and_the_pages_are_extracted(extracted):
    # The extraction itself must see all three kinds of source, or a catalogue could look complete.
    assert "Emergency: call" in extracted  # the chat's template
    assert "Hello! Ask your question about robberies, fraud or help after a crime." in extracted  # chat.js
    assert "The chat is not working right now. Try again in a moment, or call:" in extracted  # help numbers
    assert "Kit for community officers" in extracted  # the officer kit hook
    assert "Read more" in extracted  # the bot's answers


@pytest.mark.parametrize("locale", LOCALES)
def test_every_catalogue_translates_every_text_in_use(extracted, locale):
    catalogue = read_catalogue(i18n.catalogue_path(LOCALES_DIR, locale))
    translated = {message.id for message in catalogue if message.id and message.string and not message.fuzzy}
    assert extracted - translated == set(), f"run `make messages` and translate these for {locale}"
    assert i18n.catalogue_problems(LOCALES_DIR, locale) == []


def test_an_untranslated_text_is_an_error_naming_file_and_text(tmp_path):
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    path = i18n.catalogue_path(tmp_path / "locales", "nl")
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr "Sluiten"', 'msgstr ""'), encoding="utf-8")
    problems = [str(problem) for problem in i18n.catalogue_problems(tmp_path / "locales", "nl")]
    assert len(problems) == 1
    assert problems[0].endswith("nl/LC_MESSAGES/messages.po: msgid 'Close': has no translation")


@pytest.mark.parametrize("lang, chat_title, send", [
    ("nl", "Vraag het Preventiewijzer", "Verstuur"),
    ("en", "Ask Preventiewijzer", "Send"),
    ("ber", "Steqsi Preventiewijzer", "Azen"),
])
def test_pages_and_chat_speak_the_page_language(built_site, lang, chat_title, send):
    text = (built_site / lang / "index.html").read_text(encoding="utf-8")
    assert f'class="pw-chat__title">{chat_title}<' in text
    assert f'class="pw-chat__send">{send}<' in text


def test_the_chat_script_gets_its_texts_in_the_page_language(built_site):
    text = (built_site / "nl" / "index.html").read_text(encoding="utf-8")
    start = text.index("data-config='") + len("data-config='")
    config = json.loads(html.unescape(text[start:text.index("'", start)]))
    assert config["messages"]["I have no answer to that. Try asking it another way."] == \
        "Ik heb daar geen antwoord op. Probeer het anders te vragen."
