"""Build hook: gives Material's search dialog an accessible name, in the page's version.

Material's <div class="md-search" role="dialog"> has no name (an axe violation). The name is the
version's 'search.dialog' in includes/strings/<version>.yml. A page without the dialog stops the
build: Material's markup has changed and the dialog would lose its name silently.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import html_edit, site_versions
from scripts.site_versions import Version


def name_search_dialog(page: str, version: Version, where: str) -> str:
    dialogs = html_edit.find(page, "div", lambda tag: tag.attrs.get("data-md-component") == "search"
                             and tag.attrs.get("role") == "dialog", hint="search")
    html_edit.require(dialogs, "search dialog (<div data-md-component=\"search\" role=\"dialog\">)", where)
    return html_edit.edit(page, dialogs, lambda tag: {**tag.attrs, "aria-label": version.strings["search.dialog"]})


def on_post_page(output, page, config):
    version = site_versions.of_build(config).of_source(page.file.src_uri)
    try:
        return name_search_dialog(output, version, f"docs/{page.file.src_uri}")
    except html_edit.MissingElement as error:
        raise PluginError(str(error))


def on_post_template(output_content, template_name, config):
    """The 404 page, which the i18n hook (i18n_output.py) then keeps, one per version."""
    if template_name != "404.html":
        return output_content
    version = site_versions.of_build(config)[config.plugins["i18n"].current_language]
    try:
        return name_search_dialog(output_content, version, f"{version.prefix}404.html")
    except html_edit.MissingElement as error:
        raise PluginError(str(error))
