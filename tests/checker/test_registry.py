"""The rule registry (each module's RULES) against CONTRIBUTING.md's table and the fixture tests."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.checker.registry import all_rules
from tests.conftest import ROOT

TESTS = Path(__file__).resolve().parent
TABLE_ROW = re.compile(r"^\| `(?P<rule>[a-z-]+/[a-z0-9-]+)` \| (?P<warning>warning: )?(?P<summary>.*) \|$")


def contributing_table() -> dict[str, tuple[str, str]]:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("| rule id | what it checks |")
    rows = text[start:].split("\n\n", 1)[0].splitlines()[2:]
    table = {}
    for row in rows:
        match = TABLE_ROW.match(row)
        assert match, f"CONTRIBUTING.md: a row of the rules table is not '| `family/name` | summary |': {row}"
        table[match["rule"]] = ("warning" if match["warning"] else "error", match["summary"])
    return table


def test_contributing_lists_every_rule_as_the_registry_declares_it():
    assert contributing_table() == all_rules()


def test_every_rule_has_a_fixture_test_that_asserts_its_output_line():
    """A test file of tests/checker holds an exact output line 'path:line: rule-id: message' for each rule."""
    tests = "\n".join(path.read_text(encoding="utf-8") for path in TESTS.glob("test_*.py") if path.name != "test_registry.py")
    untested = [rule for rule in all_rules() if not re.search(r":\d+: " + re.escape(rule) + r": ", tests)
                and not re.search(r"\{[^{}\n]+\}: " + re.escape(rule) + r": ", tests)]
    assert untested == []


def test_the_registry_declares_exactly_the_rules_the_source_reports():
    """Every rule id that the code reports is declared, and every declared id is reported somewhere."""
    rule_id = re.compile(r'"([a-z][a-z-]*/[a-z][a-z0-9-]*)"')
    declaration = re.compile(r'^\s*"[a-z][a-z-]*/[a-z][a-z0-9-]*": \("(?:error|warning)"')
    reported = set()
    for path in (ROOT / "scripts").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not declaration.match(line):
                reported |= set(rule_id.findall(line))
    families = {rule.split("/")[0] for rule in all_rules()}
    assert {rule for rule in reported if rule.split("/")[0] in families} == set(all_rules())
