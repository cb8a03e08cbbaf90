"""Reading a page for the content tests: its front matter and its body, or a clear failure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

FRONT_MATTER = re.compile(r"---\n(.*?)\n---[ \t]*\n", re.S)


def read_page(path: Path) -> tuple[dict, str]:
    """Front matter (as YAML) and body of a page."""
    where = path.relative_to(ROOT)
    assert path.is_file(), f"{where} is missing"
    text = path.read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    assert match, f"{where}: no front matter between --- lines at the top"
    try:
        front_matter = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        pytest.fail(f"{where}: the front matter is not valid YAML: {error}")
    assert isinstance(front_matter, dict), f"{where}: front matter is not a mapping"
    return front_matter, text[match.end() :]


def read_whole_page(path: Path) -> tuple[dict, str]:
    """Like read_page, for a page split in two (the glossary: A to K, then L to Z): its front matter,
    and its body followed by the body of the page it is continued on (front matter continued_on)."""
    front_matter, body = read_page(path)
    continued = front_matter.get("continued_on")
    if continued:
        body += "\n" + read_page(path.parent / continued)[1]
    return front_matter, body
