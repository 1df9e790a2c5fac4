"""The bot's own Python tests run in the bot's environment (Rasa 3.6), from bot/ (`make test`)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # components/ and serving/
