"""The offline copy works from a folder with no server: pages, switcher and search over file://."""

from __future__ import annotations

import pytest

from tests.conftest import run_build


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("offline") / "site"
    result = run_build(site, extra_env={"CETR_OFFLINE": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_offline_copy_has_plain_html_files_and_a_script_index_per_version(offline_site):
    for prefix in ("", "sv/", "en-easy/"):
        assert (offline_site / prefix / "what-is-a-cetr.html").is_file()
        assert (offline_site / prefix / "search/search_index.js").read_text(encoding="utf-8").startswith("var __index = {")


def test_offline_copy_works_from_file_urls(offline_site, browser):
    requests = []
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "sv/what-is-a-cetr.html").as_uri())
    # the switcher leads to the same page in English
    english = page.locator('.md-select__link[hreflang="en"]').get_attribute("href")
    assert english == "../what-is-a-cetr.html"
    # Swedish search finds Swedish pages, from the Swedish index
    page.keyboard.press("/")
    page.keyboard.type("CETR")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert links and all(link.startswith((offline_site / "sv").as_uri() + "/") for link in links)
    page.close()
    assert requests and all(url.startswith("file://") or url.startswith("data:") for url in requests)


def test_links_written_in_pages_lead_to_pages_not_folders(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="sv/index.html"' in home and 'href="en-easy/index.html"' in home
    assert 'href="sv/"' not in home and 'href="en-easy/"' not in home
