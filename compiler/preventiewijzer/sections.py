"""The sections of a page as the bot answers from them: heading, anchor, the text to search and
the first sentences to answer with.

A page body is an introduction followed by `## Heading {#anchor}` sections. The bot answers a
question with the section that answers it: its first sentences (or first list items) and a link
to `<page>#<anchor>`; the page summary when no section fits better.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import facts as facts_module
from .model import ContentTree, Page

_HEADING = re.compile(r"^## +(?P<title>.+?) *\{#(?P<anchor>[a-z0-9-]+)\} *$", re.MULTILINE)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'(ɣɛḍṛṭẓḥ])")
# An answer is short enough to read in the chat on a phone: whole sentences up to this length.
ANSWER_CHARACTERS = 320


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    text: str  # plain text of the whole section, for search
    answer: str  # its first sentences or list items, for the chat


def plain(markdown: str) -> str:
    """Markdown to the plain text the chat shows: link texts kept, emphasis marks dropped."""
    return _EMPHASIS.sub("", _LINK.sub(r"\1", markdown))


def first_sentences(text: str, limit: int = ANSWER_CHARACTERS) -> str:
    """Whole sentences from the start, as many as fit in `limit` characters, always at least
    the first. A list is never cut: it comes whole, with the sentence that introduces it, or not
    at all (half a list of conditions would say something the page does not)."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(_LIST_ITEM.match(line) for line in lines):
            items = "".join("\n- " + _LIST_ITEM.sub("", line) for line in lines)
            if units and units[-1].endswith(":"):
                units[-1] += items
            else:
                units.append(items)
        else:
            sentences = _SENTENCE_END.split(" ".join(lines))
            units += ["\n" + sentences[0]] + [" " + sentence for sentence in sentences[1:]]
    answer = units[0]
    for unit in units[1:]:
        if len(answer) + len(unit) > limit:
            break
        answer += unit
    return answer.strip()


def sections(page: Page, tree: ContentTree) -> list[Section]:
    """The `##` sections of a page, with facts rendered as plain text."""
    body = facts_module.render(page.body, tree.facts, "plain", tree.page_paths(page.lang))
    matches = list(_HEADING.finditer(body))
    found = []
    for match, following in zip(matches, matches[1:] + [None]):
        end = following.start() if following else len(body)
        text = plain(body[match.end():end]).strip()
        heading = plain(match.group("title")).strip()
        found.append(Section(anchor=match.group("anchor"), heading=heading,
                             text=" ".join(text.split()), answer=first_sentences(text)))
    return found
