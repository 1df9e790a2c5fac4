"""RulePolicy's rule matching from the recent states, remembered, gives exactly Rasa's answer."""
from __future__ import annotations

import json
import random

from rasa.core.policies.rule_policy import RulePolicy

from serving import rule_keys

INTENTS = ["greet", "topic_a", "topic_b", "affirm", "deny"]
ACTIONS = ["action_listen", "utter_a", "utter_b", "utter_ask", "utter_emergency"]


def state(chooser: random.Random, first: bool = False) -> dict:
    result = {"user": {"intent": chooser.choice(INTENTS)}}
    if not first:
        result["prev_action"] = {"action_name": chooser.choice(ACTIONS)}
    if chooser.random() < 0.3:
        result["slots"] = {"danger": (1.0,) if chooser.random() < 0.5 else (0.0,)}
    return result


def conversation_state(chooser: random.Random, first: bool = False) -> dict:
    """As the policy sees a turn: also fields no rule names (the message's text)."""
    result = state(chooser, first)
    if chooser.random() < 0.5:
        result["user"] = {"text": f"message {chooser.random()}"}  # Rasa's text-based prediction
    return result


def rule(chooser: random.Random) -> str:
    length = chooser.randint(1, 4)
    states = [state(chooser, first=index == 0 and chooser.random() < 0.2) for index in range(length)]
    for rule_state in states:
        if chooser.random() < 0.15:
            del rule_state["user"]  # a rule step after an action: no user part
    return json.dumps(states, sort_keys=True)


def test_the_remembered_recent_answer_is_rasas_answer_on_the_whole_conversation():
    chooser = random.Random(14)
    policy = RulePolicy.__new__(RulePolicy)  # only the matching methods, no trained model
    lookup = {rule(chooser): f"utter_{n}" for n in range(300)}
    matched = 0
    for _ in range(2000):
        states = [conversation_state(chooser, first=index == 0) for index in range(chooser.randint(1, 12))]
        expected = rule_keys.rasa_get_possible_keys(policy, lookup, states)
        assert rule_keys.get_possible_keys(policy, lookup, states) == expected
        assert rule_keys.get_possible_keys(policy, lookup, states) == expected  # and when remembered
        matched += bool(expected)
    assert matched > 100  # the comparison covered conversations that some rule fits
