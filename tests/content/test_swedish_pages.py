"""The Swedish version (docs/sv/): key facts checked word for word, and the English letters kept.

These tests read the Markdown sources; the build tests (tests/build/) check the rendered site. What
every Swedish page must be (its twin, front matter, sources, local contacts, no never-use word) is
checked by the checker's rules, not here.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import DOCS, english_pages
from tests.content.pages import read_page

EN = DOCS / "en"
SV = DOCS / "sv"
FENCED_BLOCK = re.compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)

PAGES = english_pages()


def without_code_blocks(markdown: str) -> str:
    """Letters and emails stay in English inside code blocks: they are not Swedish text."""
    return FENCED_BLOCK.sub("", markdown)


def code_blocks(markdown: str) -> list[str]:
    return [match.group(0).strip() for match in FENCED_BLOCK.finditer(markdown)]


def swedish_text(path: Path) -> str:
    """The Swedish words of a page: its title, description and body without code blocks.
    (Source titles stay as published, in English, and are not checked.)"""
    front_matter, body = read_page(path)
    return "\n".join([str(front_matter.get("title", "")), str(front_matter.get("description", "")), without_code_blocks(body)])


# The twins, their front matter and sources, the same local contacts as English, and no never-use
# word are the checker's rules (python -m scripts.check; tests/checker/ has their fixture tests).


def test_there_are_pages_to_check():
    assert len(PAGES) >= 15


# --- Key facts, checked on the Swedish pages ---------------------------------------------------


def test_swedish_types_of_review_gives_three_months_for_children_in_hospital():
    """Inpatient CETRs for children: about every 3 months (facts.md F2.5)."""
    text = swedish_text(SV / "types-of-review.md")
    assert re.search(r"var\s+(?:tredje|3:e)\s+månad|(?:var|vart)\s+3\s+månader|varje\s+(?:3|tre)\s+månader", text, re.I)


def test_swedish_ask_for_a_review_keeps_the_english_letters_word_for_word():
    """Letters a parent sends in England stay in English: the same code blocks as the English page."""
    _, english_body = read_page(EN / "ask-for-a-review.md")
    _, swedish_body = read_page(SV / "ask-for-a-review.md")
    letters = code_blocks(english_body)
    assert letters, "the English page has no letter"
    assert code_blocks(swedish_body) == letters


def test_swedish_where_to_get_help_has_the_icb_phone_and_sendiass_email_in_sentences():
    _, body = read_page(SV / "where-to-get-help.md")
    for token in ("{{ tel.icb }}", "{{ email.sendiass }}"):
        line = next((line for line in body.splitlines() if token in line), None)
        assert line is not None, f"{token} is missing"
        assert line.strip() != "Call {{ tel.icb }} or email {{ email.sendiass }}.", "the stub's test line is still there"


def test_swedish_glossary_explains_every_term_of_the_english_glossary():
    """Every term of the English glossary has an entry with the same anchor in the Swedish Ordlista."""
    term_ids = lambda path: set(re.findall(r"^###\s.*\{#([\w-]+)\}\s*$", read_page(path)[1], re.M))  # noqa: E731
    english = term_ids(EN / "glossary.md")
    assert english, "the English glossary has no terms with anchors"
    assert sorted(english - term_ids(SV / "glossary.md")) == []
