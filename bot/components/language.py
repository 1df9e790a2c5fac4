"""NLU component: which language the conversation is in.

Two entities feed two slots that every response variation is conditioned on:
- `page_language`: the language of the page the reader chats from (REST `metadata.language`);
- `chosen_language`: a language the reader asked for ("in English please") or clearly wrote in.
The chosen language wins; while there is none, the page language decides. A short or unclear
message sets no `chosen_language`, so the conversation keeps the language it had.

The language of a message is recognised by a naive Bayes model on character n-grams, trained on
our own training examples (each example block carries `metadata: {language: ..}`): no downloaded
model. Its parameters are stored as JSON, not pickled. The languages are those of the training
examples, which the compiler writes for every language of content/site.yml: no list here.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.naive_bayes import MultinomialNB

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.entities import add_entities, message_entity
from components.storage import load_json, save_json

PAGE_LANGUAGE = "page_language"
CHOSEN_LANGUAGE = "chosen_language"
MODEL_FILE = "language_model.json"

# Explicit requests to switch, in any of the site's languages: a language name... (data per
# language code: tests/test_language_data.py fails when a language of content/site.yml lacks it)
LANGUAGE_NAMES = {
    "nl": r"(nederlands|dutch|hulandit|tahulandit)",
    "en": r"(english|engels|tanglizit|taneglizit)",
    "ber": r"(tarifit|tarifiyt|tmaziɣt|tamaziɣt|tamazight|berbers?|riffijns)",
}
# ...alone ("English?"), after a verb of speaking, or before a polite word. A question about
# something in another language ("is de folder er ook in het Engels?") is not a request.
SPEAK = r"(speak|talk|answer|reply|write|continue|switch|praat|spreek|antwoord|schrijf|verder|ssiwel|ari|sseqqar)"
POLITE = r"(please|pls|plz|graag|alsjeblieft|alstublieft|aub|svp|ɛafak|ɛafakum)"


def requested_language(text: Text) -> Optional[Text]:
    """A language the reader explicitly asks for, e.g. 'in English please', 'Nederlands graag'."""
    lowered = " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
    for language, name in LANGUAGE_NAMES.items():
        if re.fullmatch(rf"((in|op|s) )?(het )?{name}", lowered):
            return language
        spoken = re.search(rf"\b{SPEAK}.*\b{name}\b", lowered) or re.search(rf"\b{name}\b.*\b{SPEAK}", lowered)
        if spoken or re.search(rf"\b{name}\b.{{0,12}}\b{POLITE}\b", lowered):
            return language
    return None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class LanguageDetector(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "min_words": 3,  # shorter messages ("ok", "hallo") are not evidence of a language
            # Once the conversation has a language, a short follow-up ("en als hij niet weggaat?")
            # does not switch it: only a message of this many words, or an explicit request.
            "min_words_to_switch": 8,
            "min_probability": 0.95,
            "ngram_range": [1, 4],
        }

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[Dict[Text, Any]] = None) -> None:
        self.config = config
        # Untrained: the page language and explicit requests still work, for the known names.
        self.languages = list(model["classes"]) if model else list(LANGUAGE_NAMES)
        self._model_storage = model_storage
        self._resource = resource
        self._model = model
        self._vectorizer = self._make_vectorizer(model["vocabulary"]) if model else None
        self._prepare_arrays()

    def _prepare_arrays(self) -> None:
        # Once, not per message: turning the stored lists into arrays cost ~2 ms every message.
        # Transposed and C-ordered, so the sparse product reads it without a copy.
        if self._model:
            self._log_prob_t = np.ascontiguousarray(np.asarray(self._model["feature_log_prob"]).T)
            self._log_prior = np.asarray(self._model["class_log_prior"])

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "LanguageDetector":
        return cls(config, model_storage, resource)

    def _make_vectorizer(self, vocabulary: Optional[Dict[Text, int]] = None) -> CountVectorizer:
        low, high = self.config["ngram_range"]
        return CountVectorizer(analyzer="char_wb", ngram_range=(low, high), lowercase=True, vocabulary=vocabulary)

    # --- training ---------------------------------------------------------------------------
    @staticmethod
    def example_language(message: Message) -> Optional[Text]:
        metadata = message.get("metadata") or {}
        intent_metadata = metadata.get("intent") or {}
        return intent_metadata.get("language") if isinstance(intent_metadata, dict) else None

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels = [], []
        for message in training_data.intent_examples:
            language = self.example_language(message)
            if language:
                texts.append(message.get(TEXT))
                labels.append(language)
        if len(set(labels)) < 2:
            raise ValueError("LanguageDetector needs training examples in at least two languages "
                             "(intent metadata `language`).")
        vectorizer = self._make_vectorizer()
        counts = vectorizer.fit_transform(texts)
        classifier = MultinomialNB(alpha=0.1).fit(counts, labels)
        self._model = {
            "vocabulary": {gram: int(index) for gram, index in vectorizer.vocabulary_.items()},
            "classes": [str(c) for c in classifier.classes_],
            "class_log_prior": classifier.class_log_prior_.tolist(),
            "feature_log_prob": classifier.feature_log_prob_.tolist(),
        }
        self._vectorizer = self._make_vectorizer(self._model["vocabulary"])
        self.languages = list(self._model["classes"])
        self._prepare_arrays()
        save_json(self._model_storage, self._resource, MODEL_FILE, self._model)
        return self._resource

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs) -> "LanguageDetector":
        # Untrained (None): the page language and explicit requests still work.
        return cls(config, model_storage, resource, load_json(model_storage, resource, MODEL_FILE))

    # --- inference --------------------------------------------------------------------------
    def detect(self, text: Text) -> Tuple[Optional[Text], float]:
        """Most likely language of the text and its probability; (None, 0) when untrained."""
        if not self._model or not text.strip():
            return None, 0.0
        counts = self._vectorizer.transform([text])
        if counts.nnz == 0:
            return None, 0.0
        scores = counts @ self._log_prob_t + self._log_prior
        scores = np.asarray(scores).ravel()
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        best = int(probabilities.argmax())
        return self._model["classes"][best], float(probabilities[best])

    def chosen_language(self, text: Text, current: Optional[Text] = None) -> Optional[Text]:
        """The language the reader asked for or clearly wrote in; `current` is the conversation's
        language so far, which a short message does not change."""
        requested = requested_language(text)
        if requested:
            return requested
        if len(text.split()) < self.config["min_words_to_switch" if current else "min_words"]:
            return None
        language, probability = self.detect(text)
        return language if probability >= self.config["min_probability"] else None

    def page_language(self, message: Message) -> Optional[Text]:
        metadata = message.get("metadata") or {}
        language = metadata.get("language") if isinstance(metadata, dict) else None
        return language if isinstance(language, str) and language in self.languages else None

    def process(self, messages: List[Message], tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        for message in messages:
            found = []
            page = self.page_language(message)
            if page:
                found.append(message_entity(PAGE_LANGUAGE, page))
            current = tracker.get_slot(CHOSEN_LANGUAGE) or tracker.get_slot(PAGE_LANGUAGE) if tracker else None
            chosen = self.chosen_language(message.get(TEXT) or "", current)
            if chosen:
                found.append(message_entity(CHOSEN_LANGUAGE, chosen))
            add_entities(self, message, found)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
