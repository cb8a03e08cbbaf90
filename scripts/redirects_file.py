"""redirects.yml: which moved page leads where. One loader, used by the build hook that writes the
redirect pages (overrides/hooks/redirect_pages.py) and by the checker (scripts/checker/redirects.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

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
