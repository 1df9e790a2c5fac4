"""Public addresses of pages, for QR codes, canonical links and the sitemap."""
from __future__ import annotations

import os
import posixpath

DEFAULT_SITE_URL = "http://localhost:8000/"


def site_url() -> str:
    """Where the site is published: PW_SITE_URL, or the local address of `make run`."""
    url = os.environ.get("PW_SITE_URL", DEFAULT_SITE_URL)
    return url if url.endswith("/") else url + "/"


def page_url(lang: str, relative_path: str) -> str:
    """Absolute URL of a page given its path inside the language directory (e.g. hulp/contact.md)."""
    inner = posixpath.normpath(relative_path).removesuffix(".md")
    inner = "" if inner in ("index", ".") else inner.removesuffix("/index") + "/"
    return f"{site_url()}{lang}/{inner}"
