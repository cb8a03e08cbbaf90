"""The built Easy Read version: short pages and set (reading text only, as a reader gets it), no dotted
abbreviation underlines, the lines every page shows at its top, and the list of pages that readers
with a learning disability have not checked yet (issue 12)."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts import site_versions
from scripts.checker import easy_read
from scripts.checker.load import load_site
from scripts.checker.thresholds import load_thresholds
from scripts.easy_read_status import MARKER
from scripts.local_settings import load_settings, phone_href
from tests.conftest import DOCS, EXAMPLE_SETTINGS, ROOT, english_pages, page_output

THRESHOLDS = load_thresholds(ROOT)  # [tool.cetr-check]: 400 words a page, 4,500 a set
PAGES = english_pages()
WORD = re.compile(r"\w")


def article(built_site: Path, version: str, page: str) -> BeautifulSoup:
    html = (built_site / page_output(version, page)).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")


def reading_text(built_site: Path, page: str) -> str:
    """The words of an Easy Read page a reader reads: its article, without the sources and review
    dates at the bottom (page facts), the heading permalinks, the Share button and what only paper shows."""
    content = article(built_site, "en-easy", page)
    for element in content.select("aside.cetr-page-facts, a.headerlink, div.cetr-share, aside.cetr-print-only, script, style"):
        element.decompose()
    return content.get_text(" ")


def word_count(text: str) -> int:
    return sum(1 for word in text.split() if WORD.search(word))


def front_matter(page: str) -> dict:
    text = (DOCS / "en-easy" / page).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n")) or {}


def test_the_reading_text_leaves_out_the_page_facts_and_counts_the_top_line(built_site):
    text = reading_text(built_site, "get-help-now.md")
    assert "Where these facts come from" not in text
    assert "You can ask someone you trust to read this with you." in text


@pytest.mark.parametrize("page", PAGES)
def test_an_easy_read_page_has_at_most_400_words(built_site, page):
    assert word_count(reading_text(built_site, page)) <= THRESHOLDS["easy-read-page-words"]


def test_the_easy_read_set_has_at_most_4500_words(built_site):
    counts = {page: word_count(reading_text(built_site, page)) for page in PAGES}
    assert sum(counts.values()) <= THRESHOLDS["easy-read-set-words"], sorted(counts.items(), key=lambda item: -item[1])


def test_the_checker_counts_the_words_a_reader_gets(built_site):
    """easy-read/page-too-long counts the Markdown; it must count what the built page shows."""
    site = load_site(ROOT, datetime.date(2026, 12, 2))
    pages = {page.name: page for page in site.pages if page.version == "en-easy" and page.loaded}
    differences = {name: (easy_read.page_words(page, site), word_count(reading_text(built_site, name)))
                   for name, page in pages.items()}
    assert {name: counts for name, counts in differences.items() if counts[0] != counts[1]} == {}


def test_no_abbreviation_underlines_in_easy_read(built_site):
    pages = sorted((built_site / "en-easy").rglob("*.html"))
    assert pages
    assert [str(page.relative_to(built_site)) for page in pages if "<abbr" in page.read_text(encoding="utf-8")] == []


def test_english_and_swedish_keep_their_abbreviations(built_site):
    for version in ("en", "sv"):
        assert "<abbr" in (built_site / page_output(version, "what-is-a-cetr.md")).read_text(encoding="utf-8"), version


@pytest.mark.parametrize("page", PAGES)
def test_every_easy_read_page_says_at_its_top_who_it_is_for_and_that_someone_can_read_it_with_you(built_site, page):
    content = article(built_site, "en-easy", page)
    top = content.select_one("h1 + .cetr-easy-top")
    assert top is not None, "no top lines right under the H1"
    read_with = top.select_one(".cetr-easy-top__read-with")
    assert read_with.get_text(" ", strip=True) == "You can ask someone you trust to read this with you."
    picture = read_with.select_one("img")
    assert picture["alt"] and picture["src"].endswith("assets/ui/read-together.svg")
    family = top.select_one(".cetr-easy-top__family")
    if front_matter(page).get("audience") == "family":
        assert family is not None and family.get_text(strip=True) == "This page is for families."
    else:
        assert family is None


def test_the_read_with_picture_is_in_the_site(built_site):
    assert (built_site / "assets" / "ui" / "read-together.svg").is_file()


@pytest.mark.parametrize("page", PAGES)
def test_the_page_says_whether_readers_have_checked_it(built_site, page):
    facts = article(built_site, "en-easy", page).select_one("aside.cetr-page-facts").get_text(" ", strip=True)
    checked = front_matter(page).get("checked_by_readers")
    assert checked, f"docs/en-easy/{page} has no checked_by_readers in its front matter"
    if checked == "not yet":
        assert "People with a learning disability have not checked this page yet." in facts
    else:
        assert f"People with a learning disability from {checked['group']} checked this page on" in facts


def test_the_help_pages_have_call_buttons_for_999_111_and_the_icb(built_site):
    """{{ tel.icb }}{ .call-button }: the class lands on the link the token makes."""
    icb = phone_href(load_settings(EXAMPLE_SETTINGS).data["contacts"]["icb"]["phone"])  # the settings built_site uses
    hrefs = {button["href"] for page in ("get-help-now.md", "where-to-get-help.md")
             for button in article(built_site, "en-easy", page).select("a.call-button")}
    assert {"tel:999", "tel:111", icb} <= hrefs


def test_the_crisis_banner_calls_999_in_easy_read(built_site):
    banner = BeautifulSoup((built_site / page_output("en-easy", "index.md")).read_text(encoding="utf-8"), "html.parser")
    assert [a["href"] for a in banner.select(".cetr-help-now a.call-button")][0] == "tel:999"


def test_the_accessibility_statements_list_the_easy_read_pages_not_checked_yet(built_site):
    not_checked = [front_matter(page).get("title") for page in PAGES if front_matter(page).get("checked_by_readers") == "not yet"]
    versions = site_versions.load(strings=True)
    for version in ("en", "en-easy"):
        html = (built_site / page_output(version, "accessibility.md")).read_text(encoding="utf-8")
        text = " ".join(BeautifulSoup(html, "html.parser").select_one("article").get_text().split())
        assert MARKER not in html, version
        # While no page is checked, one line says so: a list of every page would say nothing more.
        none_checked = len(not_checked) == len(PAGES)
        expected = [versions[version].strings["easy.none_checked"]] if none_checked else not_checked
        missing = [title for title in expected if title not in text]
        assert missing == [], f"{version}: add the line {MARKER} to docs/{version}/accessibility.md"
