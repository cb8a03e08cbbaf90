"""Markdown structure and accessibility: one H1, no skipped heading levels, alt text on images,
link text that says where it goes, tables with a header row, and no phone number or email address
typed into a page (they come from local.yml through tokens)."""

from __future__ import annotations

import re
from typing import Iterable

from scripts.checker.markdown import (
    AUTOLINK,
    IMAGE,
    INLINE_CODE,
    LINK,
    TABLE_DELIMITER,
    TOKEN,
    mask,
    plain,
    table_cells,
)
from scripts.checker.model import Finding, Page, Site


RULES = {
    "structure/h1-count": ("error", "a page without a `#` heading, or with more than one"),
    "structure/skipped-heading-level": ("error", "a heading more than one level below the one before (`###` after `#`)"),
    "structure/empty-heading": ("error", "a heading with no text"),
    "structure/image-without-alt": ("error", "an image without alt text"),
    "structure/vague-link-text": ("error", "link text \"click here\", \"here\", \"read more\", \"more\", \"klicka här\", \"här\", \"läs mer\", or no text"),
    "structure/bare-url": ("error", "a web address as link text, `<https://…>`, or a bare web address in the text"),
    "structure/table-without-header": ("error", "a table without a header row (or with an empty one)"),
    "structure/raw-phone-number": ("error", "a UK phone number typed into a page, letters included: use a token (999, 111, 116 123 and the national numbers of `scripts/checker/data/national-numbers.yml` are fine)"),
    "structure/invalid-national-numbers": ("error", "`scripts/checker/data/national-numbers.yml` is broken: each entry needs `number`, `name`, an https `source` and a `checked` date"),
    "structure/raw-email": ("error", "an email address typed into a page, letters and `mailto:` links included: use a token"),
    "structure/unclosed-code-block": ("error", "a code block (a letter) that starts with ```` ``` ```` and never ends"),
    "structure/stub": ("error", "a page that is still the placeholder `Stub.`"),
}

VAGUE_LINK_TEXT = {
    "click here", "here", "read more", "more", "click", "this link", "link",
    "klicka här", "här", "läs mer", "mer",
}
URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
BARE_URL = re.compile(r"(?<![\w(<\[/\"'=])(?:https?://|www\.)[^\s)>\]]+", re.I)
HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
HTML_ALT = re.compile(r"\balt\s*=\s*(\"[^\"]*\"|'[^']*')", re.I)

# UK phone numbers as people write them: 01632 960123, (01632) 960123, 0300 123 4567, 020 7946 0000,
# 07700 900123, +44 1632 960123. 999, 111 and 116 123 are too short to match.
PHONE = re.compile(r"(?<![\w+/.=#-])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[ -]?\d){6,8}(?![\w-])")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
URL = re.compile(r"(?:https?|ftp)://[^\s)>\]\"']+|www\.[^\s)>\]\"']+|\]\([^)]*\)|\b[\w-]+\.(?:md|html|svg|png|pdf)\b", re.I)


def headings(page: Page) -> Iterable[Finding]:
    found = [block for block in page.blocks if block.kind == "heading"]
    h1s = [block for block in found if block.level == 1]
    if not h1s:
        yield Finding(page.rel, page.body_line, "structure/h1-count", "the page has no '# ' heading: every page has exactly one")
    for extra in h1s[1:]:
        yield Finding(page.rel, extra.line, "structure/h1-count", f"a second '# ' heading (the first is on line {h1s[0].line}): every page has exactly one")
    previous = 0
    for block in found:
        if previous and block.level > previous + 1:
            yield Finding(page.rel, block.line, "structure/skipped-heading-level",
                          f"heading level {block.level} after level {previous}: use {'#' * (previous + 1)} here")
        previous = block.level
        if not block.text.strip():
            yield Finding(page.rel, block.line, "structure/empty-heading", "a heading with no text")


def _text_blocks(page: Page):
    """Lines outside code blocks, with inline code masked."""
    for block in page.blocks:
        if block.kind in ("paragraph", "item", "table", "heading", "admonition", "html"):
            for line, text in block.lines:
                yield line, mask(text, INLINE_CODE)


def images_and_links(page: Page) -> Iterable[Finding]:
    for line, text in _text_blocks(page):
        for image in IMAGE.finditer(text):
            if not image["alt"].strip():
                yield Finding(page.rel, line, "structure/image-without-alt", f"the image {image['target']} has no alt text: say what it shows")
        for tag in HTML_IMG.finditer(text):
            alt = HTML_ALT.search(tag.group(0))
            if not alt or (not alt.group(1).strip("\"' ") and "aria-hidden" not in tag.group(0)):
                yield Finding(page.rel, line, "structure/image-without-alt", "an <img> has no alt text: say what it shows")
        for link in LINK.finditer(text):
            words = plain(link["text"]).strip().strip(".:").strip()
            if words.casefold() in VAGUE_LINK_TEXT:
                yield Finding(page.rel, line, "structure/vague-link-text", f"link text '{words}' does not say where it goes")
            elif URL_TEXT.match(words):
                yield Finding(page.rel, line, "structure/bare-url", f"link text '{words}' is a web address: say where it goes instead")
            elif not words and not IMAGE.search(link["text"]):
                yield Finding(page.rel, line, "structure/vague-link-text", f"a link to {link['target']} has no text")
        for autolink in AUTOLINK.finditer(text):
            yield Finding(page.rel, line, "structure/bare-url", f"bare web address <{autolink['url']}>: write link text that says where it goes")
        stripped = mask(mask(mask(text, LINK), IMAGE), AUTOLINK)
        stripped = re.sub(r"<[^>]*>", lambda m: " " * len(m.group(0)), stripped)
        for url in BARE_URL.finditer(stripped):
            yield Finding(page.rel, line, "structure/bare-url", f"bare web address {url.group(0)}: make it a link with text that says where it goes")


def tables(page: Page) -> Iterable[Finding]:
    for block in page.blocks:
        if block.kind != "table":
            continue
        rows = [text for _, text in block.lines]
        if len(rows) < 2 or not TABLE_DELIMITER.match(rows[1]):
            yield Finding(page.rel, block.line, "structure/table-without-header",
                          "a table needs a header row, then a line like | --- | --- | under it")
        elif not any(plain(cell) for cell in table_cells(rows[0])):
            yield Finding(page.rel, block.line, "structure/table-without-header", "the table's header row is empty: name each column")
    for line, text in _text_blocks(page):
        if re.search(r"<table\b", text, re.I) and not re.search(r"<th\b", page.body, re.I):
            yield Finding(page.rel, line, "structure/table-without-header", "an HTML table without <th> header cells")


def raw_contacts(page: Page, allowed: set[str] = frozenset()) -> Iterable[Finding]:
    """Phone numbers and emails typed into a page, code blocks (letters) included."""
    body = mask(page.body, TOKEN)
    body = mask(body, URL)
    for match in PHONE.finditer(body):
        digits = re.sub(r"\D", "", match.group(0))
        if 10 <= len(digits) <= 12 and digits not in allowed:
            yield Finding(page.rel, page.line_of(match.start()), "structure/raw-phone-number",
                          f"phone number '{match.group(0).strip()}' typed into the page: put it in local.yml and use a token such as {{{{ tel.icb }}}}")
    for match in EMAIL.finditer(mask(page.body, TOKEN)):
        yield Finding(page.rel, page.line_of(match.start()), "structure/raw-email",
                      f"email address '{match.group(0)}' typed into the page: put it in local.yml and use a token such as {{{{ email.icb }}}}")


def unclosed_code(page: Page) -> Iterable[Finding]:
    for block in page.blocks:
        if block.kind == "code" and block.unclosed:
            yield Finding(page.rel, block.line, "structure/unclosed-code-block", "a code block starts here but never ends (no closing ```)")


def stub(page: Page) -> Iterable[Finding]:
    for block in page.blocks:
        if block.kind == "paragraph" and " ".join(text for _, text in block.lines).strip() == "Stub.":
            yield Finding(page.rel, block.line, "structure/stub", "the page is still a stub ('Stub.'): write it before it is published")


def check_page(page: Page, site: Site) -> Iterable[Finding]:
    yield from stub(page)
    yield from headings(page)
    yield from images_and_links(page)
    yield from tables(page)
    yield from raw_contacts(page, site.national_numbers)
    yield from unclosed_code(page)


PAGE_RULES = [check_page]
