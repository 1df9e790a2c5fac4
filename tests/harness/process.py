"""One server process of the stack: started with its output in a log file, checked until it is
ready, stopped. Nothing here knows what the server is."""
from __future__ import annotations

import pwd
import random
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Iterable


class StackError(RuntimeError):
    """A server did not start or stopped; the message has the end of its log."""


_handed_out: set[int] = set()


def ephemeral_ports() -> tuple[int, int]:
    """The range the kernel takes outgoing connections' ports from."""
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


def free_port() -> int:
    """A free port on 127.0.0.1 for a server we start, below the ephemeral range: a port from
    that range can be taken by an outgoing connection (Rasa to PostgreSQL, a reader to nginx)
    between choosing it and the server binding it, which made nginx fail with "Address already
    in use" under load."""
    low = ephemeral_ports()[0]
    chooser = random.SystemRandom()
    for _ in range(500 if low > 11000 else 0):
        port = chooser.randrange(10000, low)
        if port in _handed_out:
            continue
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_ok(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status < 400
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


class Service:
    def __init__(self, name: str, args: list[str], log: Path, ready: Callable[[], bool], *,
                 cwd: Path | None = None, env: dict | None = None, user: str | None = None,
                 stop_signal: int = signal.SIGTERM):
        self.name, self.args, self.log, self.ready = name, args, log, ready
        self.cwd, self.env, self.user, self.stop_signal = cwd, env, user, stop_signal
        self.process: subprocess.Popen | None = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.running else None

    def start(self) -> None:
        if self.running:
            return
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as out:
            # Own session: Ctrl-C in a terminal reaches us only, and we stop the servers in order.
            self.process = subprocess.Popen(
                self.args, cwd=self.cwd, env=self.env, stdin=subprocess.DEVNULL, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True,
                **(run_as(self.user) if self.user else {}),
            )

    def stop(self, timeout: float = 30) -> None:
        if not self.running:
            return
        self.process.send_signal(self.stop_signal)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """The hard way (SIGKILL), as a crash or an out-of-memory kill would do it."""
        if self.running:
            self.process.kill()
            self.process.wait(10)

    def signal(self, number: int) -> None:
        if self.running:
            self.process.send_signal(number)

    def tail(self, lines: int = 25) -> str:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def failure(self, what: str) -> StackError:
        return StackError(f"{self.name} {what}; the end of {self.log}:\n{self.tail()}")


def run_as(user: str) -> dict:
    """Popen arguments that drop root for `user`, with its own group and no others."""
    return {"user": user, "group": pwd.getpwnam(user).pw_gid, "extra_groups": []}


def wait_ready(services: Iterable[Service], timeout: float) -> None:
    """Wait until every service is ready; fail early, with its log, when one exits."""
    pending = list(services)
    deadline = time.monotonic() + timeout
    while pending:
        for service in list(pending):
            if not service.running:
                code = service.process.returncode if service.process else "never started"
                raise service.failure(f"exited ({code})")
            if service.ready():
                pending.remove(service)
        if pending and time.monotonic() > deadline:
            raise pending[0].failure(f"was not ready within {timeout:.0f} s")
        if pending:
            time.sleep(0.3)
