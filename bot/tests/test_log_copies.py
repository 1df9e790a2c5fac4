"""Rasa's processor and RulePolicy use `copy` only to deep-copy arguments of debug log lines, so
handing those the value itself (serving/log_copies.py) changes nothing but the cost."""
from __future__ import annotations

import ast
import inspect
import logging

from serving import log_copies


def copy_uses(module) -> list[tuple[int, bool]]:
    """Each use of the name `copy` in the module: its line, and whether it is the value of a
    keyword argument of a `structlogger.debug(...)` call."""
    tree = ast.parse(inspect.getsource(module))
    in_debug_logs = set()
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "debug"
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "structlogger"):
            for keyword in node.keywords:
                for inner in ast.walk(keyword.value):
                    in_debug_logs.add(id(inner))
    return [(node.lineno, id(node) in in_debug_logs) for node in ast.walk(tree)
            if isinstance(node, ast.Name) and node.id == "copy" and isinstance(node.ctx, ast.Load)]


def test_rasa_uses_copy_there_only_for_debug_log_lines():
    for module in log_copies.PATCHED_MODULES:
        uses = copy_uses(module)
        assert uses, f"{module.__name__} no longer uses copy: drop it from log_copies.PATCHED_MODULES"
        elsewhere = [line for line, logged in uses if not logged]
        assert not elsewhere, (f"{module.__name__} now uses copy outside a debug log line (lines {elsewhere}): "
                               f"serving/log_copies.py must not replace its copy")


def test_the_value_itself_unless_debug_logging_is_on():
    value = {"events": [{"text": "hallo"}]}
    assert log_copies.copy_for_logs.deepcopy(value) is value
    rasa_logger = logging.getLogger("rasa")
    level = rasa_logger.level
    rasa_logger.setLevel(logging.DEBUG)
    try:
        copied = log_copies.copy_for_logs.deepcopy(value)
        assert copied == value and copied is not value and copied["events"] is not value["events"]
    finally:
        rasa_logger.setLevel(level)
    assert log_copies.copy_for_logs.copy is __import__("copy").copy  # the rest is the real module
