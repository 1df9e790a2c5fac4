"""Does a message describe danger, and is it happening now? The decision of the 112 safety net.

Kept apart from the Rasa component (safety_net.py), so it can be read and tested on its own; the
patterns themselves are data in danger_patterns.py. The design fails toward 112:

- danger NOW (a threat with a present cue, a cry of panic, a threat right after a danger reply,
  or a threat added to a scene of the previous message): the emergency reply, nothing else;
- fraud in progress (a caller on the line, someone on the way to the door): its own reply, whose
  first line also names 112;
- ABOUT danger (a threat with no present cue, or the classifier's `emergency` without one): a
  first line "happening now? call 112", then the topic answer;
- a general how-to question with no scene ("how do I prevent a robbery?"): the topic, as usual.
Nothing cancels a present cue. Distress we have no page for (domestic and sexual violence,
suicide) gets its helpline, whose first line names 112, with the emergency reply first when
violence is happening now.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, List, Optional

from components import danger_patterns as patterns

NOW, ABOUT, FRAUD_CALL, FRAUD_DOOR = "now", "about", "fraud_call", "fraud_door"

# The trained intents that are a danger signal of their own (combined with the patterns by OR).
# Fraud in progress has none: its trained examples drew questions away from the fraud topics.
EMERGENCY_INTENT = "emergency"
DISTRESS_INTENTS = {"distress_domestic": "domestic", "distress_sexual": "sexual", "distress_suicide": "suicide"}


@dataclass(frozen=True)
class Assessment:
    danger: Optional[str] = None  # NOW, ABOUT, FRAUD_CALL, FRAUD_DOOR or None
    distress: Optional[str] = None  # domestic, sexual, suicide or None


def normalize(text: str) -> str:
    """Casefolded, without accents or the dots under Tarifit letters; ɣ as gh, ɛ as 3."""
    text = text.casefold().replace("ɣ", "gh").replace("ɛ", "3").replace("’", "'").replace("‘", "'")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


def _compile(by_language: Dict[str, List[str]]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for ps in by_language.values() for p in ps))


def _compile_any(by_language: Dict[str, str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in by_language.values()))


THREAT = _compile(patterns.THREAT)
PRESENT = [re.compile(p) for ps in patterns.PRESENT.values() for p in ps]
CRY_FOR_HELP = _compile(patterns.CRY_FOR_HELP)
WEAK_PRESENT = _compile(patterns.WEAK_PRESENT)
CONDITIONAL = _compile_any(patterns.CONDITIONAL)
PAST = _compile(patterns.PAST)
GENERAL = _compile(patterns.GENERAL)
QUESTION = _compile_any(patterns.QUESTION)
CRY = _compile(patterns.CRY)
VIOLENT = _compile(patterns.VIOLENT)
DISTRESS = {kind: _compile(by_language) for kind, by_language in patterns.DISTRESS.items()}
FRAUD = {FRAUD_CALL: (_compile(patterns.FRAUD_CALL["ongoing"]), _compile(patterns.FRAUD_CALL["trick"])),
         FRAUD_DOOR: (_compile(patterns.FRAUD_DOOR["coming"]), _compile(patterns.FRAUD_DOOR["trick"]))}
FUZZY_WORDS = sorted({w for words in patterns.FUZZY_WORDS.values() for w in words})


def has_threat(text: str) -> bool:
    if THREAT.search(text):
        return True
    # Typos of the key words: "overvl", "inbrak", "pistol".
    return any(is_key_word_typo(word) for word in re.findall(r"\w{6,}", text))


@functools.lru_cache(maxsize=50_000)
def is_key_word_typo(word: str) -> bool:
    """Remembered: people use the same words again and again, and difflib is slow."""
    return bool(difflib.get_close_matches(word, FUZZY_WORDS, n=1, cutoff=0.8))


def has_present_cue(text: str) -> bool:
    """A sign that the scene is happening now; a cue right after 'if' / 'als' does not count, nor
    a cry for help in a how-to question, nor a weak 'now' in a story of the past."""
    def unconditional(pattern: re.Pattern) -> bool:
        return any(not CONDITIONAL.search(text[max(0, m.start() - 30):m.start()]) for m in pattern.finditer(text))

    if any(unconditional(pattern) for pattern in PRESENT):
        return True
    if CRY_FOR_HELP.search(text) and not GENERAL.search(text):
        return True
    return unconditional(WEAK_PRESENT) and not PAST.search(text)


def is_panic(text: str, threat: bool) -> bool:
    """A short cry with no question in it: "overval!!", "help", "inbraak", "ze zijn binnen"
    (`threat`: has_threat(text), already known to the caller)."""
    words = re.findall(r"\w+", text)
    return 0 < len(words) <= patterns.PANIC_MAX_WORDS and not QUESTION.search(text) and (
        threat or bool(CRY.search(text)))


def fraud_in_progress(text: str, present: bool) -> Optional[str]:
    if VIOLENT.search(text):
        return None  # a weapon or violence at the door is danger now
    if GENERAL.search(text) and not present:
        return None  # "does the bank ever send a courier?" is a question, not a visit
    for kind, (going_on, trick) in FRAUD.items():
        if going_on.search(text) and trick.search(text):
            return kind
    return None


def distress_kind(text: str, classifier_intent: Optional[str]) -> Optional[str]:
    for kind, pattern in DISTRESS.items():
        if pattern.search(text):
            return kind
    return DISTRESS_INTENTS.get(classifier_intent or "")


def assess(text: str, previous: str = "", after_danger: bool = False,
           classifier_intent: Optional[str] = None) -> Assessment:
    """The safety decision for one message.

    previous: the reader's previous message in this conversation ("er staat een man bij de
    kassa" then "hij heeft een mes"); after_danger: the bot's last answer was a danger reply;
    classifier_intent: the intent classifier's best guess (the safety net passes a distress
    intent only above its confidence floor, `emergency` always).
    """
    text = normalize(text)
    threat, present = has_threat(text), has_present_cue(text)
    distress = distress_kind(text, classifier_intent)
    if distress:
        # Thoughts of suicide get their own reply, which starts with 112, never the robbery-style
        # emergency reply ("get to a safe place, do not fight back").
        return Assessment(NOW if present and distress != "suicide" else ABOUT, distress)
    fraud = fraud_in_progress(text, present)
    if fraud:
        return Assessment(fraud)
    if is_panic(text, threat) or (threat and (present or after_danger)):
        return Assessment(NOW)
    if previous:
        before = normalize(previous)
        # A scene told in two messages: a present scene, then the threat ("er staat een man bij de
        # kassa", "hij heeft een mes"), or a threat, then its present ("he's following me", "now
        # he is running at me").
        if (threat and has_present_cue(before)) or (present and has_threat(before)):
            return Assessment(NOW)
    if classifier_intent == EMERGENCY_INTENT:
        return Assessment(NOW if present else ABOUT)
    if threat and (PAST.search(text) or not GENERAL.search(text)):
        return Assessment(ABOUT)
    return Assessment()
