"""Simulated readers: conversations of several turns, all at once, each in its own thread and
from its own loopback address. Bounded: a fixed number of messages and a deadline. Used by
`make bench-load` (bench/load.py) and the fault tests."""
from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

from .client import ChatClient


@dataclass
class Conversation:
    sender: str
    language: str
    messages: list[str]


@dataclass
class LoadResult:
    latencies: list[float] = field(default_factory=list)  # seconds, answered messages only
    failures: list[str] = field(default_factory=list)  # messages that got no answer (after a retry, if allowed)
    retried: int = 0  # messages that needed their one retry
    skipped: int = 0  # not sent: the deadline had passed
    seconds: float = 0.0

    @property
    def answered(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.answered / self.seconds if self.seconds else 0.0

    def percentile(self, fraction: float) -> float:
        return percentile(self.latencies, fraction) if self.latencies else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def source_address(index: int) -> str:
    """127.0.1.x, 127.0.2.x, ...: one address per simulated reader."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


def run_conversations(url: str, conversations: list[Conversation], *, deadline: float = 120,
                      retry: bool = False, retry_pause: float = 1.0,
                      after_each: Callable[[], None] | None = None) -> LoadResult:
    """Every conversation sends its messages one after the other (the next when the answer is
    in), all conversations at the same time. With `retry`, a message without an answer is sent
    once more, as the chat lets a reader do."""
    result = LoadResult()
    lock = threading.Lock()
    end = time.monotonic() + deadline

    def talk(index: int, conversation: Conversation) -> None:
        client = ChatClient(url, source=source_address(index))
        try:
            for turn, message in enumerate(conversation.messages):
                if time.monotonic() > end:
                    with lock:
                        result.skipped += len(conversation.messages) - turn
                    return
                response = client.ask(conversation.sender, message, conversation.language)
                retried = False
                if not response.answered and retry:
                    time.sleep(retry_pause)
                    response, retried = client.ask(conversation.sender, message, conversation.language), True
                with lock:
                    result.retried += retried
                    if response.answered:
                        result.latencies.append(response.seconds)
                    else:
                        result.failures.append(f"{conversation.sender} turn {turn}: HTTP {response.status} "
                                               f"{response.error or response.body[:200]!r}")
                if after_each:
                    after_each()
        finally:
            client.close()

    threads = [threading.Thread(target=talk, args=(i, c), daemon=True) for i, c in enumerate(conversations)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, end - time.monotonic()) + 40)  # a request in flight may take its timeout
    result.seconds = time.perf_counter() - start
    return result
