"""Tune the answer selector's settings on the TUNING half of the real-question sets.

Replays every tuning case once through the trained model in process (the same messages and
metadata the REST channel passes), recording what the answer selector sees: the classifier's
ranking, the search scores and the page. Then it scores each combination of settings on those
recordings with the selector's own `choose`, in milliseconds, without retraining. The figures
are an estimate (the safety net and the rules are not replayed): confirm the chosen settings
with `make eval`. The held-out half is never read here.

    cd bot && PYTHONPATH=. ../.venv/bot/bin/python ../bench/tune_answers.py models/preventiewijzer.tar.gz \
        search_weight=0.3,0.5 context_weight=0.2,0.3
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import sys
from collections import defaultdict
from pathlib import Path

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

sys.path.insert(0, str(Path(__file__).resolve().parent))
import real_sets as sets  # noqa: E402
from nlu_cpu import components  # noqa: E402

from components.answers import AnswerSelector  # noqa: E402


def answer_selector(agent: Agent) -> AnswerSelector:
    selector = components(agent).get("AnswerSelector")
    if selector is None:
        raise SystemExit("the model has no AnswerSelector")
    return selector


async def record(agent: Agent, selector: AnswerSelector, cases: list[sets.Case]) -> list[list[tuple]]:
    """Per case, per message: (ranking, document scores) as the selector saw them."""
    seen: list[tuple] = []
    original = selector.choose
    selector.choose = lambda ranking, scores, context: seen.append((ranking, scores)) or original(ranking, scores, context)
    recordings = []
    for number, case in enumerate(cases):
        start = len(seen)
        for message in case.messages:
            await agent.handle_message(UserMessage(message, CollectingOutputChannel(), f"tune-{number}",
                                                   input_channel="rest",
                                                   metadata={"language": case.lang, "page": case.page}))
        recordings.append(seen[start:])
    selector.choose = original
    return recordings


def outcome(selector: AnswerSelector, case: sets.Case, recording: list[tuple]) -> tuple[str | None, str]:
    """The topic and answer key the selector gives the last message (None: declined)."""
    page_topic = selector.page_topics.get(case.page)
    context, topic, key = page_topic, None, ""
    for ranking, scores in recording:
        choice = selector.choose(ranking, scores, context)
        if choice and choice[3]:
            topic, key = choice[1].split("#")[0], choice[1]
            context = topic
        else:
            best = ranking[0]["name"] if ranking else ""
            topic = selector.topics[selector._intents.index(best)] if best in selector._intents else None
            key = topic or ""
    return topic, key


def score(selector: AnswerSelector, cases, recordings) -> str:
    groups = defaultdict(list)
    for case, recording in zip(cases, recordings):
        if not recording:
            continue  # the message never reached the selector (a button payload, empty text)
        topic, key = outcome(selector, case, recording)
        if case.expected == (sets.OUT_OF_SCOPE,):
            groups["oos"].append(topic is None)
            continue
        hit = topic in case.expected
        groups[f"q-{case.lang}" if case.set == "questions" else case.set].append(hit)
        groups["section"].append(hit and key.partition("#")[2] == case.section)
    return "  ".join(f"{k} {100 * sum(v) / len(v):5.1f}" for k, v in sorted(groups.items()))


def main() -> int:
    logging.disable(logging.WARNING)
    model, grid = sys.argv[1], [arg.split("=", 1) for arg in sys.argv[2:]]
    agent = Agent.load(model)
    selector = answer_selector(agent)
    cases = sets.cases("tuning")
    recordings = asyncio.run(record(agent, selector, cases))
    names = [name for name, _ in grid]
    for values in itertools.product(*[[float(v) for v in vs.split(",")] for _, vs in grid]):
        selector.config.update(dict(zip(names, values)))
        print(dict(zip(names, values)), score(selector, cases, recordings), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
