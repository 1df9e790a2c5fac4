"""Redis for Rasa's lock store: on 127.0.0.1 with a password, nothing written to disk."""
from __future__ import annotations

import shutil
import socket
from pathlib import Path

from .process import Service, StackError


class Redis:
    def __init__(self, root: Path, port: int, password: str, config: Path):
        server = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(server).exists():
            raise StackError("Redis is not installed (Debian: apt-get install redis-server)")
        self.port, self.password = port, password
        self.service = Service("redis", [server, str(config)], root / "logs" / "redis.log", self.ready)

    def start(self) -> None:
        self.service.start()

    def stop(self) -> None:
        self.service.stop()

    def command(self, *args: str) -> bytes:
        """One Redis command (the raw reply), for tests that set up a situation."""
        request = b"".join(
            b"*%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)
            for parts in ([b"AUTH", self.password.encode()], [a.encode() for a in args])
        )
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(request)
            reply = b""
            while reply.count(b"\r\n") < 2:  # +OK for AUTH, then the command's first line
                chunk = sock.recv(4096)
                if not chunk:
                    break
                reply += chunk
        return reply.split(b"\r\n", 1)[1]

    def ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=2) as sock:
                sock.sendall(f"AUTH {self.password}\r\nPING\r\n".encode())
                reply = b""
                while b"PONG" not in reply and b"-" not in reply:
                    chunk = sock.recv(256)
                    if not chunk:
                        break
                    reply += chunk
                return b"+PONG" in reply
        except OSError:
            return False
