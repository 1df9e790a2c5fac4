"""The bot data generated from the content: every topic, every language, answers with links."""
import re

import pytest
import yaml

from preventiewijzer.botdata import (answer_text, answer_texts, answers_data, domain_data, intent_name, nlu_data, response_name,
                                     rules_data)
from preventiewijzer.sections import sections

from conftest import REPO

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
def test_answers_are_summary_or_section_plus_link_in_each_language(tree, lang):
    responses = domain_data(tree)["responses"]
    answers = answers_data(tree)["responses"]
    for page in tree.topics(lang):
        # The domain holds the summary, one variation per language (the default unconditioned).
        variations = responses[response_name(page.topic)]
        if lang == "nl":
            texts = [v["text"] for v in variations if "condition" not in v]
        else:
            texts = sorted({v["text"] for v in variations if any(c["value"] == lang for c in v.get("condition", []))})
        assert texts == [answer_text(page, tree)]
        # The answer generator holds the summary and every section, each linked to its place.
        for key, text in answer_texts(page, tree).items():
            assert answers[response_name(page.topic)][key][lang] == text
            link = LANG_CONDITION.search(text)
            assert link, text
            anchor = key.partition("#")[2]
            assert link["url"] == f"/{lang}/{page.section}/{page.topic}/" + (f"#{anchor}" if anchor else "")
            assert "{{" not in text


def test_a_section_answer_is_its_first_sentences_and_never_half_a_list(tree):
    page = tree.page("nl", "hulp/schadefonds.md")
    by_anchor = {section.anchor: section for section in sections(page, tree)}
    amounts = by_anchor["hoeveel-geld"].answer
    assert amounts.startswith("Het Schadefonds deelt letsel in zes groepen in.")
    assert all(f"€ {amount}" in amounts for amount in ("1.000", "2.500", "5.000", "10.000", "20.000", "35.000"))
    # "Nabestaanden ... overleden door:" is followed by a list that does not fit: the sentence stops before it.
    assert by_anchor["voor-familie-nabestaanden-en-naasten"].answer == "Nabestaanden zijn de familie van iemand die is overleden."
    for section in by_anchor.values():
        assert "{{" not in section.answer and "](" not in section.answer and "**" not in section.answer


def all_response_texts(tree) -> list[str]:
    responses = domain_data(tree)["responses"]
    answers = answers_data(tree)["responses"]
    return ([variation["text"] for variations in responses.values() for variation in variations]
            + [text for by_key in answers.values() for by_lang in by_key.values() for text in by_lang.values()])


def test_every_link_in_a_bot_answer_leads_to_a_page_and_its_section(tree):
    anchors = {page.url_path: {s.anchor for s in sections(page, tree)} for page in tree.pages}
    for text in all_response_texts(tree):
        for url in re.findall(r"\]\(([^)]+)\)", text):
            path, _, anchor = url.partition("#")
            assert path in anchors, f"bot answer links to {url}, which is not a page: {text[:60]}"
            assert not anchor or anchor in anchors[path], f"bot answer links to {url}, a section that does not exist"


PHONE_NUMBER = re.compile(r"(?<![\w/-])(?:112|0\d{2,3}[- ]?\d{2,3}(?: ?\d{2,4}){0,2})(?![\w/-])")


def test_every_number_in_a_bot_answer_is_a_known_fact(tree):
    known = {fact["number"] for fact in tree.facts["phone"].values()}
    for text in all_response_texts(tree):
        for number in PHONE_NUMBER.findall(text):
            assert number in known, f"{number!r} in a bot answer is not in content/facts.yml"


def test_every_rule_fits_in_the_recent_part_of_a_conversation_the_store_loads(tree):
    # bot/serving/tracker_store.py loads only the reader's last `recent_turns` messages (with what
    # followed them) and the slots. A rule that looks further back would stop matching in
    # production, where conversations are stored, while the conversation tests still pass.
    template = (REPO / "deploy/templates/endpoints.yml.j2").read_text(encoding="utf-8")
    recent_turns = int(re.search(r"^\s*recent_turns:\s*(\d+)", template, re.MULTILINE).group(1))
    rules = rules_data(tree)["rules"]
    for path in sorted((REPO / "bot/data/rules").glob("*.yml")):
        rules += yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]
    for rule in rules:
        steps = rule["steps"]
        messages = sum("intent" in step for step in steps)
        # the previous messages it needs: those before its last, and one more when it starts
        # with the bot's reply to a message before them
        before = messages - 1 + ("action" in steps[0])
        assert before <= recent_turns, f"rule {rule['rule']!r} looks back {before} messages; the store loads {recent_turns}"
