"""`make export`: every page of every version as plain HTML for a Local Offer website's editor.

Run as a local team would: on a copy whose local.yml has the team's own values."""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.conftest import ROOT, VERSIONS, copy_project

VNU = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
SITE_URL = "https://guide.northvale.test/"
# Values from tests/publishing/fixtures/fork-local.yml that where-to-get-help shows in every version.
LOCAL_VALUES = ("0113 496 0002", "mailto:sendiass@northvale.test", "tel:+441134960001")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("export"))
    shutil.copy(ROOT / "tests/publishing/fixtures/fork-local.yml", project / "local.yml")
    venv = (ROOT / ".venv").resolve()
    # -o: the shared venv is set up already; never reinstall into it from a test.
    result = subprocess.run(["make", "export", f"VENV={venv}", "-o", f"{venv}/.installed"],
                            cwd=project, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # The other way to link: between the exported files.
    result = subprocess.run([sys.executable, "-m", "scripts.export", "site-export", "export-pages", "--links", "pages"],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def front_matter(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8").split("---\n")[1], Loader=yaml.BaseLoader)


def pages() -> list[tuple[str, str]]:
    return [(version, path.stem) for version in VERSIONS for path in sorted((ROOT / "docs" / version).glob("*.md"))]


def exported(project: Path, folder: str = "export") -> dict[str, BeautifulSoup]:
    return {path.relative_to(project / folder).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for path in sorted((project / folder).rglob("*.html"))}


def test_one_file_per_page_and_an_index(project):
    files = exported(project)
    expected = {f"{version}/{name}.html" for version, name in pages()}
    assert set(files) == expected | {"index.html"}
    index_links = {a["href"] for a in files["index.html"].find_all("a")}
    assert index_links == expected


def test_no_theme_no_script_no_style(project):
    for folder in ("export", "export-pages"):
        for name, soup in exported(project, folder).items():
            assert not soup.find_all(["script", "style", "link", "iframe", "svg", "nav", "header", "footer", "form"]), name
            attributes = {attribute for tag in soup.find_all(True) for attribute in tag.attrs}
            assert not attributes & {"class", "style", "tabindex", "onclick", "onload"}, (name, attributes)
            assert not any(attribute.startswith("on") for attribute in attributes), name


def test_local_values_are_filled_in(project):
    for version in VERSIONS:
        soup = exported(project)[f"{version}/where-to-get-help.html"]
        for value in LOCAL_VALUES:
            assert value in soup.get_text() or value in str(soup), (version, value)
    for name, soup in exported(project).items():
        assert "{{" not in soup.get_text() and "example.org" not in str(soup), name


def test_sources_and_review_dates_are_kept(project):
    files = exported(project)
    for version, name in pages():
        meta = front_matter(ROOT / "docs" / version / f"{name}.md")
        soup = files[f"{version}/{name}.html"]
        hrefs = {a.get("href") for a in soup.find_all("a")}
        for source in meta.get("sources", []):
            assert source["url"] in hrefs, (version, name, source["url"])
        dates = {time["datetime"] for time in soup.find_all("time")}
        assert {meta["last_reviewed"], meta["next_review"]} <= dates, (version, name)


def test_headings_keep_their_anchors_and_the_language(project):
    for version, name in pages():
        soup = exported(project)[f"{version}/{name}.html"]
        assert soup.html["lang"] == ("sv" if version == "sv" else "en")
        assert len(soup.find_all("h1")) == 1
        for heading in soup.find_all(["h1", "h2", "h3", "h4"]):
            assert heading.get("id"), (version, name, heading)


def ids(soup: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in soup.find_all(id=True)}


def test_every_link_leads_to_a_page_of_the_guide_and_its_section(project):
    files = exported(project)
    checked = 0
    for name, soup in files.items():
        for a in soup.find_all("a", href=True):
            href = a["href"]
            assert re.match(r"(https?://|mailto:|tel:[+0-9]|#|[a-z-]+/[a-z-]+\.html$)", href), (name, href)
            target, _, fragment = href.partition("#")
            if name == "index.html" or not target.startswith(SITE_URL) and target:
                continue
            if "/leaflets/" in target:  # the printable leaflets are the published guide's, not pages to paste
                continue
            if target:  # the published guide: /sv/glossary/ is sv/glossary.html here
                path = target[len(SITE_URL):].rstrip("/")
                version = path.split("/")[0] if path.split("/")[0] in ("sv", "en-easy") else "en"
                page = path[len(version) + 1:] if version != "en" else path
                target_file = f"{version}/{page or 'index'}.html"
            else:
                target_file = name
            assert target_file in files, (name, href)
            if fragment:
                assert fragment in ids(files[target_file]), (name, href)
            checked += 1
    assert checked > 200


def test_linked_between_pages_every_link_and_picture_is_there(project):
    folder = project / "export-pages"
    files = exported(project, "export-pages")
    checked = 0
    for name, soup in files.items():
        for a in soup.find_all("a", href=True):
            href = a["href"]
            if re.match(r"(https?://|mailto:|tel:)", href):
                # only pictures and the printable leaflets stay on the published guide
                assert not href.startswith(SITE_URL) or "/assets/" in href or "/leaflets/" in href, (name, href)
                continue
            target, _, fragment = href.partition("#")
            target_file = posixpath.normpath(posixpath.join(posixpath.dirname(name), target)) if target else name
            assert target_file in files, (name, href)
            if fragment:
                assert fragment in ids(files[target_file]), (name, href)
            checked += 1
        for img in soup.find_all("img"):
            assert (folder / Path(name).parent / img["src"]).resolve().is_file(), (name, img["src"])
    assert checked > 200


def test_every_exported_file_is_valid_html(project):
    files = [str(path) for folder in ("export", "export-pages") for path in sorted((project / folder).rglob("*.html"))]
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", *files], capture_output=True, text=True, timeout=300)
    messages = [m for m in json.loads(result.stderr)["messages"] if m.get("type") == "error"]
    assert not messages, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages)
    assert result.returncode == 0
