"""Links (--links): a fixture site with one broken link and one broken anchor, both in
docs/en/index.md, found by the fast pass and confirmed by linkchecker."""

from __future__ import annotations

import datetime
import shutil
import tempfile
from pathlib import Path

import pytest

from scripts.checker import links
from scripts.checker.load import load_site
from tests.checker.conftest import FIXTURES, TODAY, run

LINKS = FIXTURES / "links"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture site, loaded and built once for the tests below."""
    site = load_site(LINKS, datetime.date.fromisoformat(TODAY))
    work = tmp_path_factory.mktemp("links")
    assert links.build(site, work / "site") == []
    return site, work


def test_the_checker_reports_the_broken_link_and_the_broken_anchor(tmp_path):
    root = tmp_path / "links"
    shutil.copytree(LINKS, root)
    result = run("--root", str(root), "--today", TODAY, "--links")
    # Found at once in the Markdown (links/missing-*), then again by the build (MkDocs' validation)
    # and in the built site; a link found twice on the same line is reported once, in the Markdown's words.
    assert result.lines == [
        "docs/en/index.md:16: links/missing-anchor: link 'help.md#no-such-heading': there is no section '#no-such-heading' on docs/en/help.md",
        "docs/en/index.md:18: links/missing-page: link '../missing-page/': no page is published at that address",
    ]
    assert (result.summary, result.code) == ("2 errors, 0 warnings", 1)


def test_without_links_the_same_two_are_found_in_about_a_second(tmp_path):
    root = tmp_path / "links"
    shutil.copytree(LINKS, root)
    result = run("--root", str(root), "--today", TODAY)
    assert result.lines == [
        "docs/en/index.md:16: links/missing-anchor: link 'help.md#no-such-heading': there is no section '#no-such-heading' on docs/en/help.md",
        "docs/en/index.md:18: links/missing-page: link '../missing-page/': no page is published at that address",
    ]
    assert result.code == 1


def test_the_fast_pass_finds_both(built):
    site, work = built
    assert sorted(str(f) for f in links.fast_pass(site, work / "site")) == [
        "docs/en/index.md:16: links/broken: link 'help/#no-such-heading' on index.html: no heading or anchor '#no-such-heading' on help/index.html",
        "docs/en/index.md:18: links/broken: link '../missing-page/' on index.html: the page does not exist",
    ]


def test_linkchecker_finds_both(built):
    site, work = built
    findings, report = links.run_linkchecker(site, work / "site", external=False, work=work)
    assert sorted((f.path, f.line, f.rule) for f in findings) == [
        ("docs/en/index.md", 16, "links/broken"),
        ("docs/en/index.md", 18, "links/broken"),
    ]
    assert "Anchor `no-such-heading' (decoded: `no-such-heading') not found" in " ".join(f.message for f in findings)
    assert report == []


def test_a_link_to_a_missing_page_fails_the_build_and_is_reported_on_its_page(tmp_path):
    root = tmp_path / "links"
    shutil.copytree(LINKS, root)
    page = root / "docs" / "sv" / "help.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nLäs om [något som saknas](saknas.md).\n", encoding="utf-8")
    result = run("--root", str(root), "--today", TODAY, "--links")
    assert result.lines == [
        "docs/en/index.md:16: links/missing-anchor: link 'help.md#no-such-heading': there is no section '#no-such-heading' on docs/en/help.md",
        "docs/en/index.md:18: links/missing-page: link '../missing-page/': no page is published at that address",
        "docs/sv/help.md:20: links/missing-page: link 'saknas.md': there is no page docs/sv/saknas.md",
    ]
    assert result.code == 1


def test_external_links_are_warnings_with_their_status():
    site = load_site(LINKS, datetime.date.fromisoformat(TODAY))
    base = "http://127.0.0.1:1/"
    output = (
        "urlname;parentname;base;result;warningstring;infostring;valid;url;line;column;name;dltime;size;checktime;cached;level;modified\n"
        "https://www.england.nhs.uk/gone/;http://127.0.0.1:1/help/;;404 Not Found;;;False;https://www.england.nhs.uk/gone/;20;1;x;0;0;0;0;1;\n"
        "https://www.england.nhs.uk/;http://127.0.0.1:1/help/;;200 OK;;;True;https://www.england.nhs.uk/;21;1;x;0;0;0;0;1;\n"
    )
    findings, report = links.parse_linkchecker(site, output, base)
    assert [str(f) for f in findings] == ["docs/en/help.md:1: links/external: warning: external link https://www.england.nhs.uk/gone/: 404 Not Found"]
    assert report == [
        "External links (address, status, page):",
        "  https://www.england.nhs.uk/gone/  404 Not Found  (on docs/en/help.md)",
        "  https://www.england.nhs.uk/  200 OK  (on docs/en/help.md)",
    ]


def test_built_pages_map_back_to_their_markdown():
    site = load_site(LINKS, datetime.date.fromisoformat(TODAY))
    assert links.source_of(site, "index.html") == "docs/en/index.md"
    assert links.source_of(site, "sv/help/index.html") == "docs/sv/help.md"
    assert links.source_of(site, "en-easy/index.html") == "docs/en-easy/index.md"
    assert links.source_of(site, "assets/x.html") is None


# --- Links in the Markdown, checked on every run (no build) -----------------------------------------

from tests.checker.conftest import only  # noqa: E402

EN = "docs/en/help.md"  # its body ends on line 16


def add(project, text: str, rel: str = EN) -> None:
    project.append(rel, "\n" + text + "\n")  # lands on line 18 of docs/en/help.md


def test_a_link_to_a_page_that_does_not_exist(project):
    add(project, "Read [the meeting](the-meeting.md).")
    only(project.check(), f"{EN}:18: links/missing-page: link 'the-meeting.md': there is no page docs/en/the-meeting.md")


def test_a_link_to_a_section_that_does_not_exist(project):
    add(project, "Read [who to ask](index.md#who-asks).")
    only(project.check(), f"{EN}:18: links/missing-anchor: link 'index.md#who-asks': there is no section '#who-asks' on docs/en/index.md")


def test_a_link_to_a_section_of_the_same_page(project):
    add(project, "## Before the meeting\n\nSee [above](#before-the-meting).")
    only(project.check(), f"{EN}:20: links/missing-anchor: link '#before-the-meting': there is no section '#before-the-meting' on this page")


def test_section_addresses_are_made_like_mkdocs_makes_them(project):
    # words of the heading, Swedish letters without their dots, a repeat with _1, an {#id} of its own
    add(project, "## Före mötet: vad gör **jag**?\n\n## Help\n\n## Help\n\n## Local teams {#local}\n\n"
                 "See [1](#fore-motet-vad-gor-jag), [2](#help_1), [3](#local) and [4](index.md#who-to-ask).")
    result = project.check()
    assert not [line for line in result.lines if "links/" in line], result.lines


def test_a_page_continued_on_a_page_that_does_not_exist(project):
    project.replace(EN, "updated: 2026-11-01\n", "updated: 2026-11-01\ncontinued_on: help-l-z.md\n")
    only(project.check(), f"{EN}:7: links/missing-page: continued_on: 'help-l-z.md': there is no page docs/en/help-l-z.md")


def test_a_page_continued_on_a_page_that_is_continued_in_turn(project):
    project.replace(EN, "updated: 2026-11-01\n", "updated: 2026-11-01\ncontinued_on: index.md\n")
    project.replace("docs/en/index.md", "---\n", "---\ncontinued_on: help.md\n")
    result = project.check()
    assert (result.lines, result.code) == ([  # each names the other: readers would go round in circles
        f"{EN}:7: links/continued-on-chain: continued_on: 'index.md' is continued on 'help.md' in turn: a page is split "
        "in two at most, so remove continued_on from docs/en/index.md",
        "docs/en/index.md:2: links/continued-on-chain: continued_on: 'help.md' is continued on 'index.md' in turn: a page is "
        f"split in two at most, so remove continued_on from {EN}",
    ], 1), result.lines


def test_a_picture_that_does_not_exist(project):
    add(project, "![A map of the area](../assets/area-map.svg)")
    only(project.check(), f"{EN}:18: links/missing-file: link '../assets/area-map.svg': there is no file docs/assets/area-map.svg")


def test_a_link_that_starts_with_a_slash(project):
    add(project, "Read [the Swedish guide](/sv/).")
    only(project.check(), f"{EN}:18: links/absolute-link: link '/sv/' starts with /: it breaks when the site is published in a folder; "
                          "write it relative, like 'sv/'")


def test_links_to_another_versions_home(project):
    add(project, "In [Svenska](../sv/) and [Easy Read](../en-easy/), or [nowhere](../xx/).")
    only(project.check(), f"{EN}:18: links/missing-page: link '../xx/': no page is published at that address")


def test_a_link_to_a_missing_translation_is_reported_once(project):
    project.path("docs/sv/help.md").unlink()
    only(project.check(), "docs/en/help.md:1: versions/missing-translation: no Swedish version: docs/sv/help.md does not exist")


def test_links_in_code_are_only_shown(project):
    add(project, "```markdown\n[the meeting](the-meeting.md)\n```\n\nType `[x](nowhere.md)`.")
    assert project.check().code == 0


def test_a_build_that_cannot_run(tmp_path, monkeypatch):
    def no_mkdocs(*args, **kwargs):
        raise FileNotFoundError("mkdocs")

    monkeypatch.setattr(links, "mkdocs_build", no_mkdocs)
    result = run("--root", str(FIXTURES / "links"), "--today", TODAY, "--links")
    assert (result.lines, result.code) == ([
        # found in the Markdown first, then the build cannot run
        "docs/en/index.md:16: links/missing-anchor: link 'help.md#no-such-heading': there is no section '#no-such-heading' on docs/en/help.md",
        "docs/en/index.md:18: links/missing-page: link '../missing-page/': no page is published at that address",
        "mkdocs.yml:1: links/build-failed: mkdocs is not installed: run make setup"], 1)


def test_linkchecker_that_cannot_run(built, monkeypatch):
    """The site is built (the module's one build); then linkchecker is missing."""
    site, work = built
    real_executable = links.executable
    monkeypatch.setattr(links, "executable", lambda name: None if name == "linkchecker" else real_executable(name))
    findings, report = links.run_linkchecker(site, work / "site", external=False, work=work / "no-linkchecker")
    assert ([str(finding) for finding in findings], report) == (
        ["mkdocs.yml:1: links/linkchecker-failed: linkchecker is not installed: run make setup"], [])
