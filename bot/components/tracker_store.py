"""Rasa's own SQL tracker store, with personal data redacted before anything is written.

Configure in endpoints.yml:
    tracker_store:
      type: components.tracker_store.RedactingSQLTrackerStore
      dialect: postgresql   # or sqlite
      db: rasa
Without a tracker store configured, Rasa keeps conversations in memory only.
"""
from __future__ import annotations

import json

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from components.redaction import redact


class RedactingSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        # Same as SQLTrackerStore.save, with each event redacted before it is written.
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = redact(event.as_dict())
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
