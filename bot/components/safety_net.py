"""NLU component: nobody in danger is kept talking.

Runs after the intent classifier. A message that describes danger happening now becomes the
`emergency` intent whatever the classifier thought (the rules then answer "call 112" first). A
message the classifier took for an emergency but that asks *about* such a situation ("what should
I do if someone robs my shop?") goes to its best topic instead. Patterns, not statistics, so the
behaviour is predictable and tested case by case (components/danger.py, tests/test_safety_net.py).
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.danger import is_danger_now, is_question_about_danger

EMERGENCY = "emergency"
NOT_TOPICS = {EMERGENCY, "nlu_fallback", "out_of_scope", "greet", "goodbye", "thanks", "bot_challenge",
              "affirm", "deny", "ask_capabilities", "report_victim"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EmergencySafetyNet(GraphComponent):
    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "EmergencySafetyNet":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            if is_danger_now(text):
                if intent != EMERGENCY:
                    self._set_intent(message, EMERGENCY)
            elif intent == EMERGENCY and is_question_about_danger(text):
                topic = self._best_topic(message)
                if topic:
                    self._set_intent(message, topic)
        return messages

    @staticmethod
    def _best_topic(message: Message) -> Optional[Text]:
        for candidate in message.get(INTENT_RANKING_KEY) or []:
            if candidate["name"] not in NOT_TOPICS:
                return candidate["name"]
        return None

    @staticmethod
    def _set_intent(message: Message, name: Text) -> None:
        ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i["name"] != name]
        chosen = {"name": name, "confidence": 1.0}
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen] + ranking, add_to_output=True)
