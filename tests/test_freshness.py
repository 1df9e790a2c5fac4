"""Translations record the source version they follow; a changed source lists them as stale."""
import subprocess
import sys

import pytest

from preventiewijzer.errors import ContentInvalid
from preventiewijzer.freshness import source_version, stale_translations
from preventiewijzer.validate import load_valid_tree

from conftest import REPO


def test_every_translation_follows_the_current_source(tree):
    assert [str(item) for item in stale_translations(tree)] == []


def test_changing_the_source_lists_its_translations_and_stamping_clears_them(content_copy):
    source = content_copy / "nl/hulp/contact.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    tree = load_valid_tree(content_copy)
    stale = {item.translation.repo_path for item in stale_translations(tree)}
    assert stale == {"content/en/hulp/contact.md", "content/ber/hulp/contact.md"}

    # A report, not a failure: the site still builds. Then the editor stamps the updated English page.
    result = subprocess.run(
        [sys.executable, "-m", "preventiewijzer", "translations", "--content", str(content_copy),
         "--stamp", str(content_copy / "en/hulp/contact.md")],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "content/ber/hulp/contact.md: follows source" in result.stdout
    tree = load_valid_tree(content_copy)
    assert {item.translation.repo_path for item in stale_translations(tree)} == {"content/ber/hulp/contact.md"}
    assert tree.page("en", "hulp/contact.md").meta["source_version"] == source_version(tree.page("nl", "hulp/contact.md"))


def test_questions_do_not_make_a_translation_stale(content_copy):
    source = content_copy / "nl/hulp/contact.md"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("questions:\n", "questions:\n  - Een extra vraag over nummers?\n", 1), encoding="utf-8")
    assert stale_translations(load_valid_tree(content_copy)) == []


def drop_last_section(path) -> None:
    """Remove the page's last `## ` section, as a translator who skipped it would."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.rindex("\n## ")] + "\n", encoding="utf-8")


def test_a_reviewed_translation_that_lost_a_section_fails_validation(content_copy):
    page = content_copy / "en/hulp/contact.md"
    assert "translation: reviewed" in page.read_text(encoding="utf-8")
    drop_last_section(page)
    with pytest.raises(ContentInvalid) as raised:
        load_valid_tree(content_copy)
    messages = [str(error) for error in raised.value.errors]
    assert messages and all(m.startswith("content/en/hulp/contact.md: body: does not follow content/nl/hulp/contact.md")
                            for m in messages), messages
    assert any("sections, the source has" in m for m in messages)


def test_a_reviewed_translation_that_lost_a_number_fails_validation(content_copy):
    page = content_copy / "en/hulp/schadefonds.md"
    text = page.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    page.write_text(front + "\n---\n" + body.replace("35,000", "a large amount"), encoding="utf-8")
    with pytest.raises(ContentInvalid) as raised:
        load_valid_tree(content_copy)
    assert any("missing ['35000']" in str(error) for error in raised.value.errors), raised.value.errors


def test_a_draft_that_lost_a_section_is_listed_in_the_report_not_refused(content_copy):
    drop_last_section(content_copy / "ber/hulp/contact.md")
    load_valid_tree(content_copy)  # a draft may be incomplete: no error
    result = subprocess.run([sys.executable, "-m", "preventiewijzer", "translations", "--content", str(content_copy)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    assert "content/ber/hulp/contact.md: " in result.stdout and "sections, the source has" in result.stdout
