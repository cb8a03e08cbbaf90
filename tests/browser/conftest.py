"""Fixtures for the browser tests: the built site on 127.0.0.1, one Chromium, one context per width.

The browser is Debian's /usr/bin/chromium, driven by Playwright (never `playwright install`).
The server is scripts/site_server.py: a threaded http.server on a free port that, like a real host,
answers a missing path with the 404.html of that path's version folder.
"""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from scripts.site_server import serve
from tests.conftest import OUTPUT_PREFIX, VERSIONS, english_pages, page_output

# The widths every page is tested at: a small phone and a laptop.
VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}
# axe-core as shipped in the axe-playwright-python wheel; injected into every page of a context.
AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")


def is_redirect(path: Path) -> bool:
    """A short address (redirects.yml): a stub that forwards at once, never a page a reader stays on."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def is_leaflet(url_path: str) -> bool:
    """A leaflet (leaflets/*.yml): a page to print, with no menus; tests/browser/test_leaflets.py tests it."""
    return url_path.startswith("leaflets/") or "/leaflets/" in url_path


def site_pages(site: Path) -> list[str]:
    """Every page of the build as a URL path: each version's index.html pages and its 404.html.
    Redirect stubs are left out: they forward before anyone could read them (vnu still checks them).
    Leaflets are left out too: they have no menus, skip link or switcher (test_leaflets.py tests them)."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        if path.name not in ("index.html", "404.html") or is_redirect(path) or is_leaflet(path.relative_to(site).as_posix()):
            continue
        url = path.relative_to(site).as_posix()
        paths.append(url.removesuffix("index.html"))
    return paths


def version_of(url_path: str) -> str:
    first = url_path.split("/", 1)[0]
    return first if first in ("sv", "en-easy") else "en"


def page_in_version(url_path: str, version: str) -> str:
    """'sv/what-is-a-cetr/' in 'en-easy' -> 'en-easy/what-is-a-cetr/'."""
    rest = url_path.removeprefix(OUTPUT_PREFIX[version_of(url_path)])
    return OUTPUT_PREFIX[version] + rest


@pytest.fixture(scope="session")
def pages(built_site) -> list[str]:
    found = site_pages(built_site)
    # every English page in every version, and one 404 per version: nothing silently untested
    expected = {page_output(v, p).removesuffix("index.html") for v in VERSIONS for p in english_pages()}
    expected |= {OUTPUT_PREFIX[v] + "404.html" for v in VERSIONS}
    assert expected <= set(found), f"pages missing from the build: {sorted(expected - set(found))}"
    return found


@pytest.fixture(scope="session")
def content_pages(pages) -> list[str]:
    return [path for path in pages if not path.endswith("404.html")]


@pytest.fixture(scope="session")
def base_url(built_site):
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="session")
def contexts(browser):
    """One browser context per width, reused by every test (a new page per test is cheap)."""
    made = {}

    def get(name: str):
        if name not in made:
            context = browser.new_context(viewport=VIEWPORTS[name])
            context.add_init_script(script=AXE_SOURCE)
            made[name] = context
        return made[name]

    yield get
    for context in made.values():
        context.close()


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def new_page(contexts):
    """new_page(width_name) -> a fresh tab in that width's context, closed after the test."""
    opened = []

    def make(name: str = "desktop"):
        page = contexts(name).new_page()
        opened.append(page)
        return page

    yield make
    for page in opened:
        page.close()
