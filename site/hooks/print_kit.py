"""MkDocs hook: what community officers print.

- Every page gets a QR code to itself (shown in the print view) and, for print, the full address
  of every internal link (`data-print-url`, shown by the print CSS after the link).
- Each language gets an officer kit page (`kit.md`, generated): every topic as a card with its
  title, QR code and address, to print and hand out.
QR codes are inline SVG made at build time (segno): nothing is fetched.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import segno
from markupsafe import Markup
from mkdocs.structure.files import File

from preventiewijzer.i18n import gettext_for
from preventiewijzer.model import load_tree
from preventiewijzer.urls import page_url

KIT = "kit.md"
_RELATIVE_LINK = re.compile(r'<a href="(?![a-z][a-z0-9+.-]*:|#|/)([^"]+)"')


def qr_svg(url: str) -> Markup:
    svg = segno.make(url, error="m").svg_inline(scale=3, border=2, title=url)
    return Markup(svg.replace("<svg ", '<svg role="img" aria-label="QR: ' + url + '" ', 1))


def on_env(env, config, files):
    env.filters["qr_svg"] = qr_svg
    return env


def kit_markdown(docs_dir: Path) -> str:
    tree = load_tree(docs_dir.parent)
    lang = docs_dir.name
    _ = gettext_for(tree, lang)
    # The kit repeats the topic titles: in a draft translation, it is a draft too (and says so).
    draft = any(p.meta.get("translation") == "draft" for p in tree.topics(lang))
    front = f"title: {_('Kit for community officers')}\n" + ("translation: draft\n" if draft else "")
    lines = [f"---\n{front}---\n", _("Print this page and hand out the cards: with the QR code, people open "
                                       "the topic on their own phone, in their own language."), ""]
    for section, titles in tree.settings.sections.items():
        pages = [p for p in tree.topics(lang) if p.section == section]
        if not pages:
            continue
        lines += [f"## {titles[lang]}", "", '<div class="pw-kit">']
        for page in pages:
            url = page_url(lang, page.relative_path)
            lines.append(f'<div class="pw-kit__card"><p class="pw-kit__title">{page.meta["title"]}</p>'
                         f"{qr_svg(url)}<p class=\"pw-kit__url\">{url}</p></div>")
        lines += ["</div>", ""]
    return "\n".join(lines)


def on_files(files, config):
    files.append(File.generated(config, KIT, content=kit_markdown(Path(config["docs_dir"]))))
    return files


def on_page_content(html, page, config, files):
    base = page.canonical_url or ""
    return _RELATIVE_LINK.sub(lambda m: f'<a data-print-url="{urljoin(base, m.group(1))}" href="{m.group(1)}"', html)
