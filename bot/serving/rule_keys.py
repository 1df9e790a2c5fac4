"""Rasa's RulePolicy finds the rules that fit the conversation with the same answer, from the
recent states only and remembered.

`RulePolicy._get_possible_keys` filters every rule against every state of the conversation,
walking back from the latest, several times per message: about a third of Rasa's CPU per message
here. Two facts of that function make its answer cheap to reuse, exactly:
- a state further back than the longest rule rules nothing out (`_is_rule_applicable` returns
  True once `turn_index` is past a rule's length), so only the last states up to that length
  are looked at;
- of a state, only whether it has a previous action and the fields some rule names (intent,
  action, slot values, ...) are compared, so the answer is remembered under just those (the
  text of a message, which no rule here names, does not make every message new);
- a rule whose last state names a previous action (and an intent) can only fit a latest state
  with that same action (and intent), so the rules are grouped by those two at load, and a new
  answer is looked for among the few rules of the latest state's groups only.
At most `MAX_REMEMBERED` answers per policy and lookup table. Installed with the other serving
speed-ups (serving/speedups.py); pinned in bot/tests/test_rasa_internals.py;
bot/tests/test_rule_keys.py compares it with Rasa's.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Any, Dict, List, Optional, Set, Text, Tuple

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET

rasa_get_possible_keys = RulePolicy._get_possible_keys
MAX_REMEMBERED = 20_000
_CACHE = "_preventiewijzer_possible_keys"

State = Dict[Text, Dict[Text, Any]]
# The fields the rules are grouped by: what `_does_rule_match_state` requires to be equal.
GROUPED_BY = (("prev_action", "action_name"), ("user", "intent"))


def required_value(state: State, kind: Text, name: Text) -> Optional[Any]:
    """The value a rule's state requires of this field, as `_does_rule_match_state` reads it."""
    value = state.get(kind, {}).get(name)
    if isinstance(value, list):
        value = tuple(value)
    return value if value and value != SHOULD_NOT_BE_SET else None


class RuleTable:
    """What the rules of one lookup table look at, and the answers found so far."""

    def __init__(self, policy: RulePolicy, lookup: Dict[Text, Text]) -> None:
        rules = [policy._rule_key_to_state(key) for key in lookup]
        self.longest = max((len(states) for states in rules), default=0)
        self.fields: List[Tuple[Text, Text]] = sorted(
            {(kind, name) for states in rules for state in states for kind, values in state.items() for name in values})
        self.answers: Dict[Text, frozenset] = {}
        # A rule whose last state has no previous action fits any state that has none either,
        # whatever else it says: such a rule is in the group that requires nothing.
        self.groups: Dict[Tuple, Dict[Text, Text]] = defaultdict(dict)
        for key, action in lookup.items():
            last = policy._rule_key_to_state(key)[-1]
            group = (tuple(required_value(last, kind, name) for kind, name in GROUPED_BY)
                     if last.get(PREVIOUS_ACTION) else (None,) * len(GROUPED_BY))
            self.groups[group][key] = action

    def candidates(self, latest: State) -> Dict[Text, Text]:
        """The rules that can fit this latest state: a superset of the ones that do."""
        values = [latest.get(kind, {}).get(name) for kind, name in GROUPED_BY]
        found: Dict[Text, Text] = {}
        for group in itertools.product(*[(value, None) if value else (None,) for value in values]):
            found.update(self.groups.get(group, {}))
        return found

    def key(self, recent: List[State]) -> Text:
        return repr([(bool(state.get(PREVIOUS_ACTION)),
                      [(kind, name, state[kind][name]) for kind, name in self.fields
                       if name in state.get(kind, {})])
                     for state in recent])


def get_possible_keys(self: RulePolicy, lookup: Dict[Text, Text], states: List[State]) -> Set[Text]:
    # Per policy: its lookup tables do not change after loading; a new model is a new policy.
    tables = self.__dict__.setdefault(_CACHE, {})
    table = tables.get(id(lookup))
    if table is None:
        table = tables[id(lookup)] = RuleTable(self, lookup)
    recent = states[-table.longest:] if table.longest else []
    key = table.key(recent)
    answer = table.answers.get(key)
    if answer is None:
        answer = frozenset(rasa_get_possible_keys(self, table.candidates(recent[-1]) if recent else lookup, recent))
        if len(table.answers) >= MAX_REMEMBERED:
            table.answers.clear()
        table.answers[key] = answer
    return set(answer)


def install() -> None:
    RulePolicy._get_possible_keys = get_possible_keys
