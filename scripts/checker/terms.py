"""Swedish terms: a never-use word (data/swedish-never-use.yml) on a Swedish page is an error."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable

from scripts.checker.markdown import ATTR_LIST, HTML_TAG, INLINE_CODE, TOKEN, mask
from scripts.checker.model import Finding, Page, Site

RULES = {
    "terms/never-use": ("error", "a word of the never-use list (`scripts/checker/data/swedish-never-use.yml`) on a Swedish page or in its abbreviations (`includes/abbreviations/sv.md`), with what to write instead"),
    "terms/invalid-data": ("error", "the never-use list itself is broken"),
}

NEVER_USE_LANGUAGE = "sv"  # the list holds Swedish words: it applies to every version written in Swedish
LINK_TARGET = re.compile(r"\]\([^)]*\)|(?:https?|mailto):[^\s)>\]]+")


@dataclass
class NeverUse:
    term: str
    why: str
    use_instead: str
    patterns: list[re.Pattern]  # run on lower-case text unless case_sensitive
    allow: list[re.Pattern]
    case_sensitive: bool = False


def phrase_pattern(phrase: str) -> str:
    """'urladdning*' -> the word with any ending; spaces match any space or line break.

    The pattern starts with plain letters and has no look-behind, so Python's re can jump straight
    to candidates (about 50 times faster than case-insensitive patterns with look-behinds);
    the checker tests the start of the word itself."""
    parts = []
    for word in phrase.split():
        ending = r"\w*" if word.endswith("*") else ""
        parts.append(re.escape(word.rstrip("*")) + ending)
    return r"\s+".join(parts) + r"(?!\w)"


def compile_entry(entry: dict) -> NeverUse:
    case_sensitive = bool(entry.get("case_sensitive"))
    if entry.get("regex"):
        sources = [entry["regex"]]
    else:
        sources = [phrase_pattern(phrase if case_sensitive else phrase.lower()) for phrase in entry["match"]]
    allow = [re.compile(phrase_pattern(phrase.lower()), re.IGNORECASE) for phrase in entry.get("allow", [])]
    return NeverUse(entry["term"], entry["why"], entry["use_instead"], [re.compile(s) for s in sources], allow, case_sensitive)


@dataclass
class NeverUseList:
    entries: list[NeverUse]


def compile_list(data: dict) -> NeverUseList:
    return NeverUseList([compile_entry(entry) for entry in data["never_use"]])


def swedish_text(page: Page) -> list[tuple[int, str]]:
    """(line, text): the Swedish words of a page: title, description and the body without code
    blocks (letters stay in English), link targets, inline code, tokens and HTML."""
    body = mask(page.body, TOKEN)
    body = mask(body, LINK_TARGET)
    body = mask(body, INLINE_CODE)
    body = mask(body, HTML_TAG)
    body = mask(body, ATTR_LIST)
    lines = body.split("\n")
    code_lines = {line for block in page.blocks if block.kind == "code" for line, _ in block.lines}
    first = page.body_line
    text = [(first + i, line) for i, line in enumerate(lines) if first + i not in code_lines]
    for field in ("title", "description"):
        value = page.front_matter.get(field)
        if isinstance(value, str):
            text.append((page.field_line(field), value))
    return text


def _starts_a_word(text: str, offset: int) -> bool:
    return offset == 0 or not (text[offset - 1].isalnum() or text[offset - 1] in "_-")


def never_use(page: Page, site: Site) -> Iterable[Finding]:
    if page.language != NEVER_USE_LANGUAGE or not site.never_use:
        return
    yield from never_use_in(page.rel, swedish_text(page), site)


def never_use_in_abbreviations(site: Site) -> Iterable[Finding]:
    """The hover explanations (includes/abbreviations/<version>.md) are added to every page of a version."""
    if not site.never_use:
        return
    for code, (rel, text) in sorted(site.abbreviations.items()):
        if site.versions[code].html_lang == NEVER_USE_LANGUAGE:
            yield from never_use_in(rel, list(enumerate(text.split("\n"), 1)), site)


def never_use_in(rel: str, text_lines: list[tuple[int, str]], site: Site) -> Iterable[Finding]:
    # Join the lines so that a phrase broken over two lines is still found.
    joined, starts, lines = "", [], []
    for line, text in text_lines:
        starts.append(len(joined))
        lines.append(line)
        joined += text + "\n"
    lower = joined.lower()
    if len(lower) != len(joined):  # a letter whose lower case is longer: fall back to the slow way
        lower = "".join(char.lower() if len(char.lower()) == 1 else char for char in joined)
    for entry in site.never_use.entries:
        text = joined if entry.case_sensitive else lower
        for pattern in entry.patterns:
            for match in pattern.finditer(text):
                if not _starts_a_word(text, match.start()) or any(a.match(joined, match.start()) for a in entry.allow):
                    continue
                line = lines[bisect.bisect_right(starts, match.start()) - 1]
                found = " ".join(joined[match.start() : match.end()].split())
                yield Finding(rel, line, "terms/never-use",
                              f"'{found}' is on the never-use list ({entry.term}: {entry.why}): write {entry.use_instead}")


PAGE_RULES = [never_use]
SITE_RULES = [never_use_in_abbreviations]
