"""A fourth version is a folder of pages, one entry in mkdocs.yml and its words (README, "Adding a
version"): a copy of the project with Swedish Easy Read (lättläst, sv-easy) added in just those
places builds with --strict, gives the version everything the others have, and passes the checker."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from scripts.checker.cli import main
from tests.conftest import copy_project, run_build

ENTRY = """        - locale: sv-easy
          name: Lättläst
          build: true
          site_name: CETR-guide på lättläst svenska
          extra:
            site_version:
              english_name: Swedish Easy Read
              html_lang: sv
              hreflang: sv-x-easy
              easy_read: true
"""
LANGUAGE_PARTIAL = """{% import "partials/languages/sv.html" as sv %}
{% macro t(key) %}{{ {"language": "sv"}[key] or sv.t(key) }}{% endmacro %}
"""


@pytest.fixture(scope="module")
def project_and_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fourth")
    project = copy_project(tmp)
    # 1. a folder of pages (here the Easy Read pages stand in for the lättläst text)
    shutil.copytree(project / "docs" / "en-easy", project / "docs" / "sv-easy")
    for page in (project / "docs" / "sv-easy").rglob("*.md"):
        text = re.sub(r'^title: ("?)(.*?)\1$', r"title: \1\2 (lättläst)\1", page.read_text(encoding="utf-8"), count=1, flags=re.M)
        text = re.sub(r"^# (.*?)( \{[^}]*\})?$", r"# \1 (lättläst)\2", text, count=1, flags=re.M)  # before a { #anchor }
        page.write_text(text, encoding="utf-8")
    # 2. one entry in mkdocs.yml
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, added = re.subn(r"(\n\n# Untitled entries)", "\n" + ENTRY.rstrip("\n") + r"\1", text, count=1)
    assert added == 1 and text.count("- locale:") == 4
    config.write_text(text, encoding="utf-8")
    # 3. its words: the site's own, and Material's (sv-easy is not a language Material knows)
    # (an Easy Read version also needs the Easy Read lines, easy.*: here still in English)
    easy_lines = [line for line in (project / "includes" / "strings" / "en-easy.yml").read_text(encoding="utf-8").splitlines()
                  if line.startswith("easy.") and not line.startswith("easy.all_checked")]
    strings = (project / "includes" / "strings" / "sv.yml").read_text(encoding="utf-8") + "\n".join(easy_lines) + "\n"
    (project / "includes" / "strings" / "sv-easy.yml").write_text(
        strings.replace("search.dialog: Sök i guiden", "search.dialog: Sök på lättläst"), encoding="utf-8")
    (project / "overrides" / "partials" / "languages" / "sv-easy.html").write_text(LANGUAGE_PARTIAL, encoding="utf-8")
    site = tmp / "site"
    result = run_build(site, config=config)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site


def test_the_fourth_version_builds_every_page(project_and_site):
    project, site = project_and_site
    for page in (project / "docs" / "en").glob("*.md"):
        built = site / "sv-easy" / ("" if page.stem == "index" else page.stem) / "index.html"
        assert built.is_file(), built


def test_its_pages_say_their_language_and_name_their_search_in_it(project_and_site):
    _, site = project_and_site
    html = (site / "sv-easy" / "what-is-a-cetr" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv"' in html
    assert 'role="dialog" aria-label="Sök på lättläst">' in html
    assert 'title="Länk till det här avsnittet"' in html
    assert re.search(r'<img loading="lazy" decoding="async" [^>]*assets/pictures/', html)
    assert '"base": "../../sv-easy/"' in html


def test_the_switcher_and_the_sitemap_lead_to_it_with_a_valid_hreflang(project_and_site):
    _, site = project_and_site
    english = (site / "what-is-a-cetr" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="[^"]*sv-easy/what-is-a-cetr/" lang="sv" hreflang="sv-x-easy"', english)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="sv-x-easy"' in sitemap and 'hreflang="sv-easy"' not in sitemap


def test_it_has_its_own_404_and_search_index(project_and_site):
    _, site = project_and_site
    assert '<html lang="sv"' in (site / "sv-easy" / "404.html").read_text(encoding="utf-8")
    index = json.loads((site / "sv-easy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["sv"]
    pages = [doc for doc in index["docs"] if "#" not in doc["location"]]
    assert len(pages) > 10 and all(doc["title"].endswith("(lättläst)") for doc in pages)
    easy_read = json.loads((site / "en-easy" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("lättläst" in doc["title"] for doc in easy_read["docs"])


def test_the_checker_knows_the_fourth_version(project_and_site, capsys):
    project, _ = project_and_site
    assert main(["--root", str(project)]) == 0
    (project / "docs" / "sv-easy" / "glossary.md").unlink()
    assert main(["--root", str(project)]) == 1
    assert ("docs/en/glossary.md:1: versions/missing-translation: no Swedish Easy Read version: docs/sv-easy/glossary.md does not exist"
            in capsys.readouterr().out.splitlines())
