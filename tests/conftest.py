"""Fixtures shared by every kind of test: the project's paths and one strict build of the site."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scripts import site_versions
from scripts.mkdocs_build import copy_project as mkdocs_copy_project
from scripts.mkdocs_build import mkdocs_build

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SITE_VERSIONS = site_versions.load(ROOT / "mkdocs.yml")
VERSIONS = SITE_VERSIONS.codes
# Where each version's pages land in the built site.
OUTPUT_PREFIX = {version.code: version.prefix for version in SITE_VERSIONS}
HTML_LANG = {version.code: version.html_lang for version in SITE_VERSIONS}
ENGLISH = SITE_VERSIONS.default.code


def english_pages() -> list[str]:
    """Every English page, as a path relative to docs/en (e.g. 'what-is-a-cetr.md')."""
    return sorted(p.relative_to(DOCS / ENGLISH).as_posix() for p in (DOCS / ENGLISH).rglob("*.md"))


def page_output(version: str, page: str) -> str:
    """'sv', 'what-is-a-cetr.md' -> 'sv/what-is-a-cetr/index.html'."""
    stem = page[:-3]
    html = "index.html" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/") + "index.html"
    return OUTPUT_PREFIX[version] + html


# The tests' own settings: the example values they expect, whatever a fork's local.yml holds.
EXAMPLE_SETTINGS = ROOT / "tests/fixtures/settings/example.yml"
# A fork's settings: real-looking values, no example left (for the tests of a publishing build).
REAL_SETTINGS = ROOT / "tests/fixtures/settings/real.yml"


def copy_project(tmp_path: Path, settings: Path = EXAMPLE_SETTINGS) -> Path:
    """A throwaway copy of the project (without the venv, git and builds), to break one thing in,
    with the tests' own settings as its local.yml."""
    project = mkdocs_copy_project(tmp_path / "project", ROOT)
    shutil.copy(settings, project / "local.yml")
    return project


def run_build(site_dir: Path, extra_env: dict | None = None, config: Path | None = None) -> subprocess.CompletedProcess:
    return mkdocs_build(site_dir, ROOT, config_file=config, env=extra_env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once with --strict from a copy with the tests' own settings, as the tests'
    shared read-only copy."""
    project = copy_project(tmp_path_factory.mktemp("built"))
    site = tmp_path_factory.mktemp("site")
    result = run_build(site, config=project / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every test that needs a browser (Playwright allows one per process)."""
    from scripts.chromium import chromium

    with chromium() as browser:
        yield browser
