"""Inline ignores: one finding on one line of a page, ignored with a reason, as codespell does.

    Call 0300 123 4567 <!-- cetr-check: ignore structure/raw-phone-number: the leaflet prints this number -->

The comment names one rule id (CONTRIBUTING.md) and says why; it ignores that rule on its own line
only. A comment without a known rule id or a reason is an error; one that ignores nothing is a
warning, so stale comments do not pile up. Readers never see the comment (it is HTML), except inside
a code block (a letter), where it would be printed: there, rewrite the text instead.
"""

from __future__ import annotations

import re
from typing import Iterable

from scripts.checker.model import WARNING, Finding, Site

RULES = {
    "checker/bad-ignore": ("error", "an inline `<!-- cetr-check: ignore rule-id: reason -->` without a known rule id or a reason"),
    "checker/unused-ignore": ("warning", "an inline ignore comment on a line where its rule finds nothing"),
}
IGNORE = re.compile(r"<!--\s*cetr-check:\s*ignore\b(?P<rest>.*?)-->")
SPEC = re.compile(r"^\s*(?P<rule>[a-z][a-z-]*/[a-z][a-z-]*)\s*:\s*(?P<reason>\S.*?)\s*$")
HOW = "write <!-- cetr-check: ignore <rule-id>: <why> -->, with a rule id from CONTRIBUTING.md and the reason"


def apply_ignores(site: Site, findings: Iterable[Finding], known_rules) -> list[Finding]:
    """The findings that no inline comment ignores, and the comments' own findings."""
    ignores: dict[tuple[str, int], dict[str, bool]] = {}  # (path, line) -> rule -> used
    own: list[Finding] = []
    for page in site.pages:
        if "cetr-check" not in page.text:
            continue
        for number, line in enumerate(page.text.split("\n"), 1):
            for comment in IGNORE.finditer(line):
                spec = SPEC.match(comment["rest"])
                if spec is None or spec["rule"] not in known_rules:
                    own.append(Finding(page.rel, number, "checker/bad-ignore", f"this ignore comment cannot be used: {HOW}"))
                else:
                    ignores.setdefault((page.rel, number), {})[spec["rule"]] = False
    kept = []
    for finding in findings:
        on_line = ignores.get((finding.path, finding.line), {})
        if finding.rule in on_line:
            on_line[finding.rule] = True
        else:
            kept.append(finding)
    for (path, line), rules in sorted(ignores.items()):
        for rule, used in rules.items():
            if not used:
                kept.append(Finding(path, line, "checker/unused-ignore",
                                    f"'{rule}' finds nothing on this line: remove the ignore comment", WARNING))
    return kept + own
