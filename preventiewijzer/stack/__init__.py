"""The production layout, startable on one machine (`make prod`); see stack.py."""
from .process import StackError
from .stack import CHAT_PATH, Stack

__all__ = ["CHAT_PATH", "Stack", "StackError"]
