"""Rasa's Redis lock store, with one fix: a message must not wait forever for a dead instance.

Rasa serialises the messages of one conversation with a ticket lock in Redis. In Rasa 3.6, when
an instance dies while it holds a ticket, the next message of that conversation (on another
instance) waits for that ticket to expire; but if its own ticket expires too before the next
check (both are issued a moment apart with the same lifetime), no ticket is ever "now serving"
again and it waits until the response timeout, an hour (the symptom of RasaHQ/rasa#5396).
Configured in endpoints.yml as `type: serving.lock_store.RedisLockStore`, with the same
options as Rasa's `type: redis`.
"""
from __future__ import annotations

import asyncio
from typing import Any, Optional

from rasa.core import lock_store
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig


class RedisLockStore(lock_store.RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **options: Any) -> None:
        # Rasa creates a lock store given by class path with its endpoint configuration.
        if endpoint_config is not None:
            options = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
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
            await asyncio.sleep(wait_time_in_seconds)
            self.update_lock(conversation_id)
