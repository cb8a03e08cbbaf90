"""Issue 7, part 4: the switcher keeps the reader on the same page in the other version, and each
version's search finds only that version's pages."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import OUTPUT_PREFIX, page_in_version, version_of

HREFLANG = {"en": "en", "sv": "sv", "en-easy": "en-x-easy"}


def test_switcher_leads_to_the_same_page_in_each_other_version(base_url, pages, new_page):
    page = new_page("desktop")
    wrong = []
    for number, path in enumerate(pages):
        version = version_of(path)
        others = [v for v in OUTPUT_PREFIX if v != version]
        # a 404 has no twin: its switcher goes to each version's home page
        expected = {v: base_url + (OUTPUT_PREFIX[v] if path.endswith("404.html") else page_in_version(path, v))
                    for v in OUTPUT_PREFIX}
        page.goto(base_url + path)
        for v in others:  # every link goes to the right place ...
            href = page.eval_on_selector(f'.md-select__link[hreflang="{HREFLANG[v]}"]', "a => a.href")
            if href != expected[v]:
                wrong.append(f"/{path}: the {v} link goes to {href}, not {expected[v]}")
        # ... and a real click lands there: on every 404 and every third page (taking turns between
        # the other two versions), which keeps the test quick and still clicks in every direction
        if not (path.endswith("404.html") or number % 3 == 0):
            continue
        target = others[(number // 3) % 2]
        page.hover(".cetr-switcher__button")  # opens the list, as a mouse does
        # force: click at once, without waiting for the list's fade-in to end (which takes most of a second)
        with page.expect_navigation():
            page.click(f'.md-select__link[hreflang="{HREFLANG[target]}"]', force=True)
        if page.url != expected[target]:
            wrong.append(f"/{path}: clicking {target} landed on {page.url}, not {expected[target]}")
    assert not wrong, "\n".join(wrong)


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-zåäöéü]+", text.lower()))


def index_text(site, version: str) -> str:
    index = json.loads((site / OUTPUT_PREFIX[version] / "search/search_index.json").read_text(encoding="utf-8"))
    return " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"])


def only_swedish_word_starts(site) -> list[str]:
    """Starts (6 letters) of long Swedish words that begin no word at all in English or Easy Read.
    Material's search matches word starts, so typing one must find Swedish pages only."""
    other = words(index_text(site, "en") + " " + index_text(site, "en-easy"))
    starts = sorted({w[:6] for w in words(index_text(site, "sv")) if len(w) >= 9 and w.isascii()})
    return [s for s in starts if not any(w.startswith(s) for w in other)]


def search(page, base_url, version: str, query: str) -> list[str]:
    page.goto(base_url + OUTPUT_PREFIX[version])
    page.keyboard.press("/")
    page.keyboard.type(query)
    # the meta line says how many pages were found (or that none were), once the search has run
    page.wait_for_function("""() => {
      const meta = document.querySelector('.md-search-result__meta')?.textContent.trim();
      const waiting = JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder'];
      return meta && meta !== waiting;
    }""")
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")


def test_a_swedish_word_is_found_in_swedish_and_not_in_english(built_site, base_url, new_page):
    starts = only_swedish_word_starts(built_site)
    assert len(starts) >= 3, "the Swedish pages should have words that no English page has"
    page = new_page("desktop")
    # take the first few such words: the search must find each on Swedish pages only
    tried = starts[:: max(1, len(starts) // 3)][:3]
    for start in tried:
        found = search(page, base_url, "sv", start)
        assert found, f"Swedish search finds nothing for '{start}'"
        assert all(href.startswith(base_url + "sv/") for href in found), found
        for version in ("en", "en-easy"):
            assert search(page, base_url, version, start) == [], f"{version} search finds '{start}'"
