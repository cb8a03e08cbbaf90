"""Redirects: professionals share links to single pages, so a page that was published and is
gone must leave an entry in redirects.yml, and every entry must lead to a page that exists."""

from __future__ import annotations

from typing import Iterable

from scripts.checker.model import Finding, Site

RULES = {
    "redirects/removed-page": ("error", "an English page that git history shows was published is gone, with no entry in `redirects.yml`"),
    "redirects/missing-target": ("error", "an entry of `redirects.yml` leads to a page that does not exist"),
    "redirects/page-still-exists": ("error", "an entry of `redirects.yml` moves a page that still exists"),
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
    for redirect in site.redirects.values():
        if redirect.old in site.by_version[site.english]:
            yield Finding(REDIRECTS, redirect.line, "redirects/page-still-exists",
                          f"'{redirect.old}' still exists in docs/{site.english}/: remove the page or the redirect")
        for version, pages in site.by_version.items():
            if redirect.new not in pages:
                yield Finding(REDIRECTS, redirect.line, "redirects/missing-target",
                              f"'{redirect.old}' points to '{redirect.new}', which does not exist in docs/{version}/")


SITE_RULES = [removed_pages_redirect, redirect_targets_exist]
