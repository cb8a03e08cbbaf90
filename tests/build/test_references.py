"""Every file a built page asks for exists: scripts, stylesheets, pictures, icons, and the search
worker and search index that Material's config (<script id="__config">) names. A Material upgrade
that renames a hashed file, or a version whose search index is missing, fails here."""

from __future__ import annotations

import html.parser
import json
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

REFERENCES = {"script": ("src",), "link": ("href",), "img": ("src",), "source": ("src", "srcset"), "iframe": ("src",)}


class _References(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self.in_config = False
        self.config = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in REFERENCES.get(tag, ()):
            if attrs.get(name) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.found += [part.split()[0] for part in attrs[name].split(",")] if name == "srcset" else [attrs[name]]
        self.in_config = tag == "script" and attrs.get("id") == "__config"

    def handle_data(self, data):
        if self.in_config:
            self.config += data

    def handle_endtag(self, tag):
        self.in_config = False


def missing_files(site: Path, page: Path) -> list[str]:
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    references = list(parser.found)
    config = json.loads(parser.config)
    references += [config["search"], config["base"] + "search/search_index.json"]
    folder = page.parent.relative_to(site).as_posix()
    missing = []
    for reference in references:
        url = urlsplit(reference)
        if url.scheme or url.netloc or not url.path:
            continue  # another host (none is allowed: test_build.py), or a fragment of this page
        path = unquote(url.path)
        target = path.lstrip("/") if path.startswith("/") else posixpath.normpath(posixpath.join(folder, path))
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site / target).is_file():
            missing.append(f"{reference} -> {target}")
    return missing


def test_every_file_a_page_references_exists(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    problems = {page.relative_to(built_site).as_posix(): missing for page in pages
                if "__config" in page.read_text(encoding="utf-8") and (missing := missing_files(built_site, page))}
    assert problems == {}


def test_each_version_searches_its_own_index(built_site):
    """The "base" of Material's config is the version's folder, so search loads that version's index."""
    from tests.conftest import OUTPUT_PREFIX

    for version, prefix in OUTPUT_PREFIX.items():
        page = built_site / prefix / "what-is-a-cetr" / "index.html"
        parser = _References()
        parser.feed(page.read_text(encoding="utf-8"))
        base = json.loads(parser.config)["base"]
        assert posixpath.normpath(posixpath.join(f"{prefix}what-is-a-cetr", base)) == (prefix.rstrip("/") or "."), version
