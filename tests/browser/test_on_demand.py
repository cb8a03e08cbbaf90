"""Issue 16: Material's bundle and search worker load only when a reader opens search, and every
feature a reader uses before that works without them (assets/javascripts/on-demand.js,
overrides/hooks/on_demand.py). Structural: nothing here times anything."""

from __future__ import annotations

import re

import pytest

from scripts.site_server import serve

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
WORKER = re.compile(r"/assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")
STUB = "/assets/javascripts/workers/search-on-demand.js"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def site(built_site, browser):
    """(base URL, the paths served so far, a function that opens a fresh page)."""
    served: list[str] = []
    pages = []
    with serve(built_site, served) as base:
        def open_page(path: str, viewport=PHONE, **context):
            tab = browser.new_context(viewport=viewport, **context).new_page()
            pages.append(tab)
            tab.goto(base + path, wait_until="networkidle")
            return tab
        yield base, served, open_page
        for tab in pages:
            tab.context.close()


def material_requested(served: list[str]) -> list[str]:
    return [path for path in served if BUNDLE.search(path) or WORKER.search(path) or path == STUB
            or path.endswith("search_index.json")]


@pytest.mark.parametrize("prefix", ["", "sv/", "en-easy/"])
def test_nothing_of_search_loads_before_search_opens_then_search_works(site, prefix):
    base, served, open_page = site
    page = open_page(prefix + "what-is-a-cetr/")
    page.mouse.wheel(0, 1500)  # reading and scrolling load nothing more
    page.wait_for_timeout(300)
    assert material_requested(served) == []
    page.keyboard.press("/")
    page.keyboard.type("CETR")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    loaded = material_requested(served)
    assert any(BUNDLE.search(path) for path in loaded) and STUB in loaded
    assert any(WORKER.search(path) for path in loaded), "the stand-in worker did not load the real one"
    assert f"/{prefix}search/search_index.json" in loaded


def test_one_render_blocking_stylesheet_of_ours_in_every_version(site):
    base, served, open_page = site
    for prefix in ("", "sv/", "en-easy/"):
        page = open_page(prefix + "what-is-a-cetr/")
        blocking = page.eval_on_selector_all(
            "head link[rel=stylesheet]",
            "links => links.filter(l => !l.media || l.media === 'all' || l.media === 'screen').map(l => l.getAttribute('href'))")
        ours = [href for href in blocking if not re.search(r"/main\.[0-9a-f]+\.min\.css$", href)]
        assert [href.rsplit("/", 1)[-1] for href in ours] == ["site.css"], f"/{prefix}: {blocking}"
        scripts = page.eval_on_selector_all("script[src]", "s => s.filter(e => !e.defer && !e.async).map(e => e.src)")
        assert scripts == [], f"/{prefix}: scripts that block: {scripts}"


def test_copy_button_on_a_letter_copies_it_without_the_bundle(site):
    base, served, open_page = site
    page = open_page("ask-for-a-review/", permissions=["clipboard-read", "clipboard-write"])
    buttons = page.locator('button.md-code__button[data-md-type="copy"]')
    assert buttons.count() == page.locator(".md-typeset pre > code").count() > 0
    assert buttons.first.get_attribute("title") == "Copy to clipboard"
    buttons.first.click()
    page.wait_for_selector(".md-dialog--active")
    assert page.inner_text(".md-dialog__inner") == "Copied to clipboard"
    copied = page.evaluate("navigator.clipboard.readText()")
    letter = page.eval_on_selector(".md-typeset pre > code", "code => code.textContent")
    assert copied == letter and "CETR" in copied
    assert material_requested(served) == []


def test_copy_buttons_are_not_doubled_once_the_bundle_runs(site):
    base, served, open_page = site
    page = open_page("ask-for-a-review/")
    codes = page.locator(".md-typeset pre > code").count()
    page.keyboard.press("/")
    page.wait_for_function("() => document.documentElement.classList.contains('js-focus-visible')")
    page.wait_for_timeout(300)
    assert page.locator('button.md-code__button[data-md-type="copy"]').count() == codes


def test_menu_drawer_opens_on_a_phone_and_its_links_work(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/")
    drawer = page.locator(".md-sidebar--primary")
    assert drawer.bounding_box()["x"] < 0  # closed: off screen to the left
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)
    assert drawer.bounding_box()["x"] >= 0
    # the drawer opens on the current page's section
    page.locator(".md-nav--primary a.md-nav__link", has_text="Types of review").first.click()
    page.wait_for_url("**/types-of-review/")
    assert material_requested(served) == []


def test_table_of_contents_in_the_phone_menu_and_on_a_wide_screen(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/")
    page.click("label.md-header__button[for=__drawer]")
    page.click("label.md-nav__link[for=__toc]")
    page.wait_for_timeout(400)
    link = page.locator(".md-nav--secondary a.md-nav__link").nth(1)
    target = link.get_attribute("href")
    link.click()
    assert page.evaluate("location.hash") == target
    top = page.eval_on_selector(target, "e => e.getBoundingClientRect().top")
    assert 0 <= top < 200
    wide = open_page("glossary/", viewport=DESKTOP)
    toc = wide.locator(".md-sidebar--secondary .md-sidebar__scrollwrap")
    box = toc.bounding_box()
    assert box["y"] + box["height"] <= DESKTOP["height"], "the contents list runs off the bottom of the window"
    last = wide.locator(".md-sidebar--secondary a.md-nav__link").last
    last.scroll_into_view_if_needed()
    last.click()
    assert wide.evaluate("location.hash") == last.get_attribute("href")
    assert material_requested(served) == []


def test_language_switcher_opens_and_leads_to_the_other_version(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/")
    page.focus(".md-select > button")
    page.wait_for_timeout(300)
    swedish = page.locator('.md-select__link[hreflang="sv"]')
    assert swedish.is_visible()
    swedish.click()
    page.wait_for_url("**/sv/what-is-a-cetr/")
    assert material_requested(served) == []


def test_back_to_top_shows_when_scrolling_up_and_goes_to_the_top(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/")
    top = page.locator("[data-md-component=top]")
    assert top.get_attribute("hidden") is not None
    page.evaluate("window.scrollTo(0, 2000)")
    page.wait_for_timeout(100)
    page.evaluate("window.scrollTo(0, 1800)")
    page.wait_for_function("() => !document.querySelector('[data-md-component=top]').hidden")
    top.click()
    page.wait_for_function("() => window.scrollY === 0")
    assert material_requested(served) == []


def test_shortcut_keys_open_search_and_go_to_the_next_page(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/")
    next_page = page.get_attribute("link[rel=next]", "href")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.matches('.md-search__input') && document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    page = open_page("what-is-a-cetr/")
    page.keyboard.press("n")
    page.wait_for_url(re.compile(re.escape(next_page.strip("./")) + "/?$"))


def test_skip_link_moves_the_focus_to_the_heading(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.md-skip')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "H1"
    assert material_requested(served) == []


def test_printing_opens_every_details_box_and_closes_them_after(site):
    base, served, open_page = site
    page = open_page("types-of-review/")
    closed = page.evaluate("document.querySelectorAll('details:not([open])').length")
    assert closed > 0
    page.evaluate("""() => addEventListener('beforeprint', () => {
        window.closedWhilePrinting = document.querySelectorAll('details:not([open])').length; })""")
    page.pdf()
    assert page.evaluate("window.closedWhilePrinting") == 0
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == closed


def test_search_opens_from_an_address_with_a_query(site):
    base, served, open_page = site
    page = open_page("what-is-a-cetr/?q=register")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)



@pytest.mark.parametrize("prefix", ["", "sv/"])
def test_an_address_from_before_the_glossary_was_split_still_finds_its_section(site, prefix):
    """The glossary is two pages (A to K, L to Z; continued_on): glossary/#phso, a link made when it
    was one page, opens PHSO on the second page; a section of the first page stays where it is."""
    base, served, open_page = site
    moved = open_page(prefix + "glossary/#phso")
    moved.wait_for_url(f"**/{prefix}glossary-l-z/#phso")
    assert 0 <= moved.eval_on_selector("#phso", "e => e.getBoundingClientRect().top") < 200
    stays = open_page(prefix + "glossary/#keyworker")
    assert stays.url == f"{base}{prefix}glossary/#keyworker"
    assert 0 <= stays.eval_on_selector("#keyworker", "e => e.getBoundingClientRect().top") < 200
    assert material_requested(served) == []
