"""Questions as people type them, and summaries at B1: measured over the real content.

The bot learns each topic from its `questions`; people type short, plain messages, so the
questions must look like that (the issue's aim: at most 9 words on average, at least 30% of
6 words or fewer, per language). A summary is the bot's answer: no sentence over 20 words."""
from __future__ import annotations

import re

import pytest

from preventiewijzer import facts as facts_module

MAX_AVERAGE_WORDS = 9
MIN_SHORT_SHARE = 0.30
SHORT = 6
MAX_SENTENCE_WORDS = 20


def questions_of(tree, lang: str) -> list[str]:
    return [q for page in tree.topics(lang) for q in page.meta["questions"]]


@pytest.mark.parametrize("lang", ["nl", "en", "ber"])
def test_questions_are_as_short_as_people_type_them(tree, lang):
    words = [len(question.split()) for question in questions_of(tree, lang)]
    average = sum(words) / len(words)
    short = sum(count <= SHORT for count in words) / len(words)
    assert average <= MAX_AVERAGE_WORDS, f"{lang}: questions average {average:.1f} words"
    assert short >= MIN_SHORT_SHARE, f"{lang}: only {short:.0%} of the questions have {SHORT} words or fewer"


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])", " ".join(text.split())) if s]


def test_no_summary_sentence_is_longer_than_b1_allows(tree):
    long = []
    for page in tree.pages:
        if page.lang != tree.settings.default_language:
            continue
        summary = facts_module.render(page.meta["summary"], tree.facts, "plain")
        long += [f"{page.repo_path}: {len(s.split())} words: {s}" for s in sentences(summary)
                 if len(s.split()) > MAX_SENTENCE_WORDS]
    assert not long, "\n".join(long)
