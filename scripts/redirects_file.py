"""redirects.yml: pages that moved, and short addresses. Read here only, for the build hooks
(overrides/hooks/redirects.py, overrides/hooks/sharing.py) and the checker (scripts/checker/load.py),
so the site and the checker can never read it differently.

  redirects:        old-page.md: new-page.md      a page that moved (file names in docs/en/)
  short_addresses:  hospital: in-hospital-now.md  /hospital/, /sv/hospital/ and /en-easy/hospital/

A target may name a section: `complain: after-the-review.md#how-to-complain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REDIRECTS_FILE = PROJECT_ROOT / "redirects.yml"

# A short address is typed from paper or read aloud: lower-case letters, digits and single hyphens.
SHORT_ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SHORT_ADDRESS_MAX = 20
# Folders the built site already uses (besides pages): a short address there would hide them.
# The version folders (sv, en-easy) are added by the caller, from the site's versions.
SITE_FOLDERS = ("assets", "search", "leaflets", "404", "sitemap.xml", "index")


@dataclass(frozen=True)
class Entry:
    old: str  # cetr.md (a page that moved) or hospital (a short address)
    new: str  # what-is-a-cetr.md, or after-the-review.md#how-to-complain
    line: int  # in redirects.yml
    short: bool  # True for short_addresses, False for redirects

    @property
    def page(self) -> str:
        return self.new.split("#", 1)[0]

    @property
    def fragment(self) -> str:
        return self.new.split("#", 1)[1] if "#" in self.new else ""


class RedirectsError(Exception):
    """redirects.yml cannot be read: a line and a reason an editor understands."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


SECTIONS = {
    "redirects": ("redirects", "'redirects' must map old page file names to new ones (old.md: new.md)"),
    "short_addresses": ("short_addresses", "'short_addresses' must map short addresses to pages (hospital: in-hospital-now.md)"),
}


def load(path: Path = REDIRECTS_FILE) -> list[Entry]:
    """Every entry, in file order, duplicates kept (so a rule can say which one is twice)."""
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RedirectsError(1, "not valid YAML: not UTF-8 text")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        # "end of file" errors point past the last line: name the last line instead
        line = min((mark.line + 1) if mark else 1, max(1, len(text.splitlines())))
        raise RedirectsError(line, f"not valid YAML: {reason}")
    entries: list[Entry] = []
    if not isinstance(node, yaml.MappingNode):
        return entries
    for key, value in node.value:
        if key.value not in SECTIONS:
            continue
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.MappingNode):
            raise RedirectsError(value.start_mark.line + 1, SECTIONS[key.value][1])
        for old, new in value.value:
            if not (isinstance(old, yaml.ScalarNode) and isinstance(new, yaml.ScalarNode)):
                raise RedirectsError(old.start_mark.line + 1, SECTIONS[key.value][1])
            entries.append(Entry(str(old.value), str(new.value), old.start_mark.line + 1, key.value == "short_addresses"))
    return entries


def short_addresses(entries: list[Entry]) -> dict[str, str]:
    """Page file name -> its short address (the first listed that leads to the whole page)."""
    found: dict[str, str] = {}
    for entry in entries:
        if entry.short and not entry.fragment:
            found.setdefault(entry.page, entry.old)
    return found
