"""Held-out questions stay held out: the questions for the new topics (bench/new-topics-questions.tsv,
each row with its source address or "written") name topics that exist and are not near any
training example (same words, or a token Jaccard of 0.8 or more)."""
from __future__ import annotations

import csv
import sys

from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
import safety_sets as sets  # noqa: E402

from test_safety_sets import training_examples  # noqa: E402

NEW_TOPICS = REPO / "bench" / "new-topics-questions.tsv"


def rows() -> list[dict]:
    with NEW_TOPICS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_row_names_an_existing_topic_and_its_source(tree):
    topics = {page.topic for page in tree.topics("nl")}
    for row in rows():
        assert row["expected"] in topics, row
        assert row["lang"] in tree.settings.language_codes, row
        assert row["source"] == "written" or row["source"].startswith(("https://", "http://")), row


def test_no_held_out_question_is_near_a_training_example(tree):
    training = training_examples(tree)
    near = [(row["question"], t) for row in rows() for t in training if sets.near_duplicate(row["question"], t)]
    assert not near, "\n".join(f"{q!r} ~ {t!r}" for q, t in near)
