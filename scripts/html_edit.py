"""Structural edits of built HTML for the build hooks: find elements by tag and attributes, change or
remove only their start tags, and say so when an element an edit expects is not there.

A string replacement on built HTML does nothing, silently, when the theme's markup changes (another
attribute order, another quote, one more attribute). Here each start tag of the wanted name is read
by Python's html.parser (the parser BeautifulSoup uses too), so attributes are matched by name and
value whatever their order or quoting; comments, scripts and styles are skipped; and everything
else in the page stays byte for byte as it was. Only start tags are located by a pattern: parsing
the whole page with html.parser costs about 20 ms a page, several seconds a build.
"""

from __future__ import annotations

import html
import html.parser
import json
import re
from dataclasses import dataclass
from typing import Callable, Iterable

Attributes = dict[str, "str | None"]

# Spans whose text is not markup: a '<img' inside them is not an element.
NOT_MARKUP = re.compile(r"<!--.*?-->|<(script|style|textarea)\b.*?</\1\s*>", re.S | re.I)
RAW_TEXT = {"script", "style", "textarea"}
ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""


class MissingElement(Exception):
    """An edit found no element to edit: the theme's markup has changed, or a template has."""


@dataclass(frozen=True)
class StartTag:
    name: str
    attrs: Attributes
    start: int  # offset of '<' in the page
    end: int  # offset after '>'
    self_closing: bool

    def has_class(self, name: str) -> bool:
        return name in (self.attrs.get("class") or "").split()


class _AttributeReader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[Attributes] = []

    def handle_starttag(self, tag, attrs):
        self.found.append(dict(attrs))

    handle_startendtag = handle_starttag


def _attributes(start_tags: list[str]) -> list[Attributes]:
    """The attributes of each start tag, read in one pass of the parser."""
    reader = _AttributeReader()
    reader.feed("".join(start_tags))
    reader.close()
    if len(reader.found) != len(start_tags):
        raise MissingElement(f"html.parser read {len(reader.found)} tags in {len(start_tags)} start tags")
    return reader.found


def find(page: str, name: str, wanted: Callable[[StartTag], bool] = lambda tag: True, hint: str = "") -> list[StartTag]:
    """Every <name ...> element of the page (outside comments and scripts) that `wanted` accepts.
    `hint`, text that every wanted start tag contains, only saves time: `wanted` decides."""
    skipped = [match.span() for match in NOT_MARKUP.finditer(page)]
    # A <script> or <style> start tag opens a span of its own: only what is inside is skipped.
    matches = [match for match in re.finditer(rf"<{re.escape(name)}(?:{ATTRIBUTE})*\s*(/?)>", page, re.I)
               if hint in match.group(0) and not any(start < match.start() < end for start, end in skipped)]
    starts = [match.group(0) for match in matches]
    # After a <script>, <style> or <textarea> start tag the parser reads text, not tags: one at a time
    attributes = ([found for start in starts for found in _attributes([start])] if name.lower() in RAW_TEXT
                  else _attributes(starts))
    tags = [StartTag(name, attrs, match.start(), match.end(), match.group(1) == "/")
            for match, attrs in zip(matches, attributes)]
    return [tag for tag in tags if wanted(tag)]


def render(tag: StartTag, attrs: Attributes) -> str:
    parts = [tag.name] + [key if value is None else f'{key}="{html.escape(value, quote=True)}"' for key, value in attrs.items()]
    return "<" + " ".join(parts) + (" />" if tag.self_closing else ">")


def edit(page: str, tags: Iterable[StartTag], new_attrs: Callable[[StartTag], Attributes | None]) -> str:
    """The page with each tag's start tag written again with new_attrs(tag); None removes the tag
    (and its line, when it stands alone on it). Nothing else in the page changes."""
    out, at = [], 0
    for tag in sorted(tags, key=lambda t: t.start):
        attrs = new_attrs(tag)
        start, end = tag.start, tag.end
        if attrs is None:
            line_start = page.rfind("\n", 0, start) + 1
            if page[line_start:start].strip() == "" and page[end:end + 1] == "\n":
                start, end = line_start, end + 1
            out.append(page[at:start])
        else:
            out += [page[at:start], render(tag, attrs)]
        at = end
    out.append(page[at:])
    return "".join(out)


def json_script(page: str, script_id: str, where: str) -> tuple[int, int, object]:
    """(start, end, data) of the JSON inside <script id="script_id" type="application/json">."""
    scripts = require(find(page, "script", lambda tag: tag.attrs.get("id") == script_id, hint=script_id),
                      f'<script id="{script_id}">', where)
    start = scripts[0].end
    end = page.find("</script", start)
    try:
        return start, end, json.loads(page[start:end])
    except ValueError as error:
        raise MissingElement(f'{where}: <script id="{script_id}"> does not hold JSON ({error}): the theme has changed')


def require(tags: list[StartTag], what: str, where: str) -> list[StartTag]:
    """The tags, or MissingElement that names what was looked for, and where."""
    if not tags:
        raise MissingElement(f"{where}: found no {what} to edit. The theme's or a template's markup has "
                             "changed: update the build hook that edits it (overrides/hooks/).")
    return tags
