"""`make serve` rebuilds when local.yml, redirects.yml or an abbreviation file changes, not only docs/."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request

import pytest

from scripts.mkdocs_build import executable
from tests.conftest import copy_project

PORT = 8171  # this test's own port (the range 8170-8179 belongs to these tests)


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:  # not up yet, or busy rebuilding (URLError, refused, timed out)
        return ""


def wait_for(url: str, needle: str, seconds: int = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = fetch(url)
        if needle in html:
            return html
        time.sleep(0.5)
    raise AssertionError(f"{needle!r} never appeared at {url} within {seconds} s")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("serve"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("CETR_PUBLISH", None)
    server = subprocess.Popen([executable("mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{PORT}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{PORT}/where-to-get-help/", "Exampleshire", seconds=120)
        yield project
    finally:
        server.terminate()
        server.wait(timeout=30)


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_change_to_local_yml_reaches_the_page(served):
    edit(served / "local.yml", "area_name: Exampleshire", "area_name: Westshire")
    wait_for(f"http://127.0.0.1:{PORT}/where-to-get-help/", "teams in Westshire")


def test_a_change_to_redirects_yml_adds_the_redirect(served):
    edit(served / "redirects.yml", "redirects: {}\n", "redirects:\n  helpline.md: get-help-now.md\n")
    wait_for(f"http://127.0.0.1:{PORT}/helpline/", "get-help-now/")


def test_a_change_to_an_abbreviation_file_reaches_the_page(served):
    # (ICB: the page's headings name CETR, so its CETR tooltips are left out: overrides/hooks/slim_html.py)
    edit(served / "includes/abbreviations/en.md", "*[ICB]: Integrated Care Board\n", "*[ICB]: Integrated Care Board (the local NHS)\n")
    wait_for(f"http://127.0.0.1:{PORT}/what-is-a-cetr/", 'title="Integrated Care Board (the local NHS)"')
