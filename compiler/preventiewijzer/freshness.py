"""Translation freshness: each translation records the version of the Dutch source it follows.

The version is a short hash of what a translator translates (title, summary, body) in the source
page; questions are written per language and do not count. When the source changes, the
translation is listed as stale: a report for editors, not a build failure.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from .model import ContentTree, Page
from .structure import structure

FIELD = "source_version"


def source_version(source: Page) -> str:
    text = "\n".join([str(source.meta.get("title", "")), str(source.meta.get("summary", "")), source.body])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Stale:
    translation: Page
    recorded: str | None
    current: str

    def __str__(self) -> str:
        if self.recorded is None:
            return f"{self.translation.repo_path}: records no {FIELD} (source is at {self.current})"
        return f"{self.translation.repo_path}: follows source {self.recorded}, source is now {self.current}"


def translations(tree: ContentTree) -> list[tuple[Page, Page]]:
    """(translation, its source page) for every page outside the source language."""
    source_lang = tree.settings.default_language
    pairs = []
    for page in tree.pages:
        if page.lang == source_lang:
            continue
        source = tree.page(source_lang, page.relative_path)
        if source is not None:
            pairs.append((page, source))
    return pairs


def current_translations(tree: ContentTree) -> list[tuple[Page, Page]]:
    """(translation, source) for the translations stamped as following their current source."""
    return [(translation, source) for translation, source in translations(tree)
            if translation.meta.get(FIELD) == source_version(source)]


def stale_translations(tree: ContentTree) -> list[Stale]:
    stale = []
    for translation, source in translations(tree):
        recorded = translation.meta.get(FIELD)
        current = source_version(source)
        if recorded != current:
            stale.append(Stale(translation, None if recorded is None else str(recorded), current))
    return stale


_FRONT_FIELD = re.compile(rf"^{FIELD}:.*$", re.MULTILINE)


def stamp(translation: Page, source: Page) -> None:
    """Record that the translation now follows the current source (edits the front matter line)."""
    text = translation.file.read_text(encoding="utf-8")
    end = text.index("\n---", 4)
    front, rest = text[:end], text[end:]
    line = f"{FIELD}: {source_version(source)}"
    front = _FRONT_FIELD.sub(line, front) if _FRONT_FIELD.search(front) else f"{front}\n{line}"
    translation.file.write_text(front + rest, encoding="utf-8")


def structure_differences(tree: ContentTree, state: str) -> list[tuple[Page, Page, list[str]]]:
    """(translation, source, differences) for the translations in `state` (reviewed or draft)
    that are stamped as following the current source but whose sections, lists, links or numbers
    differ from its. (A stale translation is expected to differ: it is listed as stale.)"""
    found = []
    for translation, source in current_translations(tree):
        if translation.meta.get("translation") != state:
            continue
        differences = structure(translation.body).differences(structure(source.body))
        if differences:
            found.append((translation, source, differences))
    return found
