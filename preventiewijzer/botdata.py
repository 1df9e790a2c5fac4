"""Generate the bot's topic data from the content: an intent per topic, answers per language.

Writes three files that `rasa train` reads next to the hand-written ones:
  bot/data/generated/nlu.yml     examples: the `questions` of every language
  bot/data/generated/rules.yml   one rule per topic: intent -> answer
  bot/domain/generated.yml       intents and responses, one variation per language
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import facts as facts_module
from .model import ContentTree, Page

HEADER = "# Generated from content/ by `python -m preventiewijzer bot-data`. Do not edit.\n"
LANGUAGE_SLOT = "language"


def intent_name(topic: str) -> str:
    return "topic_" + topic.replace("-", "_")


def response_name(topic: str) -> str:
    return "utter_" + intent_name(topic)


def topic_from_intent(intent: str) -> str | None:
    return intent[len("topic_"):].replace("_", "-") if intent.startswith("topic_") else None


def answer_text(page: Page, tree: ContentTree) -> str:
    """The summary in plain text, then a Markdown link to the page in the same language."""
    summary = " ".join(facts_module.render(page.meta["summary"], tree.facts, "plain").split())
    read_more = tree.settings.interface["read_more"][page.lang]
    return f"{summary}\n[{read_more}: {page.meta['title']}]({page.url_path})"


def topic_ids(tree: ContentTree) -> list[str]:
    return [page.topic for page in tree.topics(tree.settings.default_language)]


def nlu_data(tree: ContentTree) -> dict:
    entries = []
    for topic in topic_ids(tree):
        examples = [
            question.strip()
            for page in tree.pages
            if page.topic == topic and not page.is_home
            for question in page.meta["questions"]
        ]
        entries.append({"intent": intent_name(topic), "examples": _literal_list(examples)})
    return {"version": "3.1", "nlu": entries}


def rules_data(tree: ContentTree) -> dict:
    rules = [
        {
            "rule": f"answer topic {topic}",
            "steps": [{"intent": intent_name(topic)}, {"action": response_name(topic)}],
        }
        for topic in topic_ids(tree)
    ]
    return {"version": "3.1", "rules": rules}


def domain_data(tree: ContentTree) -> dict:
    default = tree.settings.default_language
    responses = {}
    for source_page in tree.topics(default):
        variations = []
        for lang in tree.settings.language_codes:
            variation = {"text": answer_text(tree.page(lang, source_page.relative_path), tree)}
            if lang != default:
                # The default language's variation has no condition, so it is also the fallback.
                variation = {"condition": [{"type": "slot", "name": LANGUAGE_SLOT, "value": lang}], **variation}
            variations.append(variation)
        responses[response_name(source_page.topic)] = variations
    return {
        "version": "3.1",
        "intents": [intent_name(topic) for topic in topic_ids(tree)],
        "responses": responses,
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
    return list(outputs)


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
