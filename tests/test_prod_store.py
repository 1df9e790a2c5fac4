"""What the production stack stores in PostgreSQL: redacted conversations, deleted after the
retention period by the operator's command (bot/serving/retention.py)."""
from __future__ import annotations

import re

from harness.client import ChatClient
from harness.faults import stored_user_events, stored_user_messages

from test_bot_privacy import PERSONAL
from test_bot_rest import response_text

DAY = 24 * 60 * 60


def count(stack, sender: str) -> int:
    return int(stack.postgres.psql(f"select count(*) from events where sender_id = '{sender}'"))


def test_stored_conversations_are_redacted(stack_up):
    message = ("Bel me terug op 06-12345678 of mail jan@example.nl, mijn rekening is NL91ABNA0417164300 "
               "en ik woon op 1234 AB 5")
    assert ChatClient(stack_up.url, source="127.0.40.1").ask("store-redacted", message, "nl").answered
    stored = stack_up.postgres.psql("select data from events where sender_id = 'store-redacted'")
    assert stored_user_messages(stack_up, "store-redacted") == [
        "Bel me terug op [telefoonnummer] of mail [e-mail], mijn rekening is [IBAN] en ik woon op [adres]"]
    for item in PERSONAL:
        assert item not in stored
    # Rasa's own fields are not the reader's words: the model's hash stays readable.
    (event,) = stored_user_events(stack_up, "store-redacted")
    assert "[" not in event["metadata"]["model_id"] and len(event["metadata"]["model_id"]) >= 16


def test_retention_deletes_conversation_events_older_than_the_period(stack_up):
    chat = ChatClient(stack_up.url, source="127.0.40.2")
    for sender in ("store-old", "store-recent"):
        assert chat.ask(sender, "hallo", "nl").answered
    # The old conversation took place 31 days ago.
    stack_up.postgres.psql(f"update events set timestamp = timestamp - {31 * DAY} where sender_id = 'store-old'")
    old, recent = count(stack_up, "store-old"), count(stack_up, "store-recent")
    assert old > 0 and recent > 0

    assert stack_up.retention(30, dry_run=True) == f"Would delete {old} conversation event(s) older than 30 days."
    assert count(stack_up, "store-old") == old

    assert stack_up.retention(30) == f"Deleted {old} conversation event(s) older than 30 days."
    assert count(stack_up, "store-old") == 0
    assert count(stack_up, "store-recent") == recent
    # Someone who comes back after the period simply starts again.
    assert chat.ask("store-old", "hallo", "nl").answered


def test_a_long_conversation_keeps_its_context_and_stores_every_event_once(stack_up):
    # Each message loads only the last few turns (bot/serving/tracker_store.py): the topic and the
    # language chosen at the start must still hold six turns later, from the slots.
    chat, who = ChatClient(stack_up.url, source="127.0.40.3"), "store-long"
    first = "Someone at my door says he is from the water company and wants to come in"
    messages = [first, "thank you", "ok", "hello", "thanks", "and what if he won't leave?"]
    replies = [chat.ask(who, message, "nl") for message in messages]  # the chat is on a Dutch page
    assert all(reply.answered for reply in replies), [reply.status for reply in replies]
    last = " ".join(item.get("text", "") for item in replies[-1].json())
    assert re.search(r"/en/[a-z-]+/babbeltrucs/", last), last
    assert stored_user_messages(stack_up, who) == messages
    duplicated = stack_up.postgres.psql(
        f"select count(*) - count(distinct data) from events where sender_id = '{who}'")
    assert int(duplicated) == 0, "an event was stored twice"


def test_the_schadefonds_check_goes_step_by_step_after_earlier_turns(stack_up, tree):
    # Each step's rule looks back at the bot's previous question, which the bounded load must
    # still bring; the earlier small talk lies beyond it.
    chat, who = ChatClient(stack_up.url, source="127.0.40.4"), "store-victim"
    for message in ("hallo", "dank je", "ok", "hallo"):
        assert chat.ask(who, message, "nl").answered
    steps = ["ik ben vorige week op straat beroofd en geslagen", "ja", "ja", "ja", "ja"]
    replies = [chat.ask(who, step, "nl").json() for step in steps]
    assert replies[0][-1]["text"] == response_text(tree, "utter_ask_safe", "nl")
    assert replies[-1][-1]["text"] == response_text(tree, "utter_schadefonds_may_qualify", "nl")
