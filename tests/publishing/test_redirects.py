"""Moved pages and short addresses redirect in every version (redirects.yml)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import HTML_LANG, OUTPUT_PREFIX, copy_project, page_output, run_build


@pytest.mark.parametrize(
    "old, new, lang",
    [("dsr", "dynamic-support-register", "en"), ("sv/dsr", "dynamic-support-register", "sv"),
     ("en-easy/cetr", "what-is-a-cetr", "en")],
)
def test_short_addresses_redirect_within_their_version(built_site, old, new, lang):
    html = (built_site / old / "index.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url=../{new}/">' in html
    assert f'<html lang="{lang}">' in html
    assert "<script" not in html  # the CSP has no hash for it


def test_a_redirect_to_a_missing_page_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    (project / "redirects.yml").write_text("redirects:\n  old.md: no-such-page.md\n", encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "redirects.yml:2: redirects/missing-target: 'old.md' points to 'no-such-page.md', which does not exist in docs/en/" in result.stdout + result.stderr


def test_a_redirect_from_a_page_that_still_exists_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    (project / "redirects.yml").write_text("redirects:\n  glossary.md: about.md\n", encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "redirects.yml:2: redirects/page-still-exists: 'glossary.md' still exists in docs/en/: remove the page or the redirect" in result.stdout + result.stderr


BAD_NAME = ("is not a page file name: write it like what-is-a-cetr.md "
            "(lower case letters, digits and hyphens; no '..', no '/' at the start)")


@pytest.mark.parametrize(
    "entry, message",
    [
        # replaces the crisis page of every version
        ("x/../get-help-now.md: about.md", f"redirects/bad-name: 'x/../get-help-now.md' {BAD_NAME}"),
        ("../../outside.md: about.md", f"redirects/bad-name: '../../outside.md' {BAD_NAME}"),
        ("/tmp/outside.md: about.md", f"redirects/bad-name: '/tmp/outside.md' {BAD_NAME}"),
        # the same address as the page get-help-now.md
        ("get-help-now/index.md: about.md", "redirects/page-still-exists: 'get-help-now/index.md' still exists in docs/en/: remove the page or the redirect"),
        # the Swedish home page
        ("sv.md: about.md", "redirects/bad-name: 'sv.md' would be written into the site's own folder /sv/: choose another name"),
        ("old.md: ../../etc/passwd.md", f"redirects/bad-name: '../../etc/passwd.md' {BAD_NAME}"),
    ],
)
def test_a_redirect_name_outside_its_version_stops_the_build_before_it_writes(tmp_path, entry, message):
    project = copy_project(tmp_path)
    (project / "redirects.yml").write_text(f"redirects:\n  {entry}\n", encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert f"redirects.yml:2: {message}" in output, output[-2000:]
    assert "Traceback" not in output
    assert not (tmp_path / "outside").exists() and not (tmp_path.parent / "outside").exists()
    # the crisis page was not replaced: the build stopped before writing any redirect
    page = tmp_path / "site/get-help-now/index.html"
    assert not page.exists() or "This page has moved" not in page.read_text(encoding="utf-8")


def short_address_cases():
    from scripts import redirects_file

    return [(entry, version) for entry in redirects_file.load() if entry.short for version in OUTPUT_PREFIX]


@pytest.mark.parametrize("entry, version", short_address_cases(), ids=lambda v: getattr(v, "old", v))
def test_every_short_address_resolves_in_every_version(built_site, entry, version):
    """/hospital/, /sv/hospital/ and /en-easy/hospital/ each lead to that version's page (and section)."""
    stub = built_site / OUTPUT_PREFIX[version] / entry.old / "index.html"
    html = stub.read_text(encoding="utf-8")
    url = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html).group(1)
    path, _, fragment = url.partition("#")
    target = (stub.parent / path / "index.html").resolve()
    assert target == (built_site / page_output(version, entry.page)).resolve()
    assert target.is_file()
    assert fragment == entry.fragment
    if fragment:
        assert f'id="{fragment}"' in target.read_text(encoding="utf-8")
    assert f'<html lang="{HTML_LANG[version]}">' in html


def test_the_key_pages_have_short_addresses():
    from scripts import redirects_file

    pages = redirects_file.short_addresses(redirects_file.load())
    for page in ("what-is-a-cetr.md", "dynamic-support-register.md", "ask-for-a-review.md", "get-help-now.md",
                 "for-professionals.md", "in-hospital-now.md", "young-people.md"):
        assert page in pages, f"{page} has no short address in redirects.yml"


def test_a_short_address_on_a_version_folder_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    (project / "redirects.yml").write_text("short_addresses:\n  sv: glossary.md\n", encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert ("redirects.yml:2: redirects/short-address-taken: the short address 'sv' is already used by the site, or is not "
            "lower-case letters, digits and hyphens: choose another") in result.stdout + result.stderr
