"""Running axe-core in a page, and reporting what it finds so that a failure is easy to read."""

from __future__ import annotations

# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the level this site promises in its accessibility statement.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Rules switched off for ONE named element each: {rule id: (CSS selector, reason)}.
# Nothing is switched off today. Add an entry only with a reason a reviewer can check.
EXCEPTIONS: dict[str, tuple[str, str]] = {}


def run_axe(page) -> list[dict]:
    """axe's violations on the page as it is now (axe is injected by the context's init script)."""
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = page.evaluate("options => axe.run(document, options)", options)
    violations = []
    for violation in results["violations"]:
        nodes = violation["nodes"]
        if violation["id"] in EXCEPTIONS:
            selector = EXCEPTIONS[violation["id"]][0]
            nodes = [n for n in nodes if not page.evaluate(
                "([target, selector]) => document.querySelector(target)?.matches(selector)",
                [n["target"][-1] if isinstance(n["target"][-1], str) else "", selector])]
        if nodes:
            violations.append({**violation, "nodes": nodes})
    return violations


def describe(where: str, violations: list[dict]) -> list[str]:
    """One line per failing element: page, rule, element, what to do."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            detail = (node.get("failureSummary") or "").replace("\n", " ")[:200]
            lines.append(f"{where}: {violation['id']} on `{target}`: {violation['help']}. {detail}")
    return lines
