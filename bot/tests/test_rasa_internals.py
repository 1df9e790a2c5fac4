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
from rasa.core.tracker_store import SQLTrackerStore
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier

# (Rasa's function, what of ours depends on it, sha256 of its source, first 16 hex digits)
PINS = [
    (SQLTrackerStore.__init__, "serving/tracker_store.py RedactingSQLTrackerStore.__init__ rebuilds "
     "self.engine and self.sessionmaker after it", "64e704d159dfa35b"),
    (SQLTrackerStore.save, "serving/tracker_store.py RedactingSQLTrackerStore.save is a copy of it "
     "with redaction", "57165e46eab3de08"),
    (SQLTrackerStore._additional_events, "RedactingSQLTrackerStore.save calls this private method",
     "d22f99eb863acb07"),
    (LockStore._acquire_lock, "serving/lock_store.py RedisLockStore._acquire_lock replaces it",
     "ead2fff373291c24"),
    (LockStore.lock, "it calls _acquire_lock(conversation_id, ticket, wait_time), which we replace",
     "8b9b716c031a3444"),
    (RedisLockStore.__init__, "serving/lock_store.py RedisLockStore.__init__ passes the endpoint's "
     "options on to it", "829e898a8cddff8d"),
    (LogisticRegressionClassifier.load, "components/classifier.py reorders clf.coef_ after it",
     "2d8ec27bf0582219"),
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
