"""The Easy Read version (docs/en-easy/): a picture at the start of every point, pictures from the
picture list (docs/assets/pictures/pictures.yml), and a few key facts checked word for word.
(Twins, front matter, sources and sentence length are the checker's rules.)

These tests read the Markdown sources (rendered with Python-Markdown, as the build does);
the build tests (tests/build/) check the built site. The standard is in CONTRIBUTING.md,
"Writing standard: Easy Read".
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, NavigableString, Tag

from tests.conftest import DOCS, ROOT, english_pages
from tests.content.pages import read_page

EASY = DOCS / "en-easy"
PICTURES = DOCS / "assets" / "pictures"
PICTURE_LIST = PICTURES / "pictures.yml"
FENCED_BLOCK = re.compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)
TOKEN = re.compile(r"\{\{\s*(?:local|tel|email|link)\.[a-z0-9_.]+\s*\}\}")
MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.superfences"]

PAGES = english_pages()


def render(body: str) -> BeautifulSoup:
    """The page body as HTML. A local-setting token becomes one word, as it does in the build."""
    html = markdown.markdown(TOKEN.sub("Token", body), extensions=MARKDOWN_EXTENSIONS)
    return BeautifulSoup(html, "html.parser")


# --- Points: every paragraph and list item starts with its picture -------------------------------


def first_content(element: Tag):
    """The first child of an element that is not white space."""
    for child in element.children:
        if isinstance(child, NavigableString) and not child.strip():
            continue
        return child
    return None


def points(soup: BeautifulSoup) -> list[Tag]:
    """Every paragraph and list item. A list item whose first child is a paragraph (a loose list)
    is checked through that paragraph."""
    found = []
    for element in soup.find_all(["p", "li"]):
        if element.find_parent("pre"):
            continue
        if element.name == "li" and getattr(first_content(element), "name", None) == "p":
            continue
        found.append(element)
    return found


def picture_findings(body: str, page_dir: Path) -> list[str]:
    """What is wrong with the pictures of a page body: a point without a picture at its start,
    a picture without alt text, a picture that is not on disk, a picture with no words after it."""
    findings = []
    for point in points(render(body)):
        text = " ".join(point.get_text(" ").split())
        start = first_content(point)
        if getattr(start, "name", None) != "img":
            findings.append(f"no picture at the start of: {text[:70]!r}")
            continue
        if not (start.get("alt") or "").strip():
            findings.append(f"a picture without alt text: {start.get('src')}")
        target = (page_dir / start.get("src", "")).resolve()
        if not target.is_file():
            findings.append(f"a picture that is not on disk: {start.get('src')}")
        if not text:
            findings.append(f"a picture with no words beside it: {start.get('src')}")
    return findings


def pictures_used(body: str, page_dir: Path) -> list[tuple[str, str]]:
    """(file name in docs/assets/pictures/, alt text) of every picture in a page body."""
    used = []
    for image in render(body).find_all("img"):
        target = Path(posixpath.normpath((page_dir / image.get("src", "")).as_posix()))
        used.append((target.relative_to(PICTURES).as_posix() if target.is_relative_to(PICTURES) else str(target), image.get("alt", "")))
    return used


# --- The words of a page, for the key facts ----------------------------------------------------


def plain_text(body: str) -> list[str]:
    """The words of a page, one block (heading, paragraph, list item) a string, without
    pictures, link addresses, code blocks (letters to copy) or front matter."""
    soup = render(FENCED_BLOCK.sub("", body))
    blocks = []
    for element in soup.find_all(["h1", "h2", "h3", "h4", "p", "li", "dt", "dd"]):
        if element.find(["p", "li"]):  # a list item holding paragraphs or a nested list: checked through them
            element = BeautifulSoup(str(element), "html.parser")
            for inner in element.find_all(["p", "ul", "ol"]):
                inner.decompose()
        blocks.append(" ".join(element.get_text(" ").split()))
    return [block for block in blocks if block]


# --- The checks themselves can fail -------------------------------------------------------------


def test_the_picture_check_finds_a_point_without_a_picture():
    bad = "![A hospital building](../assets/pictures/hospital.svg)\nA hospital.\n\nNo picture here.\n\n- A list item with no picture\n"
    assert picture_findings(bad, EASY) == [
        "no picture at the start of: 'No picture here.'",
        "no picture at the start of: 'A list item with no picture'",
    ]


def test_the_picture_check_finds_missing_alt_text_and_a_missing_file():
    bad = "![](../assets/pictures/hospital.svg)\nA hospital.\n\n![A unicorn](../assets/pictures/no-such-picture.svg)\nA unicorn.\n"
    assert picture_findings(bad, EASY) == [
        "a picture without alt text: ../assets/pictures/hospital.svg",
        "a picture that is not on disk: ../assets/pictures/no-such-picture.svg",
    ]


def test_the_picture_check_accepts_good_points():
    good = (
        "# A heading needs no picture\n\n"
        "![A hospital building](../assets/pictures/hospital.svg)\nA hospital.\nCall {{ tel.icb }}.\n\n"
        "- ![A telephone](../assets/pictures/phone.svg)\n  Phone us.\n"
        "- ![An envelope](../assets/pictures/letter.svg) Write to us.\n"
    )
    assert picture_findings(good, EASY) == []


# --- Pages ----------------------------------------------------------------------------------------
# Twins, front matter, sources, stubs and sentences of at most 15 words are the checker's rules
# (python -m scripts.check; their fixture tests are in tests/checker/).


def test_there_are_pages_to_check():
    assert len(PAGES) >= 17


# --- The Easy Read standard, page by page ---------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_point_starts_with_a_picture_that_has_alt_text_and_exists(page):
    _, body = read_page(EASY / page)
    assert picture_findings(body, (EASY / page).parent) == []


@pytest.mark.parametrize("page", PAGES)
def test_no_table_admonition_or_italics(page):
    _, body = read_page(EASY / page)
    soup = render(body)
    assert soup.find("table") is None, f"docs/en-easy/{page}: a table"
    assert soup.find(class_="admonition") is None and not re.search(r"^(!!!|\?\?\?)", body, re.M), f"docs/en-easy/{page}: an admonition"
    assert [str(tag) for tag in soup.find_all(["em", "i"])] == [], f"docs/en-easy/{page}: italics"


@pytest.mark.parametrize("page", PAGES)
def test_every_picture_used_is_in_the_picture_list(page):
    listed = yaml.safe_load(PICTURE_LIST.read_text(encoding="utf-8"))
    _, body = read_page(EASY / page)
    unlisted = sorted({name for name, _ in pictures_used(body, (EASY / page).parent) if name not in listed})
    assert unlisted == [], f"docs/en-easy/{page}: pictures not in pictures.yml: {', '.join(unlisted)}"


@pytest.mark.parametrize("page", PAGES)
def test_every_picture_has_the_alt_text_of_the_picture_list(page):
    """The same picture means the same idea on every page, so it says the same thing to a screen reader."""
    listed = yaml.safe_load(PICTURE_LIST.read_text(encoding="utf-8"))
    _, body = read_page(EASY / page)
    different = sorted(
        f"{name}: {alt!r}, pictures.yml says {listed[name]['alt']!r}"
        for name, alt in pictures_used(body, (EASY / page).parent)
        if name in listed and alt != listed[name]["alt"]
    )
    assert different == [], f"docs/en-easy/{page}: alt text differs from pictures.yml"


def test_the_picture_list_is_complete_and_on_disk():
    listed = yaml.safe_load(PICTURE_LIST.read_text(encoding="utf-8"))
    assert isinstance(listed, dict) and listed
    for name, entry in listed.items():
        assert (PICTURES / name).is_file(), f"pictures.yml lists {name}, which is not in docs/assets/pictures/"
        assert isinstance(entry, dict) and all(str(entry.get(key) or "").strip() for key in ("idea", "openmoji", "alt")), (
            f"pictures.yml: {name} needs idea, openmoji and alt"
        )
    on_disk = {p.name for p in PICTURES.glob("*.svg")} - {"logo.svg", "favicon.svg"}
    assert sorted(on_disk - set(listed)) == [], "pictures in docs/assets/pictures/ that pictures.yml does not list"


def test_the_pictures_have_no_text_in_them():
    with_text = [p.name for p in PICTURES.glob("*.svg") if "<text" in p.read_text(encoding="utf-8")]
    assert with_text == []


# --- Key facts, word for word --------------------------------------------------------------------


def easy_text(page: str) -> str:
    _, body = read_page(EASY / page)
    return " ".join(plain_text(body))


def test_easy_read_types_of_review_says_children_in_hospital_have_a_review_about_every_3_months():
    assert re.search(r"about every 3 months", easy_text("types-of-review.md"))


def test_easy_read_four_questions_asks_the_four_questions():
    text = easy_text("four-questions.md")
    questions = (
        "Is the child safe?",
        "Is the child getting good care and treatment?",
        "What are the plans for the child's future?",
        "Can the child get the care and treatment they need at home?",
    )
    for question in questions:
        assert question in text, f"four-questions.md does not ask {question!r}"


def test_easy_read_get_help_now_gives_999_111_and_the_local_crisis_line():
    _, body = read_page(EASY / "get-help-now.md")
    assert "999" in body and "111" in body and re.search(r"\{\{\s*tel\.crisis\s*\}\}", body)


def test_easy_read_consent_and_capacity_says_a_young_person_of_16_decides_for_themselves():
    assert re.search(r"16 or older", easy_text("consent-and-capacity.md"))
