"""--format github: each finding as a GitHub Actions annotation on its file and line, so an editor
who commits local.yml in GitHub's web editor sees every problem on the line it is on."""

from __future__ import annotations

from scripts.checker.cli import github_annotation
from scripts.checker.model import WARNING, Finding


def test_a_broken_local_yml_gives_one_annotation_per_problem(project):
    project.replace("local.yml", "phone: 01632 960001", "phone: 1632 960001")
    project.replace("local.yml", "email: cetr-team@example.org", "email: cetr-team.example.org")
    project.append("docs/en/help.md", "\nThis sentence has more words than a parent on a phone would like to read in one go, so it is long.\n")
    result = project.check("--format", "github")
    assert result.lines == [
        "::warning file=docs/en/help.md,line=18,title=readability/long-sentence::sentence of 22 words (aim for 20 or fewer): "
        "'This sentence has more words than a parent on a phone would…'",
        "::error file=local.yml,line=9,title=settings/bad-phone::'contacts.icb.phone' is not a UK phone number: "
        "'1632 960001' (write the number, with a note after a comma if you need one, like 0300 123 4567 or 111, option 2)",
        "::error file=local.yml,line=10,title=settings/bad-email::'contacts.icb.email' is not an email address: 'cetr-team.example.org' "
        "(write it like team@yourcouncil.gov.uk)",
    ]
    assert (result.summary, result.code) == ("2 errors, 1 warning", 1)


def test_plain_stays_the_default(project):
    project.replace("local.yml", "phone: 01632 960001", "phone: 1632 960001")
    assert project.check().lines == project.check("--format", "plain").lines == [
        "local.yml:9: settings/bad-phone: 'contacts.icb.phone' is not a UK phone number: '1632 960001' (write the number, with a note after a comma if you need one, like 0300 123 4567 or 111, option 2)"
    ]


def test_a_clean_project_prints_no_annotation(project):
    result = project.check("--format", "github")
    assert (result.lines, result.code) == ([], 0)


def test_characters_that_end_an_annotation_are_escaped():
    # A newline would start a new workflow command; ':' and ',' would end a property early.
    finding = Finding("docs/en/a,b:c.md", 3, "x/y", "50% done\nnext line", WARNING)
    assert github_annotation(finding) == "::warning file=docs/en/a%2Cb%3Ac.md,line=3,title=x/y::50%25 done%0Anext line"


def test_more_problems_than_github_shows_are_counted_and_all_kept_in_the_log(project, tmp_path, monkeypatch):
    # A fresh fork publishing with every example value left: more than GitHub's 10 annotations.
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    plain = project.check("--publish").lines
    assert len(plain) == 17
    result = project.check("--publish", "--format", "github")
    annotations = [line for line in result.lines if line.startswith("::")]
    assert len(annotations) == 10 and all(line.startswith("::error file=local.yml,") for line in annotations[:9])
    assert annotations[9] == ("::error title=8 more problems::GitHub shows only 10 problems here: "
                              "these 8 are in the log of this step and on the run's summary page")
    # the eight GitHub would drop are in the log, as plain lines, after the nine annotated ones
    assert result.lines[10:] == plain[9:]
    assert (result.summary, result.code) == ("17 errors, 0 warnings", 1)
    written = summary_file.read_text(encoding="utf-8").splitlines()
    assert written[0] == "### The checker: 17 errors, 0 warnings"
    assert written[2:] == [f"- `{line.split(':')[0]}:{line.split(':')[1]}` {line.split(': ', 2)[1]}: {line.split(': ', 2)[2]}"
                           for line in plain]


def test_no_summary_is_written_for_a_clean_project(project, tmp_path, monkeypatch):
    summary_file = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary_file))
    assert project.check("--format", "github").code == 0
    assert not summary_file.exists()
