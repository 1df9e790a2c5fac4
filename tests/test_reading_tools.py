"""Reading tools for seniors, in real Chromium: larger text that stays on for the next page, and
"read aloud" that appears only when the browser has a voice for the page's language.

Chromium in CI has no speech voices, so the read-aloud tests give the page a recording
speechSynthesis with the voices a reader's browser would have; the page's own script decides
whether to show the button, what to read and in which voice.
"""
from __future__ import annotations

import pytest

TOPIC = "/nl/senioren/babbeltrucs/"

# A stand-in for the browser's speech engine: the voices it offers and what it was asked to say.
FAKE_SPEECH = """
(voiceLanguages => {
  const spoken = [];
  const voices = voiceLanguages.map(lang => ({lang, name: "Voice " + lang, default: false, localService: true}));
  window.__spoken = spoken;
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, "speechSynthesis", {value: {
    getVoices: () => voices,
    speak: utterance => { spoken.push({text: utterance.text, lang: utterance.lang}); utterance.onstart && utterance.onstart(); },
    cancel: () => { window.__cancelled = (window.__cancelled || 0) + 1; },
    addEventListener: () => {},
  }});
})(%s)
"""


def body_text_size(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")


def test_larger_text_enlarges_the_page_and_stays_on(site, page):
    page.goto(site + TOPIC)
    normal = body_text_size(page)
    toggle = page.get_by_role("button", name="Grotere letters")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert body_text_size(page) >= normal * 1.2
    page.goto(site + "/nl/ondernemers/overval-voorkomen/")  # the next page remembers the choice
    assert body_text_size(page) >= normal * 1.2
    page.get_by_role("button", name="Grotere letters").click()
    assert body_text_size(page) == pytest.approx(normal)
    assert page.context.cookies() == []


def test_larger_text_fits_a_small_phone(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site + TOPIC)
    page.get_by_role("button", name="Grotere letters").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()


def test_without_a_voice_for_the_language_there_is_no_read_aloud_button(site, browser):
    context = browser.new_context()
    context.add_init_script(FAKE_SPEECH % '["en-GB"]')  # only an English voice
    page = context.new_page()
    page.goto(site + TOPIC)
    assert page.locator(".pw-large-text-toggle").is_visible()
    assert page.locator(".pw-read-aloud").is_hidden()
    page.goto(site + "/en/senioren/babbeltrucs/")
    assert page.get_by_role("button", name="Read aloud").is_visible()
    context.close()


def test_read_aloud_reads_the_page_in_its_language_and_stops(site, browser):
    context = browser.new_context()
    context.add_init_script(FAKE_SPEECH % '["en-US", "nl-NL"]')
    page = context.new_page()
    page.goto(site + TOPIC)
    title = page.locator("article h1").inner_text()
    button = page.get_by_role("button", name="Voorlezen")
    button.click()
    spoken = page.evaluate("window.__spoken")
    assert spoken[0] == {"text": title, "lang": "nl-NL"}
    assert len(spoken) > 5  # the whole page, block by block
    assert all(s["lang"] == "nl-NL" for s in spoken)
    assert not any("Stel een vraag" in s["text"] for s in spoken)  # the page, not the chat
    page.get_by_role("button", name="Stop met voorlezen").click()
    assert page.evaluate("window.__cancelled") >= 2
    assert page.get_by_role("button", name="Voorlezen").is_visible()
    context.close()
