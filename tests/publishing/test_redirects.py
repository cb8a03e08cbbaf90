"""Moved pages and short addresses redirect in every version (redirects.yml)."""

from __future__ import annotations

import pytest

from tests.conftest import copy_project, run_build


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
