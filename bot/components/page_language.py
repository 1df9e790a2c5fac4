"""NLU component: the language of the page the reader chats from becomes the `language` entity.

The REST channel passes `{"metadata": {"language": "en"}}` through to NLU components in Rasa 3.6;
an entity mapping then fills the `language` slot that every response variation is conditioned on.
A missing or unknown language adds nothing, so the conversation keeps the language it had.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

LANGUAGE_ENTITY = "language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PageLanguage(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"languages": ["nl", "en", "ber"]}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.languages = set(config["languages"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PageLanguage":
        return cls(config)

    def page_language(self, message: Message) -> Optional[Text]:
        metadata = message.get("metadata") or {}
        language = metadata.get("language") if isinstance(metadata, dict) else None
        return language if isinstance(language, str) and language in self.languages else None

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            language = self.page_language(message)
            if language is None:
                continue
            entity = {"entity": LANGUAGE_ENTITY, "value": language, "start": 0, "end": 0, "confidence_entity": 1.0}
            message.set(ENTITIES, message.get(ENTITIES, []) + self.add_extractor_name([entity]), add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
