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


def headings(body: str) -> list[tuple[int, int, str, str | None]]:
    """(line number in the body, level, text, explicit anchor) of every heading outside code."""
    found, in_fence = [], False
    for number, line in enumerate(body.splitlines(), start=1):
        if _FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        match = None if in_fence else _HEADING.match(line)
        if match:
            found.append((number, len(match.group(1)), match.group(2), match.group(4)))
    return found


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
            missing = sorted(set(source.links) - set(self.links))
            extra = sorted(set(self.links) - set(source.links))
            found.append("links differ from the source's" + (f"; missing {missing}" if missing else "")
                         + (f"; not in the source {extra}" if extra else ""))
        if self.facts != source.facts:
            missing = sorted(source.facts - self.facts)
            extra = sorted(self.facts - source.facts)
            found.append("numbers or facts differ from the source's" + (f"; missing {missing}" if missing else "")
                         + (f"; not in the source {extra}" if extra else ""))
        return found


def structure(body: str) -> Structure:
    sections = [(level, anchor) for _, level, _, anchor in headings(body)]
    list_items, links, facts = 0, [], []
    in_fence = False
    for line in body.splitlines():
        if _FENCE.match(line.strip()):
            in_fence = not in_fence
            continue
        if in_fence or _HEADING.match(line):
            continue
        if _LIST_ITEM.match(line):
            list_items += 1
        links += _LINK.findall(line)
        facts += [f"{{{{ {name} }}}}" for name in _PLACEHOLDER.findall(line)]
        # 1.000 and 1,000 are the same number in Dutch and English
        facts += [re.sub(r"[.,]", "", number) for number in _NUMBER.findall(_PLACEHOLDER.sub(" ", line))]
    return Structure(tuple(sections), list_items, frozenset(links), frozenset(facts))
