"""The page for professionals: the right page for each situation, with short addresses that are the
ones in redirects.yml (so a professional never hands out an address that leads elsewhere)."""

from __future__ import annotations

import re

import pytest

from scripts import redirects_file
from tests.conftest import DOCS, VERSIONS
from tests.content.pages import read_page

# One situation: a list item (with its continuation line) or a table row.
ROW = re.compile(r"^(?:- |\| )(.+(?:\n  .+)*)", re.M)
PAGE_LINK = re.compile(r"\]\(([a-z0-9-]+\.md)(#[a-z0-9-]+)?\)")
SHORT = re.compile(r"`/((?:sv/|en-easy/)?)([a-z0-9-]+)/`")
PREFIX = {"": "en", "sv/": "sv", "en-easy/": "en-easy"}


def short_address_rows(version: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(page linked in the item, [(version, short address), ...]) for each situation with short addresses."""
    _, body = read_page(DOCS / version / "for-professionals.md")
    rows = []
    for row in ROW.findall(body):
        shorts = [(PREFIX[prefix], name) for prefix, name in SHORT.findall(row)]
        link = PAGE_LINK.search(row)
        if shorts and link:
            rows.append((link.group(1), shorts))
    return rows


@pytest.mark.parametrize("version", ["en", "sv"])
def test_each_short_address_on_the_page_leads_to_the_page_in_its_row(version):
    by_name = {entry.old: entry.page for entry in redirects_file.load() if entry.short}
    rows = short_address_rows(version)
    assert len(rows) >= 8, f"docs/{version}/for-professionals.md lists too few situations"
    for page, shorts in rows:
        for short_version, name in shorts:
            assert by_name.get(name) == page, f"/{name}/ leads to {by_name.get(name)}, but the row links {page}"
            if version != "en":
                assert short_version == version, f"the {version} page lists /{name}/ of another version"


def test_english_gives_each_short_address_in_every_version():
    for page, shorts in short_address_rows("en"):
        names = {name for _, name in shorts}
        assert len(names) == 1, f"the row for {page} mixes short addresses: {names}"
        assert sorted(version for version, _ in shorts) == sorted(VERSIONS), f"the row for {page} lacks a version"


def test_english_covers_each_situation_a_professional_meets():
    _, body = read_page(DOCS / "en" / "for-professionals.md")
    for situation in ("at risk of going into hospital", "just gone into a mental health hospital", "Dynamic Support Register",
                      "young person wants to decide", "complain", "Swedish-speaking", "Easy Read", "danger now"):
        assert situation in body, f"no situation '{situation}'"
    for section in ("{#which-page}", "{#link-to-a-section}", "{#not-covered}", "{#report-a-mistake}"):
        assert section in body
    assert "{{ email.feedback }}" in body


@pytest.mark.parametrize("version", ["sv", "en-easy"])
def test_the_other_versions_say_the_page_is_in_english_and_link_to_it(version):
    front_matter, body = read_page(DOCS / version / "for-professionals.md")
    assert front_matter.get("english_only") is True
    assert "](../../for-professionals/)" in body
