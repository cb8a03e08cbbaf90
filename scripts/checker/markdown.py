"""Just enough Markdown for the rules: blocks with their line numbers, and plain text for counting.

This is not a renderer. It cuts a page body into blocks (headings, paragraphs, list items, table
rows, code blocks, ...) and knows each line's number in the file, so every rule can say where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.local_settings import BLOCK_TOKENS, TOKEN  # one token syntax, shared with the build  # noqa: F401

FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^\s{0,3}(?P<hashes>#{1,6})(?:\s+(?P<text>.*?))?\s*#*\s*$")
ABBREVIATION = re.compile(r"^\s*\*\[[^\]]+\]:")
LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^]+\]:\s*\S")
HTML_LINE = re.compile(r"^\s*</?[A-Za-z][^>]*>\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?P<title>.*)$")
TABLE_ROW = re.compile(r"^\s*\|")
LIST_ITEM = re.compile(r"^(?P<indent>\s*)(?P<marker>[-*+]|\d{1,9}[.)])(?:\s+(?P<text>.*)|$)")
DEFINITION = re.compile(r"^\s*:\s+(?P<text>.*)$")
HORIZONTAL_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")

IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
LINK = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<target>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]+)\]\[[^\]]*\]")
AUTOLINK = re.compile(r"<(?P<url>(?:https?|mailto|ftp):[^>\s]+)>")
INLINE_CODE = re.compile(r"(`+)(?P<code>.+?)\1")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>|<!--.*?-->")
ATTR_LIST = re.compile(r"\{:?\s*[.#]?[\w-]*(?:\s*[.#]?[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|\S+))?)*\s*\}")
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
EMPHASIS = re.compile(r"\*{1,3}|(?<![\w])_{1,3}|_{1,3}(?![\w])|~~")


@dataclass
class Block:
    kind: str  # heading, paragraph, item, table, code, admonition, html, abbreviation, definition-link, rule
    lines: list[tuple[int, str]]  # (line in the file, text); for items the first text is after the marker
    level: int = 0  # heading level
    unclosed: bool = False  # a code block that never ends
    info: str = ""  # code block info string, admonition title
    nested: bool = False  # a paragraph indented under a list item or admonition

    @property
    def line(self) -> int:
        return self.lines[0][0] if self.lines else 1

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)


@dataclass
class _State:
    blocks: list[Block] = field(default_factory=list)
    open: Block | None = None  # the paragraph or list item that the next text line continues


def parse_blocks(body: str, first_line: int = 1) -> list[Block]:
    lines = body.split("\n")
    state = _State()
    i = 0

    def close() -> None:
        state.open = None

    def add(block: Block, keep_open: bool = False) -> None:
        state.blocks.append(block)
        state.open = block if keep_open else None

    while i < len(lines):
        raw = lines[i]
        number = first_line + i
        fence = FENCE.match(raw)
        if fence:
            char, size = fence["fence"][0], len(fence["fence"])
            closing = re.compile(r"^\s*" + re.escape(char) + "{" + str(size) + r",}\s*$")
            block = Block("code", [(number, raw)], info=fence["info"].strip())
            i += 1
            while i < len(lines) and not closing.match(lines[i]):
                block.lines.append((first_line + i, lines[i]))
                i += 1
            if i < len(lines):
                block.lines.append((first_line + i, lines[i]))
            else:
                block.unclosed = True
            add(block)
            i += 1
            continue
        if not raw.strip():
            close()
        elif raw.lstrip().startswith("<!--"):
            block = Block("html", [(number, raw)])
            while "-->" not in lines[i] and i + 1 < len(lines):
                i += 1
                block.lines.append((first_line + i, lines[i]))
            add(block)
        elif HEADING.match(raw) and not raw.startswith("    "):
            match = HEADING.match(raw)
            add(Block("heading", [(number, (match["text"] or "").strip())], level=len(match["hashes"])))
        elif ABBREVIATION.match(raw):
            add(Block("abbreviation", [(number, raw)]))
        elif LINK_DEFINITION.match(raw):
            add(Block("definition-link", [(number, raw)]))
        elif HORIZONTAL_RULE.match(raw):
            add(Block("rule", [(number, raw)]))
        elif ADMONITION.match(raw):
            add(Block("admonition", [(number, raw)], info=ADMONITION.match(raw)["title"].strip()))
        elif HTML_LINE.match(raw):
            add(Block("html", [(number, raw)]))
        elif TABLE_ROW.match(raw):
            if state.open is not None and state.open.kind == "table":
                state.open.lines.append((number, raw))
            else:
                add(Block("table", [(number, raw)]), keep_open=True)
        elif LIST_ITEM.match(raw):
            add(Block("item", [(number, LIST_ITEM.match(raw)["text"] or "")]), keep_open=True)
        elif DEFINITION.match(raw):
            add(Block("item", [(number, DEFINITION.match(raw)["text"])]), keep_open=True)
        elif state.open is not None and state.open.kind in ("paragraph", "item"):
            state.open.lines.append((number, raw.strip()))
        else:
            nested = raw.startswith(("    ", "\t"))
            add(Block("paragraph", [(number, raw.strip())], nested=nested), keep_open=True)
        i += 1
    return state.blocks


def mask(text: str, pattern: re.Pattern, char: str = " ") -> str:
    """text with every match of pattern replaced by spaces of the same length (offsets stay)."""
    return pattern.sub(lambda m: char * len(m.group(0)), text)


def plain(text: str) -> str:
    """The words a reader reads: links become their text, a token one word, images and HTML go.
    A block token ({{ local.councils }}) is not a word of the page: it becomes lists and headings."""
    text = TOKEN.sub(lambda m: " " if " ".join(m["expr"].split()) in BLOCK_TOKENS else " Token ", text)
    text = INLINE_CODE.sub(lambda m: m["code"], text)
    text = IMAGE.sub(" ", text)
    text = LINK.sub(lambda m: m["text"], text)
    text = REFERENCE_LINK.sub(lambda m: m["text"], text)
    text = AUTOLINK.sub(" Link ", text)
    text = HTML_TAG.sub(" ", text)
    text = ATTR_LIST.sub(" ", text)
    text = FOOTNOTE_REF.sub("", text)
    text = EMPHASIS.sub("", text)
    return SPACE_BEFORE_PUNCTUATION.sub(r"\1", SPACES.sub(" ", text)).strip()


WORD_CHARACTER = re.compile(r"\w")
SPACES = re.compile(r"\s+")
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,!?;:])(?=\s|$)")
SINGLE_LETTER = re.compile(r"[a-zåäö]")


def words(text: str) -> list[str]:
    """Words of plain text: anything between spaces with a letter or digit in it."""
    return [word for word in text.split() if WORD_CHARACTER.search(word)]


# A full stop after these does not end a sentence.
ABBREVIATIONS = {
    "e.g", "i.e", "eg", "ie", "dr", "mr", "mrs", "ms", "vs", "approx",
    "t.ex", "bl.a", "dvs", "d.v.s", "s.k", "m.m", "o.s.v", "ca", "jfr", "t.o.m", "fr.o.m",
}
# ... and after these only when a number follows ("No. 5", "kl. 9"): "the answer is no." ends one.
NUMBER_ABBREVIATIONS = {"no", "nr", "kl", "st"}
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=\S)")


def sentences(text: str) -> list[str]:
    """Sentences of plain text (a unit with no full stop is one sentence)."""
    result, start = [], 0
    for match in SENTENCE_END.finditer(text):
        before = text[start : match.start()]
        last_word = before.split()[-1].lower().rstrip(".") if before.split() else ""
        if last_word in ABBREVIATIONS or SINGLE_LETTER.fullmatch(last_word):
            continue
        if last_word in NUMBER_ABBREVIATIONS and text[match.end() : match.end() + 1].isdigit():
            continue
        result.append(text[start : match.end()].strip())
        start = match.end()
    if text[start:].strip():
        result.append(text[start:].strip())
    return [sentence for sentence in result if words(sentence)]


def table_cells(row: str) -> list[str]:
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)]


TABLE_DELIMITER = re.compile(r"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$")


@dataclass
class Unit:
    """A run of text read as a whole: a paragraph, a list item or a table cell."""

    kind: str  # paragraph, item or cell
    line: int
    pieces: list[tuple[int, str]]  # (line, plain text of that line)

    def sentences(self) -> list[tuple[int, str]]:
        """(line where it starts, sentence) for each sentence of the unit."""
        joined, starts = "", []
        for line, text in self.pieces:
            if not text:
                continue
            starts.append((len(joined), line))
            joined += text + " "
        result, search_from = [], 0
        for sentence in sentences(joined):
            offset = joined.find(sentence, search_from)
            search_from = offset + len(sentence)
            line = next((ln for start, ln in reversed(starts) if start <= offset), self.line)
            result.append((line, sentence))
        return result


def text_units(blocks: list[Block]) -> list[Unit]:
    """Paragraphs, list items and table cells of a page, as plain text (no code, headings, HTML)."""
    units = []
    for block in blocks:
        if block.kind in ("paragraph", "item"):
            units.append(Unit(block.kind, block.line, [(line, plain(text)) for line, text in block.lines]))
        elif block.kind == "table":
            for line, row in block.lines:
                if TABLE_DELIMITER.match(row):
                    continue
                for cell in table_cells(row):
                    if plain(cell):
                        units.append(Unit("cell", line, [(line, plain(cell))]))
    return units
