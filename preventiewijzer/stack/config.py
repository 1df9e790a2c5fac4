"""The stack's configuration files, rendered from the templates in prod/ into the stack's
directory: nginx, Redis, Rasa's endpoints and credentials, security.txt, and the replies nginx
writes itself. Secrets are made here once and kept (mode 0600) next to the configuration."""
from __future__ import annotations

import datetime
import json
import os
import secrets
from pathlib import Path

import jinja2

from ..facts import load_facts
from ..i18n import gettext_for
from ..model import load_settings

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "prod"
CONTENT = REPO / "content"

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

_templates = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), undefined=jinja2.StrictUndefined,
                                keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def render(template: str, target: Path, private: bool = False, **values) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    text = _templates.get_template(template).render(**values)
    if private:  # holds a password: only our own user may read it
        target.touch(mode=0o600, exist_ok=True)
        target.chmod(0o600)
    target.write_text(text, encoding="utf-8")
    return target


def load_secrets(path: Path) -> dict[str, str]:
    """The passwords of PostgreSQL and Redis: made on the first start, then kept."""
    if path.exists():
        return json.loads(path.read_text())
    values = {name: secrets.token_hex(24) for name in ("postgres_admin", "postgres_app", "redis")}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps(values))
    return values


def unavailable_replies(content: Path = CONTENT) -> dict[str, str]:
    """The chat's own "not working right now" text with the help numbers, per language: the same
    words and numbers the chat widget shows when it cannot reach the bot (site/locales, content/site.yml).
    Its first line is 112, like every answer of the bot."""
    settings = load_settings(content / "site.yml")
    phones = load_facts(content / "facts.yml")["phone"]
    emergency = phones["emergency"]["number"]
    replies = {}
    for lang in settings.language_codes:
        _ = gettext_for(settings, lang)
        replies[lang] = "\n".join([f"{_('Emergency: call')} {emergency}.",
                                    _("The chat is not working right now. Try again in a moment, or call:")] + [
            f"{labels[lang]}: {phones[key]['number']}" for key, labels in settings.folder_numbers.items()
            if phones[key]["number"] != emergency
        ])
    return replies


def write_error_replies(directory: Path) -> Path:
    """JSON bodies for the replies nginx writes itself; returns the file of unavailable texts."""
    directory.mkdir(parents=True, exist_ok=True)
    replies = unavailable_replies()
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
