"""Deployment configuration from the templates in deploy/templates/: nginx, Redis, Rasa's endpoints
and credentials, security.txt, and the replies nginx writes itself.

The templates take what the content decides (languages, the unavailable replies with the help
numbers) from here and what the machine decides (ports, passwords, directories) from the caller:
today the local production stack (tests/harness/stack.py), later the deployment itself.
"""
from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

import jinja2

from .helpnumbers import unavailable_text
from .model import ContentTree

# No inline script, nothing from another host. data: images are the icons in Material's CSS.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    "font-src 'self'", "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'",
    "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'",
])
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in [
    "accelerometer", "browsing-topics", "camera", "geolocation", "gyroscope", "magnetometer",
    "microphone", "payment", "usb",
])


class Templates:
    """The deployment templates of one directory, rendered strictly (a missing value is an error)."""

    def __init__(self, directory: Path):
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(directory), undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)

    def render(self, template: str, target: Path, private: bool = False, **values) -> Path:
        target.parent.mkdir(parents=True, exist_ok=True)
        text = self.environment.get_template(template).render(**values)
        if private:  # holds a password: only our own user may read it
            target.touch(mode=0o600, exist_ok=True)
            target.chmod(0o600)
        target.write_text(text, encoding="utf-8")
        return target


def language_values(tree: ContentTree) -> dict:
    """The site's languages as the templates use them: nginx's maps, the channel's default."""
    default = tree.settings.default_language
    return {"default_language": default,
            "other_languages": [code for code in tree.settings.language_codes if code != default]}


def unavailable_replies(tree: ContentTree) -> dict[str, str]:
    """The chat's own "not working right now" text per language, the same the chat widget shows."""
    return {lang: unavailable_text(tree, lang) for lang in tree.settings.language_codes}


def write_error_replies(tree: ContentTree, directory: Path) -> Path:
    """JSON bodies for the replies nginx writes itself; returns the file of unavailable texts."""
    directory.mkdir(parents=True, exist_ok=True)
    replies = unavailable_replies(tree)
    for lang, text in replies.items():
        # The REST channel's format, so a client reads it like any other answer.
        (directory / f"unavailable-{lang}.json").write_text(json.dumps([{"text": text}], ensure_ascii=False))
    (directory / "413.json").write_text(json.dumps({"error": "request too large: a chat message has at most 1000 characters"}))
    (directory / "429.json").write_text(json.dumps({"error": "too many messages, wait a moment"}))
    texts = directory / "unavailable.json"
    texts.write_text(json.dumps(replies, ensure_ascii=False))
    return texts


def security_txt_values(site_url: str) -> dict[str, str]:
    expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=180)
    return {
        # Set PW_SECURITY_CONTACT to a real address before publishing (RFC 9116 needs one).
        "contact": os.environ.get("PW_SECURITY_CONTACT", "mailto:security@preventiewijzer.invalid"),
        "expires": expires.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "site_url": site_url,
    }
