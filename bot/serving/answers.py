"""Rasa's response generator, plus the sections of the pages: the answer the `topic` slot names.

The answer selector (components/answers.py) sets the `topic` slot to `<topic>` (the summary) or
`<topic>#<anchor>` (a section). For a topic's response this generator returns that answer's text
from bot/answers/answers.json (generated from content/ with the training data), in the
conversation's language: the chosen language, else the page's, else the default, the same order
as the response variations of the domain. Every other response, and a topic whose slot names no
answer of it (a button pressed before any answer), comes from the domain as usual.

Configured in endpoints.yml:
    nlg:
      type: serving.answers.PageAnswerGenerator
      answers: answers/answers.json
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from serving import speedups

speedups.install()  # every `rasa run` of ours loads this generator (see speedups.py)

TOPIC_SLOT = "topic"
LANGUAGE_SLOTS = ("chosen_language", "page_language")  # the first that is set wins


class PageAnswerGenerator(TemplatedNaturalLanguageGenerator):
    def __init__(self, endpoint_config: EndpointConfig, domain: Domain) -> None:
        super().__init__(domain.responses)
        path = Path(endpoint_config.kwargs.get("answers") or "answers/answers.json")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"PageAnswerGenerator: cannot read the answers at {path} ({error}); "
                             "`python -m preventiewijzer bot-data` writes them") from error
        self.answers: Dict[Text, Dict[Text, Dict[Text, Text]]] = data["responses"]
        self.default_language: Text = data["default_language"]

    def language(self, tracker: DialogueStateTracker) -> Text:
        for slot in LANGUAGE_SLOTS:
            value = tracker.get_slot(slot)
            if value:
                return value
        return self.default_language

    async def generate(self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text,
                       **kwargs: Any) -> Optional[Dict[Text, Any]]:
        answer = self.answers.get(utter_action, {}).get(tracker.get_slot(TOPIC_SLOT) or "")
        if answer:
            return {"text": answer.get(self.language(tracker)) or answer[self.default_language]}
        return await super().generate(utter_action, tracker, output_channel, **kwargs)
