"""Build hook: Material's search dialog, fixed in the page's version. A page without the element an
edit expects stops the build: Material's markup has changed and the fix would be lost silently.

- The dialog gets an accessible name: Material's <div class="md-search" role="dialog"> has none (an
  axe violation). The name is the version's 'search.dialog' in includes/strings/<version>.yml.
- The search form gets a real submit button (HTML_CodeSniffer, technique H32), which does what Enter
  does in Material's search: it opens the best result (assets/javascripts/search-submit.js). Like
  Material's own reset button beside it, it is no Tab stop, because Tab closes the search dialog.
- "Initializing search" moves into data-cetr-initializer, and search-submit.js shows it: a reader
  without JavaScript (a text browser) is not told to wait for a search that never starts.
"""

from __future__ import annotations

import html
from pathlib import Path

import material
from mkdocs.exceptions import PluginError

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import html_edit, site_versions
from scripts.site_versions import Version

SUBMIT_ICON = (Path(material.__file__).parent / "templates" / ".icons" / "material" / "arrow-right.svg").read_text(encoding="utf-8")


def name_search_dialog(page: str, version: Version, where: str) -> str:
    dialogs = html_edit.find(page, "div", lambda tag: tag.attrs.get("data-md-component") == "search"
                             and tag.attrs.get("role") == "dialog", hint="search")
    html_edit.require(dialogs, "search dialog (<div data-md-component=\"search\" role=\"dialog\">)", where)
    return html_edit.edit(page, dialogs, lambda tag: {**tag.attrs, "aria-label": version.strings["search.dialog"]})


def add_submit_button(page: str, version: Version, where: str) -> str:
    resets = html_edit.require(html_edit.find(page, "button", lambda tag: tag.attrs.get("type") == "reset"
                                              and tag.has_class("md-search__icon"), hint="reset"),
                               "search form reset button (<button type=\"reset\" class=\"md-search__icon ...\">)", where)
    label = html.escape(version.strings["search.submit"], quote=True)
    button = (f'<button type="submit" class="md-search__icon md-icon cetr-search-submit" title="{label}" '
              f'aria-label="{label}" tabindex="-1">{SUBMIT_ICON}</button>')
    return page[:resets[0].start] + button + page[resets[0].start:]


def move_initializer_text(page: str, where: str) -> str:
    metas = html_edit.require(html_edit.find(page, "div", lambda tag: tag.has_class("md-search-result__meta"), hint="meta"),
                              "search result text (<div class=\"md-search-result__meta\">)", where)
    meta = metas[0]
    close = page.find("</div>", meta.end)
    text = " ".join(page[meta.end:close].split())
    if close < 0 or not text or "<" in text:
        raise html_edit.MissingElement(f"{where}: the search result text is not plain text in its <div>: update {__name__}")
    start_tag = html_edit.render(meta, {**meta.attrs, "data-cetr-initializer": html.unescape(text)})
    return page[:meta.start] + start_tag + page[close:]


def fix_search(page: str, version: Version, where: str) -> str:
    try:
        page = name_search_dialog(page, version, where)
        page = add_submit_button(page, version, where)
        return move_initializer_text(page, where)
    except html_edit.MissingElement as error:
        raise PluginError(str(error))


def on_post_page(output, page, config):
    version = site_versions.of_build(config).of_source(page.file.src_uri)
    return fix_search(output, version, f"docs/{page.file.src_uri}")


def on_post_template(output_content, template_name, config):
    """The 404 page, which the i18n hook (i18n_output.py) then keeps, one per version."""
    if template_name != "404.html":
        return output_content
    version = site_versions.of_build(config)[config.plugins["i18n"].current_language]
    return fix_search(output_content, version, f"{version.prefix}404.html")
