"""The site's foundation: three versions, correct languages, own 404s and search, no third parties."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import HTML_LANG, OUTPUT_PREFIX, REAL_SETTINGS, VERSIONS, copy_project, english_pages, page_output, run_build


class Elements(HTMLParser):
    """Collects (tag, attributes) of every element in a page."""

    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))


def elements(path: Path) -> list[tuple[str, dict]]:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.elements


def html_lang(path: Path) -> str:
    return next(attrs.get("lang") for tag, attrs in elements(path) if tag == "html")


def switcher_links(path: Path) -> list[dict]:
    return [attrs for tag, attrs in elements(path) if tag == "a" and "md-select__link" in attrs.get("class", "")]


def test_there_are_english_pages():
    assert len(english_pages()) >= 15


@pytest.mark.parametrize("version", VERSIONS)
def test_every_english_page_is_built_in_every_version(built_site, version):
    missing = [page for page in english_pages() if not (built_site / page_output(version, page)).is_file()]
    assert missing == []


@pytest.mark.parametrize("version", VERSIONS)
def test_every_page_has_the_language_of_its_version(built_site, version):
    wrong = {}
    for page in english_pages():
        lang = html_lang(built_site / page_output(version, page))
        if lang != HTML_LANG[version]:
            wrong[page] = lang
    assert wrong == {}


def test_no_lang_or_hreflang_is_the_build_locale_en_easy(built_site):
    offenders = [
        str(path.relative_to(built_site))
        for path in built_site.rglob("*.html")
        if re.search(r'(?:lang|hreflang)="en-easy"', path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    assert 'hreflang="en-easy"' not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_switcher_on_a_swedish_page_leads_to_the_same_page_in_english_and_easy_read(built_site):
    links = switcher_links(built_site / "sv/what-is-a-cetr/index.html")
    by_name = {link["hreflang"]: link for link in links}
    assert set(by_name) == {"en", "sv", "en-x-easy"}
    assert by_name["en"]["href"] == "../../what-is-a-cetr/"
    assert by_name["en-x-easy"]["href"] == "../../en-easy/what-is-a-cetr/"
    assert by_name["sv"]["href"] == "./"
    assert [link["lang"] for link in links] == ["en", "sv", "en"]


def test_switcher_has_a_visible_text_label(built_site):
    html = (built_site / "sv/index.html").read_text(encoding="utf-8")
    assert '<span class="cetr-switcher__text">Språk</span>' in html
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<span class="cetr-switcher__text">Language</span>' in html


@pytest.mark.parametrize(
    "version, lang, heading",
    [("en", "en", "Page not found"), ("sv", "sv", "Sidan hittades inte"), ("en-easy", "en", "We cannot find this page")],
)
def test_each_version_has_its_own_404(built_site, version, lang, heading):
    page = built_site / OUTPUT_PREFIX[version] / "404.html"
    assert html_lang(page) == lang
    assert f">{heading}</h1>" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("version", VERSIONS)
def test_each_version_has_a_search_index_of_its_own_pages_only(built_site, version):
    index = json.loads((built_site / OUTPUT_PREFIX[version] / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    expected = {page_output("en", page).removesuffix("index.html") for page in english_pages()}
    assert locations == expected  # relative to the version's folder, and nothing from another version
    assert index["config"]["lang"] == (["sv"] if version == "sv" else ["en"])


@pytest.mark.parametrize("version", VERSIONS)
def test_search_loads_its_version_index(built_site, version):
    html = (built_site / page_output(version, "what-is-a-cetr.md")).read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    # the page is one folder deep in its version: back to the site root, then into the version's folder
    expected = "../" + ("../" + OUTPUT_PREFIX[version] if OUTPUT_PREFIX[version] else "")
    assert config["base"] == expected


def test_sitemap_lists_the_alternates_of_each_page(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    block = re.search(r"<url>\s*<loc>[^<]*/what-is-a-cetr/</loc>(.*?)</url>", sitemap, re.S).group(1)
    alternates = dict(re.findall(r'hreflang="([^"]+)" href="([^"]+)"', block))
    assert alternates == {
        "en": "http://127.0.0.1:8000/what-is-a-cetr/",
        "sv": "http://127.0.0.1:8000/sv/what-is-a-cetr/",
        "en-x-easy": "http://127.0.0.1:8000/en-easy/what-is-a-cetr/",
    }


OWN_HOSTS = {"127.0.0.1:8000", ""}


def test_nothing_is_loaded_from_another_host(built_site):
    """No src, and no href of a stylesheet, icon, script or preload, points anywhere but here."""
    loaded = []
    for path in built_site.rglob("*.html"):
        for tag, attrs in elements(path):
            urls = [attrs.get("src"), attrs.get("srcset"), attrs.get("data")]
            if tag == "link" and attrs.get("rel") not in ("canonical", "alternate"):
                urls.append(attrs.get("href"))
            for url in filter(None, urls):
                if urlsplit(url).netloc not in OWN_HOSTS or url.startswith("//"):
                    loaded.append(f"{path.relative_to(built_site)}: <{tag}> {url}")
    assert loaded == []


def test_css_and_javascript_load_nothing_from_another_host(built_site):
    offenders = []
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in re.findall(r"@import\s+url\(([^)]+)\)|url\((https?:[^)]+)\)", text):
            offenders.append(f"{path.relative_to(built_site)}: {url}")
        if "fonts.googleapis.com" in text or "fonts.gstatic.com" in text:
            offenders.append(f"{path.relative_to(built_site)}: Google Fonts")
    assert offenders == []


def test_a_missing_translation_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    (project / "docs/sv/privacy.md").unlink()
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert "'privacy.md' is included in the 'nav' configuration, which is not found" in result.stdout + result.stderr


def test_the_publishing_build_refuses_example_settings(tmp_path):
    project = copy_project(tmp_path)  # with the example settings
    lines = (project / "local.yml").read_text(encoding="utf-8").splitlines()
    area = lines.index("area_name: Exampleshire") + 1
    phone = lines.index("    phone: 01632 960001") + 1
    result = run_build(tmp_path / "site", extra_env={"CETR_PUBLISH": "1"}, config=project / "mkdocs.yml")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert f"local.yml:{area}: settings/example-value: 'area_name' still has its example value 'Exampleshire'" in output
    assert f"local.yml:{phone}: settings/example-value: 'contacts.icb.phone' still has its example value '01632 960001'" in output


def test_the_publishing_build_passes_with_real_settings(tmp_path):
    project = copy_project(tmp_path, REAL_SETTINGS)
    result = run_build(tmp_path / "site", extra_env={"CETR_PUBLISH": "1"}, config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "https://cetr.kentish.gov.uk/sv/" in (tmp_path / "site/sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("version", VERSIONS)
def test_local_contacts_reach_the_pages_from_the_settings_file(built_site, version):
    html = (built_site / page_output(version, "where-to-get-help.md")).read_text(encoding="utf-8")
    # Easy Read shows it as a call button: <a class="call-button" href="tel:...">
    assert re.search(r'<a (?:class="call-button" )?href="tel:\+441632960001">01632 960001</a>', html)
    assert '<a href="mailto:sendiass@example.org">sendiass@example.org</a>' in html


@pytest.mark.parametrize(
    "version, hours",
    [("en", "Open: 24 hours a day, every day."), ("sv", "Öppettider: dygnet runt, alla dagar."),
     ("en-easy", "It is open 24 hours a day, every day.")],
)
def test_a_setting_given_per_version_shows_in_each_version(built_site, version, hours):
    assert hours in (built_site / page_output(version, "get-help-now.md")).read_text(encoding="utf-8")


def test_an_unknown_token_stops_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs/en/privacy.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.append("Call {{ tel.icbb }}.")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    assert result.returncode == 1
    assert (f"docs/en/privacy.md:{len(lines)}: unknown local setting '{{{{ tel.icbb }}}}': local.yml has no contact 'icbb'"
            in result.stdout + result.stderr)


def test_swedish_pages_have_no_english_theme_words(built_site):
    html = (built_site / "sv/what-is-a-cetr/index.html").read_text(encoding="utf-8")
    assert 'title="Länk till det här avsnittet"' in html
    assert "Link to this section" not in html
    assert 'alt="logo"' not in html


def test_easy_read_pictures_load_as_the_reader_scrolls(built_site):
    html = (built_site / "en-easy/types-of-review/index.html").read_text(encoding="utf-8")
    pictures = re.findall(r'<img [^>]*src="[^"]*assets/pictures/(?!logo)[^"]*"[^>]*>', html)
    assert len(pictures) >= 5
    assert all('loading="lazy"' in picture and re.search(r'alt="[^"]+"', picture) for picture in pictures)


@pytest.mark.parametrize("version, name", [("en", "Search this guide"), ("sv", "Sök i guiden"), ("en-easy", "Search")])
def test_the_search_dialog_has_a_name_in_its_version(built_site, version, name):
    for page in (page_output(version, "index.md"), OUTPUT_PREFIX[version] + "404.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert f'role="dialog" aria-label="{name}">' in html


@pytest.mark.parametrize("version", VERSIONS)
def test_every_h1_can_take_the_skip_links_focus(built_site, version):
    for page in english_pages():
        html = (built_site / page_output(version, page)).read_text(encoding="utf-8")
        assert re.search(r'<h1 tabindex="-1"[^>]* id="', html), page
