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
        "'1632 960001' (write it like 01632 960123 or 0300 123 4567)",
        "::error file=local.yml,line=10,title=settings/bad-email::'contacts.icb.email' is not an email address: 'cetr-team.example.org' "
        "(write it like team@yourcouncil.gov.uk)",
    ]
    assert (result.summary, result.code) == ("2 errors, 1 warning", 1)


def test_plain_stays_the_default(project):
    project.replace("local.yml", "phone: 01632 960001", "phone: 1632 960001")
    assert project.check().lines == project.check("--format", "plain").lines == [
        "local.yml:9: settings/bad-phone: 'contacts.icb.phone' is not a UK phone number: '1632 960001' (write it like 01632 960123 or 0300 123 4567)"
    ]


def test_a_clean_project_prints_no_annotation(project):
    result = project.check("--format", "github")
    assert (result.lines, result.code) == ([], 0)


def test_characters_that_end_an_annotation_are_escaped():
    # A newline would start a new workflow command; ':' and ',' would end a property early.
    finding = Finding("docs/en/a,b:c.md", 3, "x/y", "50% done\nnext line", WARNING)
    assert github_annotation(finding) == "::warning file=docs/en/a%2Cb%3Ac.md,line=3,title=x/y::50%25 done%0Anext line"
