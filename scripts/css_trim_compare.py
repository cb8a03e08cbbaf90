"""Proof that trimming Material's stylesheet (overrides/hooks/on_demand.py) changes nothing a reader sees.

    .venv/bin/python -m scripts.css_trim_compare            # build, compare, print a table
    .venv/bin/python -m scripts.css_trim_compare --save DIR # also keep the PNGs that differ

Builds the site once, then serves it twice: as built (main.css trimmed), and with Material's own
untrimmed main.css put back. Each page is shot at 360 and 1280 px in each state a reader can reach
(as loaded, menu open, search open with results, language switcher open, printed), and the two
pictures are compared pixel by pixel in Chromium (no image library needed). Exits 1 when any pair
differs by more than TOLERANCE pixels. A check to run after a Material upgrade, not a timed test.
"""

from __future__ import annotations

import argparse
import base64
import shutil
import sys
import tempfile
from pathlib import Path

import material

from scripts import site_versions
from scripts.chromium import chromium
from scripts.mkdocs_build import mkdocs_build
from scripts.site_server import serve

ROOT = Path(__file__).resolve().parent.parent
# The home page and three content pages of the default version, and the heaviest page of each other
# version (its glossary, or its first content page): every version's stylesheet rules are seen.
PAGES = ["", "what-is-a-cetr/", "ask-for-a-review/", "types-of-review/"] + [
    version.prefix + ("what-is-a-cetr/" if version.easy_read else "glossary/") for version in site_versions.load() if not version.default]
WIDTHS = {"phone": (360, 740), "laptop": (1280, 800)}
STATES = ["loaded", "menu", "search", "switcher", "print"]
# Pixels that may differ in one picture. The same build shot twice differs by up to a few hundred
# pixels in tall full-page pictures, all in the header's search field (measured: 182 on the Swedish
# glossary at 1280 px, 317 on ask-for-a-review at 1280 px); every other pair is identical.
TOLERANCE = 400
SEARCH_WORD = "CETR"  # a word of every version

COMPARE = """async ([a, b]) => {
  const load = async (data) => createImageBitmap(await (await fetch('data:image/png;base64,' + data)).blob());
  const [x, y] = [await load(a), await load(b)];
  if (x.width !== y.width || x.height !== y.height) return {size: [x.width, x.height, y.width, y.height], diff: -1};
  const pixels = (bitmap) => {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const [p, q] = [pixels(x), pixels(y)];
  let diff = 0;
  for (let i = 0; i < p.length; i += 4) {
    if (p[i] !== q[i] || p[i + 1] !== q[i + 1] || p[i + 2] !== q[i + 2] || p[i + 3] !== q[i + 3]) diff++;
  }
  return {size: [x.width, x.height], diff};
}"""


def untrimmed_copy(site: Path, target: Path) -> Path:
    shutil.copytree(site, target)
    for trimmed in (target / "assets/stylesheets").glob("main.*.min.css"):
        original = Path(material.__file__).parent / "templates/assets/stylesheets" / trimmed.name
        shutil.copyfile(original, trimmed)
    return target


def shoot(browser, base: str, path: str, width: int, height: int, state: str) -> bytes:
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(base + path, wait_until="networkidle")
        full = True
        if state == "menu":
            if width < 1220:
                page.click("label.md-header__button[for=__drawer]")
            else:  # the menu is always open on a wide screen: open its first closed section
                page.click(".md-nav--primary .md-nav__item--nested:not(.md-nav__item--active) > label.md-nav__link")
            full = False
        elif state == "search":
            page.keyboard.press("/")
            page.keyboard.type(SEARCH_WORD)
            page.wait_for_selector(".md-search-result__item", timeout=15_000)
            full = False
        elif state == "switcher":
            page.focus(".md-select > button")
            full = False
        elif state == "print":
            page.emulate_media(media="print")
        if full:
            page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
            page.wait_for_load_state("networkidle")
        page.wait_for_timeout(600)  # transitions (drawer, search, switcher) end before the picture
        return page.screenshot(full_page=full, animations="disabled", caret="hide")
    finally:
        page.close()


def compare(site: Path, save: Path | None) -> list[dict]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="cetr-untrimmed-") as tmp:
        before = untrimmed_copy(site, Path(tmp) / "site")
        with serve(before) as base_before, serve(site) as base_after, chromium() as browser:
            checker = browser.new_page()
            for path in PAGES:
                for width_name, (width, height) in WIDTHS.items():
                    for state in STATES:
                        a = shoot(browser, base_before, path, width, height, state)
                        b = shoot(browser, base_after, path, width, height, state)
                        result = checker.evaluate(COMPARE, [base64.b64encode(a).decode(), base64.b64encode(b).decode()])
                        row = {"page": "/" + path, "width": width, "state": state, **result}
                        rows.append(row)
                        print(f"{row['page']:<26} {width:>5} {state:<9} {row['size']} differing pixels: {row['diff']}", flush=True)
                        if save and row["diff"] != 0:
                            save.mkdir(parents=True, exist_ok=True)
                            stem = f"{path.strip('/').replace('/', '-') or 'home'}-{width}-{state}"
                            (save / f"{stem}-untrimmed.png").write_bytes(a)
                            (save / f"{stem}-trimmed.png").write_bytes(b)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--save", type=Path, help="keep the pictures of each pair that differs here")
    args = parser.parse_args(argv)
    if args.site:
        rows = compare(args.site, args.save)
    else:
        with tempfile.TemporaryDirectory(prefix="cetr-site-") as folder:
            result = mkdocs_build(Path(folder) / "site", ROOT)
            if result.returncode != 0:
                sys.exit(f"css_trim_compare: the build failed:\n{result.stdout}{result.stderr}")
            rows = compare(Path(folder) / "site", args.save)
    bad = [row for row in rows if row["diff"] < 0 or row["diff"] > TOLERANCE]
    print(f"\n{len(rows)} pairs compared, {len(bad)} differ (tolerance {TOLERANCE} pixels)")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
