"""Rasa's `Event.resolve_by_type` with its answers remembered.

Rasa 3.6 finds the class of a stored event by walking every subclass of `Event` (recursively,
testing each with `inspect.isabstract`) once per event it reads back: most of the cost of
loading a conversation. The classes do not change while the server runs, so a name found once
is kept; a name not found yet goes to Rasa's own lookup, which also gives its defaults and its
errors. Installed with the other serving speed-ups (serving/speedups.py); pinned in
bot/tests/test_rasa_internals.py.
"""
from __future__ import annotations

from typing import Dict, Optional, Text, Type

from rasa.shared.core.events import Event

rasa_resolve_by_type = Event.resolve_by_type
_found: Dict[Text, Type[Event]] = {}


def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    known = _found.get(type_name)
    if known is not None:
        return known
    # Rasa's own answer for this name, with no default: a real class, or its ValueError / None.
    try:
        found = rasa_resolve_by_type(type_name)
    except ValueError:
        if default is not None:
            return default
        raise
    if found is not None:
        _found[type_name] = found
    return found


def install() -> None:
    Event.resolve_by_type = staticmethod(resolve_by_type)
