"""The trained bot through the real REST channel, with questions that are not in its training data."""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from preventiewijzer.botdata import answer_texts, hand_written_by_language
from preventiewijzer.validate import normalize_question

from conftest import REPO

# Held out: none of these may appear among the training questions (checked below).
HELD_OUT = {
    ("nl", "ondernemers/overval-voorkomen.md"): [
        "Welke maatregelen helpen tegen een overval op mijn snackbar?",
        # "hoe zorg ik dat overvallers mijn tabakszaak overslaan" went to woningoverval (0.69):
        # moved to bench/eval-questions.tsv as a known hard case, reported by `make eval`.
    ],
    ("en", "ondernemers/overval-voorkomen.md"): [
        "What can I do so my petrol station does not get held up?",
        "tips to stop robbers targeting my little shop",
    ],
    ("ber", "ondernemers/overval-voorkomen.md"): [
        "min ɣa ggeɣ bac ad ḥḍeɣ ḥanut-inu zi ixewwanen",
    ],
    ("nl", "senioren/babbeltrucs.md"): [
        "Iemand belt aan en zegt dat hij van het waterbedrijf is, wat moet ik doen?",
        "Mijn vader van 82 liet een onbekende vrouw binnen die om een glas water vroeg",
    ],
    ("en", "senioren/babbeltrucs.md"): [
        "A man rang my bell saying he had to check the water pipes, should I let him in?",
        "how can my grandma tell if the person at her door is a con artist",
    ],
    ("ber", "senioren/babbeltrucs.md"): [
        "yiwen yekkat x tewwart, yenna-d netta zi cceṛka n waman, mayen ɣa ggeɣ?",
    ],
    ("nl", "hulp/schadefonds.md"): [
        "Ik ben in elkaar geslagen, kan ik een vergoeding van de staat krijgen?",
        "hoe lang na het geweld kan ik nog geld aanvragen bij het fonds",
    ],
    ("en", "hulp/schadefonds.md"): [
        "I was badly hurt in an assault, can the government pay me compensation?",
        "how long after a violent crime can i still apply to the fund",
    ],
    ("ber", "hulp/schadefonds.md"): [
        "wten-ayi, mamec ad ssutreɣ idrimen zeg Schadefonds",
    ],
    ("nl", "hulp/contact.md"): [
        "Waar vind ik een lijst met alle belangrijke telefoonnummers?",
        "welk nummer heeft slachtofferhulp eigenlijk",
    ],
    ("en", "hulp/contact.md"): [
        "Where can I find all the important phone numbers?",
        "what number do i ring for the police when it is not urgent",
    ],
    ("ber", "hulp/contact.md"): [
        "mani ɣa afeɣ uṭṭunen n tilifun marra",
    ],
}

EMERGENCIES = {
    "nl": ["Er staan nu twee mannen met bivakmutsen in mijn winkel!", "help iemand slaat nu mijn deur in"],
    "en": ["Someone is pointing a knife at me at the till right now", "help, a burglar is in my kitchen"],
    "ber": ["ɛawnet-ayi, yella umakar deg uxxam ixfenni"],
}

CASES = [(lang, path, question) for (lang, path), questions in HELD_OUT.items() for question in questions]
_senders = itertools.count()


def sender() -> str:
    return f"test-{next(_senders)}"


def training_questions(tree) -> set[str]:
    return {normalize_question(q) for page in tree.pages if not page.is_home for q in page.meta["questions"]}


def test_held_out_questions_are_not_in_the_training_data(tree):
    training = training_questions(tree)
    for _, _, question in CASES:
        assert normalize_question(question) not in training, question
    for base_file in (REPO / "bot/data/nlu").glob("*.yml"):
        for entry in yaml.safe_load(base_file.read_text(encoding="utf-8"))["nlu"]:
            training |= {normalize_question(line[2:]) for line in entry["examples"].splitlines() if line.startswith("- ")}
    for questions in EMERGENCIES.values():
        for question in questions:
            assert normalize_question(question) not in training, question


@pytest.mark.parametrize("lang, path, question", CASES, ids=[f"{l}:{Path(p).stem}:{q[:30]}" for l, p, q in CASES])
def test_topic_question_gets_an_answer_of_its_page_and_link_in_that_language(bot, tree, lang, path, question):
    replies = bot.ask(sender(), question, lang)
    page = tree.page(lang, path)
    assert replies, "no answer"
    # A question that tells of violence ("I was beaten up") first gets "happening now? call 112".
    if len(replies) == 2:
        assert replies[0]["text"] == response_text(tree, "utter_danger_check", lang)
    # The page's summary or the section that answers it, linked (to the section) in that language.
    assert replies[-1]["text"] in answer_texts(page, tree).values()
    assert re.search(rf"\]\(/{lang}/[a-z-]+/{page.topic}/(#[a-z0-9-]+)?\)", replies[-1]["text"])


def response_text(tree, name: str, lang: str) -> str:
    """The text a hand-written response has in one language (content/bot.yml, facts filled in)."""
    return hand_written_by_language(tree)[name][lang]["text"]


@pytest.mark.parametrize("lang, message", [(l, m) for l, ms in EMERGENCIES.items() for m in ms])
def test_danger_now_gets_112_first(bot, tree, lang, message):
    replies = bot.ask(sender(), message, lang)
    assert replies, "no answer"
    first = replies[0]["text"]
    assert first == response_text(tree, "utter_emergency", lang).split("\n\n")[0]
    assert "112" in first.splitlines()[0]  # the very first line says to call 112


def test_the_page_language_is_the_default_for_the_conversation(bot, tree):
    conversation = sender()
    page = tree.page("en", "senioren/babbeltrucs.md")
    bot.ask(conversation, "hello", "en")
    # No metadata on the second message: the conversation keeps English.
    replies = bot.ask(conversation, "how can my grandma tell if the person at her door is a con artist", None)
    assert replies[0]["text"] in answer_texts(page, tree).values()


def test_bot_survives_odd_messages(bot):
    for message in ["", "?????", "<script>alert(1)</script>", "ⵜⴰⵎⴰⵣⵉⵖⵜ", "🙂" * 50, "x" * 5000]:
        replies = bot.ask(sender(), message, "nl")
        assert isinstance(replies, list)
    assert bot.ask(sender(), "hallo", "nl")[0]["text"].startswith("Hallo")


def test_asking_for_another_language_switches_the_conversation(bot, tree):
    conversation = sender()
    replies = bot.ask(conversation, "in English please", "nl")
    assert replies[0]["text"] == response_text(tree, "utter_language_switched", "en")
    # The page still says Dutch, but the reader chose English: short replies stay English.
    assert bot.ask(conversation, "thanks", "nl")[0]["text"] == response_text(tree, "utter_thanks", "en")


def test_a_message_clearly_in_another_language_is_answered_in_it(bot, tree):
    replies = bot.ask(sender(), "A man rang my bell saying he had to check the water pipes, should I let him in?", "nl")
    assert replies[0]["text"] in answer_texts(tree.page("en", "senioren/babbeltrucs.md"), tree).values()


def test_an_unclear_message_offers_likely_topics_and_the_contact_page(bot, tree):
    replies = bot.ask(sender(), "ik snap het niet helemaal, iets met geld en zo", "nl")
    assert replies[0]["text"] == response_text(tree, "utter_suggest_topics", "nl")
    assert "/nl/hulp/contact/" in replies[0]["text"]
    buttons = replies[0]["buttons"]
    titles = {p.meta["title"] for p in tree.topics("nl")}
    assert len(buttons) == 3
    for button in buttons:
        assert button["payload"].startswith("/topic_")
        assert button["title"] in titles


def test_a_victim_is_first_asked_whether_they_are_safe(bot, tree):
    replies = bot.ask(sender(), "mijn oma is gisteren opgelicht door een nepagent", "nl")
    assert replies[0]["text"] == response_text(tree, "utter_ask_safe", "nl")
    assert [b["payload"] for b in replies[0]["buttons"]] == ["/affirm", "/deny"]
