"""The Easy Read version (docs/en-easy/): a twin of every English page with complete front matter,
a picture at the start of every point (the Words to know box needs none), pictures from the picture
list (docs/assets/pictures/pictures.yml) and no other files, a link to the standard English page for
supporters, and the key facts of each page, word for word.

These tests are about content. The writing rules (sentence and page length, hard words, abbreviations,
one picture for one idea) are the checker's: scripts/checker/easy_read.py, with fixture tests in
tests/checker/test_easy_read.py. The standard is in CONTRIBUTING.md, "Writing standard: Easy Read".
"""

from __future__ import annotations

import datetime
import posixpath
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.checker.load import load_pictures
from tests.conftest import DOCS, ROOT, english_pages
from tests.content.pages import read_page

EN = DOCS / "en"
EASY = DOCS / "en-easy"
PICTURES = DOCS / "assets" / "pictures"
PICTURE_LIST = PICTURES / "pictures.yml"
MULBERRY_LICENCE = PICTURES / "LICENCE-mulberry.txt"
REQUIRED_FIELDS = ("title", "description", "last_reviewed", "next_review", "english_version", "sources", "audience", "checked_by_readers")
# Key ideas (issue 12): the same word and the same picture on every page.
KEY_IDEAS = {"review-meeting.svg", "register.svg", "consent.svg", "advocate.svg", "hospital.svg", "icb.svg", "complaint.svg"}
# Pages with no English detail worth sending a supporter to.
NO_SUPPORTER_LINK = {"index.md", "get-help-now.md", "about.md"}
STUB = re.compile(r"^Stub\.$", re.M)
FENCED_BLOCK = re.compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)
TOKEN = re.compile(r"\{\{\s*(?:local|tel|email|link)\.[a-z0-9_.]+\s*\}\}")
MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.superfences"]

PAGES = english_pages()


def render(body: str) -> BeautifulSoup:
    """The page body as HTML. A local-setting token becomes one word, as it does in the build;
    a block token ({{ local.councils }}: lists and headings, empty with one council) becomes nothing."""
    from scripts.local_settings import BLOCK_TOKENS

    html = markdown.markdown(TOKEN.sub(lambda m: "" if " ".join(m.group(0)[2:-2].split()) in BLOCK_TOKENS else "Token", body),
                             extensions=MARKDOWN_EXTENSIONS)
    return BeautifulSoup(html, "html.parser")


def picture_list() -> dict:
    return yaml.safe_load(PICTURE_LIST.read_text(encoding="utf-8"))


# --- Points: every paragraph and list item starts with its picture -------------------------------


def pictures_used(body: str, page_dir: Path) -> list[tuple[str, str]]:
    """(file name in docs/assets/pictures/, alt text) of every picture in a page body."""
    used = []
    for image in render(body).find_all("img"):
        target = Path(posixpath.normpath((page_dir / image.get("src", "")).as_posix()))
        used.append((target.relative_to(PICTURES).as_posix() if target.is_relative_to(PICTURES) else str(target), image.get("alt", "")))
    return used


def easy_text(page: str) -> str:
    """The words of a page (headings, points, the Words to know box), without letters to copy."""
    _, body = read_page(EASY / page)
    return " ".join(render(FENCED_BLOCK.sub("", body)).get_text(" ").split())


# --- The checks themselves can fail -------------------------------------------------------------


# --- Twins and front matter -----------------------------------------------------------------------


def test_there_are_pages_to_check():
    assert len(PAGES) >= 19
    assert {"in-hospital-now.md", "young-people.md"} <= set(PAGES)


def test_every_english_page_has_an_easy_read_twin():
    missing = [page for page in PAGES if not (EASY / page).is_file()]
    assert missing == [], f"no Easy Read version of: {', '.join(missing)}"


def test_no_easy_read_page_without_an_english_original():
    extra = sorted(p.relative_to(EASY).as_posix() for p in EASY.rglob("*.md") if not (EN / p.relative_to(EASY)).is_file())
    assert extra == [], f"Easy Read pages with no English original: {', '.join(extra)}"


@pytest.mark.parametrize("page", PAGES)
def test_easy_read_front_matter_is_complete(page):
    front_matter, _ = read_page(EASY / page)
    missing = [field for field in REQUIRED_FIELDS if not front_matter.get(field)]
    assert missing == [], f"docs/en-easy/{page}: missing front matter: {', '.join(missing)}"
    assert "updated" not in front_matter, f"docs/en-easy/{page}: 'updated' is for English pages; use english_version"
    for field in ("last_reviewed", "next_review", "english_version"):
        assert isinstance(front_matter[field], datetime.date), f"docs/en-easy/{page}: {field} is not a date (YYYY-MM-DD)"
    assert front_matter["audience"] in ("young people", "family"), f"docs/en-easy/{page}: audience is 'young people' or 'family'"
    for source in front_matter["sources"]:
        assert isinstance(source, dict) and source.get("title") and source.get("url"), f"docs/en-easy/{page}: a source without title or url"


def test_no_easy_read_page_is_marked_checked_by_readers_yet():
    """Nobody with a learning disability has checked these pages (issue 12): saying otherwise would be untrue."""
    checked = [page for page in PAGES if read_page(EASY / page)[0].get("checked_by_readers") != "not yet"]
    assert checked == []


def test_easy_read_titles_are_unique():
    titles = [read_page(EASY / page)[0].get("title") for page in PAGES]
    assert sorted(title for title in set(titles) if titles.count(title) > 1) == []


@pytest.mark.parametrize("page", PAGES)
def test_easy_read_page_follows_an_english_version_that_exists(page):
    english, _ = read_page(EN / page)
    easy, _ = read_page(EASY / page)
    if "updated" in english:  # an English stub has no 'updated' yet
        assert easy["english_version"] <= english["updated"], (
            f"docs/en-easy/{page}: english_version {easy['english_version']} is later than the English page's updated {english['updated']}"
        )


@pytest.mark.parametrize("page", PAGES)
def test_easy_read_page_cites_the_sources_of_the_english_page(page):
    english, _ = read_page(EN / page)
    easy, _ = read_page(EASY / page)
    assert [s.get("url") for s in easy["sources"]] == [s.get("url") for s in english["sources"]]


@pytest.mark.parametrize("page", PAGES)
def test_easy_read_page_is_written_once_its_english_page_is(page):
    _, english_body = read_page(EN / page)
    _, easy_body = read_page(EASY / page)
    if not STUB.search(english_body):
        assert not STUB.search(easy_body), f"docs/en-easy/{page} is still a stub, but its English page is written"


@pytest.mark.parametrize("page", sorted(set(PAGES) - NO_SUPPORTER_LINK))
def test_easy_read_page_links_its_standard_english_page_for_supporters(page):
    """Easy Read keeps what a reader needs to act; the detail is one tap away, for a supporter."""
    _, body = read_page(EASY / page)
    english_url = "../../" + page[: -len(".md")] + "/"
    links = [a.get("href", "") for a in render(body).find_all("a")]
    assert any(href == english_url or href.startswith(english_url + "#") for href in links), (
        f"docs/en-easy/{page}: no link to the standard English page ({english_url})"
    )


# --- Pictures ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_italics_or_box_other_than_words_to_know(page):
    """(A table, a point without its picture, a picture not listed or with another alt text: the
    checker's easy-read/* rules, run on the real project by tests/checker/test_cli.py.)"""
    _, body = read_page(EASY / page)
    soup = render(body)
    boxes = re.findall(r"^(?:!!!|\?\?\?\+?)\s*(\S+)(.*)$", body, re.M)
    assert [box for box in boxes if box != ("words", ' "Words to know"')] == [], f"docs/en-easy/{page}: a box other than !!! words \"Words to know\""
    assert len(boxes) <= 1, f"docs/en-easy/{page}: more than one Words to know box"
    assert [str(tag) for tag in soup.find_all(["em", "i"])] == [], f"docs/en-easy/{page}: italics"


def test_the_picture_list_is_complete_and_every_picture_is_used():
    listed = picture_list()
    assert isinstance(listed, dict) and listed
    _, problems = load_pictures(PICTURES / "pictures.yml", "docs/assets/pictures/pictures.yml")  # the checker's reading
    assert [str(problem) for problem in problems] == []
    for name in listed:
        assert (PICTURES / name).is_file(), f"pictures.yml lists {name}, which is not in docs/assets/pictures/"
    for field in ("idea", "alt"):
        values = [entry[field] for entry in listed.values()]
        assert sorted(v for v in set(values) if values.count(v) > 1) == [], f"pictures.yml: the same {field} twice"
    on_disk = {p.name for p in PICTURES.glob("*.svg")} - {"logo.svg", "favicon.svg"}
    assert sorted(on_disk - set(listed)) == [], "pictures in docs/assets/pictures/ that pictures.yml does not list"
    used = {name for page in PAGES for name, _ in pictures_used(read_page(EASY / page)[1], EASY)}
    assert sorted(set(listed) - used) == [], "pictures no Easy Read page uses: delete them"


def test_the_key_ideas_have_their_own_pictures():
    listed = picture_list()
    keys = {name for name, entry in listed.items() if entry.get("key") is True}
    assert KEY_IDEAS <= keys
    assert listed["review-meeting.svg"]["set"] == "own" and listed["register.svg"]["set"] == "own"


def test_the_pictures_are_mostly_mulberry_with_their_licence_and_have_no_text():
    listed = picture_list()
    sets = [entry["set"] for entry in listed.values()]
    assert sets.count("mulberry") > len(sets) / 2
    assert "Creative Commons Attribution-Share Alike" in MULBERRY_LICENCE.read_text(encoding="utf-8")
    with_text = [p.name for p in PICTURES.glob("*.svg") if "<text" in p.read_text(encoding="utf-8")]
    assert with_text == []


def test_no_picture_says_the_opposite_of_its_idea():
    """Review finding: a padlock for liberty, a red cross beside consent, a wheelchair helper for help."""
    listed = picture_list()
    alts = {entry["alt"].lower() for entry in listed.values()}
    assert not {alt for alt in alts if "padlock" in alt or "wheelchair" in alt}
    assert "cross" not in listed["consent.svg"]["alt"].lower()


def test_the_about_page_credits_mulberry_and_openmoji_under_cc_by_sa():
    _, body = read_page(EASY / "about.md")
    assert "[Mulberry Symbols](https://mulberrysymbols.org)" in body
    assert "[OpenMoji](https://openmoji.org)" in body
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in body


def test_easy_read_has_no_abbreviations_file():
    """Dotted underlines do not work on phones: Easy Read explains words on the page instead."""
    assert not (ROOT / "includes" / "abbreviations" / "en-easy.md").exists()


# --- Key facts, word for word --------------------------------------------------------------------


def test_home_page_leads_first_to_in_hospital_now_young_people_and_added_without_being_asked():
    """Issue 11: the three people of the review find their next step on the first screen."""
    _, body = read_page(EASY / "index.md")
    links = [a.get("href") for a in render(body).find_all("a")]
    assert links[:3] == ["in-hospital-now.md", "young-people.md", "dynamic-support-register.md#added-without-being-asked"]


def test_get_help_now_has_call_buttons_for_999_111_and_the_crisis_line():
    _, body = read_page(EASY / "get-help-now.md")
    assert "[Call 999](tel:999){ .call-button }" in body
    assert "[Call NHS 111](tel:111){ .call-button }" in body
    assert re.search(r"\{\{\s*tel\.crisis\s*\}\}\{ \.call-button \}", body)
    assert "choose the mental health option" in easy_text("get-help-now.md")


def test_where_to_get_help_has_call_buttons_and_the_helplines():
    _, body = read_page(EASY / "where-to-get-help.md")
    assert "[Call NHS 111](tel:111){ .call-button }" in body  # 999 is in the crisis banner and on Get help now
    assert re.search(r"\{\{\s*tel\.icb\s*\}\}\{ \.call-button \}", body) and re.search(r"\{\{\s*tel\.crisis\s*\}\}\{ \.call-button \}", body)
    for number in ("(tel:08001111)", "(sms:85258)", "(tel:116123)"):
        assert number in body


def test_in_hospital_now_names_the_advocate_the_tribunal_and_legal_aid():
    _, body = read_page(EASY / "in-hospital-now.md")
    assert "- **IMHA**: Independent Mental Health Advocate." in body  # in the Words to know box
    text = easy_text("in-hospital-now.md")
    assert "you can have a free advocate called an IMHA" in text
    assert re.search(r"you can ask a tribunal", text)
    assert "Legal aid pays for your lawyer. At the tribunal, it is free, whatever your family earns." in text


def test_in_hospital_now_says_who_to_write_to_and_the_3_month_duty():
    text = easy_text("in-hospital-now.md")
    assert "If you are under 18, they write to NHS England." in text
    assert "in hospital for 3 months" in text and "the council must check you are safe and well" in text
    assert "CQC is short for Care Quality Commission" in text


def test_young_people_gives_your_say_the_register_18_and_help_for_you():
    text = easy_text("young-people.md")
    assert "From 16, you decide if you have a CETR." in text
    assert "You should only be put on the register if you give consent." in text
    assert "You can change your mind at any time." in text
    assert "you may still have a CETR" in text and "you usually have a Care and Treatment Review (CTR) instead" in text
    assert "0800 1111" in text and "85258" in text


def test_the_register_page_says_should_only_with_consent_and_added_without_being_asked():
    text = easy_text("dynamic-support-register.md")
    assert "You should only be put on the register with consent." in text
    assert not re.search(r"(?<!should )only (?:be )?(?:put|added)[^.]*(?:consent|agree)", text.replace("should only be put", ""))
    assert "Added without being asked?" in text
    assert "From 16, you may have given consent yourself." in text


def test_types_of_review_says_about_every_3_months_and_that_the_rule_is_old():
    text = easy_text("types-of-review.md")
    assert "about every 3 months" in text and "older NHS England rules" in text


def test_four_questions_asks_the_four_questions_of_you():
    text = easy_text("four-questions.md")
    for question in (
        "Are you safe?",
        "Are you getting good care and treatment?",
        "What are the plans for your future?",
        "Can you get the care and treatment you need at home?",
    ):
        assert question in text, f"four-questions.md does not ask {question!r}"


def test_consent_and_capacity_says_a_young_person_of_16_decides_unless_they_lack_capacity():
    text = easy_text("consent-and-capacity.md")
    assert "If you are 16 or older, the law says you can decide." in text
    assert "unless it is shown you do not have capacity" in text


def test_ask_for_a_review_letter_is_addressed_to_nhs_england_in_hospital():
    _, body = read_page(EASY / "ask-for-a-review.md")
    letter = FENCED_BLOCK.search(body)
    assert letter and "NHS England" in letter.group(0) and "ICB" in letter.group(0)


def test_accessibility_says_no_page_has_been_checked_by_readers_yet():
    assert "No Easy Read page has been checked by readers with a learning disability yet." in easy_text("accessibility.md")
