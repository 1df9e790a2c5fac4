"""Rasa's graph runner works out which parts of the model a message needs once per target list,
not on every message.

`DaskGraphRunner.run` calls `GraphSchema.minimal_graph_schema(targets)` for every message, and that
walks the graph's dependencies recursively without remembering any (each shared dependency again).
A loaded schema does not change, so the answer for a list of targets is kept on the schema.
Installed with the other serving speed-ups (serving/speedups.py); pinned in
bot/tests/test_rasa_internals.py.
"""
from __future__ import annotations

from typing import List, Optional, Text

from rasa.engine.graph import GraphSchema

rasa_minimal_graph_schema = GraphSchema.minimal_graph_schema
_CACHE = "_preventiewijzer_minimal_schemas"


def minimal_graph_schema(self: GraphSchema, targets: Optional[List[Text]] = None) -> GraphSchema:
    remembered = self.__dict__.setdefault(_CACHE, {})
    key = tuple(targets) if targets else None
    if key not in remembered:
        remembered[key] = rasa_minimal_graph_schema(self, targets)
    return remembered[key]


def install() -> None:
    GraphSchema.minimal_graph_schema = minimal_graph_schema
