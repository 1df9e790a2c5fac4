"""NLU component: nobody in danger is kept talking. The last NLU component, so every answer passes it.

It combines, by OR, the intent classifier's trained danger intents (`emergency` and the three
distress intents) with the patterns of components/danger.py, and looks at the conversation too:
the previous message (a scene told in two messages) and whether the bot's last answer was a
danger reply (from the tracker: Rasa 3.6 passes it to an NLU component's `process`). Then:

- danger now: the intent becomes `emergency` (or the distress intent, answered after the
  emergency reply);
- fraud in progress, or about danger: the topic the classifier ranks best, with the `danger`
  entity `fraud_call` / `fraud_door` / `about`, so the rules put "hang up" / "do not open" /
  "happening now? call 112" before the topic answer;
- otherwise nothing changes, except that a distress intent the classifier was not sure of
  becomes "not sure" (with topic suggestions).
The `danger` entity (now / fraud_call / fraud_door / about / clear) is set on every message and
fills the `danger` slot, so the rules and the next message know what the last answer was.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components import danger
from components.answers import CANDIDATE, TOPIC_SLOT
from components.entities import add_entities, message_entity

DANGER_SLOT = "danger"
EMERGENCY = danger.EMERGENCY_INTENT
FALLBACK = "nlu_fallback"
REPORT_VICTIM = "report_victim"
# Answers to the victim flow's yes/no questions stay answers ("yes, he had a knife").
FLOW_ANSWERS = {"affirm", "deny"}
DISTRESS_INTENT_OF = {kind: intent for intent, kind in danger.DISTRESS_INTENTS.items()}
SAFETY_INTENTS = {EMERGENCY, *danger.DISTRESS_INTENTS}
BUTTON_PAYLOAD = re.compile(r"/[a-z_]+(\{.*\})?", re.DOTALL)
# The slot values are the decisions' names (components/danger.py); no decision is "clear".
CLEAR = "clear"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
                           DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class EmergencySafetyNet(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # A distress intent of the classifier counts from this confidence on (the patterns count
        # always); `emergency` counts at any confidence: at worst it adds the "happening now?
        # call 112" line to a topic answer.
        return {"intent_confidence": 0.7, "topic_prefix": "topic_"}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.config = config

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "EmergencySafetyNet":
        return cls(config)

    def process(self, messages: List[Message], tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        previous, last_danger = self._conversation(tracker)
        for message in messages:
            text = message.get(TEXT) or ""
            if BUTTON_PAYLOAD.fullmatch(text):
                continue  # a button's payload ("/affirm"): the reader chose an answer
            assessment = danger.assess(text, previous=previous, classifier_intent=self._classifier_intent(message),
                                       after_danger=last_danger in (danger.NOW, danger.FRAUD_CALL, danger.FRAUD_DOOR))
            self._answer(message, assessment)
            add_entities(self, message, [message_entity(DANGER_SLOT, assessment.danger or CLEAR)])
        return messages

    @staticmethod
    def _conversation(tracker: Optional[DialogueStateTracker]) -> tuple[Text, Optional[Text]]:
        """The reader's previous message and the `danger` slot it left."""
        if tracker is None:
            return "", None
        previous = (tracker.latest_message.text or "") if tracker.latest_message else ""
        return previous, tracker.get_slot(DANGER_SLOT)

    def _classifier_intent(self, message: Message) -> Optional[Text]:
        """The classifier's best intent, ignoring the fallback; danger intents below the
        confidence floor do not count, except `emergency`."""
        ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i["name"] != FALLBACK]
        if not ranking:
            return None
        best = ranking[0]
        if best["name"] == EMERGENCY or best["confidence"] >= self.config["intent_confidence"]:
            return best["name"]
        return None

    def _answer(self, message: Message, assessment: danger.Assessment) -> None:
        intent = (message.get(INTENT) or {}).get("name")
        if assessment.distress:
            self._set_intent(message, DISTRESS_INTENT_OF[assessment.distress])
        elif assessment.danger == danger.NOW:
            self._set_intent(message, EMERGENCY)
        elif assessment.danger in (danger.FRAUD_CALL, danger.FRAUD_DOOR):
            if not self._is_topic(intent):
                self._set_best_topic(message)
        elif assessment.danger == danger.ABOUT:
            if not (self._is_topic(intent) or intent == REPORT_VICTIM or intent in FLOW_ANSWERS):
                self._set_best_topic(message)
        elif intent in SAFETY_INTENTS:
            # The classifier was not sure enough and no pattern agreed: say so, offer topics.
            self._set_intent(message, FALLBACK)

    def _is_topic(self, intent: Optional[Text]) -> bool:
        return bool(intent) and intent.startswith(self.config["topic_prefix"])

    def _set_best_topic(self, message: Message) -> None:
        """The answer selector's topic and section (components/answers.py), else the
        classifier's best-ranked topic."""
        answer = message.get(CANDIDATE)
        if answer:
            self._set_intent(message, answer["intent"])
            add_entities(self, message, [message_entity(TOPIC_SLOT, answer["topic"])])
            return
        for candidate in message.get(INTENT_RANKING_KEY) or []:
            if self._is_topic(candidate["name"]):
                self._set_intent(message, candidate["name"])
                return

    @staticmethod
    def _set_intent(message: Message, name: Text) -> None:
        ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i["name"] != name]
        chosen = {"name": name, "confidence": 1.0}
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen] + ranking, add_to_output=True)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
