"""The REST channel as the site's chat uses it, hardened for production (see deploy/templates/credentials.yml.j2).

The same path and reply format as Rasa's `rest` channel (POST /webhooks/rest/webhook), plus:
- the request is checked before Rasa sees it: a JSON object with a sender id (1-128 letters,
  digits or `-_.:@`), a message (a string of at most 1000 characters, the chat field's own limit)
  and optional metadata, of which only a known `language` and `page` (a path of this site: one
  of its languages, then at most 200 lower-case letters, digits, `-` and `/`) are kept; nothing
  else is stored.
  Anything else is answered with a 400 (413 for a longer message) and a JSON reason;
- control characters, lone surrogates and bidirectional overrides are taken out of the message;
- when the lock store (Redis) or the tracker store (PostgreSQL) fails, the reply is a 503 in the
  REST channel's format with the chat's "temporarily unavailable" text and the help numbers, in
  the reader's language, instead of Rasa's empty 200 or an answer that forgot the conversation.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from pathlib import Path
from typing import Any, Awaitable, Callable, Collection, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from serving.tracker_store import failures

logger = logging.getLogger(__name__)

SENDER = re.compile(r"[A-Za-z0-9_.:@-]{1,128}")
MAX_MESSAGE = 1000
# The path of a page of this site, as the chat sends it (`location.pathname`).
PAGE = re.compile(r"/[a-z]+/[a-z0-9/-]{0,200}")
# Embeddings, overrides and isolates: they make stored text display as something it is not.
BIDI_CONTROLS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


class BadRequest(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def clean_text(text: str) -> str:
    """Line breaks and tabs become spaces; other control characters, lone surrogates (which
    cannot be stored as UTF-8) and bidirectional controls are dropped."""
    kept = []
    for char in text:
        if char in "\t\n\r":
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cs") and ord(char) not in BIDI_CONTROLS:
            kept.append(char)
    return "".join(kept).strip()


def parse(body: bytes, languages: Collection[str]) -> Tuple[str, str, Dict[str, str]]:
    """The sender, the cleaned message and the metadata to keep (a language of `languages`), or
    BadRequest."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest(400, "the body is not valid JSON")
    if not isinstance(payload, dict):
        raise BadRequest(400, "the body must be a JSON object")
    sender = payload.get("sender")
    if not isinstance(sender, str) or not SENDER.fullmatch(sender):
        raise BadRequest(400, "sender must be 1 to 128 letters, digits or -_.:@")
    message = payload.get("message")
    if not isinstance(message, str):
        raise BadRequest(400, "message must be a string")
    if len(message) > MAX_MESSAGE:
        raise BadRequest(413, f"message is longer than {MAX_MESSAGE} characters")
    message = clean_text(message)
    if not message:
        raise BadRequest(400, "message is empty")
    metadata = payload.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise BadRequest(400, "metadata must be a JSON object")
    metadata = metadata or {}
    kept = {}
    # Only a known language code and a page path of this site are kept; anything else ([], {}, 3,
    # a long string, another host's address) is dropped.
    language = metadata.get("language")
    if isinstance(language, str) and language in languages:
        kept["language"] = language
    page = metadata.get("page")
    if isinstance(page, str) and PAGE.fullmatch(page) and page.split("/")[1] in languages:
        kept["page"] = page
    return sender, message, kept


class GuardedRestInput(InputChannel):
    """Configured in credentials.yml as `serving.channel.GuardedRestInput` with
    `unavailable_replies`, a JSON file {language: text}, and `default_language` (both rendered by
    the compiler from content/: preventiewijzer.deploy). The site's languages
    are the keys of the replies."""

    def __init__(self, unavailable_replies: Dict[str, str], default_language: str):
        if default_language not in unavailable_replies:
            raise ValueError(f"unavailable_replies needs a text for the default language '{default_language}'")
        self.unavailable_replies = unavailable_replies
        self.default_language = default_language

    @classmethod
    def name(cls) -> Text:
        return "rest"  # the path stays /webhooks/rest/webhook, where the chat posts

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "GuardedRestInput":
        credentials = credentials or {}
        path, default = credentials.get("unavailable_replies"), credentials.get("default_language")
        if not path or not default:
            raise ValueError("GuardedRestInput needs `unavailable_replies` (a JSON file) and "
                             "`default_language` in credentials.yml")
        return cls(json.loads(Path(path).read_text(encoding="utf-8")), default)

    def unavailable(self, sender: str, language: Optional[str]) -> HTTPResponse:
        text = self.unavailable_replies.get(language or self.default_language) or self.unavailable_replies[self.default_language]
        return response.json([{"recipient_id": sender, "text": text}], status=503, headers={"Retry-After": "5"})

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("guarded_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse(request.body, self.unavailable_replies)
            except BadRequest as bad:
                return response.json({"error": bad.reason}, status=bad.status)
            collector = CollectingOutputChannel()
            noted: List[Exception] = []
            token = failures.set(noted)
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=self.name(),
                                                 metadata=metadata or None))
            except Exception:  # the lock store (Redis) or anything else; never the reader's text in the log
                logger.exception("Could not handle a message; answered 'temporarily unavailable'.")
                return self.unavailable(sender, metadata.get("language"))
            finally:
                failures.reset(token)
            if noted:
                logger.error("The tracker store failed (%s); answered 'temporarily unavailable'.", noted[0])
                return self.unavailable(sender, metadata.get("language"))
            return response.json(collector.messages)

        return webhook
