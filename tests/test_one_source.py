"""One source for each fact of configuration: the site's languages live in content/site.yml and
reach the channel, the language detector, the slots, nginx and the suggestions from there; the
help numbers come from one function. This test reads the code and configuration we write (not
the content, the tests or generated files) for a language code used as a setting."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SITE = yaml.safe_load((REPO / "content/site.yml").read_text(encoding="utf-8"))
CODES = [language["code"] for language in SITE["languages"]]
CODE = "|".join(map(re.escape, CODES))
Q = r"[\"']?"

SETTINGS = {
    "a list of language codes": re.compile(rf"[\[(]\s*{Q}(?:{CODE}){Q}\s*(?:[,|]\s*{Q}(?:{CODE}){Q}\s*)+[\])]"),
    "a default language": re.compile(rf"default[_ ]language{Q}\s*[:=]\s*{Q}(?:{CODE})\b", re.IGNORECASE),
    "a language setting": re.compile(rf"^\s*{Q}(?:language|languages|lang){Q}\s*[:=]\s*{Q}(?:{CODE}){Q}\s*(?:#.*)?$"),
    "a language's path": re.compile(rf"/(?:{CODE})(?:/|\s|$)"),
}
# Rasa requires one pipeline language in config.yml; only language-specific components read it and
# this pipeline has none (bot/config.yml says so), so it does not decide the site's languages.
ALLOWED = {("bot/config.yml", "a language setting")}
# Our code and configuration; content/, tests, benchmarks and generated files are not settings.
SKIP = re.compile(r"^(content/|tests/|bench/|bot/data/generated/|bot/domain/generated\.yml|bot/tests/|README\.md)")
KINDS = (".py", ".yml", ".yaml", ".j2", ".html", ".js", ".cfg", ".toml", "Makefile")


def our_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split()
    return [path for path in listed if path.endswith(KINDS) and not SKIP.match(path) and (REPO / path).is_file()]


def settings_found() -> list[str]:
    found = []
    for path in our_files():
        for number, line in enumerate((REPO / path).read_text(encoding="utf-8").splitlines(), start=1):
            for kind, pattern in SETTINGS.items():
                if pattern.search(line) and (path, kind) not in ALLOWED:
                    found.append(f"{path}:{number}: {kind}: {line.strip()}")
    return found


def test_the_language_codes_are_set_only_in_content_site_yml():
    assert settings_found() == [], "read these from content/site.yml instead"


def test_the_scan_finds_the_settings_it_looks_for():
    # The patterns must catch what the layout review found, or the test above proves nothing.
    examples = ['LANGUAGES = ("nl", "en", "ber")', 'DEFAULT_LANGUAGE = "nl"', "    values: [nl, en, ber]",
                '        return {"count": 3, "default_language": "nl"}', "        ~^/en/    en;",
                '            "languages": ["nl", "en", "ber"],', "docs_dir: content/nl", "  language: nl"]
    for example in examples:
        assert any(pattern.search(example) for pattern in SETTINGS.values()), example


def test_the_help_numbers_are_built_in_one_place():
    # The folder box, the pages' box and every "unavailable" reply come from helpnumbers.py.
    users = []
    for path in our_files():
        text = (REPO / path).read_text(encoding="utf-8")
        if "folder_numbers" in text and path not in ("compiler/preventiewijzer/helpnumbers.py",
                                                     "compiler/preventiewijzer/model.py"):
            users.append(path)
    # sitebuild hands the built list to the templates under that name; nothing else reads the setting.
    assert users == ["compiler/preventiewijzer/sitebuild.py", "site/overrides/main.html"], users
