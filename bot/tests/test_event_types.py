"""The remembered event type lookup answers exactly as Rasa's own does."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.utils.common import all_subclasses

from serving import event_types


def test_every_event_type_resolves_to_rasas_class_twice():
    for cls in all_subclasses(Event):
        assert event_types.resolve_by_type(cls.type_name) is event_types.rasa_resolve_by_type(cls.type_name)
        assert event_types.resolve_by_type(cls.type_name) is event_types.rasa_resolve_by_type(cls.type_name)


def test_unknown_names_keep_rasas_default_and_error():
    assert event_types.resolve_by_type("no-such-event", default=SlotSet) is SlotSet
    assert event_types.resolve_by_type("topic") is None  # Rasa's old TopicSet events
    with pytest.raises(ValueError, match="Unknown event name"):
        event_types.resolve_by_type("no-such-event")


def test_installed_it_reads_stored_events_back():
    event_types.install()
    event = Event.from_parameters({"event": "slot", "name": "topic", "value": "babbeltrucs", "timestamp": 1.0})
    assert isinstance(event, SlotSet) and (event.key, event.value) == ("topic", "babbeltrucs")
