"""Speed-ups of Rasa's own internals, each giving exactly Rasa's answer at less cost per message
(issue 14): event_types (reading stored events back), rule_keys (RulePolicy's rule matching),
graph_schema (the parts of the model a message needs) and log_copies (no deep copies for debug
log lines that nothing reads). Each is pinned in
bot/tests/test_rasa_internals.py and compared with Rasa's own in bot/tests/.

Installed by the modules Rasa loads from endpoints.yml: the answer generator (configured for
every `rasa run` of ours) and the tracker store.
"""
from serving import event_types, graph_schema, log_copies, rule_keys


def install() -> None:
    for speedup in (event_types, graph_schema, log_copies, rule_keys):
        speedup.install()
