"""The structure of a page body, to compare a translation with its source: the same sections,
the same number of list items, the same links and the same numbers and facts.
Words differ between languages; these must not. A translation that lost a section or a phone
number is incomplete even when it is stamped as following the current source."""
from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*(\{#([\w-]+)\})?\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\S")
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?")
_PLACEHOLDER = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_FENCE = re.compile(r"^(```|~~~)")


def _lines_outside_code(body: str):
    """(line number in the body, line) of every line that is not inside a fenced code block."""
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=1):
        if _FENCE.match(line.strip()):
            in_fence = not in_fence
        elif not in_fence:
            yield number, line


def headings(body: str) -> list[tuple[int, int, str, str | None]]:
    """(line number in the body, level, text, explicit anchor) of every heading outside code."""
    return [(number, len(match.group(1)), match.group(2), match.group(4))
            for number, line in _lines_outside_code(body) if (match := _HEADING.match(line))]


def _set_difference(what: str, mine: frozenset[str], theirs: frozenset[str]) -> str:
    missing, extra = sorted(theirs - mine), sorted(mine - theirs)
    return (f"{what} differ from the source's" + (f"; missing {missing}" if missing else "")
            + (f"; not in the source {extra}" if extra else ""))


@dataclass(frozen=True)
class Structure:
    sections: tuple[tuple[int, str | None], ...]  # (level, explicit anchor) of every heading
    # (the anchors themselves are checked by validate.check_anchors_match_the_source)
    list_items: int
    links: frozenset[str]  # link targets (how often one is repeated does not matter)
    facts: frozenset[str]  # placeholders and numbers written in the text, the same way

    def differences(self, source: "Structure") -> list[str]:
        """What this translation lacks or has more than its source, in words an editor acts on."""
        found = []
        if len(self.sections) != len(source.sections):
            found.append(f"{len(self.sections)} sections, the source has {len(source.sections)}")
        elif [level for level, _ in self.sections] != [level for level, _ in source.sections]:
            found.append("its sections are nested differently from the source's")
        if self.list_items != source.list_items:
            found.append(f"{self.list_items} list items, the source has {source.list_items}")
        if self.links != source.links:
            found.append(_set_difference("links", self.links, source.links))
        if self.facts != source.facts:
            found.append(_set_difference("numbers or facts", self.facts, source.facts))
        return found


def structure(body: str) -> Structure:
    sections = [(level, anchor) for _, level, _, anchor in headings(body)]
    list_items, links, facts = 0, [], []
    for _, line in _lines_outside_code(body):
        if _LIST_ITEM.match(line):
            list_items += 1
        links += _LINK.findall(line)
        facts += [f"{{{{ {name} }}}}" for name in _PLACEHOLDER.findall(line)]
        # 1.000 and 1,000 are the same number in Dutch and English
        facts += [re.sub(r"[.,]", "", number) for number in _NUMBER.findall(_PLACEHOLDER.sub(" ", line))]
    return Structure(tuple(sections), list_items, frozenset(links), frozenset(facts))
