"""Build hook: a page split in two keeps the addresses it had (professionals link to sections).

The glossary was one page; it is now A to K (glossary.md) and L to Z (glossary-l-z.md), so that
each page's HTML fits the speed budget (issue 16). A page with `continued_on: glossary-l-z.md` in
its front matter gets <meta name="cetr-continued-on" content="../glossary-l-z/">, and
on-demand.js sends an address whose #section is not on the page to that section on the other
page: a link to glossary/#phso made before the split still opens PHSO.

The checker reports a `continued_on` page that does not exist at its line (links/missing-page);
the build stops here too, rather than send readers nowhere.
"""

from __future__ import annotations

import posixpath

from mkdocs.exceptions import PluginError

FIELD = "continued_on"


def on_page_markdown(markdown, page, config, files):
    name = page.meta.get(FIELD)
    page.meta["cetr_continued_on"] = None
    if name is None:
        return markdown
    wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), str(name)))
    target = files.get_file_from_path(wanted)
    if target is None or not target.is_documentation_page():
        raise PluginError(f"{page.file.src_uri}: continued_on: there is no page {wanted}")
    page.meta["cetr_continued_on"] = target.url_relative_to(page.file)
    return markdown
