"""The real-question sets (bench/real/) and how a reply is read: which page and section it answers
with, or whether it declined. Shared by `bench/answers.py` (make eval) and the tests.

bench/real/questions.tsv     questions from public sources (FAQ pages, forums, news Q&As), the
                             address on every row; Tarifit rows are translations (`translated:`)
bench/real/followups.tsv     two messages, the second answered for the first's topic (written)
bench/real/page-context.tsv  a question asked on a page that names no topic itself (written)

Each row belongs to the `tuning` or the `held-out` half (split once, by source, and frozen:
bench/real/FROZEN holds their checksums). Nothing of them is in training (tests refuse near
duplicates). Only the tuning half's misses are ever printed.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

REAL = Path(__file__).resolve().parent / "real"
QUESTIONS, FOLLOWUPS, PAGE_CONTEXT = REAL / "questions.tsv", REAL / "followups.tsv", REAL / "page-context.tsv"
SETS = (QUESTIONS, FOLLOWUPS, PAGE_CONTEXT)
OUT_OF_SCOPE = "out_of_scope"
# A link to a page of the site: /<lang>/<section>/<topic>/ with an optional #anchor.
_PAGE_LINK = re.compile(r"\]\((/[a-z]+/[a-z-]+/(?P<topic>[a-z0-9-]+)/(?:#(?P<anchor>[a-z0-9-]+))?)\)")


@dataclass(frozen=True)
class Case:
    set: str  # questions, followups, page-context
    lang: str
    page: str  # the page the chat is on
    messages: tuple[str, ...]  # the last one is measured
    expected: tuple[str, ...]  # topic ids (any counts), or ("out_of_scope",)
    section: str  # the anchor that answers it; "" for the page summary
    source: str
    half: str

    @property
    def label(self) -> str:
        return f"[{self.set} {self.lang} {self.page}] {' -> '.join(self.messages)}  (expected {'|'.join(self.expected)}" + (
            f"#{self.section})" if self.section else ")")


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def cases(half: str | None = None) -> list[Case]:
    found = []
    for row in _rows(QUESTIONS):
        found.append(Case("questions", row["lang"], f"/{row['lang']}/", (row["question"],), tuple(row["expected"].split("|")),
                          row["section"], row["source"], row["half"]))
    for row in _rows(FOLLOWUPS):
        found.append(Case("followups", row["lang"], row["page"], (row["first"], row["second"]),
                          tuple(row["expected"].split("|")), row["section"], row["source"], row["half"]))
    for row in _rows(PAGE_CONTEXT):
        found.append(Case("page-context", row["lang"], row["page"], (row["question"],),
                          tuple(row["expected"].split("|")), row["section"], row["source"], row["half"]))
    return [case for case in found if half is None or case.half == half]


def measured_messages(path: Path) -> list[str]:
    """The messages of a set that are measured (for the near-duplicate check)."""
    column = {QUESTIONS: "question", FOLLOWUPS: "second", PAGE_CONTEXT: "question"}[path]
    return [row[column] for row in _rows(path)]


@dataclass(frozen=True)
class Reading:
    kind: str  # topic, declined (out of scope or unsure), emergency, other
    topic: str | None = None
    anchor: str | None = None


def read_reply(replies: list[dict], declining_texts: set[str], emergency_texts: set[str]) -> Reading:
    """What the reply did: the topic and section of its last page link (a safety line may come
    first), or that it declined, or the emergency reply alone."""
    texts = [(r.get("text") or "").strip() for r in replies]
    if not texts:
        return Reading("other")
    if texts[0] in declining_texts:
        return Reading("declined")
    for text in reversed(texts):
        links = list(_PAGE_LINK.finditer(text))
        if links:
            return Reading("topic", links[-1]["topic"], links[-1]["anchor"])
    return Reading("emergency" if texts[0] in emergency_texts else "other")
