"""The leaflet files (leaflets/<version>.yml): one printed page for each key page, with a QR code.
Read here only, for the build hook (overrides/hooks/leaflets.py) and its tests.

  what-is-a-cetr.md:            a page, by its file name in docs/<version>/
    contact: icb                a contact in local.yml, printed on the leaflet
    points:                     3 to 5 key points, from the page itself
      - A CETR is a meeting ...               (English and Swedish: the words)
      - picture: meeting.svg                  (Easy Read: a picture for each point,
        text: A CETR is a meeting ...          from docs/assets/pictures/)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LEAFLETS_DIR = PROJECT_ROOT / "leaflets"
POINTS_MIN, POINTS_MAX = 3, 5


@dataclass(frozen=True)
class Point:
    text: str
    picture: str | None
    line: int


@dataclass(frozen=True)
class Leaflet:
    version: str
    page: str  # what-is-a-cetr.md
    contact: str  # icb
    points: tuple[Point, ...]
    line: int  # of the page's entry in the file


@dataclass(frozen=True)
class LeafletProblem:
    rel: str  # leaflets/sv.yml
    line: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.rel}:{self.line}: {self.message}"


def file_rel(version: str) -> str:
    """The leaflet file of a version, as findings name it: leaflets/sv.yml."""
    return f"{LEAFLETS_DIR.name}/{version}.yml"


def problems(leaflet: Leaflet, pages: set[str], shorts: dict[str, str], contacts: set[str],
             pictures: set[str] | None) -> list[LeafletProblem]:
    """What stops the site from making this leaflet: one place for the build hook and the checker.
    `pictures` is None when pictures.yml cannot be read (its own rule says why)."""
    rel = file_rel(leaflet.version)
    found = []
    if leaflet.page not in pages:
        found.append(LeafletProblem(rel, leaflet.line, "leaflets/unknown-page",
                                    f"'{leaflet.page}' is not a page of docs/{leaflet.version}/"))
    elif leaflet.page not in shorts:
        found.append(LeafletProblem(rel, leaflet.line, "leaflets/no-short-address",
                                    f"'{leaflet.page}' has no short address: add one under short_addresses: in redirects.yml"))
    if leaflet.contact not in contacts:
        found.append(LeafletProblem(rel, leaflet.line, "leaflets/unknown-contact",
                                    f"contact: '{leaflet.contact}' is not a contact in local.yml (contacts:)"))
    for point in leaflet.points:
        if point.picture and pictures is not None and point.picture not in pictures:
            found.append(LeafletProblem(rel, point.line, "leaflets/unknown-picture",
                                        f"the picture '{point.picture}' is not in docs/assets/pictures/pictures.yml"))
    return found


class LeafletsError(Exception):
    """A leaflet file cannot be used: the file, a line and a reason an editor understands."""

    def __init__(self, rel: str, line: int, message: str):
        super().__init__(f"{rel}:{line}: {message}")
        self.rel, self.line, self.message = rel, line, message


def _text(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value.strip():
        return node.value.strip()
    return None


def _point(node: yaml.Node, pictures: bool, rel: str) -> Point:
    line = node.start_mark.line + 1
    if not pictures:
        text = _text(node)
        if text is None:
            raise LeafletsError(rel, line, "a point must be a line of text")
        return Point(text, None, line)
    fields = {key.value: value for key, value in node.value} if isinstance(node, yaml.MappingNode) else {}
    text, picture = _text(fields.get("text", yaml.ScalarNode("", ""))), _text(fields.get("picture", yaml.ScalarNode("", "")))
    if text is None or picture is None or set(fields) - {"text", "picture"}:
        raise LeafletsError(rel, line, "an Easy Read point has a picture and a text (picture: meeting.svg, then text: ...)")
    return Point(text, picture, line)


def load(version: str, folder: Path = LEAFLETS_DIR, pictures: bool = False) -> list[Leaflet]:
    """The leaflets of one version, in file order ([] when the version has no leaflet file).
    `pictures`: an Easy Read version, whose leaflets put a picture beside each point, as its pages do."""
    path = folder / f"{version}.yml"
    rel = f"{folder.name}/{path.name}"
    if not path.exists():
        return []
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        raise LeafletsError(rel, 1, "the file is not UTF-8 text")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        raise LeafletsError(rel, (mark.line + 1) if mark else 1, f"not valid YAML: {getattr(error, 'problem', None) or error}")
    if node is None:
        return []
    if not isinstance(node, yaml.MappingNode):
        raise LeafletsError(rel, node.start_mark.line + 1, "the file must list pages (what-is-a-cetr.md:), each with contact: and points:")
    leaflets, seen = [], set()
    for key, value in node.value:
        line = key.start_mark.line + 1
        page = str(key.value)
        if page in seen:
            raise LeafletsError(rel, line, f"'{page}' has two leaflets: keep one")
        seen.add(page)
        fields = {k.value: v for k, v in value.value} if isinstance(value, yaml.MappingNode) else None
        key_lines = {k.value: k.start_mark.line + 1 for k, _ in value.value} if fields is not None else {}
        if fields is None or set(fields) != {"contact", "points"}:
            raise LeafletsError(rel, line, f"'{page}' needs exactly contact: and points:")
        contact = _text(fields["contact"])
        if contact is None:
            raise LeafletsError(rel, key_lines["contact"], "contact: names a contact in local.yml, such as icb")
        points_node = fields["points"]
        if not isinstance(points_node, yaml.SequenceNode) or not POINTS_MIN <= len(points_node.value) <= POINTS_MAX:
            raise LeafletsError(rel, key_lines["points"],
                                f"'{page}' needs {POINTS_MIN} to {POINTS_MAX} points, to fit one printed page")
        points = tuple(_point(item, pictures, rel) for item in points_node.value)
        leaflets.append(Leaflet(version, page, contact, points, line))
    return leaflets
