"""A local team's own copy: an ICB with two councils, the team's name, logo and colour.

Built from tests/publishing/fixtures/councils-local.yml, as a team's fork would be: every page that
shows a council's contact shows each council's, labelled, in every version; where-to-get-help lets a
family jump to their council; the header and footer say who publishes the guide, with its logo and colour.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from scripts.mkdocs_build import mkdocs_build
from scripts.site_server import serve
from tests.browser.axe import describe, run_axe
from tests.browser.conftest import AXE_SOURCE
from tests.conftest import ROOT, VERSIONS, copy_project, page_output

FIXTURES = ROOT / "tests/publishing/fixtures"
SETTINGS = yaml.load((FIXTURES / "councils-local.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
COUNCILS = SETTINGS["councils"]
PER_COUNCIL_TOKEN = re.compile(r"\{\{\s*(tel|email|link)\.(sendiass|send_team|local_offer)\s*\}\}")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("local-team"))
    shutil.copy(FIXTURES / "councils-local.yml", project / "local.yml")
    shutil.copy(FIXTURES / "northvale-logo.svg", project / "local-files" / "northvale-logo.svg")
    site = project / "site-test"
    result = mkdocs_build(site, project)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return site


def text_of(site: Path, version: str, page: str) -> tuple[BeautifulSoup, str]:
    soup = BeautifulSoup((site / page_output(version, page)).read_text(encoding="utf-8"), "html.parser")
    return soup, " ".join(soup.select_one("article").get_text(" ").split())


def pages_with_council_tokens(version: str) -> dict[str, set[tuple[str, str]]]:
    found = {}
    for path in sorted((ROOT / "docs" / version).glob("*.md")):
        tokens = set(PER_COUNCIL_TOKEN.findall(path.read_text(encoding="utf-8")))
        if tokens:
            found[path.name] = tokens
    return found


def expected(kind: str, what: str, council: dict) -> str:
    """How one council's value reads on a page with two councils."""
    contact = council[what]
    if kind == "link":
        label = "" if council["name"].lower() in contact["name"].lower() else f" ({council['name']})"
        return contact["name"] + label
    value = contact["phone"] if kind == "tel" else contact["email"]
    return f"{value} ({council['name']})"


@pytest.mark.parametrize("version", VERSIONS)
def test_each_councils_contacts_appear_labelled_where_pages_use_them(site, version):
    pages = pages_with_council_tokens(version)
    assert "where-to-get-help.md" in pages and len(pages) >= 3, pages
    for page, tokens in pages.items():
        soup, text = text_of(site, version, page)
        for kind, what in tokens:
            for council in COUNCILS:
                assert expected(kind, what, council) in text, (version, page, kind, what, council["name"])
                if kind == "tel":
                    assert soup.select_one(f'a[href="tel:+44{council[what]["phone"].replace(" ", "")[1:]}"]'), (version, page)


@pytest.mark.parametrize("version", VERSIONS)
def test_where_to_get_help_lets_a_family_jump_to_their_council(site, version):
    soup, _ = text_of(site, version, "where-to-get-help.md")
    for council in COUNCILS:
        anchor = "council-" + council["name"].lower()
        link = soup.select_one(f'article a[href="#{anchor}"]')
        assert link is not None and link.get_text(strip=True) == council["name"], (version, anchor)
        heading = soup.select_one(f"article h3#{anchor}")
        assert heading is not None and heading.get_text(strip=True).startswith(council["name"]), (version, anchor)
        # the council's section holds its own contacts, and no other council's
        section = []
        for sibling in heading.find_next_siblings():
            if sibling.name != "ul":  # a council's section is its list of contacts
                break
            section.append(" ".join(sibling.get_text(" ").split()))
        section_text = " ".join(section)
        assert council["sendiass"]["phone"] in section_text and council["send_team"]["phone"] in section_text, (version, section_text)
        assert council["local_offer"]["name"] in section_text
        others = [c for c in COUNCILS if c is not council]
        assert not any(other["sendiass"]["phone"] in section_text for other in others)


def test_a_text_with_no_swedish_is_shown_in_english_marked_as_english(site):
    soup, _ = text_of(site, "sv", "where-to-get-help.md")
    english = [span.get_text() for span in soup.select('article span[lang="en"]')]
    assert "Monday to Friday, 10am to 3pm" in english
    assert "måndag–torsdag kl. 9–16" in soup.select_one("article").get_text()  # given in Swedish: not marked
    _, text = text_of(site, "en", "where-to-get-help.md")
    soup_en, _ = text_of(site, "en", "where-to-get-help.md")
    assert not soup_en.select('article span[lang="en"]')


@pytest.mark.parametrize("version, words", [("en", "Published by"), ("sv", "Publicerad av"), ("en-easy", "Published by")])
def test_the_publishers_name_logo_and_colour_are_on_every_page(site, version, words):
    name = SETTINGS["publisher"]["name"]
    for page in ("index.md", "where-to-get-help.md"):
        html = (site / page_output(version, page)).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert " ".join(soup.select_one(".md-header .cetr-publisher-line").get_text().split()) == f"{words} {name}"
        footer = soup.select_one("footer .cetr-publisher")
        assert " ".join(footer.get_text(" ").split()) == f"{words} {name}"
        logo = footer.select_one("img")
        assert logo["alt"] == SETTINGS["publisher"]["logo_alt"]
        logo_file = (site / page_output(version, page)).parent / logo["src"]
        assert logo_file.resolve().read_bytes() == (FIXTURES / "northvale-logo.svg").read_bytes()
        stylesheet = [link["href"] for link in soup.select('link[rel="stylesheet"]') if "brand.css" in link["href"]]
        assert len(stylesheet) == 1
        css = ((site / page_output(version, page)).parent / stylesheet[0]).resolve().read_text(encoding="utf-8")
        assert "--md-primary-fg-color: #5b2a86;" in css


AXE_PAGES = [prefix + page for prefix in ("", "sv/", "en-easy/") for page in ("", "where-to-get-help/")]


@pytest.mark.parametrize("width", [360, 1280])
def test_no_axe_violations_with_two_councils_and_the_teams_look(site, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(AXE_SOURCE)
    page = context.new_page()
    problems = []
    with serve(site) as base:
        for path in AXE_PAGES:
            page.goto(base + path)
            problems += describe(f"/{path} at {width} px", run_axe(page))
    context.close()
    assert not problems, "axe found:\n" + "\n".join(problems)


def test_pages_with_two_councils_and_the_teams_look_are_valid_html(site):
    files = [str(site / path / "index.html") for path in AXE_PAGES]
    vnu = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    result = subprocess.run(["java", "-jar", str(vnu), "--format", "json", *files], capture_output=True, text=True, timeout=300)
    errors = [m for m in json.loads(result.stderr)["messages"] if m.get("type") == "error"
              and not m.get("message", "").startswith("Attribute “autocomplete” is only allowed")]  # Material's, see tests/browser
    assert not errors, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in errors)


def test_the_checker_passes_a_fork_with_two_councils(tmp_path):
    """A council block ({{ local.councils }}) stands on its own lines: the Easy Read rules do not read
    its labels as part of the point around it (it once failed easy-read/sentence-too-long there)."""
    from scripts.checker.cli import main

    project = copy_project(tmp_path)
    shutil.copy(FIXTURES / "councils-local.yml", project / "local.yml")
    shutil.copy(FIXTURES / "northvale-logo.svg", project / "local-files" / "northvale-logo.svg")
    assert main(["--root", str(project)]) == 0
