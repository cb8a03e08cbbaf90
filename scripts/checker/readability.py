"""Readability, per version: sentence and paragraph length (English, Swedish); and the readability
report (Flesch, LIX, Easy Read too), which helps to choose what to rewrite first and never fails a run.
The Easy Read rules are in easy_read.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from scripts.checker.markdown import text_units, words
from scripts.checker.model import WARNING, Finding, Page, Site

RULES = {
    "readability/sentence-too-long": ("error", "an English or Swedish sentence over `sentence-words` (25) words"),
    "readability/long-sentence": ("warning", "an English sentence over `sentence-words-aim` (20) words"),
    "readability/long-paragraph": ("warning", "an English paragraph of more than `paragraph-sentences` (3) sentences"),
}

LIMITS = {
    # kind of version: (error above, warning above, rule id); the numbers: [tool.cetr-check] in pyproject.toml
    "english": ("sentence-words", "sentence-words-aim", "readability/sentence-too-long"),  # the default version
    "translation": ("sentence-words", None, "readability/sentence-too-long"),
}  # Easy Read versions: scripts/checker/easy_read.py
LIX_LANGUAGE = "sv"  # LIX is a Swedish measure; Flesch is for English


def _kind(page: Page, site: Site) -> str:
    return "english" if page.version == site.english else "translation"



def _short(sentence: str, size: int = 60) -> str:
    return sentence if len(sentence) <= size else sentence[: size - 1].rstrip() + "…"


def sentence_length(page: Page, site: Site) -> Iterable[Finding]:
    if page.easy_read or site.thresholds is None:
        return  # Easy Read: easy_read.py; a broken [tool.cetr-check]: config/invalid-thresholds says how
    error_name, warning_name, rule = LIMITS[_kind(page, site)]
    error_limit = site.thresholds[error_name]
    warning_limit = site.thresholds[warning_name] if warning_name else None
    paragraph_sentences = site.thresholds["paragraph-sentences"]
    for unit in text_units(page.blocks):
        unit_sentences = unit.sentences()
        for line, sentence in unit_sentences:
            count = len(words(sentence))
            if count > error_limit:
                yield Finding(page.rel, line, rule, f"sentence of {count} words (at most {error_limit}): '{_short(sentence)}'")
            elif warning_limit and count > warning_limit:
                yield Finding(page.rel, line, "readability/long-sentence",
                              f"sentence of {count} words (aim for {warning_limit} or fewer): '{_short(sentence)}'", WARNING)
        if _kind(page, site) == "english" and unit.kind == "paragraph" and len(unit_sentences) > paragraph_sentences:
            yield Finding(page.rel, unit.line, "readability/long-paragraph",
                          f"paragraph of {len(unit_sentences)} sentences (at most {paragraph_sentences})", WARNING)


def check_page(page: Page, site: Site) -> Iterable[Finding]:
    yield from sentence_length(page, site)


PAGE_RULES = [check_page]


# --- The readability report -------------------------------------------------------------------

_hyphenators: dict = {}


def syllables(word: str, language: str = "en_GB") -> int:
    """Syllables of an English word, by hyphenation patterns (pyphen) and a vowel-group count."""
    letters = re.sub(r"[^A-Za-z]", "", word).lower()
    if not letters:
        return 1 if re.search(r"\d", word) else 0
    word = letters
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    try:
        import pyphen

        if language not in _hyphenators:
            _hyphenators[language] = pyphen.Pyphen(lang=language)
        by_pattern = len(_hyphenators[language].positions(word)) + 1
    except (ImportError, KeyError):
        by_pattern = 0
    return max(1, groups, by_pattern)


@dataclass
class Score:
    page: Page
    measure: str  # Flesch or LIX
    value: float
    sentences: int
    words: int


def score(page: Page) -> Score | None:
    all_sentences = [sentence for unit in text_units(page.blocks) for _, sentence in unit.sentences()]
    all_words = [word for sentence in all_sentences for word in words(sentence)]
    if not all_sentences or not all_words:
        return None
    per_sentence = len(all_words) / len(all_sentences)
    if page.language == LIX_LANGUAGE:
        long_words = sum(1 for word in all_words if len(re.sub(r"\W", "", word)) > 6)
        return Score(page, "LIX", per_sentence + 100 * long_words / len(all_words), len(all_sentences), len(all_words))
    per_word = sum(syllables(word) for word in all_words) / len(all_words)
    return Score(page, "Flesch", 206.835 - 1.015 * per_sentence - 84.6 * per_word, len(all_sentences), len(all_words))


def report(site: Site) -> list[str]:
    """The readability report: one line a page, worst first within each measure."""
    scores = [s for s in (score(page) for page in site.pages if page.loaded) if s]
    lines = ["Readability (worst first; a guide for rewriting, never a failure):"]
    flesch = sorted((s for s in scores if s.measure == "Flesch"), key=lambda s: s.value)
    lix = sorted((s for s in scores if s.measure == "LIX"), key=lambda s: -s.value)
    if flesch:
        lines.append("  Flesch reading ease, English and Easy Read (higher is easier; 60-70 is plain English):")
        lines += [f"    {s.value:6.1f}  {s.page.rel}  ({s.sentences} sentences, {s.words} words)" for s in flesch]
    if lix:
        lines.append("  LIX, Swedish (lower is easier; aim for 40 or lower; under 30 is very easy):")
        lines += [f"    {s.value:6.1f}  {s.page.rel}  ({s.sentences} sentences, {s.words} words)" for s in lix]
    return lines
