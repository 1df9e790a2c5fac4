"""The built site: a page per topic and language, a switcher to the same topic, the right lang,
a full Tarifit interface, a search index per language and no request to any other host."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

LANGS = {"nl": "nl", "en": "en", "ber": "rif"}


class Page(HTMLParser):
    """The parts of a built HTML page that these tests look at."""

    def __init__(self, text: str):
        super().__init__()
        self.html_lang = None
        self.switcher: dict[str, str] = {}  # hreflang -> href
        self.resources: list[tuple[str, str, str]] = []  # (tag, attribute, url) that the browser loads
        self.text_parts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "a" and "md-select__link" in (attrs.get("class") or ""):
            self.switcher[attrs["hreflang"]] = attrs["href"]
        for attribute in ("src", "srcset", "data-src", "poster"):
            if attrs.get(attribute):
                self.resources.append((tag, attribute, attrs[attribute]))
        if tag == "link" and attrs.get("rel") not in ("alternate", "canonical", "prev", "next"):
            self.resources.append((tag, "href", attrs.get("href", "")))

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())


def pages_of(site: Path, lang: str) -> list[Path]:
    return sorted(p for p in (site / lang).rglob("index.html") if "search" not in p.parts)


def page_file(site: Path, lang: str, relative_path: str) -> Path:
    inner = relative_path.removesuffix(".md").removesuffix("index")
    return site / lang / inner / "index.html"


@pytest.mark.parametrize("lang", LANGS)
def test_every_topic_has_a_page_with_the_right_lang(built_site, tree, lang):
    for page in [p for p in tree.pages if p.lang == lang]:
        file = page_file(built_site, lang, page.relative_path)
        assert file.is_file(), file
        parsed = Page(file.read_text(encoding="utf-8"))
        assert parsed.html_lang == LANGS[lang]
        assert page.meta["title"] in parsed.text


@pytest.mark.parametrize("lang", LANGS)
def test_switcher_goes_to_the_same_topic_in_every_language(built_site, tree, lang):
    for page in [p for p in tree.pages if p.lang == lang]:
        file = page_file(built_site, lang, page.relative_path)
        switcher = Page(file.read_text(encoding="utf-8")).switcher
        assert set(switcher) == set(LANGS.values())
        for other, html_lang in LANGS.items():
            target = urlsplit(urljoin(file.as_uri(), switcher[html_lang])).path
            assert Path(target) / "index.html" == page_file(built_site, other, page.relative_path)


def test_root_sends_readers_to_dutch(built_site):
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=nl/"' in root


def test_berber_pages_have_a_tarifit_interface_and_a_draft_notice(built_site):
    english_leftovers = ["Skip to content", "Search", "Table of contents", "Back to top", "Select language",
                         "Navigation", "Previous", "Next", "Type to start searching", "Initializing search"]
    for file in pages_of(built_site, "ber"):
        text = file.read_text(encoding="utf-8")
        assert "Ddu ɣer wayen yellan di tasna" in text  # skip link
        assert 'placeholder="Siggel"' in text  # search box
        for english in english_leftovers:
            assert not re.search(rf"[>\"]\s*{re.escape(english)}\s*[<\"]", text), (file, english)
        assert "pw-draft-notice" in text
        assert "Deze Tarifit-vertaling is een concept" in text


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_per_language(built_site, tree, lang):
    index = json.loads((built_site / lang / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["title"] for doc in index["docs"]}
    for page in [p for p in tree.pages if p.lang == lang and not p.is_home]:
        assert page.meta["title"] in titles
    expected_lang = "en" if lang == "ber" else lang  # lunr has no Berber; no stemmer is used
    assert index["config"]["lang"] == [expected_lang]


@pytest.mark.parametrize("lang", LANGS)
def test_pages_show_sources_and_review_date(built_site, tree, lang):
    for page in [p for p in tree.pages if p.lang == lang and not p.is_home]:
        text = page_file(built_site, lang, page.relative_path).read_text(encoding="utf-8")
        assert 'class="pw-sources"' in text
        assert f'datetime="{page.meta["reviewed"]}"' in text


def test_phone_numbers_are_tel_links(built_site, tree):
    text = page_file(built_site, "nl", "hulp/contact.md").read_text(encoding="utf-8")
    for fact in tree.facts["phone"].values():
        assert f'href="tel:{fact["tel"]}"' in text


def is_local(url: str) -> bool:
    return not re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url, re.IGNORECASE) and not url.startswith("http")


def test_no_request_to_any_other_host(built_site):
    # Links to organisations are fine; anything the browser would load must come from this site.
    for file in built_site.rglob("*.html"):
        for tag, attribute, url in Page(file.read_text(encoding="utf-8")).resources:
            assert is_local(url) or url.startswith("data:"), f"{file}: <{tag} {attribute}={url}>"
    for file in list(built_site.rglob("*.css")):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", file.read_text(encoding="utf-8")):
            assert is_local(url) or url.startswith("data:"), f"{file}: url({url})"
        assert "@import url(http" not in file.read_text(encoding="utf-8")
    for file in built_site.rglob("*.js"):
        text = file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, file


class Links(HTMLParser):
    def __init__(self, text: str):
        super().__init__()
        self.hrefs: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def test_every_internal_and_tel_link_resolves(built_site, tree):
    tel_numbers = {fact["tel"] for fact in tree.facts["phone"].values()}
    checked = 0
    for file in built_site.rglob("*.html"):
        for href in Links(file.read_text(encoding="utf-8")).hrefs:
            if href.startswith("tel:"):
                assert href[4:] in tel_numbers, f"{file}: {href} is not a number from facts.yml"
            elif not re.match(r"^[a-z][a-z0-9+.-]*:|^//|^#", href):
                # Root-absolute links (mkdocs writes them on 404 pages) assume the site is served at /.
                base = (built_site / "index.html").as_uri() if href.startswith("/") else file.as_uri()
                target = Path(urlsplit(urljoin(base, href.lstrip("/") if href.startswith("/") else href)).path)
                if href.endswith("/") or target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), f"{file.relative_to(built_site)}: link {href} leads nowhere"
            checked += 1
    assert checked > 100


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_routes_every_audience(built_site, tree, lang):
    home = (built_site / lang / "index.html").read_text(encoding="utf-8")
    hrefs = set(Links(home).hrefs)
    for first_topic in ("ondernemers/overval-voorkomen/", "senioren/babbeltrucs/", "hulp/schadefonds/", "hulp/contact/"):
        assert first_topic in hrefs, f"the {lang} home page has no link to {first_topic}"
