"""Shared facts are typed once and inserted as links on pages and as text in bot answers."""
import re

import jinja2
import pytest

from preventiewijzer.facts import render


def test_page_mode_makes_tel_and_web_links(tree):
    text = "Bel {{ phone.slachtofferhulp }} of kijk op {{ web.schadefonds }}."
    assert render(text, tree.facts, "page") == (
        "Bel [0900-0101](tel:09000101) of kijk op [schadefonds.nl](https://www.schadefonds.nl/)."
    )


def test_plain_mode_gives_the_bare_number(tree):
    assert render("Bel {{ phone.emergency }}.", tree.facts, "plain") == "Bel 112."


def test_unknown_fact_is_an_error(tree):
    with pytest.raises(jinja2.UndefinedError):
        render("{{ phone.nope }}", tree.facts, "plain")


def test_pages_type_no_phone_number_themselves(tree):
    # Every number on a page comes from facts.yml through a placeholder.
    numbers = {fact["number"] for fact in tree.facts["phone"].values()}
    for page in tree.pages:
        for text in (page.body, page.meta.get("summary", "")):
            for number in numbers:
                assert not re.search(rf"(?<![\w.-]){re.escape(number)}(?![\w-])", text), f"{page.repo_path} types {number}; use the placeholder"
            assert not re.search(r"\b0\d{2,3}[- ]?\d{3,4}", text), f"{page.repo_path} types a phone number"
