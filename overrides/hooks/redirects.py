"""Build hook: a redirect page for every moved page (redirects.yml), in every version.

mkdocs-redirects resolves targets in one language only and writes each redirect once, so under
mkdocs-static-i18n the last version built wins. This writes /old/, /sv/old/ and /en-easy/old/,
each to the same version's new page, with no inline script (so the site's CSP needs no hash for it).
"""

from __future__ import annotations

import html
import os
import posixpath
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

REDIRECTS = Path(__file__).resolve().parents[2] / "redirects.yml"
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


def load_redirects() -> dict[str, str]:
    try:
        data = yaml.safe_load(REDIRECTS.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise PluginError(f"redirects.yml: cannot be read: {error}")
    redirects = data.get("redirects") or {}
    if not isinstance(redirects, dict):
        raise PluginError("redirects.yml: 'redirects' must map old page file names to new ones")
    return {str(old): str(new) for old, new in redirects.items()}


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
    for old, new in load_redirects().items():
        for version, prefix in VERSION_PREFIXES.items():
            if not (docs / version / new).is_file():
                raise PluginError(f"redirects.yml: '{old}' points to '{new}', which does not exist in docs/{version}/")
            if (docs / version / old).is_file():
                raise PluginError(f"redirects.yml: '{old}' still exists in docs/{version}/: remove the page or the redirect")
            source = prefix + page_path(old, config.use_directory_urls)
            target = prefix + page_path(new, config.use_directory_urls)
            url = posixpath.relpath(target, posixpath.dirname(source))
            if config.use_directory_urls and url.endswith("index.html"):
                url = url[: -len("index.html")] or "./"
            title, link = WORDS[version]
            out = site / source
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(
                PAGE.format(lang="sv" if version == "sv" else "en", title=title, link=link, url=html.escape(url)),
                encoding="utf-8",
            )
