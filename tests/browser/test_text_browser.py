"""Issue 19, part 4: reading a page with no styles and no scripts, as a text browser or a screen reader
in browse mode would. Debian's w3m (`w3m -dump`) reads each page; the crisis banner and the skip link
must come first, the skip link must lead to the page's own heading, and text that only a script
makes true ("Initializing search") must not be shown."""

from __future__ import annotations

import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from tests.conftest import OUTPUT_PREFIX

# w3m shows form controls with no words as "[ ]": Material's two hidden toggles (menu and search)
# come first in <body>. They carry no text, so they are left out of "what is read first".
NO_WORDS = re.compile(r"^[\s\[\]*○●□☆•]*$")


def read_as_text(url: str) -> list[str]:
    result = subprocess.run(["w3m", "-dump", "-cols", "100", url], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return [line.strip() for line in result.stdout.splitlines() if not NO_WORDS.match(line)]


def test_w3m_reads_skip_link_then_crisis_banner_first_and_no_script_only_text(base_url, built_site, pages):
    problems = []
    for path in pages:
        html = (built_site / (path if path.endswith(".html") else path + "index.html")).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        skip = soup.select_one("a.md-skip")
        banner = soup.select_one(".cetr-help-now")
        if skip is None or banner is None:
            problems.append(f"/{path}: no skip link or no crisis banner in the HTML")
            continue
        lines = read_as_text(base_url + path)
        expected = [skip.get_text(" ", strip=True), " ".join(banner.get_text(" ", strip=True).split())]
        if lines[:2] != expected:
            problems.append(f"/{path}: reads first {lines[:2]!r}, expected {expected!r}")
        target = soup.find(id=skip["href"].removeprefix("#"))
        if target is None or target.name != "h1":
            problems.append(f"/{path}: the skip link {skip['href']} does not lead to the page's heading (h1)")
        for meta in soup.select("[data-cetr-initializer]"):
            if meta["data-cetr-initializer"] in "\n".join(lines):
                problems.append(f"/{path}: shows script-only text {meta['data-cetr-initializer']!r} without JavaScript")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_search_says_it_is_starting_once_a_script_runs(base_url, new_page, version):
    """The other half of the above: with JavaScript, the search box says it is starting, in the page's
    own language, until Material replaces the words when search is ready."""
    page = new_page("phone")
    page.goto(base_url + OUTPUT_PREFIX[version] + "what-is-a-cetr/")
    meta = page.locator(".md-search-result__meta")
    initializer = meta.get_attribute("data-cetr-initializer")
    assert initializer and initializer.strip()
    assert meta.text_content().strip() == initializer
