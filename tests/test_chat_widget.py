"""The chat on the site, end to end: real Chromium, the built site, the real bot behind the site
server of `make run`. A reader asks in their language and gets an answer with a working link;
an XSS attempt stays text; with the bot gone the widget shows the numbers, and it recovers."""
from __future__ import annotations

import pytest

from conftest import ask, free_port, last_bot_message
from harness.serve import SiteHandler


@pytest.mark.parametrize("lang, question, topic_path", [
    ("nl", "Iemand belt aan en zegt dat hij van het waterbedrijf is, wat moet ik doen?", "/nl/senioren/babbeltrucs/"),
    ("en", "I was badly hurt in an assault, can the government pay me compensation?", "/en/hulp/schadefonds/"),
    ("ber", "mani ɣa afeɣ uṭṭunen n tilifun marra", "/ber/hulp/contact/"),
])
def test_a_reader_gets_an_answer_with_a_working_link_in_their_language(site, page, lang, question, topic_path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site}/{lang}/")
    page.click(".pw-chat__toggle")
    assert page.evaluate("document.activeElement.id") == "pw-chat-input"  # focus moves into the chat
    ask(page, question)
    # The answer (a question that tells of violence gets "happening now? call 112" before it).
    # The link goes to the topic's page, to the section that answers when one does.
    link = page.locator(f'.pw-chat__message--bot a[href^="{topic_path}"]')
    link.wait_for(timeout=30000)
    assert link.count() == 1
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"{site}{href}")
    assert page.locator("h1").count() == 1
    anchor = href.partition("#")[2]
    assert not anchor or page.locator(f"h2[id='{anchor}']").count() == 1
    assert all(url.startswith(site) for url in requests), [u for u in requests if not u.startswith(site)]
    assert page.context.cookies() == []


def test_markup_in_a_message_stays_text(site, page):
    page.goto(f"{site}/nl/")
    page.click(".pw-chat__toggle")
    attack = '<img src=x onerror="window.hacked=1"><script>window.hacked=1</script>'
    ask(page, attack)
    last_bot_message(page, 2)
    assert page.locator(".pw-chat__message--user").last.inner_text().endswith(attack)
    assert page.locator(".pw-chat__log img, .pw-chat__log script").count() == 0
    assert page.evaluate("window.hacked") is None


def test_without_the_bot_the_widget_shows_the_numbers_and_recovers(site, page, bot):
    page.goto(f"{site}/nl/")
    page.click(".pw-chat__toggle")
    SiteHandler.bot_url = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    try:
        ask(page, "hallo")
        unavailable = last_bot_message(page, 2)
        assert "0900-0101" in unavailable.inner_text()
        shown = unavailable.evaluate(  # the message after its hidden "Preventiewijzer:" label, <br> as new line
            "m => Array.from(m.childNodes).slice(1).map(n => n.nodeName === 'BR' ? '\\n' : n.textContent).join('')")
        assert "112" in shown.splitlines()[0]  # 112 first (after the hidden "Preventiewijzer:"), as in every answer
        assert unavailable.locator('a[href="tel:112"]').count() == 1
    finally:
        SiteHandler.bot_url = bot.url
    ask(page, "Iemand belt aan en zegt dat hij van het waterbedrijf is, wat moet ik doen?")
    answer = last_bot_message(page, 3)
    assert answer.locator('a[href^="/nl/senioren/babbeltrucs/"]').count() == 1


def test_the_chat_works_by_keyboard_alone(site, page):
    page.goto(f"{site}/en/")
    page.focus(".pw-chat__toggle")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "pw-chat-input"
    assert page.locator(".pw-chat__emergency").inner_text().endswith("112")
    page.keyboard.press("Escape")
    assert page.locator("#pw-chat-panel").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('pw-chat__toggle')")


def test_the_chat_fits_a_small_phone(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site}/nl/")
    page.click(".pw-chat__toggle")
    box = page.locator("#pw-chat-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    # A long answer on a small screen is shown from its first line, not scrolled to its end.
    ask(page, "er staat een monteur aan de deur, is die echt?")
    answer = last_bot_message(page, 2).bounding_box()
    log = page.locator(".pw-chat__log").bounding_box()
    assert answer["height"] > log["height"]
    assert log["y"] <= answer["y"] <= log["y"] + 20
    context.close()
