"""What the fault tests and the load benchmark do to a running stack, and how they read what it
stored: kept out of the stack itself, which only runs the production layout."""
from __future__ import annotations

import json
import signal
import time
from typing import Iterable

from .postgres import literal
from .stack import Stack


def kill_instance(stack: Stack, number: int) -> None:
    """SIGKILL one Rasa instance (0-based), as a crash would."""
    stack.instances[number].kill()


def route_to(stack: Stack, numbers: Iterable[int]) -> None:
    """Let nginx pass the chat to these instances only (0-based), without a restart."""
    stack.routed = sorted(numbers)
    stack.write_nginx_config()
    stack.nginx.signal(signal.SIGHUP)
    time.sleep(1.5)  # the old worker finishes; new connections get the new configuration


def stored_user_events(stack: Stack, sender: str) -> list[dict]:
    """The stored user events of a conversation, in order, whole, as JSON."""
    rows = stack.postgres.psql(
        f"select data from events where sender_id = {literal(sender)} and type_name = 'user' order by id")
    return [json.loads(row) for row in rows.splitlines() if row]


def stored_user_messages(stack: Stack, sender: str) -> list[str]:
    """The texts of a conversation's user messages, in order, as stored in PostgreSQL."""
    return [event["text"] for event in stored_user_events(stack, sender)]
