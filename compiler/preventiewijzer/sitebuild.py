"""Build the static site: one mkdocs-material build per language, swapped in only when all succeed.

Material's own multi-language pattern: each language is a separate build under /<lang>/ with its
own theme language and search index, linked by `extra.alternate`. The base settings live in
mkdocs.yml; this module adds only what differs per language.
"""
from __future__ import annotations

import html
import os
import shutil
from pathlib import Path

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .folders import folder_file_name, folder_pages, render_folders
from .helpnumbers import help_numbers, unavailable_text
from .i18n import gettext_for
from . import season
from .layout import Layout
from .model import ContentTree, Language
from .urls import site_url


class SiteBuildFailed(Exception):
    """mkdocs rejected one language's build; the previous site was left in place."""


def navigation(tree: ContentTree, lang: str) -> list:
    """Home first, then each known section with its pages, titled in this language."""
    nav: list = ["index.md"]
    for section, titles in tree.settings.sections.items():
        pages = [p.relative_path for p in tree.topics(lang) if p.section == section]
        if pages:
            nav.append({titles[lang]: pages})
    # The officer kit is generated at build time (site/hooks/print_kit.py).
    _ = gettext_for(tree, lang)
    nav.append({_("Kit for community officers"): "kit.md"})
    return nav


def language_overrides(tree: ContentTree, language: Language, mkdocs_config: Path, site_dir: Path) -> dict:
    base_config = yaml.safe_load(mkdocs_config.read_text(encoding="utf-8"))
    theme = dict(base_config["theme"], language=language.html_lang)
    alternate = [
        # Relative to this language's root, so the site works under any path prefix.
        {"name": other.name, "link": f"../{other.code}/", "lang": other.html_lang}
        for other in tree.settings.languages
    ]
    source = tree.settings.language(tree.settings.default_language)
    extra = dict(base_config.get("extra") or {})
    extra.update(
        alternate=alternate,
        pw={
            "lang": language.code,
            "locale": language.html_lang,  # of its gettext catalogue (site/hooks/i18n.py)
            "locales_dir": str(tree.locales_dir),
            # Drafts also carry their notice in the source language, for the readers who check.
            "source_lang": source.html_lang,
            # page URL (as mkdocs writes it) -> PDF file next to it, for the download link
            "folders": {
                page.relative_path.removesuffix(".md") + "/": folder_file_name(page)
                for page in folder_pages(tree) if page.lang == language.code
            },
            "folder_numbers": help_numbers(tree, language.code),
            # privacy, accessibility and about: on every page (partials/copyright.html) and the chat
            "footer": [page_link(tree, language.code, path) for path in tree.settings.footer_pages],
            "privacy": page_link(tree, language.code, tree.settings.privacy_page) if tree.settings.privacy_page else None,
            # on the home page from 1 September to the end of week 41 (season.py)
            "season": seasonal_link(tree, language),
            "emergency": tree.facts["phone"]["emergency"],
            # The chat posts to the Rasa REST channel on the site's own origin (make run, nginx).
            "chat": {
                "endpoint": os.environ.get("PW_CHAT_ENDPOINT", "/webhooks/rest/webhook"),
                "language": language.code,
                # shown when the bot cannot be reached: the same text nginx and Rasa's channel send
                "unavailable": unavailable_text(tree, language.code),
            },
        },
    )
    return {
        "docs_dir": str(tree.root / language.code),
        "site_dir": str(site_dir),
        "site_url": f"{site_url()}{language.code}/",
        "theme": theme,
        "nav": navigation(tree, language.code),
        "extra": extra,
    }


def page_link(tree: ContentTree, lang: str, relative_path: str) -> dict:
    """Title and address (relative to the language's root, as mkdocs' `url` filter wants it)."""
    page = tree.page(lang, relative_path)
    return {"title": page.meta["title"], "path": relative_path.removesuffix(".md") + "/"}


def seasonal_link(tree: ContentTree, language: Language) -> dict | None:
    path = tree.settings.week_van_de_veiligheid_page
    dates = season.announcement(season.build_date(), language.html_lang) if path else None
    return dict(page_link(tree, language.code, path), dates=dates) if dates else None


def build_language(tree: ContentTree, language: Language, mkdocs_config: Path, site_dir: Path) -> None:
    config = load_config(
        config_file=str(mkdocs_config),
        strict=True,
        **language_overrides(tree, language, mkdocs_config, site_dir),
    )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def write_root_index(tree: ContentTree, staging: Path) -> None:
    """The site root sends readers to the default language and lists the others."""
    default = tree.settings.default_language
    links = "\n".join(
        f'    <li><a href="{lang.code}/" hreflang="{lang.html_lang}" lang="{lang.html_lang}">{html.escape(lang.name)}</a></li>'
        for lang in tree.settings.languages
    )
    default_html_lang = tree.settings.language(default).html_lang
    (staging / "index.html").write_text(
        f"""<!doctype html>
<html lang="{default_html_lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <meta http-equiv="refresh" content="0; url={default}/">
  <title>Preventiewijzer</title>
</head>
<body>
  <ul>
{links}
  </ul>
</body>
</html>
""",
        encoding="utf-8",
    )


def build_site(tree: ContentTree, layout: Layout, output: Path) -> None:
    """Build every language into a staging directory, then replace output in one rename.

    The site's theme overrides and hooks are those of `layout.mkdocs_config`, the folders'
    templates `layout.folder_templates`. If any build fails, SiteBuildFailed is raised and the
    previous output stays untouched.
    """
    staging = output.with_name(output.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    for language in tree.settings.languages:
        try:
            build_language(tree, language, layout.mkdocs_config, staging / language.code)
        except MkDocsException as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise SiteBuildFailed(f"mkdocs could not build the '{language.code}' pages: {error.format_message()}") from error
    render_folders(tree, layout.folder_templates, staging)
    write_root_index(tree, staging)
    previous = output.with_name(output.name + ".previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
