"""A reader's side of the chat: HTTP requests to the REST channel path, each client from its own
loopback address (127.0.0.0/8 is all local), so nginx sees different readers as it would."""
from __future__ import annotations

import http.client
import json
import time
import urllib.parse
from dataclasses import dataclass, field

from .stack import CHAT_PATH


@dataclass
class Response:
    status: int  # 0: no HTTP answer at all (connection refused, reset, timed out)
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""
    stale: bool = False  # the connection was closed before an answer came (not a server's answer)

    def json(self):
        return json.loads(self.body)

    @property
    def answered(self) -> bool:
        """A 200 with at least one bot message: what a reader needs."""
        if self.status != 200:
            return False
        try:
            replies = self.json()
        except ValueError:
            return False
        return isinstance(replies, list) and bool(replies)


class ChatClient:
    """One reader: one keep-alive connection, like a browser tab, from `source` (127.x.y.z)."""

    def __init__(self, base_url: str, source: str | None = None, timeout: float = 35):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.source, self.timeout = source, timeout
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Response:
        # Like a browser: a kept-alive connection the server has closed meanwhile is replaced once.
        reused = self.connection is not None
        response = self._request(method, path, body, headers)
        if reused and response.status == 0 and response.stale:
            response = self._request(method, path, body, headers)
        return response

    def _request(self, method: str, path: str, body: bytes | None, headers: dict | None) -> Response:
        start = time.perf_counter()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    self.host, self.port, timeout=self.timeout,
                    source_address=(self.source, 0) if self.source else None)
            self.connection.request(method, path, body=body, headers=headers or {})
            reply = self.connection.getresponse()
            data = reply.read()
            response = Response(reply.status, data, {k.lower(): v for k, v in reply.getheaders()},
                                time.perf_counter() - start)
            if reply.will_close:
                self.close()
            return response
        except (OSError, http.client.HTTPException) as error:
            self.close()  # a new connection next time
            stale = isinstance(error, (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected))
            return Response(0, seconds=time.perf_counter() - start, error=f"{type(error).__name__}: {error}",
                            stale=stale)

    def post(self, body: bytes, headers: dict | None = None) -> Response:
        return self.request("POST", CHAT_PATH, body, {"Content-Type": "application/json", **(headers or {})})

    def ask(self, sender: str, message: str, language: str | None = "nl", headers: dict | None = None) -> Response:
        payload: dict = {"sender": sender, "message": message}
        if language is not None:
            payload["metadata"] = {"language": language}
        return self.post(json.dumps(payload).encode(), headers)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None
