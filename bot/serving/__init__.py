"""Serving the bot: the production channel, tracker store, lock store and answer generator that
endpoints.yml and credentials.yml name.

Rasa imports this package for each of them, so importing it installs three speed-ups of Rasa's
own internals, each giving exactly Rasa's answer at less cost per message (issue 14; each
pinned in bot/tests/test_rasa_internals.py and compared with Rasa's in bot/tests/):
event_types (reading stored events back), rule_keys (RulePolicy's rule matching) and
graph_schema (the parts of the model a message needs).
"""
from serving import event_types, graph_schema, rule_keys

for _speedup in (event_types, graph_schema, rule_keys):
    _speedup.install()
