"""The Swedish version (docs/sv/): a twin of every English page, complete front matter,
no never-use term, the same local settings as English, and a few key facts checked word for word.

These tests read the Markdown sources; the build tests (tests/build/) check the rendered site.
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import DOCS, ROOT, english_pages
from tests.content.pages import read_page

EN = DOCS / "en"
SV = DOCS / "sv"
SWEDISH_ABBREVIATIONS = ROOT / "includes" / "abbreviations" / "sv.md"
REQUIRED_FIELDS = ("title", "description", "last_reviewed", "next_review", "english_version", "sources")
STUB = re.compile(r"^Stub\.$", re.M)
FENCED_BLOCK = re.compile(r"^(?P<fence>```+|~~~+)[^\n]*\n.*?^(?P=fence)[ \t]*$", re.M | re.S)
TOKEN = re.compile(r"\{\{\s*(?:local|tel|email|link)\.[a-z0-9_.]+\s*\}\}")

PAGES = english_pages()


def without_code_blocks(markdown: str) -> str:
    """Letters and emails stay in English inside code blocks: they are not Swedish text."""
    return FENCED_BLOCK.sub("", markdown)


def code_blocks(markdown: str) -> list[str]:
    return [match.group(0).strip() for match in FENCED_BLOCK.finditer(markdown)]


# --- Never-use terms -------------------------------------------------------------------------
# The list is the checker's data file (copied there from /work/shared/swedish.md §2.7 and the
# "Avoid" entries of the termbase). Its header says how an entry matches: phrases as whole words in
# any letter case, a * at the end of a word for its endings, `allow` for the correct uses
# ("utmanande beteende"), `case_sensitive` ("personlig Budget"), or a `regex`.
NEVER_USE_FILE = ROOT / "scripts" / "checker" / "data" / "swedish-never-use.yml"
LINK_TARGET = re.compile(r"\]\([^)]*\)|(?:https?|mailto):[^\s)>\]]+")
ATTRIBUTE_LIST = re.compile(r"\{:?\s*[#.][^}\n]*\}")  # {#cetr}: a heading's anchor, not a word on the page


def phrase_pattern(phrase: str) -> str:
    words = [re.escape(word.rstrip("*")) + (r"\w*" if word.endswith("*") else "") for word in phrase.split()]
    return r"(?<![\w-])" + r"\s+".join(words) + r"(?!\w)"


@functools.cache
def never_use_entries() -> list[tuple[re.Pattern, list[re.Pattern], str, str]]:
    """(pattern, allowed uses, term, what to write instead) for every entry of the data file."""
    data = yaml.safe_load(NEVER_USE_FILE.read_text(encoding="utf-8"))
    entries = []
    for entry in data["never_use"]:
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        if entry.get("regex"):
            pattern = re.compile(entry["regex"], flags)
        else:
            pattern = re.compile("|".join(phrase_pattern(phrase) for phrase in entry["match"]), flags)
        allow = [re.compile(phrase_pattern(phrase), flags) for phrase in entry.get("allow", [])]
        entries.append((pattern, allow, entry["term"], entry["use_instead"]))
    return entries


def swedish_text(path: Path) -> str:
    """The Swedish words of a page: its title, description and body without code blocks.
    (Source titles stay as published, in English, and are not checked.)"""
    front_matter, body = read_page(path)
    return "\n".join([str(front_matter.get("title", "")), str(front_matter.get("description", "")), without_code_blocks(body)])


def never_use_findings(text: str) -> list[str]:
    text = ATTRIBUTE_LIST.sub("", LINK_TARGET.sub("]()", text))  # web addresses and anchors are not words
    text = re.sub(r"`/[^`\s]*`", "``", text)  # nor are short addresses written as code (`/sv/cetr/`)
    findings = []
    for pattern, allow, term, instead in never_use_entries():
        for match in pattern.finditer(text):
            if any(allowed.match(text, match.start()) for allowed in allow):
                continue
            line = text.count("\n", 0, match.start()) + 1
            findings.append(f"line {line}: {match.group(0)!r} ({term}); write: {instead}")
    return findings


def test_the_never_use_list_is_there():
    assert len(never_use_entries()) >= 20  # swedish.md §2.7 alone has 22 entries


# --- Every English page has a Swedish twin with complete front matter ------------------------


def test_there_are_pages_to_check():
    assert len(PAGES) >= 15


def test_every_english_page_has_a_swedish_twin():
    missing = [page for page in PAGES if not (SV / page).is_file()]
    assert missing == []


def test_no_swedish_page_without_an_english_original():
    extra = sorted(p.relative_to(SV).as_posix() for p in SV.rglob("*.md") if not (EN / p.relative_to(SV)).is_file())
    assert extra == []


@pytest.mark.parametrize("page", PAGES)
def test_swedish_front_matter_is_complete(page):
    front_matter, _ = read_page(SV / page)
    missing = [field for field in REQUIRED_FIELDS if front_matter.get(field) in (None, "", [])]
    assert missing == [], f"docs/sv/{page}: missing front matter: {missing}"
    for field in ("last_reviewed", "next_review", "english_version"):
        assert isinstance(front_matter[field], datetime.date), f"docs/sv/{page}: {field} is not a date (YYYY-MM-DD)"
    assert front_matter["next_review"] > front_matter["last_reviewed"], f"docs/sv/{page}: next_review is not after last_reviewed"
    assert "updated" not in front_matter, f"docs/sv/{page}: 'updated' is for English pages; use english_version"
    assert isinstance(front_matter["sources"], list)
    for source in front_matter["sources"]:
        assert isinstance(source, dict) and source.get("title") and source.get("url"), f"docs/sv/{page}: a source without title or url"


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_follows_an_english_version_that_exists(page):
    english, _ = read_page(EN / page)
    swedish, _ = read_page(SV / page)
    if "updated" in english:  # an English stub has no 'updated' yet
        assert swedish["english_version"] <= english["updated"], (
            f"docs/sv/{page}: english_version {swedish['english_version']} is later than the English page's updated {english['updated']}"
        )


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_cites_the_sources_of_the_english_page(page):
    english, _ = read_page(EN / page)
    swedish, _ = read_page(SV / page)
    assert [s.get("url") for s in swedish["sources"]] == [s.get("url") for s in english["sources"]]


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_is_written_once_its_english_page_is(page):
    _, english_body = read_page(EN / page)
    _, swedish_body = read_page(SV / page)
    if not STUB.search(english_body):
        assert not STUB.search(swedish_body), f"docs/sv/{page} is still a stub, but its English page is written"


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_uses_the_same_local_settings_as_english(page):
    _, english_body = read_page(EN / page)
    _, swedish_body = read_page(SV / page)
    if STUB.search(swedish_body):
        return  # a stub has nothing to compare yet; the test above says whether it should be written
    normalise = lambda tokens: {re.sub(r"\s+", "", token) for token in tokens}  # noqa: E731
    assert normalise(TOKEN.findall(swedish_body)) == normalise(TOKEN.findall(english_body))


# --- No never-use term -------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_swedish_page_has_no_never_use_term(page):
    assert never_use_findings(swedish_text(SV / page)) == []


def test_swedish_abbreviations_have_no_never_use_term():
    """The hover explanations are appended to every Swedish page."""
    assert never_use_findings(SWEDISH_ABBREVIATIONS.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "wrong",
    [
        "Barnet skrevs ut efter urladdningen.",
        "En gemenskap CETR hålls hemma.",
        "Be din advokat om hjälp.",
        "för barn med inlärningssvårigheter",
        "Panelen är öppen, oberoende och utmanande.",
        "Hon har en personlig Budget.",
    ],
)
def test_the_never_use_check_finds_a_wrong_term(wrong):
    """The check must be able to fail: each of these sentences has a term from the list."""
    assert never_use_findings(wrong) != []


@pytest.mark.parametrize(
    "right",
    ["Barnet skrivs ut från sjukhuset.", "utmanande beteende (behaviour that challenges)", "en personlig budget för stöd från NHS"],
)
def test_the_never_use_check_allows_the_termbase_words(right):
    assert never_use_findings(right) == []


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
