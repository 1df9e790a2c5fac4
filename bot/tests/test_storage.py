"""The tracker store against Rasa itself (SQLite): personal data redacted before it is written,
Rasa's own fields intact, conversations read back, and no event broker that would get them
unredacted."""
from __future__ import annotations

import asyncio
import json
import sqlite3

import pytest
from rasa.core.brokers.broker import EventBroker
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from serving.tracker_store import RedactingSQLTrackerStore

MODEL_ID = "ea41d2c8b74e55a0d6e1b2c3d4e5f6a7"  # a model hash that the IBAN pattern matches
MESSAGE = "mijn rekening NL91ABNA0417164300 en 06-12345678 zijn gebruikt"


@pytest.fixture
def store(tmp_path):
    database = tmp_path / "rasa.db"
    return RedactingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(database)), database


def conversation() -> DialogueStateTracker:
    tracker = DialogueStateTracker("reader-1", slots=[])
    tracker.update(UserUttered(MESSAGE, intent={"name": "report_victim", "confidence": 0.9},
                               parse_data={"text": MESSAGE, "intent": {"name": "report_victim", "confidence": 0.9},
                                           "entities": [{"entity": "account", "value": "NL91ABNA0417164300"}]},
                               metadata={"model_id": MODEL_ID, "language": "nl"}))
    tracker.update(ActionExecuted("utter_victim_support"))
    tracker.update(BotUttered("Bel Slachtofferhulp: 0900-0101."))
    return tracker


def stored_events(database) -> list[dict]:
    with sqlite3.connect(database) as connection:
        return [json.loads(row[0]) for row in connection.execute("select data from events order by id")]


def test_the_readers_words_are_redacted_and_rasas_fields_kept(store):
    tracker_store, database = store
    asyncio.run(tracker_store.save(conversation()))
    user = next(event for event in stored_events(database) if event["event"] == "user")
    assert user["text"] == "mijn rekening [IBAN] en [telefoonnummer] zijn gebruikt"
    assert user["parse_data"]["text"] == user["text"]
    assert user["parse_data"]["entities"][0]["value"] == "[IBAN]"
    assert user["metadata"] == {"model_id": MODEL_ID, "language": "nl"}
    assert user["parse_data"]["intent"]["name"] == "report_victim"
    assert "NL91" not in json.dumps(stored_events(database))


def test_a_stored_conversation_is_read_back(store):
    tracker_store, _ = store
    asyncio.run(tracker_store.save(conversation()))
    tracker = asyncio.run(tracker_store.retrieve("reader-1"))
    assert tracker.latest_message.text.startswith("mijn rekening [IBAN]")
    assert tracker.latest_bot_utterance.text == "Bel Slachtofferhulp: 0900-0101."


def test_a_slot_filled_from_the_readers_words_is_redacted(store):
    tracker_store, database = store
    tracker = conversation()
    tracker.update(SlotSet("contact", "mail me: iemand@example.nl"))
    asyncio.run(tracker_store.save(tracker))
    slot = next(event for event in stored_events(database) if event["event"] == "slot")
    assert slot["value"] == "mail me: [e-mail]"


class CollectingBroker(EventBroker):
    def __init__(self):
        self.published = []

    def publish(self, event):
        self.published.append(event)


def test_a_configured_event_broker_is_refused_with_a_reason(tmp_path):
    with pytest.raises(ValueError, match="event broker.*unredacted"):
        RedactingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "rasa.db"),
                                 event_broker=CollectingBroker())
