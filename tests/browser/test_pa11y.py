"""Issue 19, part 3: a second accessibility engine. HTML_CodeSniffer, run through pa11y (both pinned in
package-lock.json) in Debian's Chromium, at WCAG 2 AA, on every page of every version at phone and
laptop width. It finds things axe does not (a link named only by aria-label; a form with no submit
button), so the two engines together catch more than either alone."""

from __future__ import annotations

import json
import subprocess

from tests.browser.conftest import VIEWPORTS
from tests.conftest import ROOT

RUNNER = ROOT / "tests" / "browser" / "pa11y_pages.mjs"

# Errors HTML_CodeSniffer reports that are wrong for this site: {message code: reason}.
# Nothing is excepted today. Add an entry only with a reason a reviewer can check, as for axe.
EXCEPTIONS: dict[str, str] = {}


def html_codesniffer(base_url: str, paths: list[str], viewport: str) -> dict[str, list[dict]]:
    size = VIEWPORTS[viewport]
    result = subprocess.run(
        ["node", str(RUNNER), base_url, str(size["width"]), str(size["height"])],
        input=json.dumps(paths), cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, f"pa11y did not run:\n{result.stderr[-2000:]}"
    return json.loads(result.stdout)


def test_html_codesniffer_finds_no_error_on_any_page(base_url, pages, viewport):
    found = html_codesniffer(base_url, pages, viewport)
    assert set(found) == set(pages), "pa11y did not report on every page"
    problems = [
        f"/{path} at {viewport}: {issue['code']} on `{issue['selector']}`: {issue['message']}"
        for path, issues in found.items() for issue in issues if issue["code"] not in EXCEPTIONS
    ]
    assert not problems, "HTML_CodeSniffer found:\n" + "\n".join(problems)
