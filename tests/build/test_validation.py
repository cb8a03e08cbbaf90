"""MkDocs' own link validation (validation: in mkdocs.yml): a broken link or #anchor fails --strict."""

from __future__ import annotations

from tests.conftest import copy_project, run_build


def test_a_broken_link_and_anchor_fail_the_strict_build(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs/en/privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [the meeting](the-meeting.md#no-such-part) and [this](nope.md).\n",
                    encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Doc file 'en/privacy.md' contains a link 'the-meeting.md#no-such-part', but the doc 'en/the-meeting.md' does not contain an anchor '#no-such-part'." in output
    assert "Doc file 'en/privacy.md' contains a link 'nope.md', but the target 'en/nope.md' is not found among documentation files." in output
    assert "Aborted with 2 warnings in strict mode!" in output
