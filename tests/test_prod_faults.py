"""Faults in the production stack, under real servers: an instance killed in the middle of the
load, every instance restarted, Redis or PostgreSQL stopped. No conversation loses its history,
and the reader always gets an answer, or the help numbers and an answer on the next try."""
from __future__ import annotations

import json
import threading
import time

import pytest

from preventiewijzer.facts import load_facts
from harness.client import ChatClient
from harness.faults import kill_instance, stored_user_messages
from harness.load import Conversation, run_conversations
from harness.stack import LOCK_LIFETIME

from conftest import REPO

MESSAGES = {
    "nl": ["hallo", "Hoe voorkom ik een overval in mijn winkel?", "wat is een babbeltruc",
           "Iemand belt aan en zegt dat hij van het waterbedrijf is, wat moet ik doen?",
           "welk nummer heeft slachtofferhulp eigenlijk", "bedankt"],
    "en": ["hello", "tips to stop robbers targeting my little shop", "what is a distraction burglary",
           "A man rang my bell saying he had to check the water pipes, should I let him in?",
           "what number do i ring for the police when it is not urgent", "thanks"],
}
HELP_NUMBERS = ("emergency", "police", "slachtofferhulp")


def deduplicated(texts: list[str]) -> list[str]:
    """A message that was sent again (its instance died after storing it) counts once."""
    return [text for i, text in enumerate(texts) if i == 0 or text != texts[i - 1]]


def test_killing_an_instance_mid_load_loses_no_conversation(stack_up):
    conversations = [Conversation(f"kill-{i}", lang, MESSAGES[lang]) for i, lang in enumerate(["nl", "en"] * 6)]
    total = sum(len(c.messages) for c in conversations)
    done, lock, killed = [0], threading.Lock(), threading.Event()

    def after_each():
        with lock:
            done[0] += 1
            if done[0] == total // 3:
                kill_instance(stack_up, 1)  # SIGKILL, as a crash would
                killed.set()

    result = run_conversations(stack_up.url, conversations, deadline=120, retry=True, after_each=after_each)

    assert killed.is_set() and not stack_up.instances[1].running
    assert not result.failures, ("messages without an answer, even after a retry:\n" + "\n".join(result.failures)
                                 + "\n" + stack_up.log_tails())
    assert result.answered == total and not result.skipped
    for conversation in conversations:
        stored = deduplicated(stored_user_messages(stack_up, conversation.sender))
        assert stored == conversation.messages, f"{conversation.sender}: stored history differs"


def test_a_lock_left_by_a_dead_instance_holds_its_conversation_only_briefly(stack_up):
    # What an instance that died while answering leaves in Redis: a ticket nobody will return.
    ticket = json.dumps({"number": 0, "expires": time.time() + LOCK_LIFETIME})
    stack_up.redis.command("SET", "preventiewijzer:lock:dead-lock",
                           json.dumps({"conversation_id": "dead-lock", "tickets": [ticket]}))
    answer = ChatClient(stack_up.url, source="127.0.30.2").ask("dead-lock", "hallo", "nl")
    assert answer.answered, f"HTTP {answer.status} {answer.error} {answer.body[:300]!r}"
    assert LOCK_LIFETIME - 1 < answer.seconds < LOCK_LIFETIME + 5  # waited for that ticket, not forever


def test_after_restarting_every_instance_a_conversation_continues(stack_up):
    chat = ChatClient(stack_up.url, source="127.0.30.1")
    question = chat.ask("restart-1", "mijn oma is gisteren opgelicht door een nepagent", "nl")
    assert question.answered and "veilig" in question.json()[0]["text"]  # "are you safe now?"

    stack_up.restart_instances()

    # "Yes, I am safe" only makes sense after that question: the answer shows the history was kept.
    answer = chat.ask("restart-1", "/affirm", "nl")
    assert answer.answered, f"HTTP {answer.status} {answer.body[:300]!r}"
    assert "Slachtofferhulp" in answer.json()[0]["text"]
    assert stored_user_messages(stack_up, "restart-1") == ["mijn oma is gisteren opgelicht door een nepagent", "/affirm"]


def assert_unavailable_with_numbers(response, language: str):
    assert response.status == 503, f"HTTP {response.status} {response.error} {response.body[:300]!r}"
    replies = response.json()
    text = replies[0]["text"]
    phones = load_facts(REPO / "content/facts.yml")["phone"]
    for key in HELP_NUMBERS:
        assert phones[key]["number"] in text
    assert phones["emergency"]["number"] in text.splitlines()[0]  # 112 first, as in every answer
    assert ("niet" in text) if language == "nl" else ("not working" in text)


@pytest.mark.parametrize("store", ["redis", "postgres"])
def test_without_a_store_the_bot_says_it_is_unavailable_and_recovers(stack_up, store):
    server = getattr(stack_up, store)
    via_nginx = ChatClient(stack_up.url, source=f"127.0.31.{1 if store == 'redis' else 2}")
    direct = ChatClient(stack_up.instance_urls[0])
    who = f"outage-{store}"
    assert via_nginx.ask(who, "hallo", "nl").answered

    server.stop()
    try:
        assert_unavailable_with_numbers(via_nginx.ask(who, "wat is een babbeltruc", "nl"), "nl")
        assert_unavailable_with_numbers(direct.ask(who, "what is a distraction burglary", "en"), "en")
    finally:
        server.start()
        stack_up.revive()

    # Back: at most one more failed try (a connection that died with the server), then answers.
    answer = via_nginx.ask(who, "wat is een babbeltruc", "nl")
    if not answer.answered:
        answer = via_nginx.ask(who, "wat is een babbeltruc", "nl")
    assert answer.answered, f"no recovery: HTTP {answer.status} {answer.body[:300]!r}"
    assert stored_user_messages(stack_up, who) == ["hallo", "wat is een babbeltruc"]
