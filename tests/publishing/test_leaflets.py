"""Leaflets (leaflets/*.yml): a bad entry stops the build with one line an editor understands."""

from __future__ import annotations

import pytest

from scripts import leaflets_file
from tests.conftest import SITE_VERSIONS, copy_project, run_build

GOOD = "what-is-a-cetr.md:\n  contact: icb\n  points:\n    - One.\n    - Two.\n    - Three.\n"


def load(tmp_path, text: str, version: str = "en"):
    folder = tmp_path / "leaflets"
    folder.mkdir(exist_ok=True)
    (folder / f"{version}.yml").write_text(text, encoding="utf-8")
    return leaflets_file.load(version, folder, pictures=SITE_VERSIONS[version].easy_read)


def test_a_good_leaflet_file(tmp_path):
    (leaflet,) = load(tmp_path, GOOD)
    assert (leaflet.page, leaflet.contact, [p.text for p in leaflet.points]) == ("what-is-a-cetr.md", "icb", ["One.", "Two.", "Three."])


@pytest.mark.parametrize("text, version, line", [
    (GOOD.replace("    - Three.\n", ""), "en", "leaflets/en.yml:3: 'what-is-a-cetr.md' needs 3 to 5 points, to fit one printed page"),
    (GOOD.replace("  contact: icb\n", ""), "en", "leaflets/en.yml:1: 'what-is-a-cetr.md' needs exactly contact: and points:"),
    (GOOD + GOOD, "en", "leaflets/en.yml:7: 'what-is-a-cetr.md' has two leaflets: keep one"),
    (GOOD.replace("    - Two.\n", "    - [Two]\n"), "sv", "leaflets/sv.yml:5: a point must be a line of text"),
    (GOOD, "en-easy", "leaflets/en-easy.yml:4: an Easy Read point has a picture and a text (picture: meeting.svg, then text: ...)"),
    ("what-is-a-cetr.md: [\n", "en", "leaflets/en.yml:2: not valid YAML: expected the node content, but found '<stream end>'"),
])
def test_a_bad_leaflet_file_says_where_and_why(tmp_path, text, version, line):
    with pytest.raises(leaflets_file.LeafletsError) as error:
        load(tmp_path, text, version)
    assert str(error.value) == line


@pytest.mark.parametrize("text, message", [
    ("glossary.md:\n  contact: icb\n  points: [One., Two., Three.]\n",
     "leaflets/en.yml:1: 'glossary.md' has no short address: add one under short_addresses: in redirects.yml"),
    ("get-help-now.md:\n  contact: nobody\n  points: [One., Two., Three.]\n",
     "leaflets/en.yml:1: contact: 'nobody' is not a contact in local.yml (contacts:)"),
])
def test_a_leaflet_the_site_cannot_make_stops_the_build(tmp_path, text, message):
    project = copy_project(tmp_path)
    (project / "leaflets" / "en.yml").write_text(text, encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert message in result.stdout + result.stderr
