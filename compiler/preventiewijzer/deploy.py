"""Deployment configuration from the templates in deploy/templates/: nginx, Redis, Rasa's endpoints
and credentials, security.txt, and the replies nginx writes itself.

The templates take what the content decides (languages, the unavailable replies with the help
numbers) and what every installation shares (the Rasa server's command and environment, the
security headers) from here, and what the machine decides (ports, passwords, directories) from
the caller: the local production stack (tests/harness/stack.py) or a deployment target
(deploy_targets.py: a Debian host, containers, Kubernetes).
"""
from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
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


# Every `rasa run` of the chat, wherever it runs: the local stack and each deployment target.
RASA_ENVIRONMENT = {
    "RASA_TELEMETRY_ENABLED": "false",
    "SANIC_REQUEST_MAX_SIZE": "65536",  # Rasa itself also refuses large bodies, not only nginx
    "TICKET_LOCK_LIFETIME": "10",  # s; a conversation whose instance died is free again after this
    "SQL_POOL_SIZE": "2", "SQL_MAX_OVERFLOW": "2",  # one event loop: a few connections are plenty
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
}


def rasa_arguments(*, model: str, port: int | str, interface: str, endpoints: str, credentials: str,
                   cors: str | None) -> list[str]:
    """`rasa run`'s arguments after the executable. No --enable-api: Rasa's HTTP API (trackers,
    model, events) does not exist on these servers; only the channels of `credentials` do."""
    arguments = ["run", "--model", str(model), "--port", str(port), "--interface", interface,
                 "--endpoints", str(endpoints), "--credentials", str(credentials)]
    return arguments + (["--cors", cors] if cors else [])


@dataclass(frozen=True)
class FromEnvironment:
    """A value the server reads from its environment (Rasa expands `${NAME}` in endpoints.yml):
    passwords everywhere but the local stack, and on Kubernetes where PostgreSQL and Redis are."""
    name: str


def yaml_value(value: "str | int | FromEnvironment") -> str:
    """A setting in a YAML template: `${NAME}` unquoted (Rasa expands only plain scalars), any
    other value as JSON (a password of digits stays a string, a port stays a number)."""
    if isinstance(value, FromEnvironment):
        return "${%s}" % value.name
    return json.dumps(value)


class Templates:
    """The deployment templates of one directory, rendered strictly (a missing value is an error)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(directory), undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
        self.environment.filters["yaml_value"] = yaml_value

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


def security_txt_values(site_url: str, contact: str | None = None) -> dict[str, str]:
    expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=180)
    return {
        # Set PW_SECURITY_CONTACT (or the deployment settings' security_contact) to a real address
        # before publishing (RFC 9116 needs one).
        "contact": contact or os.environ.get("PW_SECURITY_CONTACT", "mailto:security@preventiewijzer.invalid"),
        "expires": expires.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "site_url": site_url,
    }


def nginx_site_values(tree: ContentTree, *, chat_rate: str = "10r/s", chat_burst: int = 20,
                      max_body: str = "16k") -> dict:
    """What every rendering of nginx-site.conf.j2 shares: the languages, the security headers and
    the chat's limits. The caller adds where things are (listen, servers, directories, TLS)."""
    return {"csp": CONTENT_SECURITY_POLICY, "permissions_policy": PERMISSIONS_POLICY,
            "chat_rate": chat_rate, "chat_burst": chat_burst, "max_body": max_body,
            "redirect_listen": [], "https_port": 443, "acme_root": None, "tls": None, "real_ip_from": [],
            **language_values(tree)}
