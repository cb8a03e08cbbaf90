"""Build hook: fixes what mkdocs-static-i18n 1.3.1 gets wrong in the built site, and the words
Material and mkdocs.yml write in one language only (the heading permalinks' title).

The plugin builds English (the default) first, then each other version into the same
site folder, from inside its own on_post_build. Out of the box:
  1. one search index mixes all versions;          -> one index per version folder
  2. 404.html is the last version built;            -> one 404.html per version folder
  3. the sitemap's hreflang is the build locale, which may not be BCP 47; -> the version's hreflang
  4. with fallback_to_default off, files shared by all versions (docs/assets/: pictures, CSS)
     are left out of the Swedish and Easy Read builds, so their pages' links to pictures fail;
     -> added back, at the same root address as in the English build.
  5. search loads one index for the whole site: each page's Material config (<script id="__config">)
     gets the version's folder as its "base", so search loads that version's index (1.);
  6. each page's <link rel="alternate" hreflang> makes Material's script fetch a sitemap.xml per
     version on every page view (a request per version; 404s in the version folders, CORS errors from file://).
     The switcher links already lead to the same page, and sitemap.xml lists the alternates for
     search engines, so those <link> elements are dropped.
And each Easy Read page's <body> gets class="cetr-easy-read", under which site.css styles Easy Read.
Other edits of built pages have hooks of their own: search_dialog.py, lazy_pictures.py. Each edit
finds its elements with scripts/html_edit.py and stops the build when they are not there.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

import _project
from scripts import html_edit, site_versions
from scripts.site_versions import SiteVersions, Version


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


def drop_alternate_links(page: str, where: str) -> str:
    """Every version has its alternate (Material writes one per version): a page without is an error."""
    links = html_edit.find(page, "link", lambda tag: tag.attrs.get("rel") == "alternate" and "hreflang" in tag.attrs,
                           hint="alternate")
    html_edit.require(links, "<link rel=\"alternate\" hreflang> (the version switcher's alternates)", where)
    return html_edit.edit(page, links, lambda tag: None)


def permalink_title(config) -> str:
    """The permalinks' title that mkdocs.yml gives (toc permalink_title), in the default version's words."""
    toc = config.mdx_configs.get("toc") or {}
    if not toc.get("permalink"):
        raise PluginError("mkdocs.yml: markdown_extensions: toc: permalink is off, but the hooks translate its title")
    return toc.get("permalink_title") or "Permanent link"


def translate_permalinks(page: str, version: Version, config, where: str) -> str:
    """Each heading's permalink (every page has an H1) gets its title in the page's version."""
    english = permalink_title(config)
    links = html_edit.find(page, "a", lambda tag: tag.has_class("headerlink") and tag.attrs.get("title") == english,
                           hint="headerlink")
    html_edit.require(links, f"heading permalink (<a class=\"headerlink\" title=\"{english}\">)", where)
    return html_edit.edit(page, links, lambda tag: {**tag.attrs, "title": version.strings["permalink.title"]})


def search_in_version(page: str, version: Version, where: str) -> str:
    """Material's config for its scripts, with "base" (the site's root, relative to the page) set to
    the version's folder: search then loads the version's own index. Written back as Jinja's tojson
    writes it, so nothing else in it changes."""
    start, end, data = html_edit.json_script(page, "__config", where)
    if not isinstance(data, dict) or not isinstance(data.get("base"), str):
        raise html_edit.MissingElement(f'{where}: Material\'s <script id="__config"> has no "base": the theme has changed')
    data["base"] = (data["base"] + "/" + version.prefix).replace("//", "/")
    return page[:start] + str(htmlsafe_json_dumps(data, sort_keys=True)) + page[end:]


def mark_easy_read(page: str, version: Version, where: str) -> str:
    """An Easy Read page's <body> says so: site.css styles Easy Read under .cetr-easy-read, so
    every version waits on one stylesheet of ours, not two (issue 16)."""
    if not version.easy_read:
        return page
    bodies = html_edit.require(html_edit.find(page, "body", hint="<body"), "<body>", where)
    return html_edit.edit(page, bodies[:1], lambda tag: {**tag.attrs, "class": " ".join(
        [*(tag.attrs.get("class") or "").split(), "cetr-easy-read"])})


def fix_page(page: str, version: Version, config, where: str, headings: bool = True) -> str:
    """The i18n fixes of a built page: content pages, and 404 pages (which have no headings)."""
    try:
        page = mark_easy_read(page, version, where)
        page = search_in_version(drop_alternate_links(page, where), version, where)
        return translate_permalinks(page, version, config, where) if headings else page
    except html_edit.MissingElement as error:
        raise PluginError(str(error))


def on_post_page(output, page, config):
    version = site_versions.of_build(config).of_source(page.file.src_uri)
    return fix_page(output, version, config, f"docs/{page.file.src_uri}")


def _i18n(config):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("the i18n plugin is not configured: see mkdocs.yml")
    return plugin


@event_priority(-100)  # after the other hooks' edits (search_dialog.py): this keeps the finished page
def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        language = _i18n(config).current_language
        version = site_versions.of_build(config)[language]
        output_content = fix_page(output_content, version, config, f"{version.prefix}404.html", headings=False)
        _project.build_state(config, "i18n_output").setdefault("not_found_pages", {})[language] = output_content
    return output_content


@event_priority(-200)  # after the i18n plugin's own post-build (-100), which builds the other versions
def on_post_build(config):
    plugin = _i18n(config)
    site = Path(config.site_dir)
    if plugin.building:
        return  # a nested build of one version: the outer build finishes the site
    versions = site_versions.of_build(config)
    write_not_found_pages(site, versions, _project.build_state(config, "i18n_output").get("not_found_pages", {}))
    split_search_index(site, versions, offline=(site / "search" / "search_index.js").exists())
    fix_sitemap(site, versions)


def write_not_found_pages(site: Path, versions: SiteVersions, pages: dict[str, str]) -> None:
    missing = set(versions.codes) - set(pages)
    if missing:
        raise PluginError(f"no 404 page was built for: {', '.join(sorted(missing))}")
    for language, html in pages.items():
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
            # The plugin's sitemap template writes each alternate as <xhtml:link ... hreflang="locale" .../>.
            written = f'hreflang="{version.code}"'
            if written not in text:
                raise PluginError(f"sitemap.xml: found no {written} to change to {version.hreflang}: "
                                  "the i18n plugin's sitemap has changed; update overrides/hooks/i18n_output.py")
            text = text.replace(written, f'hreflang="{version.hreflang}"')
    sitemap.write_text(text, encoding="utf-8")
    gz = site / "sitemap.xml.gz"
    if gz.exists():
        gz.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
