"""Where things are in a YAML file, for every loader (pages, mkdocs.yml, local.yml, redirects.yml, the
checker's data files): the line and reason of a parse error, and the line of each key, so that each
loader reports a problem the same way."""

from __future__ import annotations

import yaml


def yaml_problem(error: yaml.YAMLError, text: str | None = None) -> tuple[int, str]:
    """(1-based line in the parsed text, reason) of a YAML error. Given the text, a problem found
    at its very end (an unclosed bracket) is put on the last line that has something on it."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    line = mark.line + 1 if mark else 1
    if text is not None:
        line = max(1, min(line, text.rstrip().count("\n") + 1))
    return line, reason


def key_lines(node: yaml.Node | None, first_line: int = 1) -> tuple[dict[tuple, int], list[tuple[tuple, int]]]:
    """The line of every key (and list item) of a composed YAML document, by its path
    (("sources", 0, "url") -> 12), and the keys given twice (path, line), so a finding about a
    value can say where it is. first_line: the file line of the text's first line."""
    lines: dict[tuple, int] = {}
    duplicates: list[tuple[tuple, int]] = []

    def walk(item: yaml.Node, prefix: tuple) -> None:
        if isinstance(item, yaml.MappingNode):
            for key_node, value_node in item.value:
                key_path = prefix + (str(key_node.value),)
                line = key_node.start_mark.line + first_line
                if key_path in lines:
                    duplicates.append((key_path, line))
                lines[key_path] = line
                walk(value_node, key_path)
        elif isinstance(item, yaml.SequenceNode):
            for index, child in enumerate(item.value):
                lines[prefix + (index,)] = child.start_mark.line + first_line
                walk(child, prefix + (index,))

    if node is not None:
        walk(node, ())
    return lines, duplicates
