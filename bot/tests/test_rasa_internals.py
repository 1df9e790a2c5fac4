"""Each piece of Rasa's own code that we override or copy, pinned to the source we wrote against.

When an upgrade changes one of them, its test fails and says what to check: our override may now
skip a fix of Rasa's, or call something that no longer exists. Check ours against the new code,
then update the pin here.
"""
from __future__ import annotations

import hashlib
import inspect

import pytest
import rasa
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.core.policies.rule_policy import RulePolicy
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message

# Rasa's own functions, kept before the serving package installs ours in their place
from serving.event_types import rasa_resolve_by_type
from serving.graph_schema import rasa_minimal_graph_schema
from serving.rule_keys import rasa_get_possible_keys

# (Rasa's function, what of ours depends on it, sha256 of its source, first 16 hex digits)
PINS = [
    (SQLTrackerStore.__init__, "serving/tracker_store.py RedactingSQLTrackerStore.__init__ uses the "
     "engine and the `events` table it creates", "64e704d159dfa35b"),
    (SQLTrackerStore.save, "RedactingSQLTrackerStore.save replaces it: append-only, redacted, no "
     "event broker", "57165e46eab3de08"),
    (SQLTrackerStore._retrieve, "RedactingSQLTrackerStore.retrieve replaces it with a bounded load "
     "(RECENT_EVENTS)", "c8adbf6f4b61ddd1"),
    (SQLTrackerStore._event_query, "RECENT_EVENTS and STORED_IN_SESSION keep its idea of the current "
     "session (events from the latest SessionStarted on)", "cd44f7901b860bfd"),
    (TrackerStore.get_or_create_tracker, "the bounded load relies on the tracker that retrieve "
     "returns being the one that is saved (it carries how many events are stored)", "0b08ab42bd97ab21"),
    (MessageProcessor.handle_message, "the same: it loads a tracker, adds the turn and saves that "
     "tracker", "0c41d4780d2d4676"),
    (rasa_resolve_by_type, "serving/event_types.py remembers its answers", "b5cf570fa7f286c7"),
    (rasa_get_possible_keys, "serving/rule_keys.py looks only at the last states up to the longest "
     "rule and remembers the answer", "2915fd81711e194c"),
    (RulePolicy._is_rule_applicable, "rule_keys.py relies on it: a state further back than a rule's "
     "length rules nothing out", "64a108b016b46e57"),
    (rasa_minimal_graph_schema, "serving/graph_schema.py remembers its answer per target list",
     "58dfb30335499fff"),
    (DaskGraphRunner.run, "graph_schema.py relies on it not changing the schema it gets",
     "45f0f52f574f3aa9"),
    (LockStore._acquire_lock, "serving/lock_store.py RedisLockStore._acquire_lock replaces it",
     "ead2fff373291c24"),
    (LockStore.lock, "it calls _acquire_lock(conversation_id, ticket, wait_time), which we replace",
     "8b9b716c031a3444"),
    (RedisLockStore.__init__, "serving/lock_store.py RedisLockStore.__init__ passes the endpoint's "
     "options on to it", "829e898a8cddff8d"),
    (LogisticRegressionClassifier.load, "components/classifier.py reorders clf.coef_ after it",
     "2d8ec27bf0582219"),
    (LogisticRegressionClassifier._create_X, "components/classifier.py replaces it with the same "
     "matrix built directly", "6f50b5eef8a879c4"),
    (Message._filter_sparse_features, "classifier.py takes the sentence features in this order",
     "1c95d665990050af"),
    (Message._combine_features, "classifier.py combines them side by side, as this does",
     "6f88fa43154948bd"),
    (LogisticRegressionClassifier.process, "it must still predict with self.clf.predict_proba, which "
     "the reordered coef_ serves", "200fc5eab907e156"),
]


@pytest.mark.parametrize("function, ours, pinned", PINS, ids=[pin[0].__qualname__ for pin in PINS])
def test_the_rasa_code_we_override_is_the_code_we_wrote_against(function, ours, pinned):
    digest = hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]
    assert digest == pinned, (
        f"Rasa {rasa.__version__} changed {function.__module__}.{function.__qualname__} ({ours}). "
        f"Compare our override with the new code, adapt it, then pin {digest!r} in {__file__}.")


def test_the_pins_are_for_the_rasa_we_install():
    requirements = (inspect.getfile(test_the_pins_are_for_the_rasa_we_install).rsplit("/tests/", 1)[0]
                    + "/requirements.txt")
    with open(requirements, encoding="utf-8") as handle:
        assert f"rasa=={rasa.__version__}" in handle.read().split()
