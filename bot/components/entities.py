"""Shared by the components that attach facts about the whole message as entities."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message


def message_entity(name: Text, value: Text) -> Dict[Text, Any]:
    """An entity that describes the message as a whole, so it has no span in the text."""
    return {"entity": name, "value": value, "start": 0, "end": 0, "confidence_entity": 1.0}


def add_entities(extractor: EntityExtractorMixin, message: Message, found: List[Dict[Text, Any]]) -> None:
    if found:
        entities = message.get(ENTITIES, []) + extractor.add_extractor_name(found)
        message.set(ENTITIES, entities, add_to_output=True)
