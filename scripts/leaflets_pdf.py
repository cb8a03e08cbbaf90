"""`make leaflets`: print every leaflet of a built site to PDF with Debian's Chromium, for printing or email.

    python -m scripts.leaflets_pdf SITE_DIR OUT_DIR

Writes OUT_DIR/<version>-<short address>.pdf (en-ask.pdf, sv-dsr.pdf, en-easy-help.pdf, ...), one A4 page each.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.chromium import chromium
from scripts.site_server import serve


def leaflet_paths(site: Path) -> list[str]:
    """Every leaflet of the site, as a URL path: leaflets/ask/, sv/leaflets/ask/, ..."""
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in site.glob("**/leaflets/*/index.html"))


def pdf_name(url_path: str) -> str:
    version, _, short = url_path.strip("/").rpartition("/leaflets/")
    if not _:  # the default version: leaflets/ask
        version, short = "en", url_path.strip("/").split("/", 1)[1]
    return f"{version}-{short}.pdf"


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site, out = Path(argv[0]), Path(argv[1])
    paths = leaflet_paths(site)
    if not paths:
        print(f"{site}: no leaflets: build the site first (mkdocs build)", file=sys.stderr)
        return 1
    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        for path in paths:
            page.goto(base + path)
            target = out / pdf_name(path)
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
            print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
