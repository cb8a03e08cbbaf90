"""Redirects: professionals share links to single pages, so a page that was published and is
gone must leave an entry in redirects.yml, and every entry must lead to a page that exists."""

from __future__ import annotations

from typing import Iterable

from scripts.checker.model import Finding, Site
from scripts.redirects_file import confinement_problems

RULES = {
    "redirects/removed-page": ("error", "an English page that git history shows was published is gone, with no entry in `redirects.yml`"),
    "redirects/missing-target": ("error", "an entry of `redirects.yml` leads to a page that does not exist in every version"),
    "redirects/page-still-exists": ("error", "the old name of an entry of `redirects.yml` is the address of a page that exists (`help.md`, or `help/index.md`)"),
    "redirects/bad-name": ("error", "a name in `redirects.yml` that is not a plain page file name inside the version (`..`, a `/` at the start, capitals), or an old name in a version's or the theme's folder (`sv.md`, `assets/…`)"),
    "redirects/invalid-file": ("error", "`redirects.yml` is not valid YAML, or `redirects` is not a map of old to new page names"),
}

REDIRECTS = "redirects.yml"


def removed_pages_redirect(site: Site) -> Iterable[Finding]:
    if site.published is None:
        return  # not a git checkout: nothing shows which pages were published before
    current = set(site.by_version[site.english])
    for name, commit in sorted(site.published.items()):
        if name not in current and name not in site.redirects:
            yield Finding(REDIRECTS, 1, "redirects/removed-page",
                          f"docs/{site.english}/{name} was published (commit {commit}) and is gone: add '{name}: <new page>.md' "
                          "so links people shared keep working")


def redirect_targets_exist(site: Site) -> Iterable[Finding]:
    """Names confined to the version, targets that exist, no page replaced: the hook's own checks."""
    pages = {version: set(names) for version, names in site.by_version.items()}
    for problem in confinement_problems(site.redirects, pages):
        yield Finding(REDIRECTS, problem.line, problem.rule, problem.message)


SITE_RULES = [removed_pages_redirect, redirect_targets_exist]
