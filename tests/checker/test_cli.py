"""The command line: exit codes, output format, no changes to docs/, no tracebacks, the real project."""

from __future__ import annotations

import hashlib

import pytest

from scripts.checker import cli, structure
from tests.checker.conftest import FIXTURES, TODAY, only, run


def test_the_clean_fixture_passes(project):
    result = project.check()
    assert (result.lines, result.summary, result.code) == ([], "0 errors, 0 warnings", 0)


def test_the_fixture_in_the_repository_passes_too():
    result = run("--root", str(FIXTURES / "clean"), "--today", TODAY)
    assert result.code == 0, result.lines


@pytest.mark.parametrize("args", [
    ["--no-such-option"],
    ["--today", "soon"],
    ["--today", "2026-02-30"],
    ["--external"],
    ["--root", "/no/such/folder"],
])
def test_a_usage_error_exits_2(args, capsys):
    assert cli.main(args) == 2
    assert "error:" in capsys.readouterr().err


def test_help_exits_0(capsys):
    assert cli.main(["--help"]) == 0
    assert "--strict" in capsys.readouterr().out


def test_an_error_exits_1_with_one_line_and_a_summary(project):
    project.replace("docs/en/help.md", "# Where to get help", "# Where to get help\n\n# Again")
    result = project.check()
    assert result.lines == ["docs/en/help.md:16: structure/h1-count: a second '# ' heading (the first is on line 14): every page has exactly one"]
    assert (result.summary, result.code) == ("1 error, 0 warnings", 1)


def test_warnings_pass_unless_strict(project):
    project.append("docs/en/help.md", "\nThis sentence has more words than a parent on a phone would like to read in one go, so it is long.\n")
    line = "docs/en/help.md:18: readability/long-sentence: warning: sentence of 22 words (aim for 20 or fewer): 'This sentence has more words than a parent on a phone would…'"
    only(project.check(), line, code=0)
    assert project.check().summary == "0 errors, 1 warning"
    only(project.check("--strict"), line, code=1)


def test_findings_are_sorted_by_path_and_line(project):
    project.replace("docs/sv/index.md", "# En guide för familjer", "## En guide för familjer")
    project.replace("docs/en/index.md", "## Who to ask", "#### Who to ask")
    project.append("docs/en/index.md", "\n[here](help.md)\n")
    result = project.check()
    keys = [(line.split(":")[0], int(line.split(":")[1])) for line in result.lines]
    assert keys == sorted(keys) and len(keys) == 3


def _hashes(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((root / "docs").rglob("*")) if p.is_file()}


def test_nothing_under_docs_changes(project):
    project.append("docs/en/help.md", "\nCall 01632 960123. ![](x.png) [click here](help.md)\n")
    project.write("docs/sv/broken.md", "---\ntitle: [\n---\n")
    before = _hashes(project.root)
    project.check("--readability", "--strict")
    assert _hashes(project.root) == before


def test_an_internal_error_is_one_finding_not_a_traceback(project, monkeypatch, capsys):
    def broken_rule(page, site):
        raise RuntimeError("boom")

    monkeypatch.setattr(structure, "PAGE_RULES", [broken_rule])
    result = project.check()
    assert result.code == 1
    assert len(result.lines) == 1 and result.lines[0].startswith("scripts/checker:1: checker/internal-error: the checker failed (RuntimeError: boom")
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_mkdocs_yml_is_a_finding(project):
    project.path("mkdocs.yml").unlink()
    only(project.check(), "mkdocs.yml:1: config/missing-file: mkdocs.yml does not exist")


def test_mkdocs_yml_that_is_not_yaml(project):
    project.write("mkdocs.yml", "site_name: x\nnav: [index.md\n")
    result = project.check()
    only(result, "mkdocs.yml:2: config/invalid-yaml: mkdocs.yml is not valid YAML: a [ opens here and never closes: end it with ], or put the value in quotes")


def test_the_real_project_passes():
    """The pages are being written by colleagues: a failure here lists their findings."""
    result = run()
    assert result.code == 0, "\n".join(result.lines + [result.summary])


def test_mkdocs_yml_without_nav(project):
    text = project.read("mkdocs.yml")
    project.write("mkdocs.yml", text[: text.index("\nnav:") + 1])
    only(project.check(), "mkdocs.yml:1: config/no-nav: mkdocs.yml has no nav: every page must be listed in the menu")


def test_a_page_that_cannot_be_read(project):
    """A folder where a page should be: one line, no traceback."""
    project.path("docs/en/help.md").unlink()
    project.path("docs/en/help.md").mkdir()
    only(project.check(), "docs/en/help.md:1: page/unreadable: cannot read the file: Is a directory")


def test_a_page_that_is_a_symbolic_link_is_not_read(project):
    """A link that leads nowhere (or to a secret): safety/symlink says so, and the page is not read."""
    project.path("docs/en/help.md").unlink()
    project.path("docs/en/help.md").symlink_to(project.root / "no-such-file.md")
    only(project.check(), f"docs/en/help.md:1: safety/symlink: 'docs/en/help.md' is a symbolic link to {project.root / 'no-such-file.md'}: "
                          "the build would publish that file; put a real file here")


def test_thresholds_come_from_pyproject(project):
    """[tool.cetr-check] of the checked project sets the numbers: a 3-word limit finds the fixture's sentences."""
    project.write("pyproject.toml", "[tool.cetr-check]\nsentence-words = 25\nsentence-words-aim = 20\n"
                                    "paragraph-sentences = 3\neasy-read-sentence-words = 3\n"
                                    "easy-read-point-sentences = 2\neasy-read-page-words = 400\neasy-read-set-words = 4500\n")
    result = project.check()
    assert result.lines and all(": easy-read/sentence-too-long: " in line and "(at most 3)" in line for line in result.lines)


def test_a_threshold_that_is_not_a_number(project):
    project.write("pyproject.toml", "[tool.cetr-check]\nsentence-words = \"25\"\nsentence-words-aim = 20\n"
                                    "paragraph-sentences = 3\neasy-read-sentence-words = 15\n")
    only(project.check(), "pyproject.toml:2: config/invalid-thresholds: [tool.cetr-check] sentence-words must be a whole number above 0, not '25'")
