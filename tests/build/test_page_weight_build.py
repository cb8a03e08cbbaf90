"""Issue 16 at build time: what overrides/hooks/on_demand.py and slim_html.py make of the built site,
and the clear stop when Material's markup or the Node tools are not what they expect."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import material

from scripts import html_edit
from tests.conftest import copy_project, run_build

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def config_of(page: str) -> dict:
    start, end, data = html_edit.json_script(page, "__config", "test")
    return data


def test_several_script_elements_are_read_each_with_its_own_attributes():
    page = '<script src="a.js"></script>\n<script id="x" type="application/json">{"a": 1}</script>\n<script src="b.js" defer></script>'
    found = html_edit.find(page, "script", lambda tag: "src" in tag.attrs)
    assert [tag.attrs for tag in found] == [{"src": "a.js"}, {"src": "b.js", "defer": None}]


def test_every_page_loads_our_loader_instead_of_the_bundle_and_names_the_stand_in_worker(built_site):
    # every page made with Material's templates (redirect stubs and printable leaflets have no scripts)
    pages = [path for path in built_site.rglob("*.html") if 'id="__config"' in path.read_text(encoding="utf-8")]
    assert len(pages) > 40
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert not re.search(r'<script src="[^"]*bundle\.[0-9a-f]+\.min\.js"', page), path
        loaders = re.findall(r'<script src="([^"]*)/on-demand\.js" data-bundle="([^"]*)" defer>', page)
        assert len(loaders) == 1, path
        bundle = (path.parent / loaders[0][1]) if not loaders[0][1].startswith("/") else built_site / loaders[0][1].lstrip("/")
        assert bundle.is_file(), f"{path}: {loaders[0][1]}"
        assert re.search(r"(^|/)assets/javascripts/workers/search-on-demand\.js$", config_of(page)["search"]), path
        blocking = re.findall(r"<script (?![^>]*\b(?:defer|async)\b)[^>]*\bsrc=", page)
        assert blocking == [], f"{path}: a script without defer"


def test_the_stand_in_worker_loads_the_worker_that_is_there(built_site):
    stub = (built_site / "assets/javascripts/workers/search-on-demand.js").read_text(encoding="utf-8")
    real = re.search(r'var real = "([^"]+)";', stub).group(1)
    assert (built_site / "assets/javascripts/workers" / real).is_file()
    assert real == next(MATERIAL_CSS.parent.joinpath("javascripts/workers").glob("search.*.min.js")).name


def test_material_css_is_trimmed_and_keeps_the_states_scripts_add(built_site):
    trimmed = next((built_site / "assets/stylesheets").glob("main.*.min.css"))
    original = MATERIAL_CSS / trimmed.name
    assert len(gzip.compress(trimmed.read_bytes())) < 0.6 * len(gzip.compress(original.read_bytes()))
    css = trimmed.read_text(encoding="utf-8")
    for selector in (".md-search-result__item", ".md-dialog--active", ".md-code__button", ".md-top[hidden]",
                     "[data-md-toggle=drawer]:checked", "[data-md-toggle=search]:checked", ".md-select__inner",
                     ".md-search-result__more", ".md-typeset .admonition", ".md-nav__toggle"):
        assert selector in css, selector
    assert ".md-typeset .tabbed-set" not in css  # no content tabs on this site


def test_a_build_without_node_stops_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path)
    result = run_build(tmp_path / "site", extra_env={"PATH": "/nonexistent"}, config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert re.search(r"^ERROR +- +trimming Material's stylesheet needs Node\.js and the npm packages: run `make setup` "
                     r"\(or `npm ci`\) first \(overrides/hooks/on_demand\.py\)$", result.stderr, re.M), result.stderr


def test_without_materials_bundle_the_build_stops_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path)
    main = project / "overrides" / "main.html"
    template = main.read_text(encoding="utf-8")
    assert template.count("{{ super() }}\n  <script src=\"{{ 'assets/javascripts/search-submit.js'") == 1
    main.write_text(template.replace("{{ super() }}\n  <script src=\"{{ 'assets/javascripts/search-submit.js'",
                                     "<script src=\"{{ 'assets/javascripts/search-submit.js'"), encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert re.search(r"^ERROR +- +(404\.html|docs/en/[\w-]+\.md): found no Material's bundle \(<script src=\"\.\.\./bundle\.\*\.min\.js\">\) "
                     r"to edit\.", result.stderr, re.M), result.stderr


def test_an_abbreviation_has_its_tooltip_at_first_use_only(built_site):
    page = (built_site / "what-is-a-cetr" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', page)
    assert titles, "no abbreviation with a tooltip"
    assert len({text for _, text in titles}) == len(titles), "an abbreviation has its tooltip twice"
    glossary = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'<h3 id="cetr"><abbr', glossary), "a term with its own heading keeps a tooltip"


def test_a_long_table_of_contents_lists_sections_and_every_term_keeps_its_anchor(built_site):
    glossary = (built_site / "sv" / "glossary" / "index.html").read_text(encoding="utf-8")
    listed = set(re.findall(r'<a href="#([^"]+)" class="md-nav__link">', glossary))
    sections = set(re.findall(r'<h2 id="([^"]+)"', glossary)) - {"cetr-page-facts-title"}
    terms = set(re.findall(r'<h3 id="([^"]+)"', glossary))
    assert len(terms) > 40 and sections <= listed and not terms & listed


def test_letters_keep_their_line_breaks_and_html_keeps_no_indentation(built_site):
    page = (built_site / "ask-for-a-review" / "index.html").read_text(encoding="utf-8")
    letter = re.search(r"<pre[^>]*>.*?</pre>", page, re.S).group(0)
    assert letter.count("\n") > 10
    outside = re.sub(r"<pre[^>]*>.*?</pre>|<script\b.*?</script>", "", page, flags=re.S)
    assert not re.search(r"\n[ \t]+<", outside)
