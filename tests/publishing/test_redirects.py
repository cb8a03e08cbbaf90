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
    assert "redirects.yml: 'old.md' points to 'no-such-page.md', which does not exist in docs/en/" in result.stdout + result.stderr


def test_a_redirect_from_a_page_that_still_exists_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    (project / "redirects.yml").write_text("redirects:\n  glossary.md: about.md\n", encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "redirects.yml: 'glossary.md' still exists in docs/en/: remove the page or the redirect" in result.stdout + result.stderr
