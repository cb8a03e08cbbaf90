"""Swedish terms: a never-use word (data/swedish-never-use.yml) on a Swedish page is an error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from scripts.checker.markdown import HTML_TAG, INLINE_CODE, TOKEN, mask
from scripts.checker.model import Finding, Page, Site

LINK_TARGET = re.compile(r"\]\([^)]*\)|(?:https?|mailto):[^\s)>\]]+")


@dataclass
class NeverUse:
    term: str
    why: str
    use_instead: str
    pattern: re.Pattern
    allow: list[re.Pattern]


def phrase_pattern(phrase: str) -> str:
    """'urladdning*' -> whole word with any ending; spaces match any space or line break."""
    parts = []
    for word in phrase.split():
        ending = r"\w*" if word.endswith("*") else ""
        parts.append(re.escape(word.rstrip("*")) + ending)
    return r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w])"


def compile_entry(entry: dict) -> NeverUse:
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    if entry.get("regex"):
        pattern = re.compile(entry["regex"], flags)
    else:
        pattern = re.compile("|".join(phrase_pattern(phrase) for phrase in entry["match"]), flags)
    allow = [re.compile(phrase_pattern(phrase), flags) for phrase in entry.get("allow", [])]
    return NeverUse(entry["term"], entry["why"], entry["use_instead"], pattern, allow)


def swedish_text(page: Page) -> list[tuple[int, str]]:
    """(line, text): the Swedish words of a page: title, description and the body without code
    blocks (letters stay in English), link targets, inline code, tokens and HTML."""
    body = mask(page.body, TOKEN)
    body = mask(body, LINK_TARGET)
    body = mask(body, INLINE_CODE)
    body = mask(body, HTML_TAG)
    lines = body.split("\n")
    code_lines = {line for block in page.blocks if block.kind == "code" for line, _ in block.lines}
    first = page.body_line
    text = [(first + i, line) for i, line in enumerate(lines) if first + i not in code_lines]
    for field in ("title", "description"):
        value = page.front_matter.get(field)
        if isinstance(value, str):
            text.append((page.field_line(field), value))
    return text


def never_use(page: Page, site: Site) -> Iterable[Finding]:
    if page.version != "sv" or not site.never_use:
        return
    lines = swedish_text(page)
    # Join lines so that a phrase broken over two lines is still found.
    joined, starts = "", []
    for line, text in lines:
        starts.append((len(joined), line))
        joined += text + "\n"
    for entry in site.never_use:
        for match in entry.pattern.finditer(joined):
            if any(allowed.match(joined, match.start()) for allowed in entry.allow):
                continue
            line = next(ln for start, ln in reversed(starts) if start <= match.start())
            found = " ".join(match.group(0).split())
            yield Finding(page.rel, line, "terms/never-use",
                          f"'{found}' is on the never-use list ({entry.term}: {entry.why}): write {entry.use_instead}")


PAGE_RULES = [never_use]
