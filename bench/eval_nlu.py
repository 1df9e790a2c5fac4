"""Top-1 accuracy of the trained bot's NLU on labelled questions (a benchmark, not a test).

Runs in the bot environment:  python bench/eval_nlu.py MODEL QUESTIONS.tsv [...]
Each TSV has the columns lang, expected, question; `expected` is a topic id, several joined by
`|` (any counts), or `emergency` / `out_of_scope`. Prints, per language and per topic, top-1
accuracy (the classifier's best intent) and how often the answer given was right (after the
fallback threshold: an unsure bot gives no topic), emergency recall, out-of-scope rejection and the
confusions.
"""
from __future__ import annotations

import asyncio
import csv
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

from rasa.core.agent import Agent
from rasa.utils.log_utils import configure_structlog

SPECIAL = {"emergency": "emergency", "out_of_scope": "out_of_scope", "nlu_fallback": "nlu_fallback"}
REJECTED = {"out_of_scope", "nlu_fallback"}


def predicted_label(intent: str) -> str:
    if intent in SPECIAL:
        return SPECIAL[intent]
    return intent.removeprefix("topic_").replace("_", "-")


def read_questions(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            rows += [dict(row, source=path.name) for row in csv.DictReader(handle, delimiter="\t")]
    return rows


async def predict(model: Path, rows: list[dict]) -> list[tuple[str, str]]:
    """(answered label, raw top-1 label) per row: the first is after the fallback threshold,
    the second is the classifier's best intent whatever its confidence."""
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model))
    results = []
    for row in rows:
        parsed = await agent.parse_message(row["question"])
        ranking = [i["name"] for i in parsed.get("intent_ranking", []) if i["name"] != "nlu_fallback"]
        answered = predicted_label(parsed["intent"]["name"])
        results.append((answered, predicted_label(ranking[0]) if ranking else answered))
    return results


def percent(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}% ({hits}/{total})" if total else "   n/a"


def report(rows: list[dict], predictions: list[tuple[str, str]]) -> None:
    by_lang: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    by_topic: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    confusions: Counter = Counter()
    emergency, false_alarms, out_of_scope = [], [], []
    for row, (answered, raw) in zip(rows, predictions):
        expected = row["expected"].split("|")
        if expected in (["emergency"], ["out_of_scope"]):
            hit = answered == "emergency" if expected == ["emergency"] else answered in REJECTED
            (emergency if expected == ["emergency"] else out_of_scope).append(hit)
            if not hit:
                confusions[(row["lang"], row["expected"], answered, row["question"])] += 1
            continue
        false_alarms.append(answered == "emergency")
        result = (raw in expected, answered in expected)
        by_lang[row["lang"]].append(result)
        by_topic[expected[0]].append(result)
        if answered not in expected:
            confusions[(row["lang"], row["expected"], answered, row["question"])] += 1

    def line(name: str, results: list[tuple[bool, bool]]) -> str:
        top1 = percent(sum(r[0] for r in results), len(results))
        answered = percent(sum(r[1] for r in results), len(results))
        return f"  {name:24} {top1:>16}   {answered:>16}"

    print(f"  {'topic questions':24} {'top-1':>16}   {'answered right':>16}")
    for lang, results in sorted(by_lang.items()):
        print(line(lang, results))
    print(line("all", [r for results in by_lang.values() for r in results]))
    print("Per topic:")
    for topic, results in sorted(by_topic.items()):
        print(line(topic, results))
    print(f"Emergency recall:            {percent(sum(emergency), len(emergency))}")
    print(f"False alarms on questions:   {percent(sum(false_alarms), len(false_alarms))}")
    print(f"Out of scope rejected:       {percent(sum(out_of_scope), len(out_of_scope))}")
    if confusions:
        print("Not answered right (lang, expected -> answered: question):")
        for (lang, expected, answered, question), _ in sorted(confusions.items()):
            print(f"  {lang} {expected} -> {answered}: {question}")


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    model, paths = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    rows = read_questions(paths)
    predictions = asyncio.run(predict(model, rows))
    report(rows, predictions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
