"""Rasa's debug log lines without their deep copies when nothing reads them.

Rasa's processor and RulePolicy pass `copy.deepcopy(...)` of events, parse data and states to
`structlogger.debug(...)` on every message. The copies protect those values from Rasa Pro's log
anonymisation, which may change what it logs; the arguments are built even when debug logging
is off, and the level filter then drops the line. Here those two modules see a `copy` whose
`deepcopy` hands back the value itself, unless debug logging is on or an anonymisation pipeline
is configured: then it copies, as Rasa does. Those modules use `copy` for nothing else
(bot/tests/test_log_copies.py checks it in Rasa's source). Installed by serving/speedups.py.
"""
from __future__ import annotations

import copy
import functools
import logging
import types
from typing import Any

from rasa.core import processor
from rasa.core.policies import rule_policy
from rasa.plugin import plugin_manager

PATCHED_MODULES = (processor, rule_policy)


LOGGERS = [logging.getLogger(module.__name__) for module in PATCHED_MODULES]


@functools.lru_cache(maxsize=1)
def anonymising() -> bool:
    """A Rasa Pro anonymisation pipeline is set up when the server starts, before any message."""
    return plugin_manager().hook.get_anonymization_pipeline() is not None


def logs_need_copies() -> bool:
    # structlog's level filter asks the standard logger of the module that logs.
    return any(logger.isEnabledFor(logging.DEBUG) for logger in LOGGERS) or anonymising()


def deepcopy_if_logged(value: Any, memo: Any = None) -> Any:
    return copy.deepcopy(value, memo) if logs_need_copies() else value


copy_for_logs = types.SimpleNamespace(**{name: getattr(copy, name) for name in dir(copy) if not name.startswith("__")})
copy_for_logs.deepcopy = deepcopy_if_logged


def install() -> None:
    for module in PATCHED_MODULES:
        module.copy = copy_for_logs
