"""NLU component: which topic, and which section of its page, answers the message.

The intent classifier knows only the questions written for each topic. This component adds what
the pages say, where the reader is and what was just said:

- **search** (BM25, `bm25s`, over the titles, headings and text of every page in every language,
  Snowball-stemmed for Dutch and English, Tarifit as written): a word that appears only in a
  page's text still reaches that page;
- **context**: the conversation's current topic (the `topic` slot, set by the last answer) or,
  when there is none or the reader moved to another page, the topic of the page the chat is on
  (REST `metadata.page`). A message that names no topic of its own ("how do I apply?", "what
  if he won't leave?") is answered for it;
- **the section**: of the chosen topic, the section whose text matches the message best answers
  it (the `topic` entity `<topic>#<anchor>` picks the response variation with its first sentences
  and a link to it); without a clear match, the page summary (`<topic>`).

Each topic's score is the classifier's probability plus the weighted search score, plus a bonus
for the context topic. The best topic is answered when its score reaches `answer_threshold`
and beats the classifier's `out_of_scope`; otherwise the intent stays as the classifier said
(out of scope, or unsure with topic suggestions). A greeting, a "yes" or a danger intent the
classifier is sure of is left alone. The 112 safety net comes after this component and can
override anything it decides.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Text, Tuple

import bm25s
import bm25s.stopwords
import numpy as np
import Stemmer  # PyStemmer: the Snowball stemmers in C (pure Python took 8 s to index the pages)

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.entities import add_entities, message_entity
from components.storage import load_json, save_json

TOPIC_SLOT = "topic"
PAGE_SLOT = "page"
# Where this component leaves its best topic answer when it keeps another intent, for the safety
# net, which may still answer with a topic ("happening now? call 112", then the topic).
CANDIDATE = "answer_candidate"
FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
DATA_FILE = "answers.json"
_WORD = re.compile(r"\w+", re.UNICODE)
_PAGE_PATH = re.compile(r"/[a-z0-9/-]{1,200}")


def words(text: Text) -> List[Text]:
    """Lower-case words without accents (ḥ -> h, é -> e), so a typed 'ḍ' or 'e' still matches."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _WORD.findall("".join(c for c in decomposed if not unicodedata.combining(c)))


def stopwords(snowball_name: Text) -> frozenset:
    """The stop words bm25s ships for a Snowball language name ("dutch", "english")."""
    name = {"english": "EN"}.get(snowball_name, snowball_name.upper())
    return frozenset(getattr(bm25s.stopwords, f"STOPWORDS_{name}", ()))


def button_payload(intent: Text) -> Text:
    """A button's payload for a topic's summary, without the leading slash: the intent and the
    `topic` slot, so the answer after a button is the summary in the conversation's language."""
    topic = intent.removeprefix("topic_").replace("_", "-")
    return f'{intent}{{"{TOPIC_SLOT}": "{topic}"}}'


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
                           DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=True)
class AnswerSelector(GraphComponent, EntityExtractorMixin):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {
            "sections_file": "answers/sections.json",  # written by `python -m preventiewijzer bot-data`
            "search_weight": 0.5,  # what a full search match adds to a topic's probability
            "search_scale": 8.0,  # the BM25 score that counts as a full match...
            "search_floor": 2.0,  # ...above this one, what a few common words reach
            "search_spread": 2.0,  # how fast a topic's search score falls behind the best's
            "context_weight": 1.0,  # the bonus of the conversation's or the page's topic
            "answer_threshold": 0.45,  # below it, the classifier's own answer (unsure, out of scope)
            "out_of_scope_weight": 0.7,  # ...and below this times the classifier's out_of_scope
            # The classifier sure it is out of scope, and the topic's text not matching (this share
            # of a full match): out of scope, whatever the page or conversation.
            "out_of_scope_sure": 0.6,
            "min_match": 0.4,
            "section_min_score": 2.0,  # a section answers from this BM25 score on, else the summary
            "keep_confidence": 0.6,  # a non-topic intent (greet, affirm) kept from here on
            # ...and `emergency` at any confidence: the safety net decides about danger (it may still
            # answer with this component's topic, after "happening now? call 112").
            "always_keep": ["emergency"],
            "topic_prefix": "topic_",
            "heading_weight": 3,
            "k1": 0.9,
            "b": 0.75,
        }

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 data: Optional[Dict[Text, Any]] = None) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self._build(data)

    @classmethod
    def create(cls, config, model_storage, resource, execution_context) -> "AnswerSelector":
        return cls(config, model_storage, resource)

    # --- the index -----------------------------------------------------------------------------
    def _build(self, data: Optional[Dict[Text, Any]]) -> None:
        """The search index, built at load: a few hundred short documents take milliseconds."""
        # Snowball stemmers and stop words by language code (content/site.yml); a language without
        # a stemmer (Tarifit) is searched as written.
        stemmers = (data or {}).get("stemmers", {})
        self._stemmers = {lang: Stemmer.Stemmer(name) for lang, name in stemmers.items()}
        self._stopwords = {lang: stopwords(name) for lang, name in stemmers.items()}
        self._any_stopwords = frozenset().union(*self._stopwords.values())
        self._languages = (data or {}).get("languages", [])
        self.topics: List[Text] = []
        self.page_topics: Dict[Text, Text] = {}  # page path -> topic
        self._doc_topic: List[int] = []  # document -> index in self.topics
        self._doc_anchor: List[Optional[Text]] = []
        if not data:
            self._index = None
            return
        corpus = []
        for topic, spec in data["topics"].items():
            self.topics.append(topic)
            self.page_topics.update({path: topic for path in spec["pages"].values()})
            for document in spec["documents"]:
                # A heading says what its section answers: its words count `heading_weight` times.
                heading = self._terms(document["heading"], document["language"]) * self.config["heading_weight"]
                corpus.append(heading + self._terms(document["text"], document["language"]))
                self._doc_topic.append(len(self.topics) - 1)
                self._doc_anchor.append(document["anchor"])
        self._intents = [data["topics"][t]["intent"] for t in self.topics]
        self._doc_topic_array = np.asarray(self._doc_topic)
        self._index = bm25s.BM25(k1=self.config["k1"], b=self.config["b"])
        self._index.index(corpus, show_progress=False)
        self._vocabulary = self._index.vocab_dict

    def _terms(self, text: Text, language: Text) -> List[Text]:
        """The search terms of a text in a language: its words less the stop words, stemmed;
        in a language without a stemmer, the words as written."""
        stemmer = self._stemmers.get(language)
        if stemmer is None:
            # As written, less what is a stop word in any language: Tarifit messages and pages
            # hold Dutch words too, and "wat is een" must not decide a topic.
            return [word for word in words(text) if word not in self._any_stopwords]
        stop = self._stopwords[language]
        return stemmer.stemWords([word for word in words(text) if word not in stop])

    def search(self, text: Text) -> np.ndarray:
        """BM25 score of every document; the query in every language, as its language is unknown."""
        query = sorted({term for language in self._languages for term in self._terms(text, language)
                        if term in self._vocabulary})
        if self._index is None or not query:
            return np.zeros(len(self._doc_topic))
        return self._index.get_scores(query)

    def topic_scores(self, document_scores: np.ndarray) -> np.ndarray:
        """Per topic its best document's score."""
        best = np.zeros(len(self.topics))
        np.maximum.at(best, self._doc_topic_array, document_scores)
        return best

    def best_section(self, topic_index: int, document_scores: np.ndarray) -> Optional[Text]:
        """The anchor of the topic's best-matching section, or None for the summary."""
        best_anchor, best_score = None, self.config["section_min_score"]
        for document in np.flatnonzero(self._doc_topic_array == topic_index):
            anchor = self._doc_anchor[document]
            if anchor and document_scores[document] >= best_score:
                best_anchor, best_score = anchor, document_scores[document]
        return best_anchor

    # --- training ------------------------------------------------------------------------------
    def train(self, training_data: TrainingData) -> Resource:
        path = Path(self.config["sections_file"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ValueError(f"AnswerSelector: cannot read {path} ({error}); "
                             "run `python -m preventiewijzer bot-data` first.") from error
        self._build(data)
        save_json(self._model_storage, self._resource, DATA_FILE, data)
        return self._resource

    @classmethod
    def load(cls, config, model_storage, resource, execution_context, **kwargs) -> "AnswerSelector":
        return cls(config, model_storage, resource, load_json(model_storage, resource, DATA_FILE))

    # --- answering -----------------------------------------------------------------------------
    def page_topic(self, message: Message) -> Tuple[Optional[Text], Optional[Text]]:
        """The page the chat is on (REST `metadata.page`, a path of this site) and its topic."""
        metadata = message.get("metadata") or {}
        page = metadata.get("page") if isinstance(metadata, dict) else None
        if not isinstance(page, str) or not _PAGE_PATH.fullmatch(page):
            return None, None
        page = page if page.endswith("/") else page + "/"
        return page, self.page_topics.get(page)

    @staticmethod
    def context_topic(tracker: Optional[DialogueStateTracker], page: Optional[Text],
                      page_topic: Optional[Text]) -> Optional[Text]:
        """The topic a message without its own topic is about: the conversation's, unless the
        reader has since moved to another topic's page."""
        current = tracker.get_slot(TOPIC_SLOT) if tracker else None
        current = current.split("#", 1)[0] if isinstance(current, str) and current else None
        moved = page_topic and page != (tracker.get_slot(PAGE_SLOT) if tracker else None)
        return page_topic if moved or not current else current

    def process(self, messages: List[Message], tracker: Optional[DialogueStateTracker] = None) -> List[Message]:
        for message in messages:
            page, page_topic = self.page_topic(message)
            if page:
                add_entities(self, message, [message_entity(PAGE_SLOT, page)])
            if self._index is not None and (message.get(TEXT) or "").strip():
                self._answer(message, self.context_topic(tracker, page, page_topic))
        return messages

    def _answer(self, message: Message, context: Optional[Text]) -> None:
        ranking = [i for i in message.get(INTENT_RANKING_KEY) or [] if i["name"] != FALLBACK]
        choice = self.choose(ranking, self.search(message.get(TEXT)), context)
        if choice is None:
            return
        intent, key, confidence, answers = choice
        if not answers:
            message.set(CANDIDATE, {"intent": intent, "topic": key})
            return
        chosen = {"name": intent, "confidence": confidence}
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen] + [i for i in ranking if i["name"] != intent], add_to_output=True)
        add_entities(self, message, [message_entity(TOPIC_SLOT, key)])

    def choose(self, ranking: List[Dict[Text, Any]], document_scores: np.ndarray,
               context: Optional[Text]) -> Optional[Tuple[Text, Text, float, bool]]:
        """The best topic's intent, its answer key (`<topic>` or `<topic>#<anchor>`), its score,
        and whether it answers (else the classifier's own intent stays); None without topics."""
        if not self.topics:
            return None
        config = self.config
        confidence = {i["name"]: i["confidence"] for i in ranking}
        raw = self.topic_scores(document_scores)
        # The best match counts by how far it rises above a few common words (`search_floor`);
        # the others by how close they come to it.
        strength = min(max(raw.max() - config["search_floor"], 0.0) / config["search_scale"], 1.0)
        search = strength * np.exp((raw - raw.max()) / config["search_spread"])
        scores = np.asarray([confidence.get(intent, 0.0) for intent in self._intents])
        scores = scores + config["search_weight"] * search
        if context in self.topics:
            # Whether or not the message matches the topic's text: "wat moet ik doen?" does not.
            # (Scaling the bonus by the match cost a third of the follow-ups on the tuning half.)
            scores[self.topics.index(context)] += config["context_weight"]
        best = int(scores.argmax())
        section = self.best_section(best, document_scores)
        key = f"{self.topics[best]}#{section}" if section else self.topics[best]

        top = ranking[0] if ranking else None
        keeps_own_intent = top and (top["name"] in config["always_keep"] or (
            not top["name"].startswith(config["topic_prefix"]) and top["name"] != OUT_OF_SCOPE
            and top["confidence"] >= config["keep_confidence"]))
        out_of_scope = confidence.get(OUT_OF_SCOPE, 0.0)
        unrelated = (out_of_scope >= config["out_of_scope_sure"]
                     and raw[best] < config["min_match"] * config["search_scale"])
        answers = (scores[best] >= config["answer_threshold"]
                   and scores[best] >= config["out_of_scope_weight"] * out_of_scope and not unrelated)
        return self._intents[best], key, float(min(scores[best], 1.0)), bool(answers and not keeps_own_intent)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
