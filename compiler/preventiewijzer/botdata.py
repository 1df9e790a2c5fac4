"""Generate the bot's topic data from the content: an intent per topic, answers per language.

Writes four files that `rasa train` reads next to the hand-written ones:
  bot/data/generated/nlu.yml     examples: the `questions` of every language, one block per
                                 topic and language with `metadata: {language, title}`
  bot/data/generated/rules.yml   one rule per topic: intent -> answer
  bot/domain/generated.yml       intents, the language slots, and every response (topic answers
                                 and the hand-written texts of content/bot.yml) with one variation
                                 per language
  bot/answers/sections.json      what the answer selector (bot/components/answers.py) searches:
                                 per topic its page addresses and its text, section by section
  bot/answers/answers.json       every topic answer (summary and sections) in every language, for
                                 the bot's answer generator (bot/serving/answers.py)

A topic's answer is its summary or one of its sections (compiler/preventiewijzer/sections.py):
the `topic` slot, `<topic>` or `<topic>#<anchor>`, set by the answer selector, picks the answer,
and is the conversation's current topic for the next message.

Language variations: the `chosen_language` slot (asked for, or clearly written in) wins; while it
is empty, `page_language` decides; with neither, the default language's variation is used.
"""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from . import facts as facts_module
from .i18n import gettext_for
from .model import ContentTree, Page
from .sections import Section, plain, sections

HEADER = "# Generated from content/ by `python -m preventiewijzer bot-data`. Do not edit.\n"
CHOSEN_LANGUAGE_SLOT = "chosen_language"
PAGE_LANGUAGE_SLOT = "page_language"
# The answer given (`<topic>` for the summary, `<topic>#<anchor>` for a section) and the page the
# chat was on: filled by bot/components/answers.py, read by it on the next message.
TOPIC_SLOT = "topic"
PAGE_SLOT = "page"
SECTIONS_FILE = Path("answers") / "sections.json"
ANSWERS_FILE = Path("answers") / "answers.json"


def intent_name(topic: str) -> str:
    return "topic_" + topic.replace("-", "_")


def response_name(topic: str) -> str:
    return "utter_" + intent_name(topic)


def topic_from_intent(intent: str) -> str | None:
    return intent[len("topic_"):].replace("_", "-") if intent.startswith("topic_") else None


def answer_text(page: Page, tree: ContentTree, section: Section | None = None) -> str:
    """The summary, or a section's first sentences, in plain text, then a Markdown link to the
    page (to the section) in the same language."""
    _ = gettext_for(tree, page.lang)
    read_more = _("Read more")
    if section is None:
        summary = " ".join(facts_module.render(page.meta["summary"], tree.facts, "plain").split())
        return f"{summary}\n[{read_more}: {page.meta['title']}]({page.url_path})"
    return f"{section.answer}\n[{read_more}: {section.heading}]({page.url_path}#{section.anchor})"


def answer_key(topic: str, section: Section | None = None) -> str:
    """The `topic` slot's value for an answer: the topic, and the section's anchor if any."""
    return f"{topic}#{section.anchor}" if section else topic


def topic_button_payload(payload: str) -> str:
    """A button that asks for a topic also sets the `topic` slot to it, so the answer is the
    summary in the conversation's language (buttons skip the answer selector)."""
    topic = topic_from_intent(payload.removeprefix("/"))
    return f'{payload}{{"{TOPIC_SLOT}": "{topic}"}}' if topic and payload.startswith("/") else payload


def topic_ids(tree: ContentTree) -> list[str]:
    return [page.topic for page in tree.topics(tree.settings.default_language)]


def nlu_data(tree: ContentTree) -> dict:
    entries = []
    for source_page in tree.topics(tree.settings.default_language):
        for lang in tree.settings.language_codes:
            page = tree.page(lang, source_page.relative_path)
            entries.append({
                "intent": intent_name(page.topic),
                # read by the bot's components: language identification and topic suggestions
                # (the source language's titles are the default)
                "metadata": {"language": lang, "title": page.meta["title"], "translation": page.meta["translation"]},
                "examples": _literal_list([q.strip() for q in page.meta["questions"]]),
            })
    return {"version": "3.1", "nlu": entries}


# The 112 safety net (bot/components/safety_net.py) fills the slot `danger`; for these values a
# topic answer comes after the safety line: "happening now? call 112" for a message about danger,
# "hang up" or "do not open" for a fraud in progress (the longer rule wins in Rasa's RulePolicy).
DANGER_SLOT = "danger"
SAFETY_LINE_BEFORE_TOPIC = {"about": "utter_danger_check", "fraud_call": "utter_fraud_call_now",
                            "fraud_door": "utter_fraud_at_door"}


def rules_data(tree: ContentTree) -> dict:
    rules = []
    for topic in topic_ids(tree):
        rules.append({
            "rule": f"answer topic {topic}",
            "steps": [{"intent": intent_name(topic)}, {"action": response_name(topic)}],
        })
        for value, safety_line in SAFETY_LINE_BEFORE_TOPIC.items():
            rules.append({
                "rule": f"{value.replace('_', ' ')}: {safety_line}, then topic {topic}",
                "steps": [{"intent": intent_name(topic)}, {"slot_was_set": [{DANGER_SLOT: value}]},
                          {"action": safety_line}, {"action": response_name(topic)}],
            })
    return {"version": "3.1", "rules": rules}


def language_variations(tree: ContentTree, by_language: dict[str, dict]) -> list[dict]:
    """One response variation per language, chosen by the conversation's language slots."""
    default = tree.settings.default_language
    variations = [by_language[default]]  # no condition: also the fallback
    for lang in tree.settings.language_codes:
        if lang == default:
            continue
        variations.append({"condition": [_slot_is(CHOSEN_LANGUAGE_SLOT, lang)], **by_language[lang]})
        variations.append({
            "condition": [_slot_is(CHOSEN_LANGUAGE_SLOT, None), _slot_is(PAGE_LANGUAGE_SLOT, lang)],
            **by_language[lang],
        })
    return variations


def _slot_is(name: str, value: str | None) -> dict:
    return {"type": "slot", "name": name, "value": value}


def answer_texts(page: Page, tree: ContentTree) -> dict[str, str]:
    """Every answer a topic page gives, by its `topic` slot value: the summary, then each section."""
    texts = {answer_key(page.topic): answer_text(page, tree)}
    texts.update({answer_key(page.topic, section): answer_text(page, tree, section) for section in sections(page, tree)})
    return texts


def topic_responses(tree: ContentTree) -> dict[str, list[dict]]:
    """Per topic its summary, one variation per language. The section answers are served by the
    bot's answer generator (bot/serving/answers.py) from `answers_data`: as response variations,
    650 sections in three languages made the domain take over a minute to load."""
    return {
        response_name(source_page.topic): language_variations(tree, {
            lang: {"text": answer_text(tree.page(lang, source_page.relative_path), tree)}
            for lang in tree.settings.language_codes
        })
        for source_page in tree.topics(tree.settings.default_language)
    }


def answers_data(tree: ContentTree) -> dict:
    """Every topic answer by response name, `topic` slot value and language."""
    return {
        "default_language": tree.settings.default_language,
        "responses": {
            response_name(source_page.topic): _by_key({
                lang: answer_texts(tree.page(lang, source_page.relative_path), tree)
                for lang in tree.settings.language_codes})
            for source_page in tree.topics(tree.settings.default_language)
        },
    }


def _by_key(by_language: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """{lang: {key: text}} as {key: {lang: text}}; the keys are the same in every language
    (the anchors are validated to match the source's)."""
    keys = next(iter(by_language.values()))
    return {key: {lang: texts[key] for lang, texts in by_language.items()} for key in keys}


def search_data(tree: ContentTree) -> dict:
    """What the answer selector searches: for every topic its page per language, and per language
    a document for the page as a whole (title as heading, summary, introduction), one for its
    questions, and one per section (heading and text)."""
    topics = {}
    for source_page in tree.topics(tree.settings.default_language):
        pages, documents = {}, []
        for lang in tree.settings.language_codes:
            page = tree.page(lang, source_page.relative_path)
            pages[lang] = page.url_path
            body = facts_module.render(page.body, tree.facts, "plain", tree.page_paths(lang))
            introduction = plain(body.split("\n## ", 1)[0])
            summary = facts_module.render(page.meta["summary"], tree.facts, "plain")
            documents += [
                {"language": lang, "kind": "page", "anchor": None, "heading": page.meta["title"],
                 "text": " ".join(" ".join([summary, introduction]).split())},
                {"language": lang, "kind": "questions", "anchor": None, "heading": "",
                 "text": " ".join(page.meta["questions"])},
                *({"language": lang, "kind": "section", "anchor": section.anchor, "heading": section.heading,
                   "text": section.text} for section in sections(page, tree)),
            ]
        topics[source_page.topic] = {"intent": intent_name(source_page.topic), "pages": pages, "documents": documents}
    return {"languages": tree.settings.language_codes,
            "stemmers": {language.code: language.stemmer for language in tree.settings.languages if language.stemmer},
            "topics": topics}


def hand_written_by_language(tree: ContentTree) -> dict[str, dict[str, dict]]:
    """content/bot.yml, {utter_x: {text: {lang: ..}, buttons: [{payload, title: {lang: ..}}]}},
    as {utter_x: {lang: {text, buttons}}} with the facts and page links filled in."""
    source = yaml.safe_load(tree.bot_texts_file.read_text(encoding="utf-8"))
    responses = {}
    for name, spec in source.items():
        by_language = {}
        for lang in tree.settings.language_codes:
            text = facts_module.render(spec["text"][lang], tree.facts, "plain", tree.page_paths(lang))
            response = {"text": text}
            if "buttons" in spec:
                response["buttons"] = [
                    {"title": button["title"][lang] if isinstance(button["title"], dict) else button["title"],
                     "payload": topic_button_payload(button["payload"])}
                    for button in spec["buttons"]
                ]
            by_language[lang] = response
        responses[name] = by_language
    return responses


def hand_written_responses(tree: ContentTree) -> dict[str, list[dict]]:
    """The hand-written responses as Rasa response variations, one per language."""
    return {name: language_variations(tree, by_language)
            for name, by_language in hand_written_by_language(tree).items()}


def answer_slots() -> dict[str, dict]:
    """The answer given and the page the chat was on (components/answers.py), kept in slots so
    that a store which loads only the recent part of a conversation still has its context."""
    return {
        slot: {"type": "text", "influence_conversation": False, "mappings": [{"type": "from_entity", "entity": slot}]}
        for slot in (TOPIC_SLOT, PAGE_SLOT)
    }


def language_slots(tree: ContentTree) -> dict[str, dict]:
    """The page's language (REST metadata) and a language the reader chose or wrote in, filled by
    bot/components/language.py; the responses use the chosen one, else the page's."""
    return {
        slot: {"type": "categorical", "values": tree.settings.language_codes, "influence_conversation": False,
               "mappings": [{"type": "from_entity", "entity": slot}]}
        for slot in (PAGE_LANGUAGE_SLOT, CHOSEN_LANGUAGE_SLOT)
    }


def domain_data(tree: ContentTree) -> dict:
    return {
        "version": "3.1",
        "intents": [intent_name(topic) for topic in topic_ids(tree)],
        "entities": [PAGE_LANGUAGE_SLOT, CHOSEN_LANGUAGE_SLOT, TOPIC_SLOT, PAGE_SLOT],
        "slots": {**language_slots(tree), **answer_slots()},
        "responses": {**hand_written_responses(tree), **topic_responses(tree)},
    }


def write_bot_data(tree: ContentTree, bot_dir: Path) -> list[Path]:
    outputs = {
        bot_dir / "data" / "generated" / "nlu.yml": nlu_data(tree),
        bot_dir / "data" / "generated" / "rules.yml": rules_data(tree),
        bot_dir / "domain" / "generated.yml": domain_data(tree),
    }
    for path, data in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = HEADER + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        _write_if_changed(path, text)
    json_outputs = {bot_dir / SECTIONS_FILE: search_data(tree), bot_dir / ANSWERS_FILE: answers_data(tree)}
    for path, data in json_outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_if_changed(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return [*outputs, *json_outputs]


def _write_if_changed(path: Path, text: str) -> None:
    # Unchanged files keep their timestamps, so make does not retrain the bot for nothing.
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


class _LiteralList(str):
    """Rasa wants examples as one block string of '- ' lines."""


def _literal_list(examples: list[str]) -> _LiteralList:
    return _LiteralList("".join(f"- {example}\n" for example in examples))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(
    _LiteralList, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style="|")
)
