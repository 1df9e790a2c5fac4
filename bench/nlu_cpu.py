"""CPU per message of understanding (a benchmark, not a test): `make bench-nlu`.

Runs in the bot environment with the trained model, in process (no HTTP):
- the whole NLU pipeline (`Agent.parse_message`) per message of bench/eval-questions.tsv:
  median and mean CPU time (time.process_time), after a warm-up;
- answer selection on its own (components/answers.py: search and choice of topic and section);
- the two costs issue 14 named, each measured both ways in this same run on the same messages:
  the classifier's product with scikit-learn's C-ordered weights (Rasa's own load) against the
  Fortran-ordered ones (components/classifier.py), and the language detector's stored lists turned
  into arrays per message (before) against arrays made once at load (components/language.py);
- two more, also both ways: the classifier's input through Rasa's `_create_X` against built
  directly (components/classifier.py), and the threat check's typo matching with difflib on
  every word against remembered words (components/danger.py).
The machine is noisy: compare the ratios of one run, not figures across runs.

    cd bot && PYTHONPATH=. ../.venv/bot/bin/python ../bench/nlu_cpu.py models/preventiewijzer.tar.gz [--summary]

--summary: only the pipeline's median and answer selection's share, on one line (bench/load.py).
"""
from __future__ import annotations

import asyncio
import csv
import difflib
import re
import logging
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

import numpy as np
import scipy.sparse
from rasa.core.agent import Agent
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.log_utils import configure_structlog

QUESTIONS = Path(__file__).resolve().parent / "eval-questions.tsv"


def cpu_ms(function: Callable[[], object], repeat: int = 1) -> float:
    start = time.process_time()
    for _ in range(repeat):
        function()
    return (time.process_time() - start) * 1000 / repeat


@contextmanager
def costs_put_back(classifier, detector):
    """The loaded pipeline with the two costs as they were before: scikit-learn's C-ordered
    weights, and the detector turning its stored lists into arrays on every message (its former
    `detect`, copied here)."""
    weights, detect = classifier.clf.coef_, detector.detect
    model = detector._model

    def detect_as_before(text):
        if not model or not text.strip():
            return None, 0.0
        counts = detector._vectorizer.transform([text])
        if counts.nnz == 0:
            return None, 0.0
        scores = np.asarray(counts @ np.asarray(model["feature_log_prob"]).T + np.asarray(model["class_log_prior"])).ravel()
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        best = int(probabilities.argmax())
        return model["classes"][best], float(probabilities[best])

    classifier.clf.coef_, detector.detect = np.ascontiguousarray(weights), detect_as_before
    try:
        yield
    finally:
        classifier.clf.coef_, detector.detect = weights, detect


def answer_selection_ms(selector, messages: list[str]) -> float:
    """Median CPU of the search and the choice of topic and section, per message."""
    ranking = [{"name": intent, "confidence": 1 / len(selector._intents)} for intent in selector._intents]
    return statistics.median(cpu_ms(lambda: selector.choose(ranking, selector.search(m), selector.topics[0]))
                             for m in messages)


def featurized_messages(agent: Agent, texts: list[str]) -> list[Message]:
    """The messages as the classifier gets them: tokenized and featurized by the loaded pipeline."""
    steps = [c for c in loaded_components(agent) if type(c).__name__ in ("WhitespaceTokenizer", "CountVectorsFeaturizer")]
    result = []
    for text in texts:
        message = Message(data={TEXT: text})
        for component in steps:  # in the pipeline's order: the tokenizer first
            component.process([message])
        result.append(message)
    return result


def loaded_components(agent: Agent) -> list[object]:
    """The loaded graph components, in the graph's order."""
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return [node._component for node in nodes if getattr(node, "_component", None) is not None]


def components(agent: Agent) -> dict[str, object]:
    """The loaded graph components by class name."""
    return {type(component).__name__: component for component in loaded_components(agent)}


def main() -> int:
    configure_structlog(logging.WARNING)
    agent = Agent.load(sys.argv[1])
    with QUESTIONS.open(encoding="utf-8") as handle:
        messages = [row["question"] for row in csv.DictReader(handle, delimiter="\t")]

    async def parse_all() -> list[float]:
        for message in messages[:20]:
            await agent.parse_message(message)
        timings = []
        for message in messages:
            start = time.process_time()
            await agent.parse_message(message)
            timings.append((time.process_time() - start) * 1000)
        return timings

    loaded = components(agent)
    classifier = loaded.get("ContiguousLogisticRegressionClassifier") or loaded.get("LogisticRegressionClassifier")
    detector = loaded.get("LanguageDetector")
    after = asyncio.run(parse_all())
    selector = loaded.get("AnswerSelector")
    if "--summary" in sys.argv[2:]:
        selection = answer_selection_ms(selector, messages) if selector is not None else 0.0
        print(f"understanding (the NLU pipeline in process, {len(messages)} messages): median {statistics.median(after):.2f} ms "
              f"CPU per message, of which answer selection (issue 13) {selection:.2f} ms")
        return 0
    if classifier is not None and detector is not None:
        with costs_put_back(classifier, detector):
            before = asyncio.run(parse_all())
        print(f"NLU pipeline, {len(messages)} messages, CPU per message: before median {statistics.median(before):.2f} ms "
              f"(mean {statistics.mean(before):.2f}), after median {statistics.median(after):.2f} ms "
              f"(mean {statistics.mean(after):.2f}); ratio of medians {statistics.median(before) / statistics.median(after):.2f}")
    else:
        print(f"NLU pipeline, {len(messages)} messages: median {statistics.median(after):.2f} ms CPU")

    if classifier is not None and detector is not None:
        # Sparse rows with as many non-zero features as a message has (a few hundred word and
        # character n-grams), timed through the classifier's own predict_proba, both orders.
        weights = classifier.clf.coef_
        width = weights.shape[1]
        x = scipy.sparse.random(len(messages), width, density=300 / width, format="csr", random_state=1)

        def predict_ms(order_weights) -> float:
            classifier.clf.coef_ = order_weights
            return statistics.median(cpu_ms(lambda: classifier.clf.predict_proba(x[i])) for i in range(len(messages)))

        before, after = predict_ms(np.ascontiguousarray(weights)), predict_ms(np.asfortranarray(weights))
        classifier.clf.coef_ = np.asfortranarray(weights)
        print(f"classifier predict_proba, per message: C-ordered weights {before:.3f} ms, Fortran-ordered "
              f"{after:.3f} ms (ratio {before / after:.1f}); weights {weights.shape[0]} x {width}")
        model = detector._model
        rows = [detector._vectorizer.transform([m]) for m in messages]
        before = statistics.median(cpu_ms(lambda: r @ np.asarray(model["feature_log_prob"]).T
                                          + np.asarray(model["class_log_prior"])) for r in rows)
        after = statistics.median(cpu_ms(lambda: r @ detector._log_prob_t + detector._log_prior) for r in rows)
        print(f"language detector scores, per message: arrays per message {before:.3f} ms, made at load "
              f"{after:.3f} ms (ratio {before / after:.1f})")
        # The classifier's input: Rasa's _create_X against the direct one (components/classifier.py),
        # on the messages as the pipeline featurized them.
        prepared = featurized_messages(agent, messages)
        before = statistics.median(cpu_ms(lambda: LogisticRegressionClassifier._create_X(classifier, [m])) for m in prepared)
        after = statistics.median(cpu_ms(lambda: classifier._create_X([m])) for m in prepared)
        print(f"classifier input (X), per message: Rasa's _create_X {before:.3f} ms, built directly {after:.3f} ms "
              f"(ratio {before / after:.1f})")
    else:
        print(f"classifier or language detector not found among {', '.join(sorted(loaded))}")

    # The threat check's typo matching: difflib on every word (before) against remembered words.
    from components import danger
    typo_words = [w for m in messages for w in re.findall(r"\w{6,}", m)]
    before = statistics.median(cpu_ms(lambda: [difflib.get_close_matches(w, danger.FUZZY_WORDS, n=1, cutoff=0.8)
                                               for w in re.findall(r"\w{6,}", m)]) for m in messages)
    for word in typo_words:
        danger.is_key_word_typo(word)
    after = statistics.median(cpu_ms(lambda: [danger.is_key_word_typo(w) for w in re.findall(r"\w{6,}", m)])
                              for m in messages)
    print(f"threat typo check, per message: difflib on every word {before:.3f} ms, remembered words (each seen once before) {after:.3f} ms")

    if selector is not None:
        # Answer selection on its own (issue 13): the search over the pages and the choice of
        # topic and section, per message; it is part of the pipeline figure above.
        search = statistics.median(cpu_ms(lambda: selector.search(m)) for m in messages)
        choose = answer_selection_ms(selector, messages)
        print(f"answer selection, per message: search {search:.3f} ms, search and choice {choose:.3f} ms "
              f"({len(selector._doc_topic)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
