"""Build hook: a redirect page for every moved page and every short address (redirects.yml),
in every version.

mkdocs-redirects resolves targets in one language only and writes each redirect once, so under
mkdocs-static-i18n the last version built wins. This writes /old/ and /<version>/old/ for every
version, each to the same version's new page, with no inline script (so the site's CSP needs no
hash for it). redirects.yml is read by scripts/redirects_file.py, as the checker reads it.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import site_versions
from scripts.redirects_file import SHORT_ADDRESS, SITE_FOLDERS, RedirectsProblem, confinement_problems, load_entries, output_path

REDIRECTS = Path(_project.ROOT) / "redirects.yml"

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="canonical" href="{url}">
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<main>
<h1>{title}</h1>
<p><a href="{url}">{link}</a></p>
</main>
</body>
</html>
"""


@event_priority(-300)  # after the i18n plugin has built every version
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    entries, problems = load_entries(REDIRECTS)
    redirects = {entry.old: entry for entry in entries if not entry.short}
    shorts = [entry for entry in entries if entry.short]
    docs = Path(config.docs_dir)
    site = Path(config.site_dir).resolve()
    versions = site_versions.of_build(config)
    pages = {version.code: {path.relative_to(docs / version.code).as_posix() for path in (docs / version.code).rglob("*.md")}
             for version in versions}
    # Every entry is checked before any file is written: a name could otherwise replace a page.
    problems += confinement_problems(redirects, pages, config.use_directory_urls)
    problems += short_address_problems(shorts, pages, {version.code for version in versions.translations})
    if problems:
        raise PluginError("\n".join(f"redirects.yml:{p.line}: {p.rule}: {p.message}" for p in problems))
    for redirect in [*redirects.values(), *shorts]:
        for version in versions:
            source = version.prefix + output_path(redirect.old, config.use_directory_urls)
            target = version.prefix + output_path(redirect.page, config.use_directory_urls)
            url = posixpath.relpath(target, posixpath.dirname(source))
            if config.use_directory_urls and url.endswith("index.html"):
                url = url[: -len("index.html")] or "./"
            if redirect.fragment:
                url += "#" + redirect.fragment
            out = (site / source).resolve()
            if not out.is_relative_to(site):  # confinement_problems has refused this already
                raise PluginError(f"redirects.yml:{redirect.line}: redirects/bad-name: '{redirect.old}' leads outside the site")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                PAGE.format(lang=version.html_lang, title=html.escape(version.strings["redirect.title"]),
                            link=html.escape(version.strings["redirect.link"]), url=html.escape(url)),
                encoding="utf-8",
            )


def short_address_problems(shorts, pages: dict[str, set[str]], version_folders: set[str]) -> list[RedirectsProblem]:
    """A short address never writes over a page or a folder of the site, and leads to a page of every
    version (the checker says the same, with more detail: scripts/checker/redirects.py)."""
    problems = []
    taken = set(SITE_FOLDERS) | version_folders
    for short in shorts:
        if not SHORT_ADDRESS.match(short.old) or short.old in taken or any(f"{short.old}.md" in names for names in pages.values()):
            problems.append(RedirectsProblem(short.line, "redirects/short-address-taken",
                                             f"the short address '{short.old}' is already used by the site, or is not "
                                             "lower-case letters, digits and hyphens: choose another"))
            continue
        for code, names in pages.items():
            if short.page not in names:
                problems.append(RedirectsProblem(short.line, "redirects/missing-target",
                                                 f"'{short.old}' points to '{short.new}', which does not exist in docs/{code}/"))
    return problems
