"""Where a YAML file is broken, in words: one helper for every loader (pages, mkdocs.yml, local.yml,
redirects.yml, the checker's data files), so each reports a parse error the same way."""

from __future__ import annotations

import yaml


def yaml_problem(error: yaml.YAMLError, text: str | None = None) -> tuple[int, str]:
    """(1-based line in the parsed text, reason) of a YAML error. Given the text, a problem found
    at its very end (an unclosed bracket) is put on the last line that has something on it."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    line = mark.line + 1 if mark else 1
    if text is not None:
        line = max(1, min(line, text.rstrip().count("\n") + 1))
    return line, reason
