"""Which Easy Read pages people with a learning disability have not checked yet.

Each Easy Read page says in its front matter `checked_by_readers: not yet`, or the date and group
that checked it. An accessibility statement lists the pages not yet checked by writing, on a line
of its own:

    <!-- easy-read-not-checked -->

The build hook (overrides/hooks/local_settings.py) replaces that line with the list, from the
front matter of docs/en-easy/, so the statement is never out of date. See CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

MARKER = "<!-- easy-read-not-checked -->"
VERSION = "en-easy"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
# Said when every page has been checked.
ALL_CHECKED = {
    "en": "None: people with a learning disability have checked every Easy Read page.",
    "en-easy": "None. People with a learning disability have checked every page.",
    "sv": "Inga: personer med intellektuell funktionsnedsättning har granskat alla sidor på Easy Read.",
}


def not_checked(docs: Path, order: list[str] | None = None) -> list[tuple[str, str]]:
    """(file name, title) of each Easy Read page whose checked_by_readers is 'not yet', in menu order."""
    pages = []
    for path in sorted((docs / VERSION).glob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        try:
            meta = yaml.safe_load(match.group(1)) if match else None
        except yaml.YAMLError:
            meta = None  # the checker reports a broken front matter
        if isinstance(meta, dict) and meta.get("checked_by_readers") == "not yet":
            pages.append((path.name, str(meta.get("title") or path.stem)))
    rank = {name: index for index, name in enumerate(order or [])}
    return sorted(pages, key=lambda page: (rank.get(page[0], len(rank)), page[0]))


def nav_order(nav) -> list[str]:
    """The page file names of mkdocs.yml's nav:, in menu order."""
    if isinstance(nav, str):
        return [nav.rsplit("/", 1)[-1]] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [name for value in nav.values() for name in nav_order(value)]
    if isinstance(nav, list):
        return [name for item in nav for name in nav_order(item)]
    return []


def markdown_list(docs: Path, version: str, order: list[str] | None = None) -> str:
    """The Markdown that replaces MARKER on a page of `version`: links on Easy Read pages, titles elsewhere."""
    pages = not_checked(docs, order)
    if not pages:
        return ALL_CHECKED.get(version, ALL_CHECKED["en"])
    lines = []
    for name, title in pages:
        title = MARKDOWN_SPECIAL.sub(r"\\\1", title)
        lines.append(f"- [{title}]({name})" if version == VERSION else f"- {title}")
    return "\n".join(lines)


def fill(markdown: str, docs: Path, version: str, order: list[str] | None = None) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, "\n" + markdown_list(docs, version, order) + "\n")
