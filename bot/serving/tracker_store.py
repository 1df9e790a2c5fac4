"""Rasa's SQL tracker store, with personal data redacted before anything is written, and a cost
per message that does not grow with the conversation.

Configure in endpoints.yml:
    tracker_store:
      type: serving.tracker_store.RedactingSQLTrackerStore
      dialect: postgresql   # or sqlite
      db: rasa
      recent_turns: 2       # the reader's last messages loaded with their events (default 2)
Without a tracker store configured, Rasa keeps conversations in memory only. An event broker is
refused: Rasa would publish every event to it before this store redacts anything.

What differs from Rasa's SQLTrackerStore, and why:
- `retrieve` loads the recent part of the conversation's current session: the events from the
  reader's `recent_turns`-th last message on, preceded by the latest value of every slot (and
  the latest form and pause state) set before it. Rasa replays every event of the session on
  every message, so a message at turn 40 cost several times one at turn 1. Every rule here
  looks back at most to the bot's reply to the previous message (tests/test_bot_data.py checks
  this against `recent_turns`), and the conversation's context (topic, page, language, danger)
  lives in slots, so the bounded load answers as the full one does.
- `save` appends exactly the events added since the load (the tracker carries how many it had
  then), in one INSERT, where Rasa counted the stored events with a subquery and added one ORM
  object per event. A tracker this store did not load (a new conversation) is counted once.
- Plain SQL statements instead of ORM objects, and no "ping" of the connection on every use: a
  statement that finds its connection dead (the database was restarted) runs once more on a
  fresh one.
- Events are read back with a remembered type lookup (serving/event_types.py, installed by
  serving/speedups.py).
bot/tests/test_rasa_internals.py pins each Rasa function this replaces.

Rasa wraps every tracker store in its FailSafeTrackerStore, which logs a database error and
carries on with an empty in-memory conversation: the reader would get an answer that has
forgotten the conversation, and nothing would be stored. So this store also notes each failure
in `failures` (when a caller has set it), and the production channel (serving/channel.py) turns
a noted failure into a clear "temporarily unavailable" reply.
"""
from __future__ import annotations

import itertools
import json
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Iterable, Iterator, List, Optional, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from serving import speedups
from serving.redaction import redact_event

speedups.install()  # reading events back uses the remembered type lookup

# A list set by the caller around one message; a shared list, so tasks that copy the context
# still add to the same one.
failures: ContextVar[Optional[List[Exception]]] = ContextVar("tracker_store_failures", default=None)

# On a tracker this store loaded or saved: how many of its events are stored.
STORED_EVENTS = "_preventiewijzer_stored_events"

# Where the current session's state starts: its SessionStarted, or a later Restarted (Rasa's
# trackers ignore what came before a restart).
_SESSION_START = """
    SELECT COALESCE(MAX(id), 0) AS id FROM events
    WHERE sender_id = :sender AND type_name IN ('session_started', 'restart')"""

# The events from the reader's `skip + 1`-th last message on (the whole session if it has fewer
# messages), and before them the latest event of each piece of state: every slot, the form, the
# pause. Ids order the events (timestamps need not be unique). An index on (sender_id,
# type_name, id) keeps it flat in the conversation's length.
RECENT_EVENTS = sa.text(f"""
    WITH session_start AS ({_SESSION_START}),
    recent AS (
        SELECT COALESCE(
            (SELECT e.id FROM events e, session_start s
             WHERE e.sender_id = :sender AND e.type_name = 'user' AND e.id >= s.id
             ORDER BY e.id DESC LIMIT 1 OFFSET :skip),
            (SELECT id FROM session_start)) AS id
    )
    SELECT e.id, e.data FROM events e, recent r
    WHERE e.sender_id = :sender AND e.id >= r.id
    UNION ALL
    SELECT e.id, e.data FROM events e WHERE e.id IN (
        SELECT MAX(e.id) FROM events e, session_start s, recent r
        WHERE e.sender_id = :sender AND e.id >= s.id AND e.id < r.id
          AND e.type_name IN ('slot', 'active_loop', 'pause', 'resume')
        GROUP BY CASE WHEN e.type_name = 'slot' THEN 'slot ' || e.action_name
                      WHEN e.type_name = 'active_loop' THEN 'form' ELSE 'pause' END)
    ORDER BY id""")

# For a tracker this store did not load: how many of its session's events are stored already.
STORED_IN_SESSION = sa.text(f"""
    WITH session_start AS ({_SESSION_START})
    SELECT COUNT(*) FROM events e, session_start s WHERE e.sender_id = :sender AND e.id >= s.id""")

INDEX = "CREATE INDEX IF NOT EXISTS ix_events_sender_type_id ON events (sender_id, type_name, id)"

T = TypeVar("T")


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
    def __init__(self, *args: Any, recent_turns: int = 2, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.event_broker is not None:
            raise ValueError(
                "RedactingSQLTrackerStore does not work with an event broker: the broker would get the "
                "reader's messages unredacted. Remove `event_broker` from endpoints.yml.")
        if int(recent_turns) < 2:
            raise ValueError(f"recent_turns: at least 2 (the rules look back one message), not {recent_turns!r}")
        self.recent_turns = int(recent_turns)
        self.table = self.SQLEvent.__table__
        self._create_index()

    def _create_index(self) -> None:
        try:
            self._in_transaction(lambda connection: connection.execute(sa.text(INDEX)))
        except sa.exc.DBAPIError:
            # Two instances starting at once: the other one made it between check and create.
            if "ix_events_sender_type_id" not in {index["name"] for index in sa.inspect(self.engine).get_indexes("events")}:
                raise

    def _in_transaction(self, work: Callable[[sa.engine.Connection], T]) -> T:
        """Run `work` in a transaction; once more on a fresh connection when the pooled one was
        dead (SQLAlchemy then drops the pool's older connections too)."""
        for attempt in (1, 2):
            try:
                with self.engine.begin() as connection:
                    return work(connection)
            except sa.exc.DBAPIError as error:
                if attempt == 2 or not error.connection_invalidated:
                    raise
        raise AssertionError("unreachable")

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        with _noting_failures():
            rows = self._in_transaction(lambda connection: connection.execute(
                RECENT_EVENTS, {"sender": sender_id, "skip": self.recent_turns - 1}).fetchall())
        if not rows or not self.domain:
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, [json.loads(data) for _, data in rows], self.domain.slots)
        setattr(tracker, STORED_EVENTS, len(tracker.events))
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        # Rasa's save, without its `stream_events` (there is no event broker, see __init__).
        with _noting_failures():
            stored = getattr(tracker, STORED_EVENTS, None)

            def append(connection: sa.engine.Connection) -> None:
                already = stored
                if already is None:
                    already = connection.execute(STORED_IN_SESSION, {"sender": tracker.sender_id}).scalar()
                rows = [self._row(tracker.sender_id, event)
                        for event in itertools.islice(tracker.events, already, None)]
                if rows:
                    connection.execute(self.table.insert(), rows)

            self._in_transaction(append)
        setattr(tracker, STORED_EVENTS, len(tracker.events))

    @staticmethod
    def _row(sender_id: str, event: Any) -> dict:
        data = redact_event(event.as_dict())
        return {"sender_id": sender_id, "type_name": event.type_name, "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                "action_name": data.get("name"), "data": json.dumps(data)}

    async def retrieve_full_tracker(self, conversation_id: str) -> Optional[DialogueStateTracker]:
        with _noting_failures():
            return await super().retrieve_full_tracker(conversation_id)

    async def keys(self) -> Iterable[str]:
        with _noting_failures():
            return await super().keys()
