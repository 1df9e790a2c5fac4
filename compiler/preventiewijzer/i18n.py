"""Interface texts from gettext catalogues, one per language, managed with Babel.

The message ids are English and live in the code that shows them: `_()` in the templates of
site/overrides and folders/, in site/hooks and in assets/*.js. `make messages` runs
`pybabel extract` and `pybabel update` to bring the catalogues in content/locales/ up to date;
translators fill in content/locales/<locale>/LC_MESSAGES/messages.po. Catalogues are compiled with
Babel when they are loaded, so a build always uses what the .po files say.

The gettext locale is the language's html_lang (Tarifit is `rif`, its site path stays `ber`).
"""
from __future__ import annotations

import functools
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from .errors import ContentError, ContentInvalid

DOMAIN = "messages"


def catalogue_path(locales_dir: Path, locale: str) -> Path:
    return locales_dir / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def _read_catalogue(locales_dir: Path, locale: str) -> tuple[Catalog | None, list[ContentError]]:
    """The catalogue and what is wrong with it: missing, untranslated or fuzzy messages, each of
    which would show English (or a stale text) to the reader."""
    path = catalogue_path(locales_dir, locale)
    name = _display(path, locales_dir)
    if not path.is_file():
        return None, [ContentError(name, "file", f"missing: run `make messages` and translate for '{locale}'")]
    with path.open("rb") as file:
        catalogue = read_po(file, locale=None)
    problems = []
    for message in catalogue:
        if not message.id:
            continue  # the header
        if not message.string:
            problems.append(ContentError(name, f"msgid {message.id!r}", "has no translation"))
        elif message.fuzzy:
            problems.append(ContentError(name, f"msgid {message.id!r}", "is marked fuzzy: check it and remove the flag"))
    return catalogue, problems


def catalogue_problems(locales_dir: Path, locale: str) -> list[ContentError]:
    return _read_catalogue(locales_dir, locale)[1]


def _display(path: Path, locales_dir: Path) -> str:
    # Named like the pages: from the directory that holds content/ (content/locales/...).
    base = locales_dir.parent.parent
    return str(path.relative_to(base)) if path.is_relative_to(base) else str(path)


@functools.lru_cache(maxsize=None)
def translations(locales_dir: Path, locale: str) -> Translations:
    """The compiled catalogue for a locale; a missing, incomplete or fuzzy catalogue is an error."""
    catalogue, problems = _read_catalogue(locales_dir, locale)
    if problems:
        raise ContentInvalid(problems)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)  # what `pybabel compile` writes
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def translations_for(tree, lang: str) -> Translations:
    """The catalogue of a site language of the content tree, by its code."""
    return translations(tree.locales_dir, tree.settings.language(lang).html_lang)


def gettext_for(tree, lang: str):
    return translations_for(tree, lang).gettext


def script_messages(locales_dir: Path, locale: str, scripts_dir: Path) -> dict[str, str]:
    """msgid -> translation for every `_()` text in the site's scripts (the chat widget).

    Scripts cannot read .mo files; the page hands them this dictionary instead.
    """
    gettext = translations(locales_dir, locale).gettext
    messages = {}
    for script in sorted(scripts_dir.glob("*.js")):
        for _line, msgid, _comments, _context in extract_from_file("javascript", script):
            messages[msgid] = gettext(msgid)
    return messages
