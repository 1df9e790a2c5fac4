"""Where the compiler reads and writes: every directory is a setting, none is found from this file.

`Layout.of(project)` is the repository's own arrangement (README, "Layout"); the command line can
point any part elsewhere, so an installed package compiles any content into any directory.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layout:
    content: Path  # pages per language, site.yml, facts.yml, bot.yml and locales/ (interface texts)
    mkdocs_config: Path  # the base MkDocs configuration (theme overrides and hooks sit beside it)
    folder_templates: Path  # HTML and CSS of the printable folders
    bot: Path  # the Rasa project: generated training data and domain are written into it
    deploy_templates: Path  # nginx, Rasa and Redis configuration templates
    build: Path  # default parent of every output

    @classmethod
    def of(cls, project: Path) -> "Layout":
        project = project.resolve()
        return cls(
            content=project / "content",
            mkdocs_config=project / "mkdocs.yml",
            folder_templates=project / "folders",
            bot=project / "bot",
            deploy_templates=project / "deploy" / "templates",
            build=project / "build",
        )
