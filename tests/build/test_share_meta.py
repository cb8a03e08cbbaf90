"""Issue 17: every page in every version carries Open Graph and Twitter card tags (its title, its
description, the version's language, the site's own picture), with absolute addresses from site_url."""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import DOCS, VERSIONS, english_pages, page_output
from tests.content.pages import read_page

LOCALE = {"en": "en_GB", "sv": "sv_SE", "en-easy": "en_GB"}


def meta(page_html: str) -> dict[str, str]:
    found = {}
    for key, value in re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', page_html):
        found[key] = html.unescape(value)
    return found


def site_url() -> str:
    from tests.browser.test_leaflets import site_url as url

    return url()


@pytest.mark.parametrize("version", VERSIONS)
def test_every_page_has_open_graph_and_twitter_tags(built_site, version):
    for page in english_pages():
        tags = meta((built_site / page_output(version, page)).read_text(encoding="utf-8"))
        front_matter, _ = read_page(DOCS / version / page)
        url = site_url() + page_output(version, page).removesuffix("index.html")
        assert tags["og:title"] == tags["twitter:title"] == front_matter["title"], page
        assert tags["og:description"] == tags["twitter:description"] == front_matter["description"], page
        assert tags["og:url"] == url, page
        assert tags["og:locale"] == LOCALE[version], page
        assert tags["og:image"] == tags["twitter:image"] == site_url() + "assets/pictures/share.png"
        assert tags["twitter:card"] == "summary"
        assert tags["og:image:alt"], page


def test_the_share_picture_is_served_by_the_site_itself(built_site):
    picture = built_site / "assets" / "pictures" / "share.png"
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert picture.stat().st_size < 30_000  # small: link previews load it on weak signal too
