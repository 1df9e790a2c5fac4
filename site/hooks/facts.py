"""MkDocs hook: insert shared facts (phone numbers, addresses) into every page as links."""
from __future__ import annotations

from pathlib import Path

from preventiewijzer.facts import load_facts, render

_facts: dict = {}


def on_config(config):
    # docs_dir is content/<lang>; the facts file sits next to the language directories.
    _facts.clear()
    _facts.update(load_facts(Path(config["docs_dir"]).parent / "facts.yml"))
    return config


def on_page_markdown(markdown, page, config, files):
    return render(markdown, _facts, "page")
