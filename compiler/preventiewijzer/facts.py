"""Shared facts (phone numbers, addresses) and the placeholders that insert them.

Pages write `{{ phone.slachtofferhulp }}`; a page gets a tel: link, a bot answer gets the plain
number. `{{ name.x }}` is an organisation's name that holds a number. The bot's own texts also
link pages by topic, `{{ page.contact }}`, so no address is typed twice. Unknown placeholders are
errors, never silently empty.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import jinja2
import yaml

Mode = Literal["page", "plain"]


def load_facts(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def placeholder_values(facts: dict, mode: Mode, pages: dict[str, str] | None = None) -> dict[str, dict[str, str]]:
    """The values that `{{ group.key }}` placeholders render to, in Markdown or plain text."""
    if mode == "page":
        phone = {k: f"[{v['number']}](tel:{v['tel']})" for k, v in facts["phone"].items()}
        web = {k: f"[{v['label']}]({v['url']})" for k, v in facts["web"].items()}
        email = {k: f"[{v['address']}](mailto:{v['address']})" for k, v in facts["email"].items()}
    else:
        phone = {k: v["number"] for k, v in facts["phone"].items()}
        web = {k: v["label"] for k, v in facts["web"].items()}
        email = {k: v["address"] for k, v in facts["email"].items()}
    # Names that hold a number ("113 Zelfmoordpreventie") are facts too, the same in both modes.
    values = {"phone": phone, "web": web, "email": email, "name": dict(facts.get("name", {}))}
    if pages is not None:
        values["page"] = pages
    return values


# Jinja's comment marker `{#` is how Markdown writes a heading's anchor (`## Titel {#titel}`):
# pages have no Jinja comments, so the comment markers are set to something no page writes.
_environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True,
                                  comment_start_string="<!--jinja-comment", comment_end_string="jinja-comment-->")


def render(text: str, facts: dict, mode: Mode, pages: dict[str, str] | None = None) -> str:
    """Replace fact placeholders (and, given `pages`, page links); raises jinja2.TemplateError for
    unknown ones or bad syntax."""
    if "{" not in text:
        return text
    return _environment.from_string(text).render(placeholder_values(facts, mode, pages))
