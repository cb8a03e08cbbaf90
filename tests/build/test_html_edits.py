"""The hooks' edits of built HTML (scripts/html_edit.py) find elements by tag and attributes, leave the
rest of the page alone, and stop the build when the theme's markup no longer has what they edit."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from scripts import html_edit
from tests.conftest import copy_project, run_build

PAGE = """<!doctype html>
<html><head>
  <link rel="alternate" href="../sv/" hreflang="sv">
<!-- <img src="assets/pictures/in-a-comment.svg"> -->
<script>var s = '<img src="assets/pictures/in-a-script.svg">';</script>
</head><body>
<img alt='A meeting' src='../assets/pictures/meeting.svg'>
<IMG SRC="../assets/pictures/phone.svg" alt="A phone" class="x" />
<img src="../assets/pictures/logo.svg" alt="">
</body></html>
"""


def pictures(page: str):
    return html_edit.find(page, "img", lambda tag: "assets/pictures/" in (tag.attrs.get("src") or "")
                          and not tag.attrs["src"].endswith("logo.svg"), hint="assets/pictures/")


def test_elements_are_found_by_attributes_whatever_their_order_quotes_or_case():
    found = pictures(PAGE)
    assert [tag.attrs["src"] for tag in found] == ["../assets/pictures/meeting.svg", "../assets/pictures/phone.svg"]
    assert found[1].self_closing


def test_an_edit_changes_only_the_start_tags_it_edits():
    edited = html_edit.edit(PAGE, pictures(PAGE), lambda tag: {"loading": "lazy", **tag.attrs})
    assert edited == PAGE.replace(
        "<img alt='A meeting' src='../assets/pictures/meeting.svg'>",
        '<img loading="lazy" alt="A meeting" src="../assets/pictures/meeting.svg">').replace(
        '<IMG SRC="../assets/pictures/phone.svg" alt="A phone" class="x" />',
        '<img loading="lazy" src="../assets/pictures/phone.svg" alt="A phone" class="x" />')


def test_removing_an_element_alone_on_its_line_removes_the_line():
    links = html_edit.find(PAGE, "link", lambda tag: tag.attrs.get("rel") == "alternate")
    assert html_edit.edit(PAGE, links, lambda tag: None) == PAGE.replace('  <link rel="alternate" href="../sv/" hreflang="sv">\n', "")


def test_values_are_escaped_where_they_land():
    tag = html_edit.find('<div role="dialog">', "div")[0]
    assert html_edit.render(tag, {"aria-label": 'Sök "här" & <nu>'}) == '<div aria-label="Sök &quot;här&quot; &amp; &lt;nu&gt;">'


def test_nothing_found_is_an_error_that_names_the_element_and_the_page():
    with pytest.raises(html_edit.MissingElement, match=r"^docs/en/index.md: found no search dialog to edit\. The theme's"):
        html_edit.require(html_edit.find(PAGE, "div", lambda tag: tag.attrs.get("role") == "dialog"), "search dialog", "docs/en/index.md")


def test_a_changed_theme_template_stops_the_build_with_a_clear_message(tmp_path):
    """Material's search dialog without role="dialog" (as an upgrade might write it): the build fails."""
    project = copy_project(tmp_path)
    template = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    assert ' role="dialog"' in template
    (project / "overrides" / "partials" / "search.html").write_text(template.replace(' role="dialog"', ""), encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    # The first page built says it (the 404 page is built before the Markdown pages).
    assert re.search(r'^ERROR +- +(404\.html|docs/en/[\w-]+\.md): found no search dialog \(<div data-md-component="search" '
                     r'role="dialog">\) to edit\. The theme\'s or a template\'s markup has changed: update the build hook '
                     r'that edits it \(overrides/hooks/\)\.$', result.stderr, re.M), result.stderr


@pytest.mark.parametrize("change, message", [
    ('<button type="reset"', r'found no search form reset button \(<button type="reset" class="md-search__icon \.\.\.">\) to edit\.'),
    ('class="md-search-result__meta"', r'found no search result text \(<div class="md-search-result__meta">\) to edit\.'),
])
def test_a_changed_search_form_stops_the_build_with_a_clear_message(tmp_path, change, message):
    """The submit button goes in before Material's reset button, and "Initializing search" is moved out
    of the result text: a search form without either (as an upgrade might write it) fails the build."""
    project = copy_project(tmp_path)
    template = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    assert change in template
    (project / "overrides" / "partials" / "search.html").write_text(template.replace(change, change.replace("reset", "button").replace("meta", "info")), encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert re.search(r"^ERROR +- +(404\.html|docs/en/[\w-]+\.md): " + message, result.stderr, re.M), result.stderr


def test_the_search_form_has_a_submit_button_and_no_script_only_text(built_site):
    html = (built_site / "sv" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<button type="submit" class="md-search__icon md-icon cetr-search-submit" title="Öppna den bästa träffen" '
                     r'aria-label="Öppna den bästa träffen" tabindex="-1"><svg', html)
    assert '<div class="md-search-result__meta" data-cetr-initializer="Startar sökningen …"></div>' in html


def test_a_page_with_no_sections_has_no_unnamed_contents_toggle(built_site):
    """Easy Read's privacy page has no sections: Material's __toc checkbox would have no label."""
    privacy = (built_site / "en-easy" / "privacy" / "index.html").read_text(encoding="utf-8")
    assert 'id="__toc"' not in privacy
    sectioned = (built_site / "what-is-a-cetr" / "index.html").read_text(encoding="utf-8")
    assert 'id="__toc"' in sectioned and 'for="__toc"' in sectioned
