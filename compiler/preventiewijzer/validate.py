"""Validation of the content tree: every rule yields errors that name file, field and reason."""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from pathlib import Path

import jinja2
import yaml

from . import facts as facts_module
from .errors import ContentError, ContentInvalid
from .freshness import current_translations, structure_differences
from .structure import headings
from .i18n import catalogue_problems
from .model import ContentTree, Page, load_tree

TOPIC_FIELDS = ("title", "summary", "questions", "sources", "reviewed", "translation")
HOME_FIELDS = ("title", "summary", "reviewed", "translation")
SOURCE_TRANSLATION = "source"
TRANSLATION_STATES = ("reviewed", "draft")

# Markdown inline links and images: [text](target "title"); the target is group 1.
_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # http:, https:, tel:, mailto:


def load_valid_tree(root: Path) -> ContentTree:
    """Load and validate; raises ContentInvalid listing every error."""
    tree = load_tree(root)
    errors = tree.errors + validate(tree)
    if errors:
        raise ContentInvalid(errors)
    return tree


def validate(tree: ContentTree) -> list[ContentError]:
    errors: list[ContentError] = []
    for page in tree.pages:
        errors += check_section(page, tree)
        errors += check_fields(page, tree)
        errors += check_placeholders(page, tree)
        errors += check_internal_links(page, tree)
        errors += check_section_anchors(page)
    errors += check_anchors_match_the_source(tree)
    errors += check_languages_complete(tree)
    errors += check_topic_ids_unique(tree)
    errors += check_folders_exist(tree)
    errors += check_questions_unique(tree)
    errors += check_catalogues(tree)
    errors += check_bot_texts(tree)
    errors += check_reviewed_translations_complete(tree)
    return errors


_ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def check_section_anchors(page: Page) -> list[ContentError]:
    """Every section has an explicit anchor (`## Hoe vraag ik het aan? {#hoe-vraag-ik-het-aan}`):
    the bot links answers to it, in every language with the same id."""
    errors, seen = [], set()
    for line, _level, text, anchor in headings(page.body):
        where = f"heading '{text}' (line {page.body_line + line - 1})"
        if anchor is None:
            errors.append(ContentError(page.repo_path, "body", f"{where} needs an explicit anchor, like {{#{_suggest(text)}}}"))
        elif not _ANCHOR.match(anchor):
            errors.append(ContentError(page.repo_path, "body", f"{where}: anchor '{anchor}' must be lowercase words joined by '-'"))
        elif anchor in seen:
            errors.append(ContentError(page.repo_path, "body", f"{where}: anchor '{anchor}' is used twice"))
        else:
            seen.add(anchor)
    return errors


def _suggest(text: str) -> str:
    return "-".join(re.sub(r"[^\w\s-]", "", text.lower()).split()) or "sectie"


def check_anchors_match_the_source(tree: ContentTree) -> list[ContentError]:
    # Links to a section are built per language with the same id, so the ids must match; a
    # translation that follows an older source is listed as stale instead.
    errors = []
    for translation, source in current_translations(tree):
        mine = [anchor for *_, anchor in headings(translation.body)]
        theirs = [anchor for *_, anchor in headings(source.body)]
        # A missing or extra section is a difference of structure (an error when reviewed, in
        # the freshness report when a draft); the same sections must carry the same ids.
        if len(mine) == len(theirs) and mine != theirs:
            errors.append(ContentError(translation.repo_path, "body",
                                       f"section anchors {mine} differ from those of {source.repo_path}: {theirs}"))
    return errors


def check_reviewed_translations_complete(tree: ContentTree) -> list[ContentError]:
    # A reviewed translation that lost a section, a list item, a link or a number is not
    # reviewed; a draft with such a difference is listed in the freshness report instead.
    return [
        ContentError(translation.repo_path, "body", f"does not follow {source.repo_path}: {difference}")
        for translation, source, differences in structure_differences(tree, "reviewed")
        for difference in differences
    ]


def check_section(page: Page, tree: ContentTree) -> list[ContentError]:
    if page.section is None:
        if page.is_home:
            return []
        return [ContentError(page.repo_path, "file", "pages belong in a section directory; only index.md may sit at the top")]
    if page.section not in tree.settings.sections:
        known = ", ".join(tree.settings.sections)
        return [ContentError(page.repo_path, "section", f"unknown section '{page.section}' (known: {known})")]
    return []


def check_fields(page: Page, tree: ContentTree) -> list[ContentError]:
    errors = []
    required = HOME_FIELDS if page.is_home else TOPIC_FIELDS
    for name in required:
        if name not in page.meta:
            errors.append(ContentError(page.repo_path, name, "missing"))
        elif _is_empty(page.meta[name]):
            errors.append(ContentError(page.repo_path, name, "empty"))
    if errors:
        return errors
    for name in ("title", "summary"):
        if not isinstance(page.meta[name], str):
            errors.append(ContentError(page.repo_path, name, "must be text"))
    if not isinstance(page.meta["reviewed"], datetime.date):
        errors.append(ContentError(page.repo_path, "reviewed", "must be a date like 2026-11-28"))
    errors += _check_translation(page, tree)
    if not page.is_home:
        errors += _check_questions_field(page)
        errors += _check_sources_field(page)
    return errors


def _check_translation(page: Page, tree: ContentTree) -> list[ContentError]:
    state = page.meta["translation"]
    if page.lang == tree.settings.default_language:
        if state != SOURCE_TRANSLATION:
            return [ContentError(page.repo_path, "translation", f"must be '{SOURCE_TRANSLATION}' in the source language")]
    elif state not in TRANSLATION_STATES:
        return [ContentError(page.repo_path, "translation", f"must be one of {', '.join(TRANSLATION_STATES)}, not '{state}'")]
    return []


def _check_questions_field(page: Page) -> list[ContentError]:
    questions = page.meta["questions"]
    if not isinstance(questions, list):
        return [ContentError(page.repo_path, "questions", "must be a list of questions")]
    return [
        ContentError(page.repo_path, "questions", f"item {index} is empty or not text")
        for index, question in enumerate(questions, start=1)
        if not isinstance(question, str) or not question.strip()
    ]


def _check_sources_field(page: Page) -> list[ContentError]:
    sources = page.meta["sources"]
    if not isinstance(sources, list):
        return [ContentError(page.repo_path, "sources", "must be a list of {title, url}")]
    errors = []
    for index, source in enumerate(sources, start=1):
        if not isinstance(source, dict) or not source.get("title") or not source.get("url"):
            errors.append(ContentError(page.repo_path, "sources", f"item {index} needs a title and a url"))
        elif not str(source["url"]).startswith("https://"):
            errors.append(ContentError(page.repo_path, "sources", f"item {index}: url must start with https://"))
    return errors


def check_placeholders(page: Page, tree: ContentTree) -> list[ContentError]:
    errors = []
    texts = {"body": page.body}
    if isinstance(page.meta.get("summary"), str):
        texts["summary"] = page.meta["summary"]
    for name, text in texts.items():
        try:
            facts_module.render(text, tree.facts, "plain")
        except jinja2.TemplateError as error:
            errors.append(ContentError(page.repo_path, name, f"bad fact placeholder: {error.message}"))
    return errors


def check_internal_links(page: Page, tree: ContentTree) -> list[ContentError]:
    errors = []
    lang_root = tree.root / page.lang
    for line_number, line in enumerate(page.body.splitlines(), start=page.body_line):
        for match in _LINK.finditer(line):
            target = match.group(1)
            if _EXTERNAL.match(target) or target.startswith("#") or "{{" in target:
                continue
            path_part = target.split("#", 1)[0]
            resolved = (page.file.parent / path_part).resolve()
            if not resolved.is_relative_to(lang_root.resolve()):
                reason = f"link '{target}' (line {line_number}) leaves the '{page.lang}' pages"
            elif not path_part.endswith(".md"):
                reason = f"link '{target}' (line {line_number}) must point to a .md page"
            elif not resolved.is_file():
                reason = f"link '{target}' (line {line_number}) points to a page that does not exist"
            else:
                continue
            errors.append(ContentError(page.repo_path, "body", reason))
    return errors


def check_languages_complete(tree: ContentTree) -> list[ContentError]:
    languages = tree.settings.language_codes
    present: dict[str, set[str]] = defaultdict(set)
    for lang, relative_path in tree.files:  # files that failed to parse still exist
        present[relative_path].add(lang)
    errors = []
    for relative_path, langs in sorted(present.items()):
        for lang in languages:
            if lang not in langs:
                have = ", ".join(code for code in languages if code in langs)
                repo_path = f"{tree.root.name}/{lang}/{relative_path}"
                errors.append(ContentError(repo_path, "file", f"missing: this topic exists in {have} but not in {lang}"))
    return errors


def check_topic_ids_unique(tree: ContentTree) -> list[ContentError]:
    # The file stem is the topic id (bot intent, page URL end), so it must be unique per language.
    first_by_id: dict[tuple[str, str], Page] = {}
    errors = []
    for page in tree.pages:
        first = first_by_id.setdefault((page.lang, page.topic), page)
        if first is not page:
            errors.append(ContentError(page.repo_path, "file", f"topic id '{page.topic}' is already used by {first.repo_path}"))
    return errors


def check_folders_exist(tree: ContentTree) -> list[ContentError]:
    """The pages content/site.yml names (folders, footer, the chat's privacy link) exist in every language."""
    settings_file = f"{tree.root.name}/site.yml"
    named = [("folders", path) for path in tree.settings.folders]
    named += [("footer_pages", path) for path in tree.settings.footer_pages]
    named += [(setting, getattr(tree.settings, setting)) for setting in ("privacy_page", "week_van_de_veiligheid_page")
              if getattr(tree.settings, setting)]
    return [
        ContentError(settings_file, setting, f"'{relative_path}' is not a page in {lang}")
        for setting, relative_path in named
        for lang in tree.settings.language_codes
        if (lang, relative_path) not in tree.files
    ]


def check_catalogues(tree: ContentTree) -> list[ContentError]:
    # Every site language needs its interface texts; a gap would show English in its pages.
    return [problem for language in tree.settings.languages
            for problem in catalogue_problems(tree.locales_dir, language.html_lang)]


def check_bot_texts(tree: ContentTree) -> list[ContentError]:
    """content/bot.yml: every answer has a text in every language, whose placeholders exist."""
    name = f"{tree.root.name}/{tree.bot_texts_file.name}"
    try:
        texts = yaml.safe_load(tree.bot_texts_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [ContentError(name, "file", "missing: the bot's own answers, one text per language")]
    except yaml.YAMLError as error:
        return [ContentError(name, "file", f"invalid YAML: {getattr(error, 'problem', None) or error}")]
    if not isinstance(texts, dict):
        return [ContentError(name, "file", "must map each response name (utter_...) to its texts")]
    errors = []
    for response, spec in texts.items():
        by_language = spec.get("text") if isinstance(spec, dict) else None
        if not isinstance(by_language, dict):
            errors.append(ContentError(name, response, "needs `text:` with one text per language"))
            continue
        for lang in tree.settings.language_codes:
            text = by_language.get(lang)
            if not isinstance(text, str) or not text.strip():
                errors.append(ContentError(name, f"{response}.text.{lang}", "missing or empty"))
                continue
            try:
                facts_module.render(text, tree.facts, "plain", tree.page_paths(lang))
            except jinja2.TemplateError as error:
                errors.append(ContentError(name, f"{response}.text.{lang}", f"bad placeholder: {error.message}"))
    return errors


def normalize_question(question: str) -> str:
    """Case, punctuation and spacing do not make two questions different."""
    return " ".join(re.sub(r"[^\w\s]", " ", question.casefold()).split())


def check_questions_unique(tree: ContentTree) -> list[ContentError]:
    # The bot cannot learn an example that belongs to two intents, whatever the language.
    seen: dict[str, Page] = {}
    errors = []
    for page in tree.pages:
        questions = page.meta.get("questions")
        if not isinstance(questions, list):
            continue
        for question in questions:
            if not isinstance(question, str):
                continue
            key = normalize_question(question)
            first = seen.setdefault(key, page)
            if first is page:
                continue
            if first.relative_path == page.relative_path:
                if first.lang != page.lang:
                    continue  # the same topic in another language: the same intent, no conflict
                reason = f"'{question}' is listed twice"
            else:
                reason = f"'{question}' is also a question of {first.repo_path}"
            errors.append(ContentError(page.repo_path, "questions", reason))
    return errors


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not (value.strip() if isinstance(value, str) else value))
