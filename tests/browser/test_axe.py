"""Issue 7, part 1: axe-core finds no WCAG 2.2 A/AA violation on any page, at phone and laptop width,
nor with the search or the language switcher open."""

from __future__ import annotations

import pytest

from tests.browser.axe import describe, run_axe
from tests.browser.conftest import OUTPUT_PREFIX

SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"


def test_every_page_has_no_axe_violations(base_url, pages, new_page, viewport):
    page = new_page(viewport)
    problems = []
    for path in pages:
        page.goto(base_url + path)
        problems += describe(f"/{path} at {viewport}", run_axe(page))
    assert not problems, "axe found:\n" + "\n".join(problems)


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_search_with_results_has_no_axe_violations(base_url, new_page, viewport, version):
    page = new_page(viewport)
    page.goto(base_url + OUTPUT_PREFIX[version] + "what-is-a-cetr/")
    page.keyboard.press("/")  # Material's shortcut: focus goes to the search box
    page.keyboard.type("CETR")
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_function(SETTLED)
    problems = describe(f"search on /{OUTPUT_PREFIX[version]} at {viewport}", run_axe(page))
    assert not problems, "axe found:\n" + "\n".join(problems)


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_open_language_switcher_has_no_axe_violations(base_url, new_page, viewport, version):
    page = new_page(viewport)
    page.goto(base_url + OUTPUT_PREFIX[version] + "what-is-a-cetr/")
    page.focus(".cetr-switcher__button")
    page.wait_for_function(SETTLED)
    assert page.is_visible(".md-select__link >> nth=0")
    problems = describe(f"switcher on /{OUTPUT_PREFIX[version]} at {viewport}", run_axe(page))
    assert not problems, "axe found:\n" + "\n".join(problems)
