"""The bot data generated from the content: every topic, every language, answers with links."""
import re

import pytest

from preventiewijzer.botdata import answer_text, domain_data, intent_name, nlu_data, response_name, rules_data

LANG_CONDITION = re.compile(r"^\[(?P<label>[^\]]+)\]\((?P<url>/[a-z]+/[^)]*)\)$", re.MULTILINE)


def test_one_intent_per_topic_with_the_questions_of_every_language(tree):
    blocks = {(entry["intent"], entry["metadata"]["language"]): entry for entry in nlu_data(tree)["nlu"]}
    for page in tree.topics("nl"):
        for lang in ("nl", "en", "ber"):
            translated = tree.page(lang, page.relative_path)
            block = blocks[intent_name(page.topic), lang]
            assert block["metadata"]["title"] == translated.meta["title"]  # for suggestion buttons
            for question in translated.meta["questions"]:
                assert f"- {question.strip()}\n" in block["examples"]


def test_every_topic_has_a_rule(tree):
    steps = [rule["steps"] for rule in rules_data(tree)["rules"]]
    for page in tree.topics("nl"):
        assert [{"intent": intent_name(page.topic)}, {"action": response_name(page.topic)}] in steps


@pytest.mark.parametrize("lang", ["nl", "en", "ber"])
def test_answers_are_summary_plus_link_in_each_language(tree, lang):
    responses = domain_data(tree)["responses"]
    for page in tree.topics(lang):
        variations = responses[response_name(page.topic)]
        if lang == "nl":
            texts = [v["text"] for v in variations if "condition" not in v]
        else:
            # chosen language = lang, or no chosen language and page language = lang
            texts = [v["text"] for v in variations if any(c["value"] == lang for c in v.get("condition", []))]
            assert len(texts) == 2
            texts = sorted(set(texts))
        assert texts == [answer_text(page, tree)]
        link = LANG_CONDITION.search(texts[0])
        assert link, texts[0]
        assert link["url"] == f"/{lang}/{page.section}/{page.topic}/"
        assert "{{" not in texts[0] and "{" not in texts[0]  # Rasa would treat braces as slots


def all_response_texts(tree) -> list[str]:
    responses = domain_data(tree)["responses"]
    return [variation["text"] for variations in responses.values() for variation in variations]


def test_every_link_in_a_bot_answer_leads_to_a_page(tree):
    pages = {page.url_path for page in tree.pages}
    for text in all_response_texts(tree):
        for url in re.findall(r"\]\(([^)]+)\)", text):
            assert url in pages, f"bot answer links to {url}, which is not a page: {text[:60]}"


PHONE_NUMBER = re.compile(r"(?<![\w/-])(?:112|0\d{2,3}[- ]?\d{2,3}(?: ?\d{2,4}){0,2})(?![\w/-])")


def test_every_number_in_a_bot_answer_is_a_known_fact(tree):
    known = {fact["number"] for fact in tree.facts["phone"].values()}
    for text in all_response_texts(tree):
        for number in PHONE_NUMBER.findall(text):
            assert number in known, f"{number!r} in a bot answer is not in content/facts.yml"
