"""Who runs the site and what it does with what people type: the privacy statement, the
accessibility statement and the about page exist in every language, every page links them in its
footer, the chat links the privacy statement, and the privacy statement tells the truth about how
long conversations are kept."""
from __future__ import annotations

import datetime
import re

import pytest
import yaml

from preventiewijzer import season
from preventiewijzer.layout import Layout
from preventiewijzer.sitebuild import build_site

from conftest import REPO


def footer_links(html: str) -> list[str]:
    match = re.search(r'<ul class="pw-footer-links">(.*?)</ul>', html, re.S)
    return re.findall(r'href="([^"]+)"', match.group(1)) if match else []


def test_every_page_links_privacy_accessibility_and_about_in_its_language(tree, built_site):
    pages = sorted(built_site.glob("*/**/index.html"))
    assert len(pages) > 60
    for path in pages:
        html = path.read_text(encoding="utf-8")
        lang = path.relative_to(built_site).parts[0]
        targets = {(path.parent / link).resolve() for link in footer_links(html)}
        wanted = {(built_site / lang / page.removesuffix(".md")).resolve() for page in tree.settings.footer_pages}
        assert targets == wanted, path
        for target in targets:
            assert (target / "index.html").is_file(), f"{path} links {target}, which was not built"


def test_the_chat_links_the_privacy_statement(tree, built_site):
    for lang in tree.settings.language_codes:
        html = (built_site / lang / "senioren" / "babbeltrucs" / "index.html").read_text(encoding="utf-8")
        link = re.search(r'class="pw-chat__privacy"><a href="([^"]+)">([^<]+)</a>', html)
        assert link, lang
        assert link.group(2) == tree.page(lang, tree.settings.privacy_page).meta["title"]


def makefile_retention_days() -> int:
    return int(re.search(r"^DAYS \?= (\d+)$", (REPO / "Makefile").read_text(), re.M).group(1))


def deployed_retention_days() -> int:
    """What every deployment target deletes after (deploy/settings.yml)."""
    return yaml.safe_load((REPO / "deploy/settings.yml").read_text())["retention_days"]


def test_the_privacy_statement_says_how_long_conversations_are_kept(tree):
    days = makefile_retention_days()
    assert deployed_retention_days() == days, "make retention and the deployment settings keep a different number of days"
    for lang in tree.settings.language_codes:
        page = tree.page(lang, tree.settings.privacy_page)
        text = page.meta["summary"] + page.body
        numbers = {int(n) for n in re.findall(r"\b(\d+)\s+(?:n\s+)?(?:dagen|days|wussan|ussan)\b", text)}
        assert numbers == {days}, f"{page.repo_path} states {numbers or 'no'} days; the retention keeps {days}"


@pytest.mark.parametrize("day, shown", [
    (datetime.date(2026, 8, 31), False), (datetime.date(2026, 9, 1), True),
    (datetime.date(2026, 10, 11), True), (datetime.date(2026, 10, 12), False), (datetime.date(2027, 1, 5), False),
])
def test_the_week_van_de_veiligheid_is_announced_from_september_to_the_end_of_week_41(day, shown):
    assert (season.announcement(day, "nl") is not None) == shown
    if shown:
        assert season.announcement(day, "nl") == "5–11 oktober"


def test_the_home_page_announces_the_week_only_in_its_season(tree, tmp_path, monkeypatch):
    def home(date: str) -> dict[str, str]:
        monkeypatch.setenv("PW_BUILD_DATE", date)
        output = tmp_path / date
        build_site(tree, Layout.of(REPO), output)
        return {lang: (output / lang / "index.html").read_text(encoding="utf-8") for lang in tree.settings.language_codes}

    in_season = home("2026-09-15")
    for lang, html in in_season.items():
        assert 'class="admonition info pw-season"' in html, lang
        assert tree.page(lang, tree.settings.week_van_de_veiligheid_page).meta["title"] in html
    topic = (tmp_path / "2026-09-15" / "nl" / "senioren" / "babbeltrucs" / "index.html").read_text(encoding="utf-8")
    assert "pw-season" not in topic
    assert all("pw-season" not in html for html in home("2026-10-12").values())
