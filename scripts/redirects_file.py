"""redirects.yml: pages that moved, and short addresses. One loader, used by the build hooks
(overrides/hooks/redirect_pages.py, sharing.py, leaflets.py) and by the checker (scripts/checker/redirects.py).

  redirects:        old-page.md: new-page.md      a page that moved (file names in docs/<version>/)
  short_addresses:  hospital: in-hospital-now.md  /hospital/, /sv/hospital/, /en-easy/hospital/

A short address may lead to a section: `complain: after-the-review.md#how-to-complain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from scripts.yaml_errors import yaml_problem

PROJECT_ROOT = Path(__file__).resolve().parent.parent
REDIRECTS_FILE = PROJECT_ROOT / "redirects.yml"

# A short address is typed from paper or read aloud: lower-case letters, digits and single hyphens.
SHORT_ADDRESS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SHORT_ADDRESS_MAX = 20
# Folders and files the built site has besides pages: a short address there would hide them.
# (Each version's own folder, such as sv, is added from scripts/site_versions.py by the caller.)
SITE_FOLDERS = ("assets", "search", "leaflets", "404", "sitemap.xml", "index")

SECTIONS = {
    "redirects": "'redirects' must map old page file names to new ones (old.md: new.md)",
    "short_addresses": "'short_addresses' must map short addresses to pages (hospital: in-hospital-now.md)",
}


@dataclass(frozen=True)
class Redirect:
    old: str  # cetr.md (a page that moved) or hospital (a short address)
    new: str  # what-is-a-cetr.md, or after-the-review.md#how-to-complain
    line: int  # in redirects.yml
    short: bool = False  # True for an entry of short_addresses

    @property
    def page(self) -> str:
        return self.new.split("#", 1)[0]

    @property
    def fragment(self) -> str:
        return self.new.split("#", 1)[1] if "#" in self.new else ""


@dataclass(frozen=True)
class RedirectsProblem:
    line: int
    rule: str
    message: str


class RedirectsError(Exception):
    """For the build hooks: redirects.yml cannot be used."""

    def __init__(self, problem: RedirectsProblem):
        super().__init__(f"redirects.yml:{problem.line}: {problem.rule}: {problem.message}")
        self.problem = problem


def load_entries(path: Path = REDIRECTS_FILE) -> tuple[list[Redirect], list[RedirectsProblem]]:
    """Every entry of both sections in file order, duplicates kept (so a rule can name the second),
    and what is wrong with the file (no file: no entries)."""
    if not path.exists():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [], [RedirectsProblem(1, "redirects/invalid-file", "not valid YAML: not UTF-8 text")]
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        line, message = yaml_problem(error, text)
        return [], [RedirectsProblem(line, "redirects/invalid-file", f"not valid YAML: {message}")]
    entries: list[Redirect] = []
    if not isinstance(node, yaml.MappingNode):
        return entries, []
    for key, value in node.value:
        if key.value not in SECTIONS:
            continue
        if isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null"):
            continue
        if not isinstance(value, yaml.MappingNode) or not all(
                isinstance(old, yaml.ScalarNode) and isinstance(new, yaml.ScalarNode) for old, new in value.value):
            return [], [RedirectsProblem(value.start_mark.line + 1, "redirects/invalid-file", SECTIONS[key.value])]
        for old, new in value.value:
            entries.append(Redirect(str(old.value), str(new.value), old.start_mark.line + 1, key.value == "short_addresses"))
    return entries, []


def load(path: Path = REDIRECTS_FILE) -> list[Redirect]:
    """Every entry, for the build hooks and tests; RedirectsError when the file cannot be used."""
    entries, problems = load_entries(path)
    if problems:
        raise RedirectsError(problems[0])
    return entries


def short_addresses(entries: list[Redirect]) -> dict[str, str]:
    """Page file name -> its short address (the first listed that leads to the whole page)."""
    found: dict[str, str] = {}
    for entry in entries:
        if entry.short and not entry.fragment:
            found.setdefault(entry.page, entry.old)
    return found


# A redirect writes a file into the built site, so both of its names must be plain page names
# inside the version: no '..', no '/' at the start, no './', nothing but a-z, 0-9, '-', '_' and '/'.
PAGE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:/[a-z0-9][a-z0-9_-]*)*\.md$")
RESERVED = ("assets", "search")  # the theme's and the search's own folders


def output_path(name: str, use_directory_urls: bool = True) -> str:
    """Where the page `name` is built inside its version's folder: 'cetr.md' -> 'cetr/index.html'."""
    stem = name[:-3] if name.endswith(".md") else name
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


def confinement_problems(redirects: Mapping[str, Redirect], pages: Mapping[str, Iterable[str]],
                         use_directory_urls: bool = True) -> list[RedirectsProblem]:
    """What is wrong with each entry, given the page names of each version (version code -> names).

    The old name must be a plain page name that no page of any version is built at (a redirect
    would replace it), outside the versions' and the theme's folders; the new name must be a page
    of every version. The build hook writes nothing while any of these is found.
    """
    problems = []
    outputs = {code: {output_path(name, use_directory_urls) for name in names} for code, names in pages.items()}
    for redirect in redirects.values():
        bad = [name for name in (redirect.old, redirect.new) if not PAGE_NAME.match(name)]
        for name in bad:
            problems.append(RedirectsProblem(redirect.line, "redirects/bad-name",
                                             f"'{name}' is not a page file name: write it like what-is-a-cetr.md "
                                             "(lower case letters, digits and hyphens; no '..', no '/' at the start)"))
        if bad:
            continue
        first = redirect.old.split("/", 1)[0].removesuffix(".md")
        if first in pages or first in RESERVED:
            problems.append(RedirectsProblem(redirect.line, "redirects/bad-name",
                                             f"'{redirect.old}' would be written into the site's own folder /{first}/: choose another name"))
            continue
        replaced = [code for code in pages if output_path(redirect.old, use_directory_urls) in outputs[code]]
        if replaced:  # once, for the first version (English): the page is the same in each
            problems.append(RedirectsProblem(redirect.line, "redirects/page-still-exists",
                                             f"'{redirect.old}' still exists in docs/{replaced[0]}/: remove the page or the redirect"))
        for code, names in pages.items():
            if redirect.new not in names:
                problems.append(RedirectsProblem(redirect.line, "redirects/missing-target",
                                                 f"'{redirect.old}' points to '{redirect.new}', which does not exist in docs/{code}/"))
    return problems
