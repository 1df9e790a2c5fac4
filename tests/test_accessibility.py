"""WCAG 2.1 AA, checked by axe-core in real Chromium on every built page in every language, and on
a page with the chat open and answered. Any violation fails the test with its rule and element."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO, ask, last_bot_message

AXE = Path(os.environ.get("PW_AXE", REPO / ".venv/node/node_modules/axe-core/axe.min.js"))
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed at {AXE} (make test installs it)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("options => axe.run(document, options)", WCAG_AA)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def built_pages(built_site: Path) -> list[str]:
    return sorted("/" + str(p.relative_to(built_site).parent) + "/" for p in built_site.glob("*/**/index.html")
                  if "search" not in p.parts)


@pytest.fixture(scope="module")
def pages(built_site):
    return built_pages(built_site)


def test_every_page_in_every_language_has_no_violations(site, page, pages):
    assert len(pages) >= 69
    found = {}
    for path in pages:
        page.goto(site + path)
        problems = violations(page)
        if problems:
            found[path] = problems
    assert found == {}


def test_the_open_chat_with_an_answer_has_no_violations(site, page):
    page.goto(f"{site}/ber/senioren/babbeltrucs/")
    page.click(".pw-chat__toggle")
    ask(page, "in English please")
    last_bot_message(page, 2)
    assert violations(page) == []


@pytest.mark.parametrize("path", ["/nl/senioren/babbeltrucs/", "/ber/ondernemers/overvalfolder/"])
def test_at_200_percent_zoom_with_larger_text_and_the_chat_open(site, browser, path):
    # 200% zoom of a 1280 x 800 window: the page gets half the CSS pixels.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    page.goto(site + path)
    page.click(".pw-large-text-toggle")
    page.click(".pw-chat__toggle")
    ask(page, "wat is een babbeltruc")
    last_bot_message(page, 2)
    assert violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 640  # nothing to scroll sideways
    context.close()
