"""A first visit downloads only what the page needs: the search index waits until search is opened."""

from __future__ import annotations

import pytest

from scripts.site_server import serve


def test_search_index_loads_only_when_search_is_opened(built_site, browser):
    served: list[str] = []
    with serve(built_site, served) as base:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + "sv/what-is-a-cetr/", wait_until="networkidle")
        page.wait_for_timeout(500)
        assert not [path for path in served if path.endswith("search_index.json")]
        page.keyboard.press("/")
        page.keyboard.type("granskning")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert "/sv/search/search_index.json" in served
        page.close()


@pytest.mark.parametrize(
    "width, opener",
    [(360, "label.md-header__button[for=__search]"),  # the search button of a phone's header
     (1280, ".md-search__input")],                     # on a wide screen the field is in the header
)
def test_search_opened_with_a_tap_or_click_still_works(built_site, browser, width, opener):
    with serve(built_site) as base:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(base + "what-is-a-cetr/", wait_until="networkidle")
        page.click(opener)
        page.keyboard.type("register")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        page.close()
