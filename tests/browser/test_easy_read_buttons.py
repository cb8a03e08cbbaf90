"""Easy Read call buttons (issue 12): every link with the class call-button, in a page or in the
crisis banner, is at least 48 px high and wide, on a phone and on a laptop."""

from __future__ import annotations

import pytest

MIN_SIZE = 48  # px
BUTTONS = """() => [...document.querySelectorAll('a.call-button')].map(a => {
  const box = a.getBoundingClientRect();
  return {text: a.textContent.trim(), href: a.getAttribute('href'), width: box.width, height: box.height};
})"""


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_call_buttons_are_at_least_48_px(base_url, content_pages, new_page, width):
    page = new_page(width)
    easy = [path for path in content_pages if path.startswith("en-easy/")]
    small, seen = [], 0
    for path in easy:
        page.goto(base_url + path)
        buttons = page.evaluate(BUTTONS)
        seen += len(buttons)
        small += [f"/{path}: '{b['text']}' ({b['href']}) is {b['width']:.0f} x {b['height']:.0f} px"
                  for b in buttons if b["height"] < MIN_SIZE or b["width"] < MIN_SIZE]
    assert seen >= 2 * len(easy), "every Easy Read page has the banner's 2 buttons"
    assert small == [], "call buttons under 48 px:\n" + "\n".join(small)
