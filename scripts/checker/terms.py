"""Swedish terms (data/swedish-never-use.yml): a never-use word on a Swedish page is an error, and so is
any other name than the one Swedish name the site gives NHS England's 2023 policy document."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterable

from scripts import leaflets_file
from scripts.checker.markdown import ATTR_LIST, HTML_TAG, INLINE_CODE, TOKEN, mask
from scripts.checker.model import Finding, Page, Site

# Every rule id of this module (terms/invalid-data is reported by load.py when the data file is broken).
RULES = {
    "terms/never-use": ("error", "a word of the never-use list (`scripts/checker/data/swedish-never-use.yml`) on a Swedish page, in its abbreviations (`includes/abbreviations/sv.md`) or in its leaflets (`leaflets/sv.yml`), with what to write instead"),
    "terms/document-name": ("error", "NHS England's 2023 policy called anything but its one Swedish name (riktlinjerna från 2023)"),
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
class DocumentName:
    """The one Swedish name of a document, and the other names a page must not give it."""

    document: str
    name: str
    patterns: list[re.Pattern]  # run on lower-case text
    allow: list[re.Pattern]


def compile_document_name(entry: dict) -> DocumentName:
    patterns = [re.compile(phrase_pattern(phrase.lower())) for phrase in entry["match"]]
    allow = [re.compile(phrase_pattern(phrase.lower()), re.IGNORECASE) for phrase in entry.get("allow", [])]
    return DocumentName(entry["document"], entry["name"], patterns, allow)


@dataclass
class NeverUseList:
    entries: list[NeverUse]
    document_names: list[DocumentName] = field(default_factory=list)


def compile_list(data: dict) -> NeverUseList:
    return NeverUseList([compile_entry(entry) for entry in data["never_use"]],
                        [compile_document_name(entry) for entry in data.get("document_names", [])])


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
    for key in ("title", "description"):
        value = page.front_matter.get(key)
        if isinstance(value, str):
            text.append((page.field_line(key), value))
    return text


def _starts_a_word(text: str, offset: int) -> bool:
    return offset == 0 or not (text[offset - 1].isalnum() or text[offset - 1] in "_-")


def _joined_text(text_lines: list[tuple[int, str]]) -> tuple[str, str, list[int], list[int]]:
    """Swedish text as one string (so that a phrase broken over two lines is still found), its lower
    case, and where each file line starts in it."""
    joined, starts, lines = "", [], []
    for line, text in text_lines:
        starts.append(len(joined))
        lines.append(line)
        joined += text + "\n"
    lower = joined.lower()
    if len(lower) != len(joined):  # a letter whose lower case is longer: fall back to the slow way
        lower = "".join(char.lower() if len(char.lower()) == 1 else char for char in joined)
    return joined, lower, starts, lines


def _matches(text: str, joined: str, patterns: list[re.Pattern], allow: list[re.Pattern]) -> Iterable[tuple[int, str]]:
    """(offset, the words found) for each whole-word match that no allowed phrase covers."""
    for pattern in patterns:
        for match in pattern.finditer(text):
            if not _starts_a_word(text, match.start()) or any(a.match(joined, match.start()) for a in allow):
                continue
            yield match.start(), " ".join(joined[match.start() : match.end()].split())


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


def never_use_in_leaflets(site: Site) -> Iterable[Finding]:
    """A Swedish leaflet (leaflets/sv.yml) is read on paper, where no one can ask what a word means."""
    if not site.never_use:
        return
    for code, leaflets in sorted(site.leaflets.items()):
        if code in site.versions.codes and site.versions[code].html_lang == NEVER_USE_LANGUAGE:
            text_lines = [(point.line, point.text) for leaflet in leaflets for point in leaflet.points]
            yield from never_use_in(leaflets_file.file_rel(code), text_lines, site)


def never_use_in(rel: str, text_lines: list[tuple[int, str]], site: Site) -> Iterable[Finding]:
    joined, lower, starts, lines = _joined_text(text_lines)
    for entry in site.never_use.entries:
        text = joined if entry.case_sensitive else lower
        for offset, found in _matches(text, joined, entry.patterns, entry.allow):
            line = lines[bisect.bisect_right(starts, offset) - 1]
            yield Finding(rel, line, "terms/never-use",
                          f"'{found}' is on the never-use list ({entry.term}: {entry.why}): write {entry.use_instead}")


def document_name(page: Page, site: Site) -> Iterable[Finding]:
    """Readers who meet two names think there are two documents (Swedish review, December 2026)."""
    if page.language != NEVER_USE_LANGUAGE or not site.never_use or not site.never_use.document_names:
        return
    joined, lower, starts, lines = _joined_text(swedish_text(page))
    for entry in site.never_use.document_names:
        for offset, found in _matches(lower, joined, entry.patterns, entry.allow):
            line = lines[bisect.bisect_right(starts, offset) - 1]
            yield Finding(page.rel, line, "terms/document-name",
                          f"'{found}': {entry.document} has one Swedish name on this site: write {entry.name}")


PAGE_RULES = [never_use, document_name]
SITE_RULES = [never_use_in_abbreviations, never_use_in_leaflets]
