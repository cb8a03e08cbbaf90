"""The command line: main(argv) -> exit code. The only place that prints or decides the exit code.

Exit codes: 0 clean (warnings allowed), 1 an error (or a warning, with --strict), 2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import traceback
from pathlib import Path
from typing import Iterable, Sequence

from scripts.checker import easy_read, front_matter, leaflets, links, readability, redirects, safety, settings, structure, terms, versions
from scripts.checker.ignores import apply_ignores
from scripts.checker.load import load_site
from scripts.checker.registry import all_rules
from scripts.checker.model import ERROR, WARNING, Finding, Site, parse_date

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FAMILIES = [front_matter, versions, structure, readability, easy_read, terms, settings, redirects, safety, links, leaflets]
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


RULES = {
    "checker/internal-error": ("error", "the checker itself failed: please report it"),
}

class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse would exit; main() returns 2 instead
        raise UsageError(message)


def _date(value: str) -> datetime.date:
    date = parse_date(value)
    if date is None:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: '{value}'")
    return date


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m scripts.check", description="Check the pages, settings and links of the CETR Family Guide. "
                "Prints path:line: rule-id: message for each finding (see CONTRIBUTING.md, 'Rules of the checker').")
    p.add_argument("--strict", action="store_true", help="fail on warnings too")
    p.add_argument("--root", type=Path, default=PROJECT_ROOT, help="the project to check (default: this repository)")
    p.add_argument("--readability", action="store_true", help="also print the readability report (Flesch, LIX) per page")
    p.add_argument("--links", action="store_true", help="also build the site and check every internal link and anchor")
    p.add_argument("--external", action="store_true", help="with --links: check external links too (warnings)")
    p.add_argument("--publish", action="store_true", help="example values left in local.yml are errors")
    p.add_argument("--today", type=_date, default=None, metavar="YYYY-MM-DD", help="the date to check review dates against")
    p.add_argument("--format", choices=("plain", "github"), default="plain",
                   help="plain: path:line: rule: message (default); github: GitHub Actions annotations, "
                        "so each problem shows on its line of the file in GitHub's web pages")
    return p


def run_rules(site: Site) -> list[Finding]:
    findings = list(site.load_findings)
    for family in FAMILIES:
        for rule in getattr(family, "PAGE_RULES", []):
            for page in site.pages:
                if page.loaded:
                    findings.extend(rule(page, site))
        for rule in getattr(family, "SITE_RULES", []):
            findings.extend(rule(site))
    return findings


def _annotation_property(value: str) -> str:
    # GitHub's workflow commands: a property value escapes % CR LF : and , (and the data % CR LF).
    return _annotation_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_annotation(finding: Finding) -> str:
    """One finding as a GitHub Actions annotation: ::error file=…,line=…,title=rule::message."""
    level = "warning" if finding.severity == WARNING else "error"
    return (f"::{level} file={_annotation_property(finding.path)},line={finding.line},"
            f"title={_annotation_property(finding.rule)}::{_annotation_data(finding.message)}")


# GitHub shows 10 error and 10 warning annotations a step and drops the rest silently
# (actions/toolkit, docs/problem-matchers.md): the 10th says how many more there are.
ANNOTATIONS_PER_KIND = 10


def github_lines(findings: list[Finding]) -> list[str]:
    """The findings for a GitHub Actions log: annotations up to GitHub's limit, then plain lines."""
    total = {severity: sum(1 for f in findings if f.severity == severity) for severity in (ERROR, WARNING)}
    shown = {ERROR: 0, WARNING: 0}
    lines = []
    for finding in findings:
        if total[finding.severity] <= ANNOTATIONS_PER_KIND or shown[finding.severity] < ANNOTATIONS_PER_KIND - 1:
            lines.append(github_annotation(finding))
        elif shown[finding.severity] == ANNOTATIONS_PER_KIND - 1:
            more = total[finding.severity] - shown[finding.severity]
            kind = "problems" if finding.severity == ERROR else "warnings"
            level = "warning" if finding.severity == WARNING else "error"
            lines.append(f"::{level} title={more} more {kind}::GitHub shows only {ANNOTATIONS_PER_KIND} {kind} here: "
                         f"these {more} are in the log of this step and on the run's summary page")
            lines.append(str(finding))
        else:
            lines.append(str(finding))
        shown[finding.severity] += 1
    return lines


def step_summary(findings: list[Finding]) -> str:
    """Every finding as Markdown for the run's summary page ($GITHUB_STEP_SUMMARY)."""
    lines = [f"### The checker: {summary(findings)}", ""]
    for finding in findings:
        lines.append(f"- `{finding.path}:{finding.line}` {finding.rule}: {finding.message.replace('`', chr(39))}")
    return "\n".join(lines) + "\n"


def summary(findings: Iterable[Finding]) -> str:
    findings = list(findings)
    errors = sum(1 for f in findings if f.severity == ERROR)
    warnings = sum(1 for f in findings if f.severity == WARNING)
    plural = lambda n, word: f"{n} {word}{'' if n == 1 else 's'}"  # noqa: E731
    return f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"


def check(options: argparse.Namespace) -> tuple[list[Finding], list[str]]:
    """All findings, sorted, and the report lines to print before them."""
    root = options.root.resolve()
    today = options.today or datetime.date.today()
    site = load_site(root, today, publish=options.publish)
    findings = run_rules(site)
    report: list[str] = []
    if options.readability:
        report += readability.report(site)
    if options.links:
        link_findings, link_report = links.check_links(site, external=options.external)
        findings = links.merge(findings, link_findings)
        report += link_report
    rules = all_rules()
    findings = apply_ignores(site, findings, rules)
    for finding in findings:  # every rule is in the registry (CONTRIBUTING.md's table is tested against it)
        if rules.get(finding.rule, (None,))[0] != finding.severity:
            raise ValueError(f"the finding {finding.rule} ({finding.severity}) is not declared so in any RULES")
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.rule, f.message)), report


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        options = parser().parse_args(argv)
        if options.external and not options.links:
            raise UsageError("--external needs --links")
        if not options.root.is_dir():
            raise UsageError(f"--root: no such folder: {options.root}")
    except UsageError as error:
        print(f"{parser().prog}: error: {error}", file=sys.stderr)
        print(parser().format_usage(), end="", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exit:  # --help
        return exit.code if isinstance(exit.code, int) else EXIT_OK
    try:
        findings, report = check(options)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a last resort: never a traceback for the user
        detail = traceback.extract_tb(error.__traceback__)[-1]
        findings = [Finding("scripts/checker", 1, "checker/internal-error",
                            f"the checker failed ({type(error).__name__}: {error}, at {Path(detail.filename).name}:{detail.lineno}): please report this")]
        report = []
    for line in report:
        print(line)
    if options.format == "github":
        for line in github_lines(findings):
            print(line)
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file and findings:
            with open(summary_file, "a", encoding="utf-8") as file:
                file.write(step_summary(findings))
    else:
        for finding in findings:
            print(finding)
    print(summary(findings))
    failing = any(f.severity == ERROR or options.strict for f in findings)
    return EXIT_FINDINGS if failing else EXIT_OK
