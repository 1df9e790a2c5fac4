"""MkDocs hook: the interface texts of this language's build, from its gettext catalogue.

Templates write `{{ _("English text") }}`; `in_source_language()` gives the same text in the
default language (the draft notice shows both). The chat widget gets its texts as a dictionary,
`script_messages`, in its data attribute. See compiler/preventiewijzer/i18n.py. The catalogues'
directory comes from the compiler (extra.pw.locales_dir); the scripts are this theme's own.
"""
from __future__ import annotations

from pathlib import Path

from preventiewijzer import i18n


def on_env(env, config, files):
    pw = config["extra"]["pw"]
    locales = Path(pw["locales_dir"])
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(i18n.translations(locales, pw["locale"]), newstyle=True)
    env.globals["in_source_language"] = i18n.translations(locales, pw["source_lang"]).gettext
    scripts = Path(config["theme"].custom_dir) / "assets"
    env.globals["script_messages"] = i18n.script_messages(locales, pw["locale"], scripts)
    return env
