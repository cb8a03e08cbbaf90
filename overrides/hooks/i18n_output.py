"""Build hook: fixes what mkdocs-static-i18n 1.3.1 gets wrong in the built site.

The plugin builds English (the default) first, then each other version into the same
site folder, from inside its own on_post_build. Out of the box:
  1. one search index mixes all versions;          -> one index per version folder
  2. 404.html is the last version built;            -> one 404.html per version folder
  3. the sitemap's hreflang is the build locale, which may not be BCP 47; -> the version's hreflang
  4. with fallback_to_default off, files shared by all versions (docs/assets/: pictures, CSS)
     are left out of the Swedish and Easy Read builds, so their pages' links to pictures fail;
     -> added back, at the same root address as in the English build.
  5. each page's <link rel="alternate" hreflang> makes Material's script fetch a sitemap.xml per
     version on every page view (a request per version; 404s in the version folders, CORS errors from file://).
     The switcher links already lead to the same page, and sitemap.xml lists the alternates for
     search engines, so those <link> elements are dropped.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import site_versions
from scripts.site_versions import SiteVersions, Version

_not_found_pages: dict[str, str] = {}

ALTERNATE_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


@event_priority(100)  # before the i18n plugin saves the config it restores for each version
def on_config(config):
    site_versions.of_build(config)  # config.extra.site_versions, for the templates and the hooks
    return config


@event_priority(-150)  # after the i18n plugin has chosen this version's files (-100)
def on_files(files, config):
    docs = Path(config.docs_dir)
    for path in sorted(docs.glob("assets/**/*")):
        src_uri = path.relative_to(docs).as_posix()
        if path.is_file() and files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def drop_alternate_links(html: str) -> str:
    return ALTERNATE_LINK.sub("", html)


# Words that Material or mkdocs.yml put in every page in one language only: the heading
# permalinks' title (toc permalink_title), and a name for the search dialog, which has none.
# Each version's own words are in includes/strings/<version>.yml.
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def name_search_dialog(html: str, version: Version) -> str:
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{version.strings["search.dialog"]}">')


# Easy Read pages have a picture beside every point: the ones below the first screen load when
# the reader scrolls to them, not all at once on a weak phone signal.
CONTENT_PICTURE = re.compile(r'<img (?=[^>]*src="[^"]*assets/pictures/)(?![^>]*logo\.svg)(?![^>]*loading=)')


def lazy_pictures(html: str) -> str:
    return CONTENT_PICTURE.sub('<img loading="lazy" decoding="async" ', html)


def permalink_title(config) -> str:
    """The permalinks' title that mkdocs.yml gives (toc permalink_title), in the default version's words."""
    return (config.mdx_configs.get("toc") or {}).get("permalink_title") or "Permanent link"


def fix_page(html: str, version: Version, config) -> str:
    """Every fix a built page of `version` needs: content pages and 404 pages alike."""
    if version.easy_read:
        html = lazy_pictures(html)
    html = html.replace(f'title="{permalink_title(config)}"', f'title="{version.strings["permalink.title"]}"')
    return name_search_dialog(drop_alternate_links(html), version)


def on_post_page(output, page, config):
    versions = site_versions.of_build(config)
    return fix_page(output, versions.of_source(page.file.src_uri), config)


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("the i18n plugin is not configured: see mkdocs.yml")
    return plugin


def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        language = _i18n(config).current_language
        output_content = fix_page(output_content, site_versions.of_build(config)[language], config)
        _not_found_pages[language] = output_content
    return output_content


@event_priority(-200)  # after the i18n plugin's own post-build (-100), which builds the other versions
def on_post_build(config):
    plugin = _i18n(config)
    site = Path(config.site_dir)
    if plugin.building:
        return  # a nested build of one version: the outer build finishes the site
    versions = site_versions.of_build(config)
    write_not_found_pages(site, versions)
    split_search_index(site, versions, offline=(site / "search" / "search_index.js").exists())
    fix_sitemap(site, versions)


def write_not_found_pages(site: Path, versions: SiteVersions) -> None:
    missing = set(versions.codes) - set(_not_found_pages)
    if missing:
        raise PluginError(f"no 404 page was built for: {', '.join(sorted(missing))}")
    for language, html in _not_found_pages.items():
        target = site / versions[language].prefix / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def split_search_index(site: Path, versions: SiteVersions, offline: bool = False) -> None:
    index_file = site / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for version in versions:
        prefix = version.prefix
        entries = []
        for doc in index["docs"]:
            location = doc["location"]
            if versions.of_output(location)[0] == version:
                # locations are relative to the version's folder, which is the search "base"
                entries.append({**doc, "location": location[len(prefix):]})
        # lunr.js language: the version's HTML language (Easy Read is English)
        part = {**index, "config": {**index["config"], "lang": [version.html_lang]}, "docs": entries}
        target = site / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        target.write_text(data, encoding="utf-8")
        if offline:
            # Material's offline plugin: pages opened from file:// load the index as a script
            target.with_suffix(".js").write_text(f"var __index = {data}", encoding="utf-8")


def fix_sitemap(site: Path, versions: SiteVersions) -> None:
    sitemap = site / "sitemap.xml"
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    for version in versions:
        if version.hreflang != version.code:
            text = text.replace(f'hreflang="{version.code}"', f'hreflang="{version.hreflang}"')
    sitemap.write_text(text, encoding="utf-8")
    gz = site / "sitemap.xml.gz"
    if gz.exists():
        import gzip

        gz.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
