"""The one way the harness starts the bot: `rasa run` with the trained model, the REST channel on
127.0.0.1 and a given port, our components importable. Tests, benchmarks, `make run` and the
production stack all start it through `rasa_run`."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from preventiewijzer import deploy

REPO = Path(__file__).resolve().parents[2]  # the harness runs from the repository, never installed
BOT = REPO / "bot"
DEFAULT_MODEL = BOT / "models" / "preventiewijzer.tar.gz"
DEFAULT_RASA = REPO / ".venv" / "bot" / "bin" / "rasa"


def model_path() -> Path:
    """The model `make train` built (PW_MODEL when make passes it)."""
    return Path(os.environ.get("PW_MODEL") or DEFAULT_MODEL)


def rasa_executable() -> Path:
    return Path(os.environ.get("PW_RASA") or DEFAULT_RASA)


@dataclass(frozen=True)
class RasaCommand:
    args: list[str]
    env: dict[str, str]
    cwd: Path


def rasa_run(port: int, *, endpoints: Path = BOT / "endpoints.yml", credentials: Path = BOT / "credentials.yml",
             model: Path | None = None, rasa: Path | None = None, cors: str | None = None,
             env: dict[str, str] | None = None, bot: Path = BOT) -> RasaCommand:
    """`rasa run` on 127.0.0.1:port, with the arguments of every deployment target
    (preventiewijzer.deploy.rasa_arguments: no --enable-api). `bot`: the bot
    directory whose components and serving code run (another checkout's, for a benchmark)."""
    args = [str(rasa or rasa_executable()), *deploy.rasa_arguments(
        model=str(model or model_path()), port=port, interface="127.0.0.1", endpoints=str(endpoints),
        credentials=str(credentials), cors=cors)]
    environment = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "PYTHONPATH": str(bot), **(env or {})}
    return RasaCommand(args, environment, bot)
