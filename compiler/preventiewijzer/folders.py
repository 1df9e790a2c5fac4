"""Printable folders: a content page as an A4 PDF with a QR code to the page online.

Officers hand these out; the QR code brings the reader to the same page in the same language,
where the advice stays current. Rendered with WeasyPrint from the HTML template and CSS in a
templates directory (folders/ in the repository), with fonts from the machine (fontconfig), so
nothing is fetched.
"""
from __future__ import annotations

import base64
import posixpath
import re
from pathlib import Path

import jinja2
import markdown
import segno
from weasyprint import HTML

from . import facts as facts_module
from .helpnumbers import help_numbers
from .i18n import gettext_for, translations_for
from .model import ContentTree, Page
from .urls import page_url

_MD_LINK = re.compile(r"\]\((?!(?:[a-z][a-z0-9+.-]*:|#))([^)#\s]+\.md)(#[^)\s]*)?\)", re.IGNORECASE)


def folder_file_name(page: Page) -> str:
    return f"{page.topic}-{page.lang}.pdf"


def folder_pages(tree: ContentTree) -> list[Page]:
    wanted = set(tree.settings.folders)
    return [page for page in tree.pages if page.relative_path in wanted]


def qr_data_uri(url: str) -> str:
    png = segno.make(url, error="m").png_data_uri(scale=6, border=2)
    assert png.startswith("data:image/png;base64,")
    base64.b64decode(png.split(",", 1)[1], validate=True)  # a broken QR image must fail loudly
    return png


def body_html(page: Page, tree: ContentTree) -> str:
    """The page body as HTML, with facts as tel: links and links to other pages made absolute."""
    text = facts_module.render(page.body, tree.facts, "page")

    def absolute(match: re.Match) -> str:
        target = posixpath.join(posixpath.dirname(page.relative_path), match.group(1))
        return f"]({page_url(page.lang, target)}{match.group(2) or ''})"

    return markdown.markdown(_MD_LINK.sub(absolute, text), extensions=["admonition", "attr_list", "sane_lists"])


def render_folder(page: Page, tree: ContentTree, templates: Path, output_dir: Path) -> Path:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates), autoescape=True, undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(translations_for(tree, page.lang), newstyle=True)
    source = tree.settings.language(tree.settings.default_language)
    environment.globals["in_source_language"] = gettext_for(tree, source.code)
    language = tree.settings.language(page.lang)
    url = page_url(page.lang, page.relative_path)
    html = environment.get_template("folder.html").render(
        page=page, html_lang=language.html_lang, title=page.meta["title"], body=body_html(page, tree),
        url=url, qr=qr_data_uri(url), numbers=help_numbers(tree, page.lang), source_lang=source.html_lang,
        draft=page.meta.get("translation") == "draft",
    )
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / folder_file_name(page)
    HTML(string=html, base_url=str(templates)).write_pdf(target)
    return target


def render_folders(tree: ContentTree, templates: Path, site_dir: Path) -> list[Path]:
    """Render every folder page into the built site, next to its page (lang/section/topic/)."""
    return [
        render_folder(page, tree, templates, site_dir / page.lang / page.relative_path.removesuffix(".md"))
        for page in folder_pages(tree)
    ]
