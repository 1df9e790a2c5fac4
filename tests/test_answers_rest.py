"""Answers from the content itself, through a real `rasa run` and its REST channel, in each
language: a question asked on a page, a follow-up, a section with its anchor, out of scope.
None of these messages is a training question or a row of the real-question sets (checked)."""
from __future__ import annotations

import itertools
import json
import re
import sys
import urllib.request

import pytest

from preventiewijzer.botdata import answer_texts, hand_written_by_language

from conftest import REPO
from test_safety_sets import training_examples

sys.path.insert(0, str(REPO / "bench"))
import real_sets  # noqa: E402
import safety_sets  # noqa: E402

_senders = itertools.count()
LINK = re.compile(r"\]\((/(?P<lang>[a-z]+)/[a-z-]+/(?P<topic>[a-z0-9-]+)/(?:#(?P<anchor>[a-z0-9-]+))?)\)")

# (language, page the chat is on, question naming no topic, topic it is about)
ON_A_PAGE = [
    ("nl", "/nl/hulp/schadefonds/", "hoe vraag ik dat aan", "schadefonds"),
    ("en", "/en/hulp/schadefonds/", "how do i apply for it", "schadefonds"),
    ("ber", "/ber/hulp/schadefonds/", "mamec ɣa ssutreɣ aya", "schadefonds"),
]
# (language, first message, follow-up naming no topic, topic of the first)
FOLLOW_UPS = [
    ("nl", "Gisteren belde er iemand die zei dat hij van mijn bank was", "en wat doe ik dan het beste", "bankhelpdeskfraude"),
    ("en", "Someone at my door says he is from the water company and wants to come in", "and what if he won't leave?",
     "babbeltrucs"),
    ("ber", "ca n yiwen yessiwel-ayi, yenna-d netta zeg lbanka-inu", "mamec ɣa ttxedmeɣ deg wa", "bankhelpdeskfraude"),
]
# (language, question, topic, the section that answers it)
SECTIONS = [
    ("nl", "hoeveel geld kan ik krijgen van het fonds", "schadefonds", "hoeveel-geld"),
    ("en", "how much money does the schadefonds pay", "schadefonds", "hoeveel-geld"),
    ("ber", "mecḥal n iqariḍen ɣa yi-yefk schadefonds", "schadefonds", "hoeveel-geld"),
]
OUT_OF_SCOPE = [
    ("nl", "Kun je mijn belastingaangifte voor me invullen?"),
    ("en", "What's the speed limit on Dutch motorways?"),
    ("ber", "mešḥal ɣa xelṣeɣ x paspoort amaynu"),
]
MESSAGES = ([q for *_, q, _ in ON_A_PAGE] + [m for _, a, b, _ in FOLLOW_UPS for m in (a, b)]
            + [q for _, q, *_ in SECTIONS] + [q for _, q in OUT_OF_SCOPE])


def sender() -> str:
    return f"answers-{next(_senders)}"


def ask(bot, conversation: str, message: str, lang: str, page: str) -> list[dict]:
    """One message with the page the chat is on, as the site's chat sends it."""
    body = {"sender": conversation, "message": message, "metadata": {"language": lang, "page": page}}
    request = urllib.request.Request(f"{bot.url}/webhooks/rest/webhook", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def answer(replies: list[dict]) -> re.Match:
    """The page link of the reply's topic answer (after any safety line)."""
    links = [m for r in replies for m in LINK.finditer(r.get("text") or "")]
    assert links, f"no page linked: {replies}"
    return links[-1]


def test_these_messages_are_neither_training_nor_evaluation_questions(tree):
    others = training_examples(tree) + [m for path in real_sets.SETS for m in real_sets.measured_messages(path)]
    near = [(m, o) for m in MESSAGES for o in others if safety_sets.near_duplicate(m, o)]
    assert not near, near


@pytest.mark.parametrize("lang, page, question, topic", ON_A_PAGE, ids=[c[0] for c in ON_A_PAGE])
def test_a_question_that_names_no_topic_is_answered_for_the_page_it_is_asked_on(bot, tree, lang, page, question, topic):
    replies = ask(bot, sender(), question, lang, page)
    link = answer(replies)
    assert (link["lang"], link["topic"]) == (lang, topic)
    assert replies[-1]["text"] in answer_texts(tree.page(lang, f"hulp/{topic}.md"), tree).values()


def test_the_same_question_on_the_home_page_is_not_answered_for_that_topic(bot):
    replies = ask(bot, sender(), "hoe vraag ik dat aan", "nl", "/nl/")
    links = [m["topic"] for r in replies for m in LINK.finditer(r.get("text") or "")]
    assert "schadefonds" not in links


@pytest.mark.parametrize("lang, first, follow_up, topic", FOLLOW_UPS, ids=[c[0] for c in FOLLOW_UPS])
def test_a_follow_up_is_answered_for_the_conversations_topic_in_its_language(bot, lang, first, follow_up, topic):
    conversation = sender()
    assert answer(ask(bot, conversation, first, lang, f"/{lang}/"))["topic"] == topic
    link = answer(ask(bot, conversation, follow_up, lang, f"/{lang}/"))
    assert (link["lang"], link["topic"]) == (lang, topic)


def test_a_follow_up_names_another_topic_and_gets_that_one(bot):
    conversation = sender()
    assert answer(ask(bot, conversation, "hoeveel geld kan ik krijgen van het fonds", "nl", "/nl/"))["topic"] == "schadefonds"
    assert answer(ask(bot, conversation, "en hoe herken ik een nepagent aan de deur", "nl", "/nl/"))["topic"] == "nepagent"


@pytest.mark.parametrize("lang, question, topic, anchor", SECTIONS, ids=[c[0] for c in SECTIONS])
def test_an_answer_is_the_section_that_answers_it_with_a_link_to_that_section(bot, tree, lang, question, topic, anchor):
    replies = ask(bot, sender(), question, lang, f"/{lang}/")
    link = answer(replies)
    assert (link["lang"], link["topic"], link["anchor"]) == (lang, topic, anchor)
    page = tree.page(lang, f"hulp/{topic}.md")
    assert replies[-1]["text"] == answer_texts(page, tree)[f"{topic}#{anchor}"]


@pytest.mark.parametrize("lang, question", OUT_OF_SCOPE, ids=[c[0] for c in OUT_OF_SCOPE])
def test_out_of_scope_gets_an_honest_no_with_the_contact_page(bot, tree, lang, question):
    replies = ask(bot, sender(), question, lang, f"/{lang}/")
    assert replies[0]["text"] == hand_written_by_language(tree)["utter_out_of_scope"][lang]["text"]
    assert f"/{lang}/hulp/contact/" in replies[0]["text"]


def test_out_of_scope_on_a_topic_page_is_still_out_of_scope(bot, tree):
    replies = ask(bot, sender(), "What's the speed limit on Dutch motorways?", "en", "/en/hulp/schadefonds/")
    assert replies[0]["text"] == hand_written_by_language(tree)["utter_out_of_scope"]["en"]["text"]


def test_after_the_emergency_reply_a_follow_up_about_danger_gets_112_first_again(bot):
    conversation = sender()
    first = ask(bot, conversation, "er staat nu een man met een mes in mijn winkel", "nl", "/nl/ondernemers/overval-voorkomen/")
    assert "112" in first[0]["text"].splitlines()[0]
    again = ask(bot, conversation, "hij wil het geld uit de kassa, wat moet ik doen", "nl", "/nl/ondernemers/overval-voorkomen/")
    assert "112" in again[0]["text"].splitlines()[0]


def test_a_topic_button_answers_in_the_conversations_language(bot, tree):
    conversation = sender()
    replies = ask(bot, conversation, "what can you do", "en", "/en/")
    button = replies[-1]["buttons"][0]
    answered = ask(bot, conversation, button["payload"], "en", "/en/")
    link = answer(answered)
    assert link["lang"] == "en" and link["anchor"] is None
