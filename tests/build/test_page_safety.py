"""The build refuses unsafe files with a clear line (no traceback), and escapes what pages and
local.yml put into the HTML (overrides/hooks/page_safety.py, scripts/local_settings.py)."""

from __future__ import annotations

import os
import re

import pytest

from tests.conftest import copy_project, run_build


def build(tmp_path, project):
    result = run_build(tmp_path / "site", config=project / "mkdocs.yml")
    return result, result.stdout + result.stderr


@pytest.mark.parametrize(
    "damage, line",
    [
        (lambda page: page.write_bytes(page.read_bytes() + b"\nCaf\xe9 au lait\n"), "page/not-text: the file is not UTF-8 text"),
        (lambda page: page.write_bytes(page.read_bytes() + b"\nWe do not\x00 track you.\n"),
         "safety/nul-byte: the page has a NUL character (byte 0), which no text should have: the file is damaged or not a page; retype this line"),
    ],
    ids=["not UTF-8", "NUL"],
)
def test_a_page_that_is_not_text_stops_the_build_with_its_line(tmp_path, damage, line):
    project = copy_project(tmp_path)
    page = project / "docs/en/privacy.md"
    number = page.read_bytes().count(b"\n") + 2
    damage(page)
    result, output = build(tmp_path, project)
    assert result.returncode == 1
    assert f"docs/en/privacy.md:{number}: {line}" in output
    assert "Traceback" not in output


def test_a_symbolic_link_under_docs_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    os.symlink("/etc/passwd", project / "docs/assets/passwd.txt")
    result, output = build(tmp_path, project)
    assert result.returncode == 1
    assert ("docs/assets/passwd.txt:1: safety/symlink: 'docs/assets/passwd.txt' is a symbolic link to /etc/passwd: "
            "the build would publish that file; put a real file here") in output
    assert not (tmp_path / "site/assets/passwd.txt").exists()


def test_front_matter_and_settings_reach_the_page_as_text(tmp_path):
    project = copy_project(tmp_path)
    page = project / "docs/en/privacy.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", 'title: "Privacy <img src=x onerror=alert(1)>"', text, count=1, flags=re.M)
    text = re.sub(r"^description: .*$", "description: 'Privacy\" onmouseover=\"alert(2)'", text, count=1, flags=re.M)
    text = re.sub(r"^    publisher: .*$", "    publisher: \"<script>alert(3)</script>\"", text, count=1, flags=re.M)
    page.write_text(text + "\nAsk {{ link.send_team }} in {{ local.area_name }}.\n", encoding="utf-8")
    settings = (project / "local.yml").read_text(encoding="utf-8")
    settings = settings.replace("name: Exampleshire Council SEND team", "name: 'SEND team](javascript:alert(4))'")
    settings = settings.replace("area_name: Exampleshire", "area_name: \"Exampleshire <b onclick='alert(5)'>\"")
    (project / "local.yml").write_text(settings, encoding="utf-8")
    result, output = build(tmp_path, project)
    assert result.returncode == 0, output[-3000:]
    html = (tmp_path / "site/privacy/index.html").read_text(encoding="utf-8")
    assert 'href="javascript:' not in html and "<script>alert" not in html and "<img src=x" not in html
    assert "onerror" not in html.replace("onerror=alert(1)&gt;", "") and "<b onclick" not in html
    assert '<meta name="description" content="Privacy&quot; onmouseover=&quot;alert(2)">' in html
    assert "<title>Privacy &lt;img src=x onerror=alert(1)&gt; - " in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html
    assert re.search(r'<a href="https://www.example.org/council/send">(<abbr [^>]*>SEND</abbr>|SEND) team\]\(javascript:alert\(4\)\)</a>', html)
    assert "in Exampleshire &lt;b onclick='alert(5)'&gt;." in html


@pytest.mark.parametrize("version, words", [("en", "Due for review: we are checking this page again."),
                                            ("sv", "Ska ses över: vi går igenom sidan igen."),
                                            ("en-easy", "We need to check this page again.")])
def test_a_page_past_its_review_date_says_so_to_readers(tmp_path, version, words):
    import datetime

    project = copy_project(tmp_path)
    page = project / f"docs/{version}/privacy.md"
    past = (datetime.date.today() - datetime.timedelta(days=3)).isoformat()
    page.write_text(re.sub(r"^next_review: .*$", f"next_review: {past}", page.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    result, output = build(tmp_path, project)
    assert result.returncode == 0, output[-2000:]
    prefix = "" if version == "en" else f"{version}/"
    assert f'<p class="cetr-page-facts__due"><strong>{words}' in (tmp_path / f"site/{prefix}privacy/index.html").read_text(encoding="utf-8")
    assert "cetr-page-facts__due" not in (tmp_path / f"site/{prefix}about/index.html").read_text(encoding="utf-8")
