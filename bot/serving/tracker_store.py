"""Rasa's own SQL tracker store, with personal data redacted before anything is written.

Configure in endpoints.yml:
    tracker_store:
      type: serving.tracker_store.RedactingSQLTrackerStore
      dialect: postgresql   # or sqlite
      db: rasa
Without a tracker store configured, Rasa keeps conversations in memory only. An event broker is
refused: Rasa would publish every event to it before this store redacts anything.

Three of Rasa's internals are overridden here (the engine's construction, `save`, which uses the
private `_additional_events`); bot/tests/test_rasa_internals.py pins each of them to the Rasa
source it was written against.

Rasa wraps every tracker store in its FailSafeTrackerStore, which logs a database error and
carries on with an empty in-memory conversation: the reader would get an answer that has
forgotten the conversation, and nothing would be stored. So this store also notes each failure
in `failures` (when a caller has set it), and the production channel (serving/channel.py) turns
a noted failure into a clear "temporarily unavailable" reply.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterable, Iterator, List, Optional

import sqlalchemy as sa
from sqlalchemy.orm import sessionmaker
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from serving.redaction import redact_event

# A list set by the caller around one message; a shared list, so tasks that copy the context
# still add to the same one.
failures: ContextVar[Optional[List[Exception]]] = ContextVar("tracker_store_failures", default=None)


@contextmanager
def _noting_failures() -> Iterator[None]:
    """Note any database error for the caller (see `failures`), then let it go on as before."""
    try:
        yield
    except Exception as error:
        noted = failures.get()
        if noted is not None:
            noted.append(error)
        raise


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.event_broker is not None:
            raise ValueError(
                "RedactingSQLTrackerStore does not work with an event broker: the broker would get the "
                "reader's messages unredacted. Remove `event_broker` from endpoints.yml.")
        # Test each pooled connection before use: after a database restart the pool holds dead
        # connections, and without this the first request on each of them would fail.
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        # Same as SQLTrackerStore.save, with each event redacted before it is written, and without
        # its `stream_events` (there is no event broker, see __init__).
        with _noting_failures():
            with self.session_scope() as session:
                for event in self._additional_events(session, tracker):
                    data = redact_event(event.as_dict())
                    session.add(
                        self.SQLEvent(
                            sender_id=tracker.sender_id,
                            type_name=event.type_name,
                            timestamp=data.get("timestamp"),
                            intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                            action_name=data.get("name"),
                            data=json.dumps(data),
                        )
                    )
                session.commit()

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        with _noting_failures():
            return await super().retrieve(sender_id)

    async def retrieve_full_tracker(self, conversation_id: str) -> Optional[DialogueStateTracker]:
        with _noting_failures():
            return await super().retrieve_full_tracker(conversation_id)

    async def keys(self) -> Iterable[str]:
        with _noting_failures():
            return await super().keys()
