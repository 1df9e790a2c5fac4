"""Content validation: the real tree passes; each kind of bad content fails with file, field, reason."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from preventiewijzer.errors import ContentInvalid
from preventiewijzer.model import split_front_matter
from preventiewijzer.layout import Layout
from preventiewijzer.sitebuild import SiteBuildFailed, build_site
from preventiewijzer.validate import load_valid_tree

from conftest import REPO

BABBELTRUCS = "nl/senioren/babbeltrucs.md"
CONTACT = "nl/hulp/contact.md"


def edit_front_matter(content: Path, relative: str, change) -> None:
    """Apply change(meta) to a page's front matter and write it back."""
    file = content / relative
    front, body, _ = split_front_matter(file.read_text(encoding="utf-8"))
    meta = yaml.safe_load(front)
    change(meta)
    file.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")


def errors_of(content: Path) -> list[str]:
    with pytest.raises(ContentInvalid) as raised:
        load_valid_tree(content)
    return [str(error) for error in raised.value.errors]


def test_the_real_content_is_valid(tree):
    assert {page.lang for page in tree.pages} == {"nl", "en", "ber"}
    assert len(tree.topics("nl")) >= 4


def test_invalid_yaml_names_file_and_line(content_copy):
    file = content_copy / BABBELTRUCS
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("title:", "title: [unclosed\nfoo:", 1), encoding="utf-8")
    errors = errors_of(content_copy)
    assert len(errors) == 1
    assert errors[0].startswith("content/nl/senioren/babbeltrucs.md: front matter: invalid YAML at line")


def test_missing_field(content_copy):
    edit_front_matter(content_copy, BABBELTRUCS, lambda meta: meta.pop("summary"))
    assert errors_of(content_copy) == ["content/nl/senioren/babbeltrucs.md: summary: missing"]


@pytest.mark.parametrize("field, empty", [("questions", []), ("title", "  "), ("sources", None)])
def test_empty_field(content_copy, field, empty):
    edit_front_matter(content_copy, BABBELTRUCS, lambda meta: meta.update({field: empty}))
    assert errors_of(content_copy) == [f"content/nl/senioren/babbeltrucs.md: {field}: empty"]


def test_topic_missing_in_one_language(content_copy):
    (content_copy / "ber/hulp/contact.md").unlink()
    errors = errors_of(content_copy)
    assert "content/ber/hulp/contact.md: file: missing: this topic exists in nl, en but not in ber" in errors
    # The Berber pages that linked to it now have dead links, and say so.
    assert any(
        e.startswith("content/ber/index.md: body: link 'hulp/contact.md' (line ") and e.endswith("does not exist")
        for e in errors
    )


def test_same_question_under_two_topics(content_copy):
    contact_question = yaml.safe_load(split_front_matter((content_copy / CONTACT).read_text())[0])["questions"][0]
    edit_front_matter(content_copy, BABBELTRUCS, lambda meta: meta["questions"].append(contact_question.upper() + "!"))
    errors = errors_of(content_copy)
    assert len(errors) == 1
    assert "content/nl/senioren/babbeltrucs.md: questions:" in errors[0]
    assert "is also a question of content/nl/hulp/contact.md" in errors[0]


def test_unknown_section(content_copy):
    for lang in ("nl", "en", "ber"):
        (content_copy / lang / "winkels").mkdir()
        (content_copy / lang / "senioren/babbeltrucs.md").rename(content_copy / lang / "winkels/babbeltrucs.md")
    errors = errors_of(content_copy)
    assert "content/nl/winkels/babbeltrucs.md: section: unknown section 'winkels' (known: ondernemers, senioren, iedereen, hulp)" in errors


def test_dead_internal_link(content_copy):
    file = content_copy / BABBELTRUCS
    file.write_text(file.read_text(encoding="utf-8") + "\nZie ook [weg](bestaat-niet.md).\n", encoding="utf-8")
    errors = errors_of(content_copy)
    assert len(errors) == 1
    assert errors[0].startswith("content/nl/senioren/babbeltrucs.md: body: link 'bestaat-niet.md' (line ")
    assert errors[0].endswith("points to a page that does not exist")


def test_unknown_fact_placeholder(content_copy):
    file = content_copy / BABBELTRUCS
    file.write_text(file.read_text(encoding="utf-8") + "\nBel {{ phone.onbekend }}.\n", encoding="utf-8")
    errors = errors_of(content_copy)
    assert len(errors) == 1
    assert errors[0].startswith("content/nl/senioren/babbeltrucs.md: body: bad fact placeholder:")
    assert "onbekend" in errors[0]


def test_bot_texts_name_the_answer_the_language_and_the_reason(content_copy):
    texts = content_copy / "bot.yml"
    text = texts.read_text(encoding="utf-8")
    text = text.replace("({{ page.contact }})", "({{ page.kontakt }})", 1)
    text = text.replace('    en: "Call {{ phone.emergency }} now.', '    xx: "Call {{ phone.emergency }} now.', 1)
    texts.write_text(text, encoding="utf-8")
    errors = errors_of(content_copy)
    assert "content/bot.yml: utter_emergency.text.en: missing or empty" in errors
    assert any(e.startswith("content/bot.yml: utter_") and "bad placeholder" in e and "kontakt" in e for e in errors), errors
    assert len(errors) == 2, errors


def test_wrong_translation_state(content_copy):
    edit_front_matter(content_copy, "ber/senioren/babbeltrucs.md", lambda meta: meta.update(translation="klaar"))
    assert errors_of(content_copy) == [
        "content/ber/senioren/babbeltrucs.md: translation: must be one of reviewed, draft, not 'klaar'"
    ]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "preventiewijzer", *args], capture_output=True, text=True, cwd=REPO)


def test_failed_build_keeps_the_previous_site(content_copy, tmp_path):
    output = tmp_path / "site"
    assert run_cli("site", "--content", str(content_copy), "--output", str(output)).returncode == 0
    before = (output / "nl/senioren/babbeltrucs/index.html").read_text(encoding="utf-8")

    edit_front_matter(content_copy, BABBELTRUCS, lambda meta: meta.pop("title"))
    result = run_cli("site", "--content", str(content_copy), "--output", str(output))

    assert result.returncode == 1
    assert "content/nl/senioren/babbeltrucs.md: title: missing" in result.stderr
    assert (output / "nl/senioren/babbeltrucs/index.html").read_text(encoding="utf-8") == before


def test_mkdocs_failure_keeps_the_previous_site(tree, content_copy, tmp_path):
    # A reference-style link is not checked by our validator, but mkdocs --strict rejects it:
    # the build must fail without touching the site that is already there.
    output = tmp_path / "site"
    build_site(tree, Layout.of(REPO), output)
    before = sorted(path.relative_to(output) for path in output.rglob("*"))
    file = content_copy / BABBELTRUCS
    file.write_text(file.read_text(encoding="utf-8") + "\n[weg][1]\n\n[1]: bestaat-niet.md\n", encoding="utf-8")
    with pytest.raises(SiteBuildFailed, match="could not build the 'nl' pages"):
        build_site(load_valid_tree(content_copy), Layout.of(REPO), output)
    assert sorted(path.relative_to(output) for path in output.rglob("*")) == before


def test_a_section_without_an_anchor_names_the_heading_and_suggests_one(content_copy):
    page = content_copy / BABBELTRUCS
    page.write_text(page.read_text(encoding="utf-8") + "\n## Nog een vraag?\n\nHet antwoord.\n", encoding="utf-8")
    errors = errors_of(content_copy)
    assert any(e.startswith("content/nl/senioren/babbeltrucs.md: body: heading 'Nog een vraag?'")
               and "{#nog-een-vraag}" in e for e in errors), errors


def test_a_translation_with_other_anchors_than_its_source_is_an_error(content_copy):
    page = content_copy / "ber" / "senioren" / "babbeltrucs.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{#wat-is-een-babbeltruc}", "{#tabbeltrukt}", 1), encoding="utf-8")
    errors = errors_of(content_copy)
    assert len(errors) == 1 and errors[0].startswith("content/ber/senioren/babbeltrucs.md: body: section anchors"), errors
