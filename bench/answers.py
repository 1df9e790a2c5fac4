"""Answers on real questions, through a real `rasa run` and its REST channel (part of `make eval`).

For each half of the real-question sets (bench/real_sets.py), per language: top-1 page (the reply
links an expected topic), section (of those, the link's anchor is the expected one; no anchor when
the summary is expected), follow-ups and page context, out of scope declined. The tuning half
also prints its confusions and every miss; the held-out half gives counts only.

    .venv/site/bin/python bench/answers.py [--model bot/models/preventiewijzer.tar.gz] [--half tuning]
"""
from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))  # the harness
sys.path.insert(0, str(REPO / "bench"))
from latency import bot_server  # noqa: E402
from preventiewijzer.botdata import hand_written_by_language  # noqa: E402
from preventiewijzer.validate import load_valid_tree  # noqa: E402
import real_sets as sets  # noqa: E402
from safety import ask  # noqa: E402

TARGETS = {"questions nl": 90, "questions en": 90, "questions ber": 80, "followups": 85, "page-context": 85,
           "out of scope": 90}
_senders = itertools.count()


def converse(url: str, case: sets.Case) -> list[dict]:
    """The replies to the case's last message, in a new conversation."""
    sender = f"answers-{next(_senders)}"
    replies: list[dict] = []
    for message in case.messages:
        replies = ask(url, sender, message, case.lang, case.page)
    return replies


def texts_of(tree, *names: str) -> set[str]:
    responses = hand_written_by_language(tree)
    return {r["text"].strip() for name in names for r in responses[name].values()}


def percent(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}% ({hits}/{total})" if total else "    n/a"


def measure(tree, results: list[tuple[sets.Case, list[dict]]]):
    declining = texts_of(tree, "utter_out_of_scope", "utter_suggest_topics", "utter_default")
    emergency = texts_of(tree, "utter_emergency")
    for case, replies in results:
        reading = sets.read_reply(replies, declining, emergency)
        if case.expected == (sets.OUT_OF_SCOPE,):
            yield case, reading, reading.kind == "declined", None
        else:
            page_hit = reading.kind == "topic" and reading.topic in case.expected
            section_hit = page_hit and (reading.anchor or "") == case.section
            yield case, reading, page_hit, section_hit


def report(half: str, measured: list, verbose: bool) -> None:
    pages, sections, declined = defaultdict(list), defaultdict(list), []
    for case, _, page_hit, section_hit in measured:
        if section_hit is None:
            declined.append(page_hit)
            continue
        group = f"{case.set} {case.lang}" if case.set == "questions" else case.set
        for key in (group, f"{case.set} all") if case.set == "questions" else (group,):
            pages[key].append(page_hit)
            sections[key].append(section_hit)
    print(f"== {half} half")
    print(f"  {'':18} {'top-1 page':>16}   {'page and section':>16}   target")
    for key in sorted(pages):
        target = TARGETS.get(key)
        print(f"  {key:18} {percent(sum(pages[key]), len(pages[key])):>16}   "
              f"{percent(sum(sections[key]), len(sections[key])):>16}   {f'>= {target}%' if target else ''}")
    print(f"  {'out of scope':18} {percent(sum(declined), len(declined)):>16}   {'(declined)':>16}   >= 90%")
    by_lang = defaultdict(list)
    for case, _, page_hit, section_hit in measured:
        if case.set == "followups" or case.set == "page-context":
            by_lang[f"{case.set} {case.lang}"].append(page_hit)
    print("  " + ", ".join(f"{key} {percent(sum(v), len(v)).strip()}" for key, v in sorted(by_lang.items())))
    if not verbose:
        return
    confusions = Counter()
    for case, reading, hit, section_hit in measured:
        if not hit:
            confusions[(case.expected[0], reading.topic or reading.kind)] += 1
    print("  Confusions (expected -> answered: count):")
    for (expected, answered), count in confusions.most_common():
        print(f"    {expected} -> {answered}: {count}")
    print("  Misses (page, or section where the page was right):")
    for case, reading, hit, section_hit in measured:
        if not hit or section_hit is False:
            what = reading.kind if reading.kind != "topic" else f"{reading.topic}#{reading.anchor or ''}"
            print(f"    {'PAGE' if not hit else 'sect'} {case.label}\n        -> {what}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=REPO / "bot/models/preventiewijzer.tar.gz")
    parser.add_argument("--half", choices=["tuning", "held-out"], help="only this half (default: both)")
    args = parser.parse_args()
    tree = load_valid_tree(REPO / "content")
    with bot_server(args.model, "answers") as url:
        cases = sets.cases(args.half)
        with ThreadPoolExecutor(4) as pool:
            results = list(zip(cases, pool.map(lambda c: converse(url, c), cases)))
    measured = list(measure(tree, results))
    for half in ("tuning", "held-out"):
        rows = [m for m in measured if m[0].half == half]
        if rows:
            report(half, rows, verbose=half == "tuning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
