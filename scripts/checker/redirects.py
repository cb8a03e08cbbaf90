"""Redirects and short addresses: professionals share links to single pages, so a page that was
published and is gone must leave an entry in redirects.yml, every entry must lead to a page that
exists, and a short address (/hospital/) must be typeable and lead to one page only."""

from __future__ import annotations

from typing import Iterable

from scripts.checker.model import Finding, Site
from scripts.redirects_file import SHORT_ADDRESS, SHORT_ADDRESS_MAX, SITE_FOLDERS, confinement_problems

REDIRECTS = "redirects.yml"

RULES = {
    "redirects/removed-page": ("error", "an English page that git history shows was published is gone, with no entry in `redirects.yml`"),
    "redirects/missing-target": ("error", "an entry of `redirects.yml` leads to a page that does not exist in every version"),
    "redirects/page-still-exists": ("error", "the old name of an entry of `redirects.yml` is the address of a page that exists (`help.md`, or `help/index.md`)"),
    "redirects/bad-name": ("error", "a name in `redirects.yml` that is not a plain page file name inside the version (`..`, a `/` at the start, capitals), or an old name in a version's or the theme's folder (`sv.md`, `assets/…`)"),
    "redirects/invalid-file": ("error", "`redirects.yml` is not valid YAML, or `redirects` or `short_addresses` is not a map of names to pages"),
    "redirects/short-address-not-typeable": ("error", "a short address is not lower-case letters, digits and hyphens, or is longer than 20 characters"),
    "redirects/short-address-is-a-page": ("error", "a short address is already the address of a page (`glossary` would hide `glossary.md`)"),
    "redirects/short-address-taken": ("error", "a short address is listed twice, is a moved page's old address, or is a folder of the site (`sv`, `en-easy`, `assets`, `search`, `leaflets`)"),
}


def removed_pages_redirect(site: Site) -> Iterable[Finding]:
    if site.published is None:
        return  # not a git checkout: nothing shows which pages were published before
    current = set(site.by_version[site.english])
    for name, commit in sorted(site.published.items()):
        if name not in current and name not in site.redirects:
            yield Finding(REDIRECTS, 1, "redirects/removed-page",
                          f"docs/{site.english}/{name} was published (commit {commit}) and is gone: add '{name}: <new page>.md' "
                          "so links people shared keep working")


def _missing_target(old: str, new: str, line: int, site: Site) -> Iterable[Finding]:
    page = new.split("#", 1)[0]
    for version, pages in site.by_version.items():
        if page not in pages:
            yield Finding(REDIRECTS, line, "redirects/missing-target",
                          f"'{old}' points to '{new}', which does not exist in docs/{version}/")


def redirect_targets_exist(site: Site) -> Iterable[Finding]:
    """Names confined to the version, targets that exist, no page replaced: the hook's own checks."""
    pages = {version: set(names) for version, names in site.by_version.items()}
    for problem in confinement_problems(site.redirects, pages):
        yield Finding(REDIRECTS, problem.line, problem.rule, problem.message)
    for entry in site.short_addresses:
        yield from _missing_target(entry.old, entry.new, entry.line, site)


def short_addresses_unique(site: Site) -> Iterable[Finding]:
    """A short address leads to one page, in every version, and hides nothing the site already has."""
    folders = {version.code: f"the folder of the {version.english_name} version" for version in site.versions.translations}
    folders.update({name: "a folder of the site" for name in SITE_FOLDERS})
    moved = {redirect.old[:-3]: redirect for redirect in site.redirects.values() if redirect.old.endswith(".md")}
    seen: dict[str, int] = {}
    for entry in site.short_addresses:
        name = entry.old
        if not SHORT_ADDRESS.match(name) or len(name) > SHORT_ADDRESS_MAX:
            yield Finding(REDIRECTS, entry.line, "redirects/short-address-not-typeable",
                          f"'{name}' is hard to type from paper: use lower-case letters, digits and hyphens, "
                          f"at most {SHORT_ADDRESS_MAX} characters (for example 'hospital')")
        pages = [version for version in site.versions.codes if f"{name}.md" in site.by_version[version]]
        if pages:
            yield Finding(REDIRECTS, entry.line, "redirects/short-address-is-a-page",
                          f"'{name}' is already the address of the page docs/{pages[0]}/{name}.md: choose another short address")
        if name in seen:
            yield Finding(REDIRECTS, entry.line, "redirects/short-address-taken",
                          f"'{name}' is listed twice (first on line {seen[name]}): a short address leads to one page only")
        elif name in moved:
            yield Finding(REDIRECTS, entry.line, "redirects/short-address-taken",
                          f"'{name}' is already the old address of a moved page (line {moved[name].line}): choose another short address")
        elif name in folders:
            yield Finding(REDIRECTS, entry.line, "redirects/short-address-taken",
                          f"'{name}' is {folders[name]}: choose another short address")
        seen.setdefault(name, entry.line)


SITE_RULES = [removed_pages_redirect, redirect_targets_exist, short_addresses_unique]
