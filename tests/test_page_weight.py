"""A content page with the chat loaded, opened and answering weighs at most 200 KB compressed, for
a reader on a phone with a slow or expensive connection. Measured in real Chromium: every response
the page and its search worker load, compressed as nginx sends it."""
from __future__ import annotations

import pytest

from conftest import ask, last_bot_message
from harness.pageweight import TransferRecorder, total_compressed

LIMIT = 200 * 1024


@pytest.mark.parametrize("path", ["/nl/senioren/babbeltrucs/", "/ber/ondernemers/overvalfolder/", "/en/kit/"])
def test_a_page_with_the_chat_in_use_weighs_at_most_200_kb(site, browser, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    recorder = TransferRecorder(page)
    page.goto(site + path, wait_until="networkidle")
    page.click(".pw-chat__toggle")
    ask(page, "what is a doorstep trick?")
    last_bot_message(page, 2)
    page.wait_for_load_state("networkidle")
    transfers = recorder.collect()
    context.close()

    loaded = {t.url.rsplit("/", 1)[-1] for t in transfers}
    # Everything a reader's phone fetches was counted: page, styles, scripts, search index, chat.
    assert {"chat.js", "chat.css", "search_index.json", "webhook"} <= loaded, loaded
    total = total_compressed(transfers)
    heaviest = sorted(transfers, key=lambda t: t.compressed, reverse=True)[:5]
    assert total <= LIMIT, f"{total / 1024:.0f} KB: " + ", ".join(f"{t.url} {t.compressed / 1024:.0f} KB" for t in heaviest)
