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
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.slots import AnySlot
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


# --- a bounded load: the recent turns and the latest value of every slot ----------------------
def long_conversation(turns: int) -> DialogueStateTracker:
    """A session whose context is set early (language at turn 1, topic at turn 2) and then left."""
    slots = [AnySlot(name, mappings=[]) for name in ("language", "topic", "danger")]
    tracker = DialogueStateTracker("reader-long", slots=slots)
    tracker.update(ActionExecuted("action_session_start"))
    tracker.update(SessionStarted())
    tracker.update(ActionExecuted("action_listen"))
    for turn in range(1, turns + 1):
        tracker.update(UserUttered(f"vraag {turn}", intent={"name": "greet", "confidence": 1.0}))
        if turn == 1:
            tracker.update(SlotSet("language", "en"))
        if turn == 2:
            tracker.update(SlotSet("topic", "babbeltrucs"))
        if turn == 3:
            tracker.update(SlotSet("danger", "now"))
            tracker.update(SlotSet("danger", None))  # later value wins, even when it is empty
        tracker.update(ActionExecuted("utter_greet"))
        tracker.update(BotUttered(f"antwoord {turn}"))
        tracker.update(ActionExecuted("action_listen"))
    return tracker


def domain_with_slots() -> Domain:
    return Domain.from_dict({"slots": {name: {"type": "any", "mappings": []} for name in ("language", "topic", "danger")}})


@pytest.fixture
def slot_store(tmp_path):
    database = tmp_path / "rasa.db"
    return RedactingSQLTrackerStore(domain=domain_with_slots(), dialect="sqlite", db=str(database),
                                    recent_turns=3), database


def test_a_long_conversation_loads_its_recent_turns_and_keeps_its_context(slot_store):
    tracker_store, _ = slot_store
    asyncio.run(tracker_store.save(long_conversation(40)))
    tracker = asyncio.run(tracker_store.retrieve("reader-long"))
    users = [event.text for event in tracker.events if isinstance(event, UserUttered)]
    assert users == ["vraag 38", "vraag 39", "vraag 40"]
    assert tracker.latest_message.text == "vraag 40"
    assert tracker.get_slot("language") == "en" and tracker.get_slot("topic") == "babbeltrucs"
    assert tracker.get_slot("danger") is None
    assert len(tracker.events) < 20  # not the 243 of the whole session


def test_after_a_bounded_load_only_the_new_events_are_stored(slot_store):
    tracker_store, database = slot_store
    asyncio.run(tracker_store.save(long_conversation(10)))
    before = stored_events(database)
    tracker = asyncio.run(tracker_store.retrieve("reader-long"))
    tracker.update(UserUttered("vraag 11", intent={"name": "greet", "confidence": 1.0}))
    tracker.update(ActionExecuted("utter_greet"))
    asyncio.run(tracker_store.save(tracker))
    asyncio.run(tracker_store.save(tracker))  # saved twice: nothing twice
    after = stored_events(database)
    assert after[:len(before)] == before
    assert [event["event"] for event in after[len(before):]] == ["user", "action"]
    full = asyncio.run(tracker_store.retrieve_full_tracker("reader-long"))
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == [f"vraag {n}" for n in range(1, 12)]


def test_a_new_session_starts_from_its_own_state(slot_store):
    tracker_store, _ = slot_store
    tracker = long_conversation(6)
    tracker.update(SessionStarted())  # Rasa's action_session_start carries slots over explicitly
    tracker.update(SlotSet("language", "nl"))
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(UserUttered("nieuwe sessie", intent={"name": "greet", "confidence": 1.0}))
    asyncio.run(tracker_store.save(tracker))
    loaded = asyncio.run(tracker_store.retrieve("reader-long"))
    assert [e.text for e in loaded.events if isinstance(e, UserUttered)] == ["nieuwe sessie"]
    assert loaded.get_slot("language") == "nl" and loaded.get_slot("topic") is None


def test_fewer_than_two_recent_turns_is_refused(tmp_path):
    with pytest.raises(ValueError, match="recent_turns"):
        RedactingSQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "r.db"), recent_turns=1)
