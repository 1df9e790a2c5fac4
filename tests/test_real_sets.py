"""The real-question sets (bench/real/, measured by `make eval`) stay honest: every row has its
source, names a topic and section that exist and a page of the site; both halves are frozen; and
nothing in them is near a training example (same words, or a token Jaccard of 0.8 or more)."""
from __future__ import annotations

import hashlib
import sys
from collections import Counter

from preventiewijzer.sections import sections

from conftest import REPO
from test_safety_sets import training_examples

sys.path.insert(0, str(REPO / "bench"))
import real_sets  # noqa: E402
import safety_sets  # noqa: E402


def test_both_halves_are_frozen():
    """Changing a row changes what the figures mean: do it on purpose, and record the new
    checksum in bench/real/FROZEN with the reason in the commit."""
    for line in (real_sets.REAL / "FROZEN").read_text().splitlines():
        checksum, name = line.split()
        assert hashlib.sha256((real_sets.REAL / name).read_bytes()).hexdigest() == checksum, f"{name} changed"


def test_every_row_has_a_source_an_existing_topic_section_and_page(tree):
    anchors = {page.topic: {s.anchor for s in sections(page, tree)} for page in tree.topics("nl")}
    pages = {page.url_path for page in tree.pages}
    for case in real_sets.cases():
        assert case.half in ("tuning", "held-out"), case
        assert case.lang in tree.settings.language_codes, case
        assert case.page in pages, case
        assert case.source == "written" or case.source.removeprefix("translated:").startswith(("https://", "http://")), case
        if case.expected != (real_sets.OUT_OF_SCOPE,):
            assert set(case.expected) <= set(anchors), case
            assert not case.section or case.section in anchors[case.expected[0]], case


def test_real_questions_come_from_public_sources_in_each_language():
    questions = [c for c in real_sets.cases() if c.set == "questions"]
    by_lang = Counter(c.lang for c in questions)
    assert by_lang["nl"] >= 300 and by_lang["en"] >= 120 and by_lang["ber"] >= 40, by_lang
    assert all(c.source.startswith("https://") or c.source.startswith("http://") for c in questions if c.lang != "ber")
    assert all(c.source.startswith("translated:") for c in questions if c.lang == "ber")  # marked as translations
    assert Counter(c.set for c in real_sets.cases()) == {"questions": len(questions), "followups": 60, "page-context": 60}


def test_a_source_is_in_one_half_only():
    halves: dict[str, set[str]] = {}
    for case in real_sets.cases():
        if case.source != "written":
            halves.setdefault(case.source.removeprefix("translated:"), set()).add(case.half)
    assert all(len(h) == 1 for h in halves.values())


def test_no_question_of_the_sets_is_near_a_training_example(tree):
    training = training_examples(tree)
    messages = [m for path in real_sets.SETS for m in real_sets.measured_messages(path)]
    messages += [c.messages[0] for c in real_sets.cases() if c.set == "followups"]
    near = [(m, t) for m in messages for t in training if safety_sets.near_duplicate(m, t)]
    assert not near, "\n".join(f"{m!r} ~ {t!r}" for m, t in near)
