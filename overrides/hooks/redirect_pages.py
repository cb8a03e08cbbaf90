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
from scripts.redirects_file import SITE_FOLDERS, load_entries

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


def page_path(name: str, use_directory_urls: bool) -> str:
    stem = name[:-3] if name.endswith(".md") else name
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


@event_priority(-300)  # after the i18n plugin has built every version
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    entries, problems = load_entries(REDIRECTS)
    if problems:
        raise PluginError("\n".join(f"redirects.yml:{p.line}: {p.rule}: {p.message}" for p in problems))
    docs = Path(config.docs_dir)
    site = Path(config.site_dir)
    versions = site_versions.of_build(config)
    taken = set(SITE_FOLDERS) | {version.code for version in versions.translations}
    for redirect in entries:
        old, new = redirect.old, redirect.page
        # Never write over a page or a folder of the site (the checker says the same, with more detail).
        if redirect.short and old in taken:
            raise PluginError(f"redirects.yml:{redirect.line}: the short address '{old}' is already used by the site: choose another")
        for version in versions:
            if not (docs / version.code / new).is_file():
                raise PluginError(f"redirects.yml: '{old}' points to '{new}', which does not exist in docs/{version.code}/")
            if redirect.short and (docs / version.code / f"{old}.md").is_file():
                raise PluginError(f"redirects.yml:{redirect.line}: the short address '{old}' is the address of the page "
                                  f"docs/{version.code}/{old}.md: choose another")
            if not redirect.short and (docs / version.code / old).is_file():
                raise PluginError(f"redirects.yml: '{old}' still exists in docs/{version.code}/: remove the page or the redirect")
            source = version.prefix + page_path(old, config.use_directory_urls)
            target = version.prefix + page_path(new, config.use_directory_urls)
            url = posixpath.relpath(target, posixpath.dirname(source))
            if config.use_directory_urls and url.endswith("index.html"):
                url = url[: -len("index.html")] or "./"
            if redirect.fragment:
                url += "#" + redirect.fragment
            out = site / source
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                PAGE.format(lang=version.html_lang, title=html.escape(version.strings["redirect.title"]),
                            link=html.escape(version.strings["redirect.link"]), url=html.escape(url)),
                encoding="utf-8",
            )
