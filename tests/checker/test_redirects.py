"""Redirects: a published page that is gone leaves a redirect; redirects lead to pages that exist."""

from __future__ import annotations

import subprocess

import pytest

from tests.checker.conftest import only


def git(project, *args):
    subprocess.run(["git", "-C", str(project.root), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "HOME": str(project.root), "PATH": "/usr/bin:/bin"})


def publish_then_remove_help(project):
    """Commit the clean project (so help.md counts as published), then remove help.md everywhere."""
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "publish")
    for version in ("en", "sv", "en-easy"):
        project.path(f"docs/{version}/help.md").unlink()
        project.replace(f"docs/{version}/index.md", "](help.md)", "](index.md)")  # a link to a gone page is links/missing-page
    project.replace("mkdocs.yml", "      - help.md\n", "")
    return subprocess.run(["git", "-C", str(project.root), "log", "--format=%h", "-1"],
                          capture_output=True, text=True).stdout.strip()


def test_a_removed_page_without_a_redirect(project):
    commit = publish_then_remove_help(project)
    only(project.check(), f"redirects.yml:1: redirects/removed-page: docs/en/help.md was published (commit {commit}) "
                          "and is gone: add 'help.md: <new page>.md' so links people shared keep working")


def test_a_removed_page_with_a_redirect_is_fine(project):
    publish_then_remove_help(project)
    project.write("redirects.yml", "redirects:\n  help.md: index.md\n")
    result = project.check()
    assert (result.lines, result.code) == ([], 0), result.lines


def test_a_redirect_to_a_page_that_does_not_exist(project):
    project.write("redirects.yml", "# moved pages\nredirects:\n  old.md: gone.md\n")
    result = project.check()
    assert result.code == 1
    assert result.lines == [
        f"redirects.yml:3: redirects/missing-target: 'old.md' points to 'gone.md', which does not exist in docs/{version}/"
        for version in ("en-easy", "en", "sv")  # sorted as printed
    ]


def test_a_redirect_from_a_page_that_still_exists(project):
    project.write("redirects.yml", "redirects:\n  help.md: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/page-still-exists: 'help.md' still exists in docs/en/: remove the page or the redirect")


def test_a_redirects_file_that_is_not_yaml(project):
    project.write("redirects.yml", "redirects:\n  old.md: [new.md\n")
    only(project.check(), "redirects.yml:2: redirects/invalid-file: not valid YAML: a [ opens here and never closes: end it with ], or put the value in quotes")


def test_a_redirects_file_with_an_unclosed_quote(project):
    project.write("redirects.yml", "# moved pages\nredirects:\n  old.md: 'index.md\n  other.md: help.md\n")
    only(project.check(), "redirects.yml:3: redirects/invalid-file: not valid YAML: a quote (') opens here and never closes: "
                          "end the value with ' on the same line")


def test_a_redirect_name_with_dots_that_would_replace_a_page(project):
    project.write("redirects.yml", "redirects:\n  x/../help.md: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/bad-name: 'x/../help.md' is not a page file name: write it like "
                          "what-is-a-cetr.md (lower case letters, digits and hyphens; no '..', no '/' at the start)")


def test_a_redirect_name_outside_the_site(project):
    project.write("redirects.yml", "redirects:\n  old.md: index.md\n  /etc/cron.d/x.md: index.md\n")
    only(project.check(), "redirects.yml:3: redirects/bad-name: '/etc/cron.d/x.md' is not a page file name: write it like "
                          "what-is-a-cetr.md (lower case letters, digits and hyphens; no '..', no '/' at the start)")


def test_a_redirect_at_the_address_of_a_page(project):
    project.write("redirects.yml", "redirects:\n  help/index.md: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/page-still-exists: 'help/index.md' still exists in docs/en/: remove the page or the redirect")


def test_a_redirect_into_a_versions_folder(project):
    project.write("redirects.yml", "redirects:\n  en-easy.md: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/bad-name: 'en-easy.md' would be written into the site's own folder /en-easy/: choose another name")


# Short addresses (short_addresses: in redirects.yml)

def test_short_addresses_that_lead_to_pages_are_fine(project):
    project.write("redirects.yml", "short_addresses:\n  h: help.md\n  help-now: help.md#top\n")
    result = project.check()
    assert (result.lines, result.code) == ([], 0), result.lines


def test_a_short_address_that_is_a_page(project):
    project.write("redirects.yml", "short_addresses:\n  help: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/short-address-is-a-page: 'help' is already the address of the page "
                          "docs/en/help.md: choose another short address")


def test_a_short_address_listed_twice(project):
    project.write("redirects.yml", "short_addresses:\n  start: index.md\n  other: help.md\n  start: help.md\n")
    only(project.check(), "redirects.yml:4: redirects/short-address-taken: 'start' is listed twice (first on line 2): "
                          "a short address leads to one page only")


def test_a_short_address_that_is_a_moved_pages_old_address(project):
    project.write("redirects.yml", "redirects:\n  old.md: help.md\nshort_addresses:\n  old: index.md\n")
    only(project.check(), "redirects.yml:4: redirects/short-address-taken: 'old' is already the old address of a moved page "
                          "(line 2): choose another short address")


def test_a_short_address_that_is_a_version_folder(project):
    project.write("redirects.yml", "short_addresses:\n  sv: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/short-address-taken: 'sv' is the folder of the Swedish version: choose another short address")


def test_a_short_address_that_is_a_folder_of_the_site(project):
    project.write("redirects.yml", "short_addresses:\n  leaflets: index.md\n")
    only(project.check(), "redirects.yml:2: redirects/short-address-taken: 'leaflets' is a folder of the site: choose another short address")


@pytest.mark.parametrize("name", ["Help-Now", "help_now", "help now", "a-very-long-short-address"])
def test_a_short_address_that_is_hard_to_type(project, name):
    project.write("redirects.yml", f"short_addresses:\n  '{name}': index.md\n")
    only(project.check(), f"redirects.yml:2: redirects/short-address-not-typeable: '{name}' is hard to type from paper: "
                          "use lower-case letters, digits and hyphens, at most 20 characters (for example 'hospital')")


def test_a_short_address_to_a_page_that_does_not_exist(project):
    project.write("redirects.yml", "short_addresses:\n  h: gone.md#part\n")
    result = project.check()
    assert result.code == 1
    assert result.lines == [
        f"redirects.yml:2: redirects/missing-target: 'h' points to 'gone.md#part', which does not exist in docs/{version}/"
        for version in ("en-easy", "en", "sv")
    ]


def test_short_addresses_that_are_not_a_map(project):
    project.write("redirects.yml", "redirects: {}\nshort_addresses:\n  - hospital\n")
    only(project.check(), "redirects.yml:3: redirects/invalid-file: 'short_addresses' must map short addresses to pages "
                          "(hospital: in-hospital-now.md)")
