"""Which Easy Read pages people with a learning disability have not checked yet.

Each Easy Read page says in its front matter `checked_by_readers: not yet`, or the date and group
that checked it. An accessibility statement lists the pages not yet checked by writing, on a line
of its own:

    <!-- easy-read-not-checked -->

The build hook (overrides/hooks/local_tokens.py) replaces that line with the list, from the
front matter of the Easy Read version's pages, so the statement is never out of date. What it says
when every page has been checked is each version's `easy.all_checked`, and when none has been,
`easy.none_checked` (includes/strings/). See CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts.site_versions import SiteVersions

MARKER = "<!-- easy-read-not-checked -->"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
def easy_read_code(versions: SiteVersions) -> str | None:
    return next((version.code for version in versions if version.easy_read), None)


def _front_matters(docs: Path, easy_read: str) -> list[tuple[str, dict | None]]:
    pages = []
    for path in sorted((docs / easy_read).glob("*.md")):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8").replace("\r\n", "\n"))
        try:
            meta = yaml.safe_load(match.group(1)) if match else None
        except yaml.YAMLError:
            meta = None  # the checker reports a broken front matter
        pages.append((path.name, meta if isinstance(meta, dict) else None))
    return pages


def not_checked(front_matters: list[tuple[str, dict | None]], order: list[str] | None = None) -> list[tuple[str, str]]:
    """(file name, title) of each Easy Read page whose checked_by_readers is 'not yet', in menu order."""
    pages = [(name, str(meta.get("title") or name[:-3])) for name, meta in front_matters
             if meta is not None and meta.get("checked_by_readers") == "not yet"]
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


def markdown_list(docs: Path, versions: SiteVersions, version: str, order: list[str] | None = None) -> str:
    """The Markdown that replaces MARKER on a page of `version`: links on Easy Read pages, titles elsewhere."""
    easy_read = easy_read_code(versions)
    front_matters = _front_matters(docs, easy_read) if easy_read else []
    pages = not_checked(front_matters, order)
    if not pages:
        return versions[version].strings.get("easy.all_checked", "")
    if len(pages) == len(front_matters):
        # Not one checked yet: a list of every page tells a reader nothing the words before it do not.
        # One item, where the list would be, says so.
        none = versions[version].strings.get("easy.none_checked", "")
        return f"- {none}" if none else ""
    lines = []
    for name, title in pages:
        title = MARKDOWN_SPECIAL.sub(r"\\\1", title)
        lines.append(f"- [{title}]({name})" if version == easy_read else f"- {title}")
    return "\n".join(lines)


def fill(markdown: str, docs: Path, versions: SiteVersions, version: str, order: list[str] | None = None) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, "\n" + markdown_list(docs, versions, version, order) + "\n")
