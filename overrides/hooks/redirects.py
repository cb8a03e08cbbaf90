"""Build hook: a redirect page for every moved page and every short address (redirects.yml),
in every version.

mkdocs-redirects resolves targets in one language only and writes each redirect once, so under
mkdocs-static-i18n the last version built wins. This writes /old/, /sv/old/ and /en-easy/old/,
each to the same version's new page, with no inline script (so the site's CSP needs no hash for it).
"""

from __future__ import annotations

import html
import posixpath
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from scripts import redirects_file  # noqa: E402

VERSION_PREFIXES = {"en": "", "sv": "sv/", "en-easy": "en-easy/"}

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
WORDS = {
    "en": ("This page has moved", "Go to the new page"),
    "sv": ("Sidan har flyttats", "Gå till den nya sidan"),
    "en-easy": ("This page has moved", "Go to the new page"),
}


def load_redirects() -> list[redirects_file.Entry]:
    try:
        return redirects_file.load()
    except redirects_file.RedirectsError as error:
        raise PluginError(f"redirects.yml:{error.line}: {error.message}")


def page_path(name: str, use_directory_urls: bool) -> str:
    stem = name[:-3] if name.endswith(".md") else name
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")] + "index.html"
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


@event_priority(-300)  # after the i18n plugin has built every version
def on_post_build(config):
    if config.plugins["i18n"].building:
        return
    docs = Path(config.docs_dir)
    site = Path(config.site_dir)
    taken = set(redirects_file.SITE_FOLDERS) | {prefix.strip("/") for prefix in VERSION_PREFIXES.values() if prefix}
    for entry in load_redirects():
        old, new = entry.old, entry.page
        # Never write over a page or a folder of the site (the checker says the same, with more detail).
        if entry.short and old in taken:
            raise PluginError(f"redirects.yml:{entry.line}: the short address '{old}' is already used by the site: choose another")
        for version, prefix in VERSION_PREFIXES.items():
            if not (docs / version / new).is_file():
                raise PluginError(f"redirects.yml: '{old}' points to '{new}', which does not exist in docs/{version}/")
            if entry.short and (docs / version / f"{old}.md").is_file():
                raise PluginError(f"redirects.yml:{entry.line}: the short address '{old}' is the address of the page docs/{version}/{old}.md: choose another")
            if not entry.short and (docs / version / old).is_file():
                raise PluginError(f"redirects.yml: '{old}' still exists in docs/{version}/: remove the page or the redirect")
            source = prefix + page_path(old, config.use_directory_urls)
            target = prefix + page_path(new, config.use_directory_urls)
            url = posixpath.relpath(target, posixpath.dirname(source))
            if config.use_directory_urls and url.endswith("index.html"):
                url = url[: -len("index.html")] or "./"
            if entry.fragment:
                url += "#" + entry.fragment
            title, link = WORDS[version]
            out = site / source
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                PAGE.format(lang="sv" if version == "sv" else "en", title=title, link=link, url=html.escape(url)),
                encoding="utf-8",
            )
