"""What officers print: a clean print view with link addresses and a QR code to the page, and an
officer kit per language with a card and QR code for every topic. QR codes are read back from a
screenshot of the printed page in Chromium."""
from __future__ import annotations

import io

import pytest
import zxingcpp
from PIL import Image

from preventiewijzer.urls import page_url

LANGS = ["nl", "en", "ber"]


def decode(png: bytes) -> list[str]:
    # zxing wants a quiet zone around the code: give the screenshot a white border.
    image = Image.open(io.BytesIO(png)).convert("L")
    framed = Image.new("L", (image.width + 40, image.height + 40), 255)
    framed.paste(image, (20, 20))
    return [result.text for result in zxingcpp.read_barcodes(framed)]


@pytest.mark.parametrize("lang", LANGS)
def test_print_view_is_clean_with_addresses_and_a_qr_code_to_the_page(site, page, tree, lang):
    topic = tree.page(lang, "senioren/babbeltrucs.md")
    page.goto(f"{site}/{lang}/senioren/babbeltrucs/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".pw-chat"):
        assert page.locator(chrome).first.is_hidden(), f"{chrome} is printed"
    link = page.locator('.md-content a[href$="hulp/contact/"]').first
    shown = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert shown == f'" ({page_url(lang, "hulp/contact.md")})"'
    qr = page.locator(".pw-print-qr svg")
    assert qr.is_visible()
    assert decode(qr.screenshot()) == [page_url(lang, topic.relative_path)]


@pytest.mark.parametrize("lang", LANGS)
def test_officer_kit_has_a_card_with_a_working_qr_code_for_every_topic(site, page, tree, lang):
    page.goto(f"{site}/{lang}/kit/")
    cards = page.locator(".pw-kit__card")
    topics = tree.topics(lang)
    assert cards.count() == len(topics)
    titles = cards.locator(".pw-kit__title").all_inner_texts()
    assert sorted(titles) == sorted(p.meta["title"] for p in topics)
    first = cards.first
    first_topic = next(p for p in topics if p.meta["title"] == titles[0])
    assert decode(first.locator("svg").screenshot()) == [page_url(lang, first_topic.relative_path)]


SMALL_TEXT = """() => {
  const small = [];
  for (const el of document.querySelectorAll('body *')) {
    const visible = el.offsetParent || getComputedStyle(el).position === 'fixed';
    const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (visible && ownText && parseFloat(getComputedStyle(el).fontSize) < 16) small.push(el.className || el.tagName);
  }
  return small;
}"""


@pytest.mark.parametrize("width", [1280, 360])
def test_no_text_is_smaller_than_16_px(site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in ("/nl/", "/ber/senioren/babbeltrucs/", "/en/kit/"):
        page.goto(site + path)
        page.click(".pw-chat__toggle")
        assert page.evaluate(SMALL_TEXT) == [], path
    context.close()
