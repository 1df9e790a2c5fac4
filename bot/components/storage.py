"""JSON state of a trained component in Rasa's model storage (one file per component)."""
from __future__ import annotations

import json
from typing import Any, Optional, Text

from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


def save_json(model_storage: ModelStorage, resource: Resource, file_name: Text, data: Any) -> None:
    with model_storage.write_to(resource) as directory:
        (directory / file_name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_json(model_storage: ModelStorage, resource: Resource, file_name: Text) -> Optional[Any]:
    """The saved data, or None when the component was never trained (or its file is unreadable)."""
    try:
        with model_storage.read_from(resource) as directory:
            return json.loads((directory / file_name).read_text(encoding="utf-8"))
    except (ValueError, FileNotFoundError):
        return None
