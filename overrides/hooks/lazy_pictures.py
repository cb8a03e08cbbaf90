"""Build hook: Easy Read pictures load when the reader scrolls to them, not all at once.

Easy Read pages have a picture beside every point; on a weak phone signal the ones below the first
screen should wait. Every content picture (docs/assets/pictures/, not the logo) of an Easy Read
page gets loading="lazy" decoding="async". An Easy Read page in which no picture is found stops the
build: every point starts with a picture (the checker's easy-read/point-without-picture), so the
markup has changed.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import html_edit, site_versions

PICTURES = "assets/pictures/"


def is_content_picture(tag: html_edit.StartTag) -> bool:
    source = tag.attrs.get("src") or ""
    return PICTURES in source and not source.endswith("logo.svg")


def lazy_pictures(page: str, where: str) -> str:
    pictures = html_edit.require(html_edit.find(page, "img", is_content_picture, hint=PICTURES),
                                 f"picture (<img src=\".../{PICTURES}...\">)", where)
    return html_edit.edit(page, pictures, lambda tag: tag.attrs if "loading" in tag.attrs
                          else {"loading": "lazy", "decoding": "async", **tag.attrs})


def on_post_page(output, page, config):
    if not site_versions.of_build(config).of_source(page.file.src_uri).easy_read:
        return output
    try:
        return lazy_pictures(output, f"docs/{page.file.src_uri}")
    except html_edit.MissingElement as error:
        raise PluginError(str(error))
