"""redirects.yml: which moved page leads where. One loader, used by the build hook that writes the
redirect pages (overrides/hooks/redirect_pages.py) and by the checker (scripts/checker/redirects.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from scripts.yaml_errors import yaml_problem


@dataclass(frozen=True)
class Redirect:
    old: str  # cetr.md
    new: str  # what-is-a-cetr.md
    line: int  # in redirects.yml


@dataclass(frozen=True)
class RedirectsProblem:
    line: int
    rule: str
    message: str


def load_redirects(path: Path) -> tuple[dict[str, Redirect], list[RedirectsProblem]]:
    """Old page name -> its entry, and what is wrong with the file (no file: no redirects)."""
    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return {}, [RedirectsProblem(1, "redirects/invalid-file", "not valid YAML: not UTF-8 text")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        line, message = yaml_problem(error, text)
        return {}, [RedirectsProblem(line, "redirects/invalid-file", f"not valid YAML: {message}")]
    entries = None
    if isinstance(node, yaml.MappingNode):
        entries = next((value for key, value in node.value if key.value == "redirects"), None)
    if entries is None or (isinstance(entries, yaml.ScalarNode) and entries.value in ("", "~", "null")):
        return {}, []
    if not isinstance(entries, yaml.MappingNode):
        return {}, [RedirectsProblem(entries.start_mark.line + 1, "redirects/invalid-file",
                                     "'redirects' must map old page file names to new ones (old.md: new.md)")]
    redirects = {}
    for key, value in entries.value:
        redirects[str(key.value)] = Redirect(str(key.value), str(value.value), key.start_mark.line + 1)
    return redirects, []
