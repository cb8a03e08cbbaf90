"""Debian's Chromium, driven by Playwright: the one browser of the tests, benchmarks and screenshots.

Never `playwright install`: it downloads a browser, which this project's machines cannot fetch.
The flags keep Chromium from calling Google's hosts, which the closed network refuses.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@contextmanager
def chromium() -> Iterator["playwright.sync_api.Browser"]:  # noqa: F821
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
