"""Build hook: a page with no table of contents loses Material's unlabelled contents toggle.

On the page being read, Material's menu writes <input type="checkbox" id="__toc"> and, only when the
page has sections, a <label for="__toc"> that names it. A page with no sections (some Easy Read
pages) keeps a checkbox with no name: HTML_CodeSniffer reports it (WCAG 4.1.2), and a screen reader
announces an unnamed checkbox. With no label to open it, it does nothing, so it goes.
"""

from __future__ import annotations

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import html_edit


def drop_unlabelled_toc_toggle(page: str) -> str:
    toggles = html_edit.find(page, "input", lambda tag: tag.attrs.get("id") == "__toc", hint="__toc")
    if not toggles or html_edit.find(page, "label", lambda tag: tag.attrs.get("for") == "__toc", hint="__toc"):
        return page
    return html_edit.edit(page, toggles, lambda tag: None)


def on_post_page(output, page, config):
    return drop_unlabelled_toc_toggle(output)
