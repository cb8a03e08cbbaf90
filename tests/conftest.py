"""Fixtures shared by every kind of test: the project's paths and one strict build of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VERSIONS = ("en", "sv", "en-easy")
# Where each version's pages land in the built site.
OUTPUT_PREFIX = {"en": "", "sv": "sv/", "en-easy": "en-easy/"}
HTML_LANG = {"en": "en", "sv": "sv", "en-easy": "en"}
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))


def english_pages() -> list[str]:
    """Every English page, as a path relative to docs/en (e.g. 'what-is-a-cetr.md')."""
    return sorted(p.relative_to(DOCS / "en").as_posix() for p in (DOCS / "en").rglob("*.md"))


def page_output(version: str, page: str) -> str:
    """'sv', 'what-is-a-cetr.md' -> 'sv/what-is-a-cetr/index.html'."""
    stem = page[:-3]
    html = "index.html" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/") + "index.html"
    return OUTPUT_PREFIX[version] + html


def copy_project(tmp_path: Path) -> Path:
    """A throwaway copy of the project (without the venv, git and builds), to break one thing in."""
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "site*", "screenshots", "benchmark-results"))
    return project


def run_build(site_dir: Path, extra_env: dict | None = None, config: Path | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "CETR_PUBLISH"}
    env.update({"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    # Never --quiet: it hides the warnings that --strict turns into failures.
    command = [MKDOCS, "build", "--strict", "--site-dir", str(site_dir)]
    if config:
        command += ["--config-file", str(config)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once with --strict, as the tests' shared read-only copy."""
    site = tmp_path_factory.mktemp("site")
    result = run_build(site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every test that needs a browser (Playwright allows one per process)."""
    from scripts.chromium import chromium

    with chromium() as browser:
        yield browser
