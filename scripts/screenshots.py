"""Screenshots of the site for a person to look at: the home page and one content page of each
version, at phone (360 px) and laptop (1280 px) width, whole page.

    .venv/bin/python -m scripts.screenshots                 # build the site, then take them
    .venv/bin/python -m scripts.screenshots --site DIR      # use a site built already
    .venv/bin/python -m scripts.screenshots --out DIR       # where to save (default: screenshots/)

Uses Debian's /usr/bin/chromium through Playwright (never `playwright install`).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts import site_versions
from scripts.chromium import chromium
from scripts.mkdocs_build import mkdocs_build
from scripts.site_server import serve

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"home": "", "what-is-a-cetr": "what-is-a-cetr/"}
WIDTHS = {"phone": (360, 740), "laptop": (1280, 800)}


def build(site: Path) -> None:
    result = mkdocs_build(site, ROOT)
    if result.returncode != 0:
        sys.exit(f"screenshots: the build failed:\n{result.stdout}{result.stderr}")


def take(site: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    saved = []
    with serve(site) as base, chromium() as browser:
        for width_name, (width, height) in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for version in site_versions.load(ROOT / "mkdocs.yml"):
                for page_name, path in PAGES.items():
                    page.goto(base + version.prefix + path, wait_until="networkidle")
                    # a full-page picture shows every Easy Read picture, not only those a reader has scrolled to
                    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
                    page.wait_for_load_state("networkidle")
                    file = out / f"{version.code}-{page_name}-{width_name}.png"
                    page.screenshot(path=str(file), full_page=True)
                    saved.append(file)
            page.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNG files")
    args = parser.parse_args(argv)
    if args.site:
        saved = take(args.site, args.out)
    else:
        with tempfile.TemporaryDirectory(prefix="cetr-site-") as folder:
            build(Path(folder))
            saved = take(Path(folder), args.out)
    for file in saved:
        print(file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
