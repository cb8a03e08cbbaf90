"""Issue 7, part 2: everything works with a keyboard alone, and the focus can always be seen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import OUTPUT_PREFIX, page_in_version

# What has the focus, and can a sighted keyboard user see it: a focus style, and on screen, not covered.
FOCUS = """async () => {
  // let the page draw the change, then wait for anything that moves (a menu panel sliding in) to
  // stop; colour fades do not move anything, and waiting for them would make the test slow
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations()
    .filter(animation => !/color|shadow|outline/.test(animation.transitionProperty || ''))
    .map(animation => animation.finished.catch(() => null)));
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  let uncovered = false;
  if (right > left && bottom > top) {
    for (const [fx, fy] of [[0.5, 0.5], [0.1, 0.5], [0.9, 0.5], [0.5, 0.1], [0.5, 0.9]]) {
      const hit = document.elementFromPoint(left + (right - left) * fx, top + (bottom - top) * fy);
      if (hit && (hit === e || e.contains(hit) || hit.contains(e))) { uncovered = true; break; }
    }
  }
  return {
    name: `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : ''}`
          + ` "${(e.innerText || e.getAttribute('aria-label') || e.getAttribute('href') || '').trim().slice(0, 40)}"`,
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none'),
    onScreen: right > left && bottom > top && s.visibility === 'visible' && e.checkVisibility({opacityProperty: true}),
    uncovered,
    skip: e.classList.contains('md-skip'),
  };
}"""
SETTLED = "() => document.getAnimations().every(animation => animation.playState !== 'running')"
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def settle(page) -> None:
    """Let the page draw the change (transitions start), then wait until they have finished."""
    page.evaluate(NEXT_FRAME)
    page.wait_for_function(SETTLED)
OTHER = {"en": "sv", "sv": "en-easy", "en-easy": "en"}


def active(page, selector: str) -> bool:
    return page.evaluate("selector => document.activeElement?.matches(selector) ?? false", selector)


def switcher_open(page) -> bool:
    """Material's switcher list is shown by CSS (hover or focus inside); closed, it is transparent and 0 high."""
    settle(page)
    return page.eval_on_selector(
        ".md-select__inner", "e => getComputedStyle(e).opacity !== '0' && e.getBoundingClientRect().height > 0")


def tab_to(page, selector: str, limit: int = 15) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page, selector):
            return
    raise AssertionError(f"{limit} presses of Tab never reached {selector} on {page.url}")


def test_skip_link_comes_first_and_moves_focus_to_the_content(base_url, pages, new_page):
    page = new_page("desktop")
    problems = []
    for path in pages:
        page.goto(base_url + path)
        page.keyboard.press("Tab")
        if not active(page, "a.md-skip"):
            problems.append(f"/{path}: the first Tab does not reach 'Skip to content'")
            continue
        page.keyboard.press("Enter")
        if not active(page, "h1, main, [role=main]"):
            focused = page.evaluate("document.activeElement.outerHTML.slice(0, 80)")
            problems.append(f"/{path}: after 'Skip to content' the focus is on {focused}, not the H1 or main")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_language_switcher_works_by_keyboard(base_url, new_page, viewport, version):
    path = OUTPUT_PREFIX[version] + "what-is-a-cetr/"
    page = new_page(viewport)
    page.goto(base_url + path)
    tab_to(page, ".cetr-switcher__button")
    links = page.locator(".md-select__link")
    assert switcher_open(page), "focus on the switcher button does not open it"
    names = []
    for index in range(links.count()):
        page.keyboard.press("Tab")
        assert active(page, ".md-select__link"), f"Tab {index + 1} after the button is not on a switcher link"
        names.append(page.evaluate("document.activeElement.getAttribute('hreflang')"))
    assert names == ["en", "sv", "en-x-easy"]
    page.keyboard.press("Tab")  # Tab away: it closes
    assert not switcher_open(page), "the switcher stays open after Tab moves on"
    # activate a link with Enter: the same page in the other version
    page.keyboard.press("Shift+Tab")
    while page.evaluate("document.activeElement.getAttribute('hreflang')") != {"en": "en", "sv": "sv", "en-easy": "en-x-easy"}[OTHER[version]]:
        page.keyboard.press("Shift+Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == base_url + page_in_version(path, OTHER[version])


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_search_works_by_keyboard(base_url, new_page, viewport, version):
    home = base_url + OUTPUT_PREFIX[version]
    page = new_page(viewport)
    page.goto(home + "what-is-a-cetr/")
    tab_to(page, ".md-search__input")  # reaching the search box by Tab opens the search
    assert page.is_checked("#__search"), "focus in the search box does not open the search"
    page.keyboard.type("review")
    page.wait_for_selector(".md-search-result__item")
    settle(page)
    page.keyboard.press("ArrowDown")
    assert active(page, ".md-search-result__link"), "ArrowDown does not reach the first result"
    assert page.evaluate(FOCUS)["onScreen"]
    page.keyboard.press("Escape")
    settle(page)
    assert not page.is_checked("#__search"), "Escape does not close the search"
    assert not page.locator(".md-search-result__item").first.is_visible()
    # again, with Material's shortcut key, and follow a result with Enter: a page of the same version
    page.goto(home + "what-is-a-cetr/")
    page.keyboard.press("/")
    assert active(page, ".md-search__input")
    page.keyboard.type("review")
    page.wait_for_selector(".md-search-result__item")
    settle(page)
    page.keyboard.press("ArrowDown")
    assert active(page, ".md-search-result__link"), "ArrowDown does not reach the first result"
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.url.startswith(home) and "/404" not in page.url
    if version == "en":
        assert not page.url.startswith((base_url + "sv/", base_url + "en-easy/"))


# Every version on a phone (menu drawer, long Swedish labels); on a laptop, where all versions share
# one layout, the Swedish one with the longest words.
@pytest.mark.parametrize("viewport, version", [("phone", "en"), ("phone", "sv"), ("phone", "en-easy"), ("desktop", "sv")])
def test_focus_is_always_visible(base_url, new_page, viewport, version):
    """Tab through a whole page: every stop has a focus ring, on screen, not hidden under anything."""
    page = new_page(viewport)
    page.goto(base_url + OUTPUT_PREFIX[version] + "what-is-a-cetr/")
    problems, stops = [], 0
    for _ in range(400):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is None or (focus["skip"] and stops):
            break  # back at the start: the whole page is done
        stops += 1
        for check, what in (("ring", "no focus outline"), ("onScreen", "off screen or invisible"), ("uncovered", "covered")):
            if not focus[check]:
                problems.append(f"stop {stops}, {focus['name']}: {what}")
    assert stops > 10
    assert not problems, f"{viewport}, /{OUTPUT_PREFIX[version]}what-is-a-cetr/:\n" + "\n".join(problems)
