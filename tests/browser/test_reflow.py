"""Issue 7, part 3: on a phone nothing scrolls sideways, text reflows at 200 % zoom, and every tap
target is at least 24 × 24 px or far enough from the next one (WCAG 2.5.8)."""

from __future__ import annotations

WIDE = "() => document.documentElement.scrollWidth"

# Links, buttons and other controls a finger can hit, that are shown (not in a closed drawer,
# closed search or closed switcher); with the size and the centre of each. Links inside a sentence
# are left out: WCAG 2.5.8 exempts them (the line height decides their size).
TARGETS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[tabindex], label[for], [role=button]';
  const inSentence = e => {
    const block = e.closest('p, li, td, th, dd, dt, figcaption, blockquote');
    return e.tagName === 'A' && block && block.textContent.replace(e.textContent, '').trim().length > 0
      && !e.closest('nav, .md-nav, .md-footer, .md-header, .md-select');
  };
  const found = [];
  for (const e of document.querySelectorAll(selector)) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth) continue;
    if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) continue;
    if (inSentence(e)) continue;
    const name = (e.innerText || e.getAttribute('aria-label') || e.getAttribute('title') || e.tagName).trim().slice(0, 40);
    found.push({name, left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY});
  }
  return found;
}"""


def too_close(targets: list[dict]) -> list[str]:
    """WCAG 2.5.8: a target under 24 × 24 px needs a 24 px circle round its centre that touches no
    other target, and no other small target's circle."""
    def small(t):
        return t["right"] - t["left"] < 23.5 or t["bottom"] - t["top"] < 23.5

    def centre(t):
        return (t["left"] + t["right"]) / 2, (t["top"] + t["bottom"]) / 2

    def distance_to_box(point, t):
        dx = max(t["left"] - point[0], 0, point[0] - t["right"])
        dy = max(t["top"] - point[1], 0, point[1] - t["bottom"])
        return (dx * dx + dy * dy) ** 0.5

    problems = []
    for a in filter(small, targets):
        ca = centre(a)
        for b in targets:
            if b is a or (b["left"], b["top"]) == (a["left"], a["top"]):
                continue
            cb = centre(b)
            if distance_to_box(ca, b) < 12 or (small(b) and ((ca[0] - cb[0]) ** 2 + (ca[1] - cb[1]) ** 2) ** 0.5 < 24):
                size = f"{a['right'] - a['left']:.0f}×{a['bottom'] - a['top']:.0f} px"
                problems.append(f"'{a['name']}' ({size}) is too close to '{b['name']}'")
                break
    return problems


def test_no_page_scrolls_sideways_at_320_px(base_url, pages, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    for path in pages:
        page.goto(base_url + path)
        if (width := page.evaluate(WIDE)) > 320:
            wide.append(f"/{path}: {width} px wide")
    context.close()
    assert not wide, "pages that scroll sideways on a 320 px phone:\n" + "\n".join(wide)


def test_text_reflows_at_200_percent_zoom(base_url, pages, browser):
    """A 1280 px window zoomed to 200 % lays out like a 640 px one with twice the pixels."""
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    page = context.new_page()
    wide = []
    for path in pages:
        page.goto(base_url + path)
        if (width := page.evaluate(WIDE)) > 640:
            wide.append(f"/{path}: {width} px wide")
    context.close()
    assert not wide, "pages that scroll sideways at 200 % zoom:\n" + "\n".join(wide)


def test_tap_targets_are_big_enough_or_far_enough_apart(base_url, pages, new_page):
    page = new_page("phone")
    problems = []
    for path in pages:
        page.goto(base_url + path)
        problems += [f"/{path}: {problem}" for problem in too_close(page.evaluate(TARGETS))]
    assert not problems, "tap targets under 24 px and too close together:\n" + "\n".join(problems)
