"""The content model: every page of content/<lang>/ as one object, plus the site settings."""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError
from .facts import load_facts

HOME = "index"


@dataclass(frozen=True)
class Language:
    code: str  # directory and URL prefix: nl, en, ber
    name: str  # shown in the language switcher
    html_lang: str  # BCP 47 tag for <html lang>: nl, en, rif (Tarifit)
    stemmer: str | None = None  # the Snowball stemmer the bot's search uses; None: words as written


@dataclass(frozen=True)
class SiteSettings:
    languages: list[Language]
    default_language: str
    sections: dict[str, dict[str, str]]  # section dir -> {lang: navigation title}
    folders: list[str]  # pages (path inside a language directory) that also become printable PDFs
    folder_numbers: dict[str, dict[str, str]]  # phone fact key -> {lang: label} printed on folders
    footer_pages: list[str] = field(default_factory=list)  # linked from every page's footer
    privacy_page: str | None = None  # linked from the chat: what happens with what people type
    week_van_de_veiligheid_page: str | None = None  # announced on the home page in its season

    @property
    def language_codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)


@dataclass(frozen=True)
class Page:
    file: Path  # absolute path
    repo_path: str  # path relative to the repository root, for messages
    lang: str
    section: str | None  # None for the home page
    topic: str  # file stem; "index" for the home page
    meta: dict = field(hash=False)
    body: str = field(hash=False)
    body_line: int = 1  # line number in the file where the body starts

    @property
    def is_home(self) -> bool:
        return self.section is None and self.topic == HOME

    @property
    def relative_path(self) -> str:
        """Path inside the language directory; the same in every language for the same topic."""
        return f"{self.section}/{self.topic}.md" if self.section else f"{self.topic}.md"

    @property
    def url_path(self) -> str:
        """Site path of the built page, with a trailing slash (mkdocs directory URLs)."""
        if self.is_home:
            return f"/{self.lang}/"
        inner = f"{self.section}/{self.topic}" if self.section else self.topic
        return f"/{self.lang}/{inner}/"


@dataclass
class ContentTree:
    root: Path  # the content/ directory
    settings: SiteSettings
    facts: dict
    pages: list[Page]
    errors: list[ContentError]  # problems found while loading (bad YAML, unreadable files)
    files: set[tuple[str, str]]  # (lang, relative path) of every page file, loadable or not

    def topics(self, lang: str) -> list[Page]:
        """Bot topics of one language: every page but the home page, in a stable order."""
        return sorted((p for p in self.pages if p.lang == lang and not p.is_home), key=lambda p: p.relative_path)

    @property
    def locales_dir(self) -> Path:
        """The gettext catalogues of the interface texts (site, folders, chat, bot)."""
        return self.root / "locales"

    @property
    def bot_texts_file(self) -> Path:
        """The bot's own answers (greeting, 112, fallbacks), one text per language."""
        return self.root / "bot.yml"

    def page_paths(self, lang: str) -> dict[str, str]:
        """topic id -> site path of its page in this language, for `{{ page.<topic> }}` links.
        From the files, so a page with a broken front matter is one error, not one per link."""
        paths = {}
        for file_lang, relative_path in self.files:
            inner = relative_path.removesuffix(".md")
            if file_lang == lang and inner != HOME:
                paths[inner.rsplit("/", 1)[-1]] = f"/{lang}/{inner}/"
        return paths

    def page(self, lang: str, relative_path: str) -> Page | None:
        return self._pages_by_path.get((lang, relative_path))

    @functools.cached_property
    def _pages_by_path(self) -> dict[tuple[str, str], Page]:
        # The tree is built once and then only read; generators look pages up many times.
        return {(page.lang, page.relative_path): page for page in self.pages}


def load_settings(path: Path) -> SiteSettings:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return SiteSettings(
        languages=[Language(**entry) for entry in data["languages"]],
        default_language=data["default_language"],
        sections=data["sections"],
        folders=data.get("folders", []),
        folder_numbers=data.get("folder_numbers", {}),
        footer_pages=data.get("footer_pages", []),
        privacy_page=data.get("privacy_page"),
        week_van_de_veiligheid_page=data.get("week_van_de_veiligheid_page"),
    )


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Return (front matter, body, body start line) or None when the file has no front matter."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end == -1:
        return None
    after = text.find("\n", end + 4)
    body = "" if after == -1 else text[after + 1:]
    front = text[4:end + 1]
    return front, body, front.count("\n") + 3


def load_page(file: Path, root: Path, lang: str) -> tuple[Page | None, ContentError | None]:
    repo_path = _repo_relative(file, root)
    inner = file.relative_to(root / lang)
    # A nested directory yields a section like "a/b", which validation reports as unknown.
    section = "/".join(inner.parts[:-1]) or None
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, ContentError(repo_path, "file", f"not UTF-8 text ({error.reason})")
    parts = split_front_matter(text)
    if parts is None:
        return None, ContentError(repo_path, "front matter", "missing: the file must start with a '---' block")
    front, body, body_line = parts
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError as error:
        where = ""
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            where = f" at line {mark.line + 2}"  # +1 for 0-based, +1 for the opening '---'
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return None, ContentError(repo_path, "front matter", f"invalid YAML{where}: {problem}")
    if not isinstance(meta, dict):
        return None, ContentError(repo_path, "front matter", "must be a YAML mapping of fields")
    page = Page(file=file, repo_path=repo_path, lang=lang, section=section, topic=file.stem,
                meta=meta, body=body, body_line=body_line)
    return page, None


def load_tree(root: Path) -> ContentTree:
    """Load every page below root/<lang>/; problems are collected, not raised."""
    settings = load_settings(root / "site.yml")
    facts = load_facts(root / "facts.yml")
    pages: list[Page] = []
    errors: list[ContentError] = []
    files: set[tuple[str, str]] = set()
    for lang in settings.language_codes:
        for file in sorted((root / lang).rglob("*.md")):
            files.add((lang, file.relative_to(root / lang).as_posix()))
            page, error = load_page(file, root, lang)
            if page is not None:
                pages.append(page)
            if error is not None:
                errors.append(error)
    return ContentTree(root=root, settings=settings, facts=facts, pages=pages, errors=errors, files=files)


def _repo_relative(file: Path, root: Path) -> str:
    return str(file.relative_to(root.parent))
