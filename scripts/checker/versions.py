"""Versions in step: every English page has a Swedish and an Easy Read twin, no orphan translation,
translations follow the English page's latest `updated`, and the menu (nav) lists every page."""

from __future__ import annotations

from typing import Iterable

from scripts.checker.model import Finding, Site, parse_date


def _translations(site: Site) -> list[str]:
    return [version.code for version in site.versions.translations]


def twins(site: Site) -> Iterable[Finding]:
    english = site.by_version[site.english]
    if not english:
        return
    for version in _translations(site):
        for name, page in sorted(english.items()):
            if name not in site.by_version[version]:
                yield Finding(page.rel, 1, "versions/missing-translation",
                              f"no {site.version_name(version)} version: docs/{version}/{name} does not exist")
        for name, page in sorted(site.by_version[version].items()):
            if name not in english:
                yield Finding(page.rel, 1, "versions/orphan-translation",
                              f"no English page docs/{site.english}/{name} for this {site.version_name(version)} page")


def in_step(site: Site) -> Iterable[Finding]:
    for version in _translations(site):
        for name, page in sorted(site.by_version[version].items()):
            original = site.page(site.english, name)
            if not (page.loaded and original and original.loaded):
                continue
            follows = parse_date(page.front_matter.get("english_version"))
            updated = parse_date(original.front_matter.get("updated"))
            if follows and updated and follows < updated:
                yield Finding(page.rel, page.field_line("english_version"), "versions/out-of-date",
                              f"translation follows English of {follows.isoformat()} but English changed on {updated.isoformat()}")
            elif follows and updated and follows > updated:
                yield Finding(page.rel, page.field_line("english_version"), "versions/unknown-english-version",
                              f"english_version {follows.isoformat()} is later than the English page's updated {updated.isoformat()}: set it to {updated.isoformat()}")


def english_only(site: Site) -> Iterable[Finding]:
    """A page that is English-only on purpose (english_only: true) still exists in every version,
    so the menu and the language switcher work, and there it must lead the reader to the English page."""
    for version in _translations(site):
        for name, page in sorted(site.by_version[version].items()):
            if not (page.loaded and page.front_matter.get("english_only") is True):
                continue
            stem = name[:-3]
            english = "../../" if stem == "index" else f"../../{stem}/"
            if f"]({english})" not in page.body:
                yield Finding(page.rel, page.field_line("english_only"), "versions/english-only-without-link",
                              f"the page says the full page is in English only (english_only: true), but does not "
                              f"link to it: add a link to the English page, [...]({english})")


def nav(site: Site) -> Iterable[Finding]:
    if site.nav is None:
        return
    listed = {entry.name for entry in site.nav}
    for name, page in sorted(site.by_version[site.english].items()):
        if name not in listed:
            yield Finding(page.rel, 1, "versions/not-in-nav", f"the page is not in the menu: add '{name}' to nav: in mkdocs.yml")
    seen: set[str] = set()
    for entry in site.nav:
        if entry.name in seen:
            yield Finding(site.mkdocs_rel, entry.line, "versions/nav-duplicate", f"'{entry.name}' is in the menu twice")
        seen.add(entry.name)
        if site.page(site.english, entry.name) is None:
            yield Finding(site.mkdocs_rel, entry.line, "versions/nav-missing-page", f"the menu lists '{entry.name}' but docs/{site.english}/{entry.name} does not exist")


SITE_RULES = [twins, in_step, english_only, nav]
