"""The data of the Easy Read rules: the pictures (docs/assets/pictures/pictures.yml), the hard words
(data/easy-read-hard-words.yml) and the abbreviations a page may leave unexplained
(data/easy-read-abbreviations.yml). Parsed YAML in, typed data and findings out: load.py reads
the files (the one place that does), easy_read.py's rules use the result."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from scripts.checker.model import Finding

PICTURE_SETS = ("mulberry", "openmoji", "own")
PICTURE_FIELDS = ("idea", "alt", "words", "key", "set", "source")
PICTURES_IN_DOCS = "assets/pictures/pictures.yml"  # under docs_dir


def word_pattern(forms: list[str]) -> re.Pattern:
    """Any of the words, whole, also with -s or -es."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?:s|es)?(?![\w&])", re.IGNORECASE)


def abbreviation_letters(abbreviation: str) -> str:
    """The capitals of an abbreviation: 'C(E)TRs' -> 'CETR'."""
    return re.sub(r"[^A-Z&]", "", abbreviation.upper())


def _text_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value)


@dataclass
class Picture:
    name: str
    idea: str
    alt: str
    words: list[str]
    key: bool
    line: int

    @property
    def pattern(self) -> re.Pattern:
        return word_pattern(self.words)


@dataclass
class HardWord:
    word: str
    forms: re.Pattern
    only_with: re.Pattern | None


@dataclass
class EasyReadData:
    pictures: dict[str, Picture] | None = None  # None when pictures.yml is missing or broken
    hard_words: list[HardWord] = field(default_factory=list)
    allowed: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def pictures_from(node, data, rel: str) -> tuple[dict[str, Picture] | None, list[Finding]]:
    """pictures.yml, parsed (node for the lines, data for the values)."""
    rule = "easy-read/invalid-pictures"
    findings: list[Finding] = []
    if not isinstance(data, dict) or not data:
        return None, [Finding(rel, 1, rule, "pictures.yml must list the pictures by file name: 'NAME.svg: {idea: ..., alt: ..., words: [...], key: false, set: mulberry, source: ...}'")]
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    pictures, by_word = {}, {}
    for name, entry in data.items():
        name = str(name)
        line = lines.get(name, 1)
        problem = None
        if not re.fullmatch(r"[\w-]+\.svg", name):
            problem = f"'{name}' is not a picture file name such as hospital.svg"
        elif not isinstance(entry, dict):
            problem = f"'{name}' needs the fields {', '.join(PICTURE_FIELDS)}"
        elif [f for f in entry if f not in PICTURE_FIELDS]:
            extra = next(str(f) for f in entry if f not in PICTURE_FIELDS)
            problem = f"'{name}' has the field '{extra}', which is not one of {', '.join(PICTURE_FIELDS)}"
        elif [f for f in PICTURE_FIELDS if f not in entry]:
            problem = f"'{name}' needs the field '{next(f for f in PICTURE_FIELDS if f not in entry)}'"
        elif not all(isinstance(entry[f], str) and entry[f].strip() for f in ("idea", "alt", "source")):
            problem = f"'{name}': idea, alt and source must each be text"
        elif not isinstance(entry["words"], list) or (entry["words"] and not _text_list(entry["words"])):
            problem = f"'{name}': words must be a list of words, such as [hospital, ward]"
        elif not isinstance(entry["key"], bool):
            problem = f"'{name}': key must be true or false"
        elif entry["key"] and not entry["words"]:
            problem = f"'{name}' is a key idea, so it needs the words that name it (words: [...])"
        elif entry["set"] not in PICTURE_SETS:
            problem = f"'{name}': set must be {', '.join(PICTURE_SETS)}, not '{entry['set']}'"
        if problem:
            findings.append(Finding(rel, line, rule, problem))
            pictures[name] = Picture(name, "", "", [], False, line)  # known, so pages using it are not flagged too
            continue
        picture = Picture(name, entry["idea"], entry["alt"], list(entry["words"]), entry["key"], line)
        pictures[name] = picture
        if picture.key:
            for word in picture.words:
                other = by_word.setdefault(word.casefold(), name)
                if other != name:
                    findings.append(Finding(rel, line, rule, f"the word '{word}' names the key ideas of both {other} and {name}: give each idea its own words"))
    return pictures, findings


def hard_words_from(node, data, rel: str) -> tuple[list[HardWord], list[Finding]]:
    """data/easy-read-hard-words.yml, parsed."""
    hard_words, findings = [], []
    for index, entry in enumerate(data if isinstance(data, list) else [None]):
        line = node.value[index].start_mark.line + 1 if isinstance(data, list) else 1
        if not isinstance(entry, dict) or not isinstance(entry.get("word"), str) \
                or not _text_list(entry.get("forms", [entry.get("word")])) or not _text_list(entry.get("only_with", ["-"])):
            findings.append(Finding(rel, line, "easy-read/invalid-data", "each entry needs 'word' (text), and 'forms' and 'only_with' are lists of words: see the comment at the top"))
            continue
        only_with = entry.get("only_with")
        hard_words.append(HardWord(entry["word"], word_pattern(entry.get("forms", [entry["word"]])), word_pattern(only_with) if only_with else None))
    return hard_words, findings


def allowed_from(data, rel: str) -> tuple[set[str], list[Finding]]:
    """data/easy-read-abbreviations.yml, parsed: the letters of each abbreviation a page may use as it is."""
    if not isinstance(data, dict) or not _text_list(data.get("allowed")):
        return set(), [Finding(rel, 1, "easy-read/invalid-data", "the file needs 'allowed:', a list of abbreviations such as NHS")]
    return {abbreviation_letters(item) for item in data["allowed"]}, []
