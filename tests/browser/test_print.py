"""Issue 7, part 6: the checklist page prints on A4 as words only, with nothing cut off."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import OUTPUT_PREFIX

# A4 is 210 mm wide; print.css leaves 15 mm each side: 180 mm = 680 CSS px at 96 px to the inch.
PRINT_WIDTH = 680

HIDDEN = ".md-header, .md-sidebar, .md-footer, .md-skip, .md-search, .md-top"
# The crisis banner prints only where it holds a number to call (Easy Read's "Call 999"), as words,
# without its links to other pages: the crisis numbers stay on paper (issue 17).
BANNER_ON_PAPER = """() => [...document.querySelectorAll('.md-banner')].filter(b => getComputedStyle(b).display !== 'none')
  .map(b => ({number: !!b.querySelector('a[href^="tel:"]'),
              links: [...b.querySelectorAll('a:not([href^="tel:"])')].filter(a => getComputedStyle(a).display !== 'none').length}))"""

TOO_WIDE = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getClientRects().length && e.getBoundingClientRect().right > width + 1)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
            + ` "${(e.textContent || '').trim().slice(0, 40)}"`)"""


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_checklist_prints_on_a4_without_navigation_or_cut_off_text(base_url, browser, version):
    context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1000})
    page = context.new_page()
    page.goto(base_url + OUTPUT_PREFIX[version] + "getting-ready/")
    page.emulate_media(media="print")
    shown = page.eval_on_selector_all(
        HIDDEN, "elements => elements.filter(e => getComputedStyle(e).display !== 'none').map(e => e.className)")
    assert shown == [], f"shown on paper: {shown}"
    assert all(banner["number"] and banner["links"] == 0 for banner in page.evaluate(BANNER_ON_PAPER))
    assert page.evaluate("() => document.querySelector('h1').getBoundingClientRect().height") > 0
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PRINT_WIDTH
    wide = page.evaluate(TOO_WIDE, PRINT_WIDTH)
    assert wide == [], f"wider than an A4 page: {wide[:10]}"
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    # Every page is A4 (210 x 297 mm = 595 x 842 points, as Chromium rounds it) and there is text on
    # paper (a font); a checklist that needs more than 12 sheets has lost its print style.
    sizes = [(float(w), float(h)) for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)]
    assert len(sizes) == pages and 1 <= pages <= 12, (pages, sizes)
    assert all(594 <= width <= 597 and 841 <= height <= 844 for width, height in sizes), sizes
    assert re.search(rb"/Type\s*/Font\b", pdf)
