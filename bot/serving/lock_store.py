"""Rasa's Redis lock store, with two fixes: a message must not wait forever for a dead instance,
and a second message in the same conversation must not wait a whole second.

Rasa serialises the messages of one conversation with a ticket lock in Redis. In Rasa 3.6, when
an instance dies while it holds a ticket, the next message of that conversation (on another
instance) waits for that ticket to expire; but if its own ticket expires too before the next
check (both are issued a moment apart with the same lifetime), no ticket is ever "now serving"
again and it waits until the response timeout, an hour (the symptom of RasaHQ/rasa#5396).
And Rasa checks the lock once a second, so a message sent while the previous one of the same
conversation is being answered (a double click, a quick follow-up) waited up to a second after
that answer; here it checks every `poll_seconds` (default 0.02 s; a few Redis commands per
check).
Configured in endpoints.yml as `type: serving.lock_store.RedisLockStore`, with the same
options as Rasa's `type: redis`, plus `poll_seconds`.
"""
from __future__ import annotations

import asyncio
from typing import Any, Optional

from rasa.core import lock_store
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig

POLL_SECONDS = 0.02


class RedisLockStore(lock_store.RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **options: Any) -> None:
        # Rasa creates a lock store given by class path with its endpoint configuration.
        if endpoint_config is not None:
            options = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        self.poll_seconds = float(options.pop("poll_seconds", POLL_SECONDS))
        if not 0 < self.poll_seconds <= 1:
            raise ValueError(f"poll_seconds: more than 0 and at most 1, not {self.poll_seconds!r}")
        super().__init__(**options)

    async def _acquire_lock(self, conversation_id: str, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        while True:
            lock = self.get_lock(conversation_id)
            if lock is None:  # every ticket expired and the lock was cleaned up
                return self.create_lock(conversation_id)
            lock.remove_expired_tickets()
            # Our own ticket gone means every earlier one (same lifetime, issued before) is gone too.
            if not lock.is_locked(ticket) or all(t.number != ticket for t in lock.tickets):
                return lock
            await asyncio.sleep(min(wait_time_in_seconds, self.poll_seconds))
            self.update_lock(conversation_id)
