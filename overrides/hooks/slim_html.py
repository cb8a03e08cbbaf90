"""Build hook: every page's HTML fits the first round trips of a slow phone link (≤ 14 KB gzip,
README "Speed"), without cutting a word of content. Markup only:

1. An abbreviation's tooltip (<abbr title>) is given at its first use on a page; later uses are
   plain text, and so is every use of a term that has its own heading on the page (the glossary:
   the term is explained right there). The tooltip is an extra, never the only explanation (the
   page explains the term at first use, and the glossary is the real one); on the glossary page,
   which names every term many times, the titles were a fifth of the HTML.
2. A table of contents longer than LONG_TOC entries lists its sections (H2) only: the glossary's
   list of every term appeared twice (the phone menu and the wide screen's sidebar). Each term
   keeps its heading and its #anchor on the page.
3. Indentation and blank lines that Material's templates leave between tags are dropped (never
   inside <pre>, <textarea> or <script>, where they matter; a single line break stays, since
   Easy Read paragraphs keep their line breaks: white-space: pre-line), and so is the space
   around the words of Material's menu entries (<span class="md-ellipsis">), which never shows.
4. Material's <meta name="generator">: it tells a reader nothing (and tells anyone the versions).
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

LONG_TOC = 40
ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<text>.*?)</abbr>', re.S)
KEEP_AS_IS = re.compile(r"<(pre|textarea|script)\b.*?</\1>", re.S)
INDENT = re.compile(r"[ \t]*\n\s*")  # a paragraph never holds a blank line, so one line break is enough
ELLIPSIS = re.compile(r'<span class="md-ellipsis">\s*([^<]*?)\s*</span>')
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">\n?')
HEADING = re.compile(r"<h[2-6]\b[^>]*>.*?</h[2-6]>", re.S)


def first_abbr_only(html: str) -> str:
    seen: set[tuple[str, str]] = set()
    headings = {match.group("text") for heading in HEADING.findall(html) for match in ABBR.finditer(heading)}

    def once(match: re.Match) -> str:
        key = (match.group("text"), match.group("title"))
        if key in seen or key[0] in headings:
            return match.group("text")
        seen.add(key)
        return match.group(0)

    return ABBR.sub(once, html)


def drop_spacing(html: str) -> str:
    parts, last = [], 0
    for kept in KEEP_AS_IS.finditer(html):
        parts.append(INDENT.sub("\n", html[last:kept.start()]))
        parts.append(kept.group(0))
        last = kept.end()
    parts.append(INDENT.sub("\n", html[last:]))
    html = "".join(parts)
    return GENERATOR.sub("", ELLIPSIS.sub(r'<span class="md-ellipsis">\1</span>', html))


def _count(items) -> int:
    return sum(1 + _count(item.children) for item in items)


def shorten_toc(toc) -> None:
    """Keep the H1 and H2 entries of a long table of contents."""
    if _count(toc) <= LONG_TOC:
        return
    for item in toc:
        for section in (item.children if item.level == 1 else [item]):
            section.children = []


def on_page_content(html, page, config, files):
    shorten_toc(page.toc)
    return first_abbr_only(html)


def on_post_page(output, page, config):
    return drop_spacing(output)


@event_priority(50)  # before i18n_output.py keeps each version's 404 page
def on_post_template(output_content, template_name, config):
    return drop_spacing(output_content) if template_name == "404.html" else output_content
