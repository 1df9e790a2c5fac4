"""The help numbers, from one place: the box on every folder and page, and the reply shown when the
chat cannot reach the bot (by the chat itself, by Rasa's channel and by nginx)."""
from __future__ import annotations

from .i18n import gettext_for
from .model import ContentTree


def help_numbers(tree: ContentTree, lang: str) -> list[dict]:
    """label, number and tel of every number in content/site.yml `folder_numbers`, in its order."""
    return [{"label": labels[lang], **tree.facts["phone"][key]} for key, labels in tree.settings.folder_numbers.items()]


def unavailable_text(tree: ContentTree, lang: str) -> str:
    """"The chat is not working right now", with the numbers to call instead. Its first line is
    112, like every answer of the bot."""
    _ = gettext_for(tree, lang)
    emergency = tree.facts["phone"]["emergency"]
    others = [f"{n['label']}: {n['number']}" for n in help_numbers(tree, lang) if n["tel"] != emergency["tel"]]
    return "\n".join([f"{_('Emergency: call')} {emergency['number']}.",
                      _("The chat is not working right now. Try again in a moment, or call:"), *others])
