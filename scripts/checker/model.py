"""The data the checker passes around: findings, pages and the site."""

from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from scripts.redirects_file import Redirect
from scripts.site_versions import SiteVersions

ERROR = "error"
WARNING = "warning"



def parse_date(value) -> datetime.date | None:
    """A front matter date written YYYY-MM-DD, or None (the date rules say what is wrong with it)."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True, order=True)
class Finding:
    path: str  # relative to the project root, with forward slashes: docs/sv/index.md
    line: int  # 1-based line in that file
    rule: str  # family/name, e.g. front-matter/missing-field
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == WARNING else ""
        return f"{self.path}:{self.line}: {self.rule}: {prefix}{self.message}"


@dataclass
class Page:
    """One Markdown file of docs/<version>/, read once."""

    rel: str  # docs/en/what-is-a-cetr.md
    version: str  # the version's code (its folder under docs/): see scripts/site_versions.py
    name: str  # what-is-a-cetr.md (the same in every version)
    text: str = ""  # the whole file, with \n line ends
    front_matter: dict[str, Any] | None = None
    field_lines: dict[tuple, int] = field(default_factory=dict)  # ("sources", 0, "url") -> line in the file
    body: str = ""
    body_start: int = 0  # offset of the body in text
    loaded: bool = False  # False when loading already reported why this page cannot be checked
    language: str = ""  # the version's HTML lang: en, sv (from scripts/site_versions.py)
    easy_read: bool = False  # the version is an Easy Read version

    @cached_property
    def _line_starts(self) -> list[int]:
        starts, at = [0], self.text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = self.text.find("\n", at + 1)
        return starts

    @property
    def body_line(self) -> int:
        """The line in the file where the body starts."""
        return self.line_of_offset(self.body_start)

    def line_of_offset(self, offset: int) -> int:
        """1-based line in the file of an offset into text."""
        return bisect.bisect_right(self._line_starts, offset)

    def line_of(self, body_offset: int) -> int:
        """1-based line in the file of an offset into body."""
        return self.line_of_offset(self.body_start + body_offset)

    def field_line(self, *key_path) -> int:
        """The line of a front matter field (the nearest known parent, else line 1)."""
        key_path = tuple(key_path)
        while key_path:
            if key_path in self.field_lines:
                return self.field_lines[key_path]
            key_path = key_path[:-1]
        return 1

    @cached_property
    def blocks(self):
        """The body cut into headings, paragraphs, list items, table rows and code blocks."""
        from scripts.checker.markdown import parse_blocks

        return parse_blocks(self.body, self.body_line)


@dataclass
class NavEntry:
    name: str  # what-is-a-cetr.md
    line: int  # in mkdocs.yml


@dataclass
class Site:
    root: Path
    versions: SiteVersions
    pages: list[Page]
    today: datetime.date
    publish: bool = False
    settings: Any = None  # scripts.local_settings.Settings, or None when local.yml could not be read
    nav: list[NavEntry] | None = None  # None when mkdocs.yml could not be read
    mkdocs_rel: str = "mkdocs.yml"
    settings_rel: str = "local.yml"
    never_use: Any = None  # terms.NeverUseList from data/swedish-never-use.yml (None without Swedish pages)
    redirects: dict[str, Redirect] = field(default_factory=dict)  # old page name -> its entry in redirects.yml
    short_addresses: list[Redirect] = field(default_factory=list)  # short_addresses: in file order, duplicates kept
    national_numbers: set[str] = field(default_factory=set)  # digits of data/national-numbers.yml's numbers
    redirects_readable: bool = True  # False when redirects.yml cannot be read (redirects/invalid-file says why)
    leaflets: dict[str, list] = field(default_factory=dict)  # version -> scripts.leaflets_file.Leaflet list
    published: dict[str, str] | None = None  # English page name -> commit that added it; None outside git
    load_findings: list[Finding] = field(default_factory=list)
    abbreviations: dict[str, tuple[str, str]] = field(default_factory=dict)  # version -> (path, text) of includes/abbreviations/<version>.md
    thresholds: dict[str, int] | None = None  # [tool.cetr-check] of pyproject.toml; None when it is broken
    easy_read_data: Any = None  # easy_read_data.EasyReadData: pictures, hard words (None: no Easy Read pages were loaded)

    @cached_property
    def by_version(self) -> dict[str, dict[str, Page]]:
        index: dict[str, dict[str, Page]] = {version: {} for version in self.versions.codes}
        for page in self.pages:
            index[page.version][page.name] = page
        return index

    @property
    def english(self) -> str:
        """The code of the default version, the one every other version follows."""
        return self.versions.default.code

    def version_name(self, code: str) -> str:
        """'sv' -> 'Swedish', for messages."""
        return self.versions[code].english_name

    def page(self, version: str, name: str) -> Page | None:
        return self.by_version.get(version, {}).get(name)
