"""Where things are in a YAML file, for every loader (pages, mkdocs.yml, local.yml, redirects.yml, the
checker's data files): the line and reason of a parse error, in words, and the line of each key, so
that each loader reports a problem the same way.

The parser's own words ("mapping values are not allowed here") and its position (often the end of
the file, for a quote that never closes) mean little to an editor, so the common mistakes are put
in plain words, at the line where the mistake is (the quote that opens, not the end of the file).
The messages of PyYAML and of libyaml (CSafeLoader) differ; both are recognised.
"""

from __future__ import annotations

import re

import yaml

KEY_VALUE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s:#'\"][^:#]*?):\s+(?P<value>.*?)\s*$")


def _raw(error: yaml.YAMLError) -> tuple[int, str]:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    return (mark.line + 1 if mark else 1), reason


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 1 <= number <= len(lines) else ""


def _unclosed_quote(lines: list[str], up_to: int) -> tuple[int, str] | None:
    """The last line before up_to whose value opens a quote that the line does not close."""
    for number in range(min(up_to, len(lines)), 0, -1):
        match = KEY_VALUE.match(lines[number - 1])
        value = match["value"] if match else lines[number - 1].strip()
        for quote in ('"', "'"):
            if value.startswith(quote) and (len(value) == 1 or not value.endswith(quote) or value.count(quote) % 2):
                return number, quote
    return None


def yaml_problem(error: yaml.YAMLError, text: str | None = None) -> tuple[int, str]:
    """(1-based line in the parsed text, what is wrong in words) of a YAML error. Given the text,
    the line is where the mistake is, and a problem found at its very end is put on the last line
    that has something on it."""
    line, reason = _raw(error)
    if text is None:
        return line, reason
    lines = text.split("\n")
    last = max(1, text.rstrip().count("\n") + 1)
    line = max(1, min(line, last))
    problem = (getattr(error, "problem", None) or "").lower()
    context = (getattr(error, "context", None) or "").lower()
    context_mark = getattr(error, "context_mark", None)

    if "quoted scalar" in context and context_mark is not None:
        number = context_mark.line + 1
        quote = '"' if '"' in _line(lines, number)[context_mark.column:context_mark.column + 1] else "'"
        return number, f"a quote ({quote}) opens here and never closes: end the value with {quote} on the same line"
    if "mapping values are not allowed" in problem:
        match = KEY_VALUE.match(_line(lines, line))
        if match and not match["value"].startswith(("'", '"')):
            value = match["value"].replace('"', "'")
            return line, f'a value with a colon in it needs quotes around it, like: {match["key"]}: "{value}"'
        return line, "this line is indented differently from the lines around it: line it up with the names at its level"
    indent = _line(lines, line)[: len(_line(lines, line)) - len(_line(lines, line).lstrip())]
    if "cannot start any token" in problem and "\t" in indent:
        return line, "a tab is used to indent this line: indent with spaces"
    if ("expected <block end>" in problem or "did not find expected key" in problem
            or "did not find expected '-'" in problem):
        opened = _unclosed_quote(lines, line - 1)
        if opened:
            return opened[0], f"a quote ({opened[1]}) opens here and never closes: end the value with {opened[1]} on the same line"
        return line, "this line is indented differently from the lines around it: line it up with the names at its level"
    if "could not find expected ':'" in problem or "could not find expected ':'" in context or "simple key" in context:
        number = context_mark.line + 1 if context_mark is not None else line
        return number, "this line has no colon: write it as name: value"
    if ("flow sequence" in context or "flow mapping" in context) and context_mark is not None:
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        return context_mark.line + 1, f"a {bracket} opens here and never closes: end it with {closing}, or put the value in quotes"
    return line, reason


def key_lines(node: yaml.Node | None, first_line: int = 1,
              first_seen: dict[tuple, int] | None = None) -> tuple[dict[tuple, int], list[tuple[tuple, int]]]:
    """The line of every key (and list item) of a composed YAML document, by its path
    (("sources", 0, "url") -> 12), and the keys given twice (path, line), so a finding about a
    value can say where it is. first_line: the file line of the text's first line. first_seen, if
    given, gets the line where each key given twice first appears."""
    lines: dict[tuple, int] = {}
    duplicates: list[tuple[tuple, int]] = []

    def walk(item: yaml.Node, prefix: tuple) -> None:
        if isinstance(item, yaml.MappingNode):
            for key_node, value_node in item.value:
                key_path = prefix + (str(key_node.value),)
                line = key_node.start_mark.line + first_line
                if key_path in lines:
                    duplicates.append((key_path, line))
                    if first_seen is not None:
                        first_seen.setdefault(key_path, lines[key_path])
                lines[key_path] = line
                walk(value_node, key_path)
        elif isinstance(item, yaml.SequenceNode):
            for index, child in enumerate(item.value):
                lines[prefix + (index,)] = child.start_mark.line + first_line
                walk(child, prefix + (index,))

    if node is not None:
        walk(node, ())
    return lines, duplicates
