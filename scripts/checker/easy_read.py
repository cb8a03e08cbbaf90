"""Easy Read rules (docs/en-easy/): short points with a picture each, short pages, hard words and
abbreviations explained on the page, one picture for one idea (docs/assets/pictures/pictures.yml),
and pages for young people that talk to them.

Counts use the text a reader sees: a token such as {{ tel.icb }} counts as the value local.yml
gives it ("01632 960001" is 2 words), not as one placeholder word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from scripts import easy_read_status, leaflets_file, local_settings
from scripts.checker.easy_read_data import EasyReadData, abbreviation_letters
from scripts.checker.markdown import IMAGE, TOKEN, Block, Unit, plain, sentences, words
from scripts.checker.model import ERROR, Finding, Page, Site

# The numbers are [tool.cetr-check]'s in pyproject.toml (scripts/checker/thresholds.py).
# Lines the site's template adds at the top of every Easy Read page (overrides/partials/strings.html,
# easy.read_with and easy.for_families): they are read, so they count towards the page's words.
# tests/checker/test_easy_read.py checks that these numbers match the template.
READ_WITH_WORDS = 11
FOR_FAMILIES_WORDS = 5

AUDIENCES = ("young people", "family")

RULES = {
    "easy-read/sentence-too-long": (ERROR, "an Easy Read sentence over `easy-read-sentence-words` (15) words, counted with the values of local.yml filled in (pages and leaflets)"),
    "easy-read/too-many-sentences": (ERROR, "a point (a paragraph or list item, or a leaflet's point) of more than `easy-read-point-sentences` (2) sentences"),
    "easy-read/point-without-picture": (ERROR, "a paragraph or list item that does not start with a picture (the Words to know box needs none)"),
    "easy-read/table": (ERROR, "a table on an Easy Read page"),
    "easy-read/page-too-long": (ERROR, "a page of more than `easy-read-page-words` (400) words of reading text (the sources list not counted)"),
    "easy-read/set-too-long": (ERROR, "all Easy Read pages together have more than `easy-read-set-words` (4,500) words of reading text"),
    "easy-read/hard-word": (ERROR, "a word of data/easy-read-hard-words.yml used without an explanation on the same page"),
    "easy-read/abbreviation": (ERROR, "an abbreviation (2 or more capitals) not spelt out on the same page"),
    "easy-read/the-child": (ERROR, "'the child' on a page with audience: young people"),
    "easy-read/unknown-picture": (ERROR, "a picture that is not in docs/assets/pictures/pictures.yml"),
    "easy-read/wrong-alt": (ERROR, "a picture whose alt text is not the one pictures.yml gives it"),
    "easy-read/key-idea-picture": (ERROR, "a point whose first sentence names one key idea but shows another picture"),
    "easy-read/invalid-pictures": (ERROR, "pictures.yml is not valid"),
    "easy-read/invalid-data": (ERROR, "a data file of these rules (data/easy-read-*.yml) is broken"),
}

STARTS_WITH_PICTURE = re.compile(r"^\s*" + IMAGE.pattern)
WORDS_BOX = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*words\b")
WORDS_ENTRY = re.compile(r"^\*\*(?P<term>[^*]+?)\*\*")
ADDRESS = re.compile(r"\S+@\S+|\bhttps?://\S+|\bwww\.\S+")  # an email or web address, in the words a reader gets
THE_CHILD = re.compile(r"\bthe child\b", re.IGNORECASE)
# Abbreviations: 2 or more capitals, with & or (E) inside: ICB, A&E, C(E)TR, and CETRs.
ABBREVIATION = re.compile(r"(?<![\w&])[A-Z][A-Z&()]*[A-Z](?=s\b|’s\b|'s\b|[^\w&]|$)")
SPELT_OUT_BY_SENTENCE = r"\b{}s?\b\)?,?\s+(?:means|is short for|stands for)\b"
SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "&"}
NAME_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*|&")


# --- Data ---------------------------------------------------------------------------------------

def data(site: Site) -> EasyReadData:
    """The pictures and word lists, as load.py read them (empty for a site made without it)."""
    return site.easy_read_data if site.easy_read_data is not None else EasyReadData()


def _docs(site: Site) -> str:
    """docs_dir, relative to the root (the folder above the Easy Read version's folder)."""
    easy = next(page for page in site.pages if page.easy_read)
    return easy.rel[: -len(f"/{easy.version}/{easy.name}")]


# --- Reading a page -----------------------------------------------------------------------------

def fill(text: str, site: Site) -> str:
    """text with each token replaced by the Markdown it becomes in an Easy Read page."""
    version = next(v.code for v in site.versions if v.easy_read)

    def value(match: re.Match) -> str:
        if " ".join(match["expr"].split()) in local_settings.BLOCK_TOKENS:
            # A block (one section per council) stands on its own lines in the built page, with its
            # own headings and lists; its labels are not part of the point around the token.
            return ""
        try:
            return local_settings.render_token(site.settings, match["expr"], version) if site.settings else " Token "
        except local_settings.TokenError:
            return " Token "  # settings/unknown-token says what is wrong
    return TOKEN.sub(value, text)


@dataclass
class Part:
    """A piece of reading text: a heading, a point, an entry of the Words to know box, a title, a letter."""

    kind: str  # heading, point, entry, title, code (a letter), listed (pages not checked), table
    block: Block
    unit: Unit | None = None  # points and entries
    text: str = ""  # the plain text (headings, titles, code)
    term: str = ""  # entries: the word the entry explains

    @property
    def line(self) -> int:
        return self.block.line

    def pieces(self) -> list[tuple[int, str]]:
        """(line, text) of each sentence or heading, in reading order."""
        if self.unit is not None:
            return self.unit.sentences()
        return [(self.line, self.text)] if self.text else []

    def word_count(self) -> int:
        if self.unit is not None:
            return sum(len(words(text)) for _, text in self.unit.pieces)
        return len(words(self.text))


def parts(page: Page, site: Site) -> list[Part]:
    cached = page.__dict__.get("_easy_read_parts")
    if cached is not None:
        return cached
    raw = page.text.split("\n")
    result, in_box = [], False
    for block in page.blocks:
        first_raw = raw[block.line - 1] if 0 < block.line <= len(raw) else ""
        indented = first_raw.startswith(("    ", "\t"))
        if block.kind == "admonition":
            in_box = bool(WORDS_BOX.match(first_raw))
            title = block.info.strip().strip("\"'")
            result.append(Part("title", block, text=plain(fill(title, site))))
            continue
        if not indented:
            in_box = False
        if block.kind == "heading":
            result.append(Part("heading", block, text=plain(fill(block.text, site))))
        elif block.kind in ("paragraph", "item"):
            unit = Unit(block.kind, block.line, [(line, plain(fill(text, site))) for line, text in block.lines])
            if not any(text for _, text in unit.pieces):
                continue
            entry = WORDS_ENTRY.match(block.lines[0][1]) if in_box else None
            result.append(Part("entry" if in_box else "point", block, unit, term=entry["term"].strip() if entry else ""))
        elif block.kind == "code":
            inner = [text for _, text in block.lines[1:-1] if not block.unclosed] or [text for _, text in block.lines[1:]]
            result.append(Part("code", block, text=fill("\n".join(inner), site)))
        elif block.kind == "html" and block.text.strip() == easy_read_status.MARKER:
            # the build puts the list of pages readers have not checked here: it is read too
            listed = easy_read_status.markdown_list(site.root / _docs(site), site.versions, page.version)
            result.append(Part("listed", block, text=plain(re.sub(r"^- ", "", listed, flags=re.M))))
        elif block.kind == "table":
            cells = " ".join(plain(fill(text, site)) for _, text in block.lines if not re.match(r"^\s*\|?[\s:|-]+$", text))
            result.append(Part("table", block, text=cells.replace("|", " ")))
    page.__dict__["_easy_read_parts"] = result
    return result


def page_words(page: Page, site: Site) -> int:
    """Words of reading text, with the lines the template adds at the top of the page."""
    count = sum(part.word_count() for part in parts(page, site)) + READ_WITH_WORDS
    if (page.front_matter or {}).get("audience") == "family":
        count += FOR_FAMILIES_WORDS
    return count


def _short(sentence: str, size: int = 60) -> str:
    return sentence if len(sentence) <= size else sentence[: size - 1].rstrip() + "…"


# --- The rules ----------------------------------------------------------------------------------

def _long_sentences(rel: str, said: list[tuple[int, str]], site: Site) -> Iterable[Finding]:
    """(line, sentence) pairs of a point over the sentence limit (pages and leaflets)."""
    most = site.thresholds["easy-read-sentence-words"]
    for line, sentence in said:
        count = len(words(sentence))
        if count > most:
            yield Finding(rel, line, "easy-read/sentence-too-long", f"sentence of {count} words (at most {most}): '{_short(sentence)}'")


def _too_many_sentences(rel: str, line: int, count: int, site: Site) -> Iterable[Finding]:
    most = site.thresholds["easy-read-point-sentences"]
    if count > most:
        yield Finding(rel, line, "easy-read/too-many-sentences",
                      f"a point of {count} sentences (at most {most}): make one point for each idea, each with its picture")


def sentence_length(page: Page, site: Site) -> Iterable[Finding]:
    for part in parts(page, site):
        if part.kind in ("point", "entry"):
            yield from _long_sentences(page.rel, part.pieces(), site)


def point_sentences(page: Page, site: Site) -> Iterable[Finding]:
    for part in parts(page, site):
        if part.kind in ("point", "entry"):
            yield from _too_many_sentences(page.rel, part.line, len(part.pieces()), site)


def leaflet_points(site: Site) -> Iterable[Finding]:
    """An Easy Read leaflet's points (leaflets/<version>.yml) keep the pages' limits: on paper they
    are read by the same readers, without a picture to spare."""
    if site.thresholds is None:
        return
    for version in site.versions:
        if not version.easy_read:
            continue
        rel = leaflets_file.file_rel(version.code)
        for leaflet in site.leaflets.get(version.code, []):
            for point in leaflet.points:
                said = sentences(plain(fill(point.text, site)))
                yield from _long_sentences(rel, [(point.line, sentence) for sentence in said], site)
                yield from _too_many_sentences(rel, point.line, len(said), site)


def point_pictures(page: Page, site: Site) -> Iterable[Finding]:
    for part in parts(page, site):
        if part.kind == "point" and not STARTS_WITH_PICTURE.match(part.block.lines[0][1]):
            kind = "list item" if part.block.kind == "item" else "paragraph"
            yield Finding(page.rel, part.line, "easy-read/point-without-picture",
                          f"this {kind} does not start with a picture: start it with ![what it shows](../assets/pictures/<picture>.svg)")


def tables(page: Page, site: Site) -> Iterable[Finding]:
    for block in page.blocks:
        if block.kind == "table":
            yield Finding(page.rel, block.line, "easy-read/table", "Easy Read pages have no tables: use a list of points with pictures")


def page_length(page: Page, site: Site) -> Iterable[Finding]:
    count = page_words(page, site)
    if count > site.thresholds["easy-read-page-words"]:
        yield Finding(page.rel, page.body_line, "easy-read/page-too-long",
                      f"the page has {count:,} words of reading text (at most {site.thresholds['easy-read-page-words']}, with the line the site adds at the top): "
                      "keep what a reader needs to act, and link to the English page for detail")


def _reading(page: Page, site: Site) -> list[tuple[int, str, Part]]:
    """(line, text, part) of every heading, title and sentence of the page, in order."""
    return [(line, text, part) for part in parts(page, site) if part.kind not in ("code", "listed") for line, text in part.pieces()]


def _explained_terms(page: Page, site: Site) -> list[str]:
    return [part.term for part in parts(page, site) if part.kind == "entry" and part.term]


def hard_words(page: Page, site: Site) -> Iterable[Finding]:
    reading = _reading(page, site)
    terms = _explained_terms(page, site)
    for hard in data(site).hard_words:
        if any(hard.forms.fullmatch(term) for term in terms):
            continue
        explained = re.compile(rf"(?:{hard.forms.pattern})\s+(?:means|is|are)\b", re.IGNORECASE)
        if any(explained.search(text) for _, text, _ in reading):
            continue
        for line, text, part in reading:
            context = " ".join(t for _, t in part.unit.pieces) if part.unit else text
            if hard.forms.search(text) and (hard.only_with is None or hard.only_with.search(context)):
                yield Finding(page.rel, line, "easy-read/hard-word",
                              f"'{hard.word}' is a hard word: explain it on this page, in the Words to know box (- **{hard.word}**: ...) or in a sentence ('{hard.word.capitalize()} means ...')")
                break


def _capital_runs(texts: Iterable[str]) -> list[str]:
    """Initials of each run of capitalised words: 'Care, Education and Treatment Review' -> CETR."""
    runs, current = [], ""
    for text in texts:
        for match in re.finditer(r"[A-Za-z][A-Za-z’'-]*|&|[.!?;:()]", text):
            word = match.group(0)
            if word[0].isupper() and not (len(word) > 1 and word.isupper()):
                current += word[0]
            elif word.lower() in SMALL_WORDS:
                continue
            else:
                if current:
                    runs.append(current)
                current = ""
        if current:
            runs.append(current)
        current = ""
    return runs


def abbreviations(page: Page, site: Site) -> Iterable[Finding]:
    reading = _reading(page, site)
    allowed = data(site).allowed
    spelt_out = {abbreviation_letters(term) for term in _explained_terms(page, site)}
    runs = _capital_runs(text for _, text, _ in reading)
    seen = set()
    for line, text, _ in reading:
        for match in ABBREVIATION.finditer(text):
            letters = abbreviation_letters(match.group(0))
            if letters in seen or letters in allowed or letters in spelt_out:
                continue
            seen.add(letters)
            initials = letters.replace("&", "")
            by_sentence = re.compile(SPELT_OUT_BY_SENTENCE.format(re.escape(match.group(0))))
            if any(initials in run for run in runs) or any(by_sentence.search(t) for _, t, _ in reading):
                continue
            yield Finding(page.rel, line, "easy-read/abbreviation",
                          f"'{match.group(0)}' is not spelt out on this page: write its words once, as in 'Integrated Care Board (ICB)', "
                          f"or explain it in the Words to know box (- **{match.group(0)}**: ...)")


def the_child(page: Page, site: Site) -> Iterable[Finding]:
    if (page.front_matter or {}).get("audience") != "young people":
        return
    for line, text, _ in _reading(page, site):
        for _ in THE_CHILD.finditer(text):
            yield Finding(page.rel, line, "easy-read/the-child",
                          "'the child' on a page for young people: talk to the reader ('you'), or say 'the young person'")


def pictures(page: Page, site: Site) -> Iterable[Finding]:
    registry = data(site).pictures
    if registry is None:
        return  # easy-read/invalid-pictures says why
    for part in parts(page, site):
        if part.kind not in ("point", "entry"):
            continue
        for line, text in part.block.lines:
            for image in IMAGE.finditer(text):
                target, alt = image["target"], " ".join(image["alt"].split())
                name = target.rsplit("/", 1)[-1]
                picture = registry.get(name) if "assets/pictures/" in target else None
                if picture is None:
                    yield Finding(page.rel, line, "easy-read/unknown-picture",
                                  f"'{target}' is not in docs/assets/pictures/pictures.yml: use a picture from there (../assets/pictures/NAME.svg), or add this one with its idea and alt text")
                elif picture.alt and alt.rstrip(".").casefold() != picture.alt.rstrip(".").casefold():
                    yield Finding(page.rel, line, "easy-read/wrong-alt",
                                  f"{name} has the alt text '{alt}', but it stands for '{picture.idea}': write '{picture.alt}', or use the picture whose meaning this is")


def key_ideas(page: Page, site: Site) -> Iterable[Finding]:
    registry = data(site).pictures
    if registry is None:
        return
    keys = [picture for picture in registry.values() if picture.key]
    for part in parts(page, site):
        if part.kind != "point":
            continue
        start = STARTS_WITH_PICTURE.match(part.block.lines[0][1])
        first = part.pieces()[:1]
        if not start or not first:
            continue
        sentence = ADDRESS.sub(" ", first[0][1])  # cetr-team@… names no idea: it is an address
        named = [picture for picture in keys if picture.pattern.search(sentence)]
        shown = start["target"].rsplit("/", 1)[-1]
        if len(named) == 1 and named[0].name != shown:
            idea = named[0]
            yield Finding(page.rel, part.line, "easy-read/key-idea-picture",
                          f"this point is about '{idea.idea}' but shows {shown}: use {idea.name}, the picture of this idea on every page")


PAGE_CHECKS = [sentence_length, point_sentences, point_pictures, tables, page_length, hard_words, abbreviations, the_child, pictures, key_ideas]


def check_page(page: Page, site: Site) -> Iterable[Finding]:
    if not page.easy_read or site.thresholds is None:
        return  # a broken [tool.cetr-check]: config/invalid-thresholds says how
    for rule in PAGE_CHECKS:
        yield from rule(page, site)


def data_files(site: Site) -> Iterable[Finding]:
    yield from data(site).findings


def set_length(site: Site) -> Iterable[Finding]:
    """Each Easy Read version on its own: a reader reads one version's pages."""
    if site.thresholds is None:
        return
    limit = site.thresholds["easy-read-set-words"]
    for version in site.versions:
        easy = [page for page in site.pages if page.version == version.code and page.easy_read and page.loaded]
        total = sum(page_words(page, site) for page in easy)
        if easy and total > limit:
            folder = easy[0].rel.rsplit("/", 1)[0]
            yield Finding(folder, 1, "easy-read/set-too-long",
                          f"the {len(easy)} Easy Read pages have {total:,} words of reading text together (at most {limit:,}): shorten the longest pages first")


PAGE_RULES = [check_page]
SITE_RULES = [data_files, set_length, leaflet_points]
