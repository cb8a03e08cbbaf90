"""Every rule of the checker: its id, severity and one-line summary, gathered from the RULES of each
module the checker runs. CONTRIBUTING.md's table of rules is a copy that a test compares with this."""

from __future__ import annotations

from types import ModuleType

SEVERITIES = ("error", "warning")


def rule_modules() -> list[ModuleType]:
    """load (pages and files that cannot be read), each family the checker runs, links (--links),
    ignores (inline ignore comments) and cli (the checker's own failure)."""
    from scripts.checker import cli, ignores, links, load

    modules = [load, *cli.FAMILIES, links, ignores, cli]
    return list(dict.fromkeys(modules))  # links is a family too (links in the Markdown): once


def all_rules() -> dict[str, tuple[str, str]]:
    """rule id -> (severity, summary). A rule declared twice or with an unknown severity is a bug."""
    rules: dict[str, tuple[str, str]] = {}
    for module in rule_modules():
        for rule, (severity, summary) in getattr(module, "RULES", {}).items():
            if rule in rules:
                raise ValueError(f"{module.__name__}: the rule {rule} is declared twice")
            if severity not in SEVERITIES:
                raise ValueError(f"{module.__name__}: the rule {rule} has the severity {severity!r}")
            rules[rule] = (severity, summary)
    return rules
