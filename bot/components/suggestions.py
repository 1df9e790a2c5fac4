"""NLU component: when the bot is unsure, offer the most likely topics instead of guessing.

After the FallbackClassifier has set `nlu_fallback` (or the classifier's intent is one the safety
net may turn into "not sure": `unsure_intents`), the three best-ranked topics become the
entities `suggestion_N` (the intent and its `topic` slot, sent back as a button payload) and `suggestion_N_title`
(the topic's page title in the conversation's language). The titles are learned from the
training data: each generated topic block carries `metadata: {language, title, translation}`;
the language whose pages are the source (`translation: source`) is the default, as it is for the
responses.
"""
from __future__ import annotations


from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.answers import button_payload
from components.entities import add_entities, message_entity
from components.storage import load_json, save_json

from components.language import CHOSEN_LANGUAGE, PAGE_LANGUAGE

FALLBACK = "nlu_fallback"
TITLES_FILE = "topic_titles.json"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class TopicSuggestions(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"count": 3, "topic_prefix": "topic_", "unsure_intents": [FALLBACK]}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 learned: Optional[Dict[Text, Any]] = None) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        learned = learned or {}
        self.titles: Dict[Text, Dict[Text, Text]] = learned.get("titles", {})  # intent -> {language: title}
        self.default_language: Optional[Text] = learned.get("default_language")

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "TopicSuggestions":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        titles: Dict[Text, Dict[Text, Text]] = {}
        for message in training_data.intent_examples:
            intent = message.get(INTENT)
            metadata = (message.get("metadata") or {}).get("intent") or {}
            if intent.startswith(self.config["topic_prefix"]) and metadata.get("title"):
                titles.setdefault(intent, {})[metadata["language"]] = metadata["title"]
                if metadata.get("translation") == "source":
                    self.default_language = metadata["language"]
        self.titles = titles
        save_json(self._model_storage, self._resource, TITLES_FILE,
                  {"titles": titles, "default_language": self.default_language})
        return self._resource

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs) -> "TopicSuggestions":
        return cls(config, model_storage, resource, load_json(model_storage, resource, TITLES_FILE) or {})

    def message_language(self, message: Message) -> Text:
        values = {e["entity"]: e["value"] for e in message.get(ENTITIES, [])}
        return values.get(CHOSEN_LANGUAGE) or values.get(PAGE_LANGUAGE) or self.default_language

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) not in self.config["unsure_intents"]:
                continue
            language = self.message_language(message)
            topics = [i["name"] for i in message.get(INTENT_RANKING_KEY) or [] if i["name"] in self.titles]
            found = []
            for number, intent in enumerate(topics[: self.config["count"]], start=1):
                title = self.titles[intent].get(language) or self.titles[intent].get(self.default_language)
                found += [message_entity(f"suggestion_{number}", button_payload(intent)),
                          message_entity(f"suggestion_{number}_title", title)]
            add_entities(self, message, found)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
