"""MkDocs hook: the interface texts of this language's build, from its gettext catalogue.

Templates write `{{ _("English text") }}`; `in_source_language()` gives the same text in the
default language (the draft notice shows both). The chat widget gets its texts as a dictionary,
`script_messages`, in its data attribute. See preventiewijzer/i18n.py.
"""
from __future__ import annotations

from preventiewijzer import i18n


def on_env(env, config, files):
    pw = config["extra"]["pw"]
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(i18n.translations(pw["locale"]), newstyle=True)
    env.globals["in_source_language"] = i18n.translations(pw["source_lang"]).gettext
    env.globals["script_messages"] = i18n.script_messages(pw["locale"])
    return env
