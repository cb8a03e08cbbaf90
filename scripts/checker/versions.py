"""Versions in step: every English page has a Swedish and an Easy Read twin, no orphan translation,
translations follow the English page's latest `updated`, and the menu (nav) lists every page."""

from __future__ import annotations

from typing import Iterable

from scripts.checker.model import Finding, Site, parse_date
from scripts.checker.settings import token_problem
from scripts.local_settings import TOKEN


RULES = {
    "versions/missing-translation": ("error", "an English page has no Swedish or no Easy Read version (same file name)"),
    "versions/orphan-translation": ("error", "a Swedish or Easy Read page has no English page"),
    "versions/out-of-date": ("error", "a translation's `english_version` is older than its English page's `updated`"),
    "versions/unknown-english-version": ("error", "a translation's `english_version` is later than its English page's `updated`"),
    "versions/missing-folder": ("error", "`docs/` or the folder of a version (`docs/en/`, `docs/sv/`, `docs/en-easy/`) does not exist"),
    "versions/not-in-nav": ("error", "a page is not in `nav:` in `mkdocs.yml`"),
    "versions/nav-missing-page": ("error", "`nav:` lists a page that does not exist"),
    "versions/nav-duplicate": ("error", "`nav:` lists a page twice"),
    "versions/sources-differ": ("error", "a translation does not cite the sources of its English page (the same addresses, in the same order)"),
    "versions/tokens-differ": ("error", "a Swedish (not Easy Read) page uses other `local.yml` tokens than its English page"),
    "versions/english-only-without-link": ("error", "a page with `english_only: true` does not link to the English page (`../../page/`)"),
}


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


def _source_urls(page) -> list:
    sources = page.front_matter.get("sources")
    return [source.get("url") for source in sources if isinstance(source, dict)] if isinstance(sources, list) else []


def _tokens(page, site: Site) -> set[str]:
    """The tokens local.yml can fill in (settings/unknown-token reports the others)."""
    expressions = {" ".join(match["expr"].split()) for match in TOKEN.finditer(page.body)}
    return {expression for expression in expressions if token_problem(site.settings, expression, page.version) is None}


def same_as_english(site: Site) -> Iterable[Finding]:
    """A translation cites its English page's sources; a full translation (not Easy Read, which
    leaves things out) gives the same local contacts."""
    for version in _translations(site):
        for name, page in sorted(site.by_version[version].items()):
            original = site.page(site.english, name)
            if not (page.loaded and original and original.loaded):
                continue
            ours, theirs = _source_urls(page), _source_urls(original)
            well_formed = all(isinstance(url, str) and url.startswith(("https://", "http://")) for url in ours + theirs)
            if ours != theirs and well_formed:  # a broken source is the front matter rules' to report
                missing, extra = [u for u in theirs if u not in ours], [u for u in ours if u not in theirs]
                why = "; ".join(part for part in (f"missing {', '.join(map(str, missing))}" if missing else "",
                                                  f"not in English {', '.join(map(str, extra))}" if extra else "") if part)
                yield Finding(page.rel, page.field_line("sources"), "versions/sources-differ",
                              f"the sources differ from docs/{site.english}/{name}: {why or 'the same, in another order'}")
            if not page.easy_read and site.settings is not None and page.front_matter.get("english_only") is not True:
                ours_tokens, english_tokens = _tokens(page, site), _tokens(original, site)
                if ours_tokens != english_tokens:
                    missing = sorted(english_tokens - ours_tokens)
                    extra = sorted(ours_tokens - english_tokens)
                    why = "; ".join(part for part in (
                        "missing " + ", ".join("{{ %s }}" % token for token in missing) if missing else "",
                        "not in English " + ", ".join("{{ %s }}" % token for token in extra) if extra else "") if part)
                    yield Finding(page.rel, page.body_line, "versions/tokens-differ",
                                  f"the local contacts differ from docs/{site.english}/{name}: {why}")


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


SITE_RULES = [twins, in_step, english_only, same_as_english, nav]
