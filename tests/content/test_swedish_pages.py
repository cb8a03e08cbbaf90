"""The Swedish version (docs/sv/): key facts checked word for word, and the English letters kept.

These tests read the Markdown sources; the build tests (tests/build/) check the rendered site. What
every Swedish page must be (its twin, front matter, sources, local contacts, no never-use word) is
checked by the checker's rules, not here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import DOCS, english_pages
from tests.content.pages import read_page, read_whole_page

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
    term_ids = lambda path: set(re.findall(r"^###\s.*\{#([\w-]+)\}\s*$", read_whole_page(path)[1], re.M))  # noqa: E731
    english = term_ids(EN / "glossary.md")
    assert english, "the English glossary has no terms with anchors"
    assert sorted(english - term_ids(SV / "glossary.md")) == []


# --- Every letter, and the 'Vad du kan göra' box, follow English ---------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_swedish_letters_are_the_english_letters_word_for_word(page):
    """Letters a parent sends in England stay in English, on every page (a Swedish explanation follows each)."""
    _, english_body = read_page(EN / page)
    _, swedish_body = read_page(SV / page)
    assert code_blocks(swedish_body) == code_blocks(english_body)


BOX = re.compile(r'^!!! tip "(?P<title>[^"]+)"\n(?P<items>(?:    - .*\n)+)', re.M)


def box_targets(body: str, title: str) -> list[str] | None:
    match = next((m for m in BOX.finditer(body) if m.group("title") == title), None)
    return None if match is None else re.findall(r"\]\(([^)]+)\)", match.group("items"))


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_has_the_actions_box_of_its_english_page(page):
    """Actions first (issue 11): the box 'Vad du kan göra' leads to the same steps as 'What you can do'."""
    _, english_body = read_page(EN / page)
    _, swedish_body = read_page(SV / page)
    assert box_targets(swedish_body, "Vad du kan göra") == box_targets(english_body, "What you can do")


# --- The two new pages (issue 11), in Swedish --------------------------------------------------


def body_text(page: str) -> str:
    return " ".join(without_code_blocks(read_whole_page(SV / page)[1]).split())


def test_swedish_first_week_page_names_the_steps_a_parent_needs():
    text = body_text("in-hospital-now.md")
    for fact in ["tvångsvårdat", "frivilligt inlagt", "Independent Mental Health Advocate (IMHA", "Mental Health Tribunal",
                 "Rättshjälp (legal aid)", "oavsett familjens inkomst", "keyworker", "funktionsnedsättningar (SEND)",
                 "tre månader i sträck", "avsnitt 85 i Children Act 1989", "Care Quality Commission (CQC)",
                 "Help at Hand", "videosamtal"]:
        assert fact in text, fact


def test_swedish_first_week_page_sends_the_letter_to_the_body_that_organises_the_review():
    """For a child in hospital the review is organised by NHS England or the provider collaborative, not the ICB."""
    text = body_text("in-hospital-now.md")
    assert re.search(r"Ett barn på ett psykiatriskt sjukhus:\*\* NHS England", text)
    assert "provider collaborative" in text
    letter = code_blocks(read_page(SV / "in-hospital-now.md")[1])[0]
    assert "To: [NHS England regional team /" in letter and "local.contacts.icb" not in letter


def test_swedish_young_people_page_speaks_to_the_young_person():
    text = body_text("young-people.md")
    assert "**ditt beslut**" in text
    assert "Du kan säga att du inte längre vill stå på listan" in text
    assert "Care and Treatment Review (CTR)" in text and "Om du inte har någon EHCP" in text
    for line in ["[0800 1111](tel:08001111)", "[85258](sms:85258)", "[116 123](tel:116123)"]:
        assert line in text, line
    assert not re.search(r"\bditt barn\b", text, re.I), "the page for young people talks to them, not about 'ditt barn'"


def test_swedish_dsr_page_no_longer_says_only_with_consent_flatly():
    text = body_text("dynamic-support-register.md")
    assert "förs bara upp på listan med samtycke" not in text
    assert re.search(r"NHS England (?:\([^)]*\) )?säger att personer ska föras upp på listan med samtycke", text)
    assert "{#added-without-being-asked}" in read_page(SV / "dynamic-support-register.md")[1]


# --- The six serious findings of the Swedish review (December 2026) stay fixed ----------------


def test_review_a_parent_cannot_overrule_not_merely_oppose():
    text = body_text("consent-and-capacity.md")
    assert "köra över barnets beslut" in text and "kan inte köra över det" in text
    assert "gå emot" not in text


def test_review_secure_means_every_secure_level():
    text = body_text("types-of-review.md")
    assert "säkerhetsavdelning (secure: low, medium eller high secure)" in text
    assert "hög säkerhet" not in text


def test_review_privacy_names_uk_gdpr():
    text = body_text("privacy.md")
    assert "dataskyddsreglerna (UK GDPR)" in text and "dataskyddslag" not in text


def test_review_the_uncrc_guides_english_law():
    text = body_text("glossary.md")
    assert "Konventionen vägleder hur engelsk lag tillämpas" in text and "styr hur" not in text


def test_review_no_single_official_wording():
    assert "någon enda officiell formulering" in body_text("four-questions.md")


def test_review_home_description_keeps_or_is_in_one():
    description = read_page(SV / "index.md")[0]["description"]
    assert "redan är inlagt" in description


# --- One voice ---------------------------------------------------------------------------------


# One name for the 2023 document: the checker's rule terms/document-name.


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_calls_the_child_hen(page):
    """One pronoun for the child across pages: 'hen', not 'det' (review, December 2026)."""
    assert not re.search(r"\b(?:vad|om) det (?:tycker|vill)\b|\bpassar det\b", swedish_text(SV / page))


@pytest.mark.parametrize("page", ["about.md", "accessibility.md"])
def test_a_pages_own_review_date_is_not_called_granskning(page):
    """On this site 'granskning' is the review meeting; a page is 'sedd över'."""
    assert not re.search(r"\bgranska(?:des|s)\b|\bnästa granskning\b", swedish_text(SV / page), re.I)
