"""The remembered minimal graph schema is Rasa's."""
from __future__ import annotations

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.graph import GraphSchema, SchemaNode

from serving import graph_schema


def node(*needs: str, target: bool = False) -> SchemaNode:
    return SchemaNode(needs={f"in{i}": need for i, need in enumerate(needs)}, uses=RulePolicy,
                      constructor_name="load", fn="predict_action_probabilities", config={}, is_target=target)


def test_the_remembered_minimal_schema_is_rasas():
    schema = GraphSchema({"a": node(), "b": node("a"), "c": node("a", "b"), "d": node("c", target=True),
                          "e": node("b", target=True), "unused": node("a")})
    for targets in (None, ["d"], ["e"], ["d", "e"]):
        expected = graph_schema.rasa_minimal_graph_schema(schema, targets)
        assert graph_schema.minimal_graph_schema(schema, targets) == expected
        assert graph_schema.minimal_graph_schema(schema, targets) == expected
    assert set(graph_schema.minimal_graph_schema(schema, ["e"]).nodes) == {"a", "b", "e"}
