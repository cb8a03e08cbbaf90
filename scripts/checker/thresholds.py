"""The numbers the rules count against, from [tool.cetr-check] in pyproject.toml: one place to change
a limit, for the checker and its tests."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SECTION = "cetr-check"
NAMES = ("sentence-words", "sentence-words-aim", "paragraph-sentences", "easy-read-sentence-words",
         "easy-read-point-sentences", "easy-read-page-words", "easy-read-set-words")


class ThresholdsError(Exception):
    """pyproject.toml's [tool.cetr-check] is missing a number, or has one that is not a number."""

    def __init__(self, message: str, line: int = 1):
        super().__init__(message)
        self.line = line


def load_thresholds(root: Path) -> dict[str, int]:
    """[tool.cetr-check] of root/pyproject.toml, or of this project's when root has no such section."""
    for pyproject in (root / "pyproject.toml", PROJECT_ROOT / "pyproject.toml"):
        try:
            text = pyproject.read_text(encoding="utf-8")
            section = tomllib.loads(text).get("tool", {}).get(SECTION)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        if section is not None:
            break
    else:
        raise ThresholdsError(f"there is no [tool.{SECTION}] section with the checker's numbers")
    thresholds = {}
    for name in NAMES:
        value = section.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            where = re.search(rf"^\s*{re.escape(name)}\s*=", text, re.M)
            line = text.count("\n", 0, where.start()) + 1 if where else 1
            raise ThresholdsError(f"[tool.{SECTION}] {name} must be a whole number above 0, not {value!r}", line)
        thresholds[name] = value
    return thresholds
