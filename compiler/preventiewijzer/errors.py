"""Content errors that name the file, the field and the reason."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    file: str  # path relative to the repository root, e.g. content/<lang>/hulp/contact.md
    field: str  # front matter field, or "body", "front matter", "file"
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.reason}"


class ContentInvalid(Exception):
    """Raised when the content tree has one or more errors; carries all of them."""

    def __init__(self, errors: list[ContentError]):
        self.errors = errors
        lines = "\n".join(f"  - {e}" for e in errors)
        super().__init__(f"{len(errors)} content error(s):\n{lines}")
