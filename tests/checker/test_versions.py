"""Versions in step: twins, orphans, out-of-date translations, the menu."""

from __future__ import annotations

from tests.checker.conftest import only


def test_a_missing_translation(project):
    project.path("docs/en-easy/help.md").unlink()
    only(project.check(), "docs/en/help.md:1: versions/missing-translation: no Easy Read version: docs/en-easy/help.md does not exist")


def test_an_orphan_translation(project):
    project.write("docs/sv/extra.md", project.read("docs/sv/help.md").replace("title: Var du får hjälp", "title: Extra"))
    only(project.check(), "docs/sv/extra.md:1: versions/orphan-translation: no English page docs/en/extra.md for this Swedish page")


def test_an_out_of_date_translation(project):
    project.replace("docs/en/help.md", "updated: 2026-11-01", "updated: 2026-11-23")
    project.replace("docs/en-easy/help.md", "english_version: 2026-11-01", "english_version: 2026-11-23")
    only(project.check(), "docs/sv/help.md:6: versions/out-of-date: translation follows English of 2026-11-01 but English changed on 2026-11-23")


def test_a_translation_that_follows_an_english_version_that_never_was(project):
    project.replace("docs/sv/help.md", "english_version: 2026-11-01", "english_version: 2026-11-05")
    only(project.check(), "docs/sv/help.md:6: versions/unknown-english-version: english_version 2026-11-05 is later than the English page's updated 2026-11-01: set it to 2026-11-01")


def test_a_page_not_in_the_menu(project):
    project.replace("mkdocs.yml", "      - help.md\n", "      - index.md\n")
    result = project.check()
    assert result.lines == [
        "docs/en/help.md:1: versions/not-in-nav: the page is not in the menu: add 'help.md' to nav: in mkdocs.yml",
        "mkdocs.yml:43: versions/nav-duplicate: 'index.md' is in the menu twice",
    ]


def test_a_menu_entry_without_a_page(project):
    project.replace("mkdocs.yml", "      - help.md\n", "      - help.md\n      - gone.md\n")
    only(project.check(), "mkdocs.yml:44: versions/nav-missing-page: the menu lists 'gone.md' but docs/en/gone.md does not exist")


def test_a_missing_version_folder(project):
    import shutil

    shutil.rmtree(project.path("docs/en-easy"))
    result = project.check()
    assert result.lines == [
        "docs/en-easy:1: versions/missing-folder: the folder docs/en-easy/ for the en-easy pages does not exist",
        "docs/en/help.md:1: versions/missing-translation: no Easy Read version: docs/en-easy/help.md does not exist",
        "docs/en/index.md:1: versions/missing-translation: no Easy Read version: docs/en-easy/index.md does not exist",
    ]


def test_a_translation_that_cites_other_sources(project):
    project.replace("docs/sv/help.md", "url: https://www.england.nhs.uk/learning-disabilities/care/ctr/", "url: https://www.example.org/other")
    only(project.check(), "docs/sv/help.md:7: versions/sources-differ: the sources differ from docs/en/help.md: "
                          "missing https://www.england.nhs.uk/learning-disabilities/care/ctr/; not in English https://www.example.org/other")


def test_an_english_only_page_with_its_link_is_fine(project):
    project.replace("docs/sv/help.md", "english_version: 2026-11-01", "english_version: 2026-11-01\nenglish_only: true")
    project.append("docs/sv/help.md", "\nSidan finns på engelska: [Help](../../help/).\n")
    result = project.check()
    assert (result.lines, result.code) == ([], 0), result.lines


def test_an_english_only_page_without_a_link_to_the_english_page(project):
    project.replace("docs/sv/help.md", "english_version: 2026-11-01", "english_version: 2026-11-01\nenglish_only: true")
    only(project.check(), "docs/sv/help.md:7: versions/english-only-without-link: the page says the full page is in English only "
                          "(english_only: true), but does not link to it: add a link to the English page, [...](../../help/)")


def test_english_only_is_for_translations(project):
    project.replace("docs/en/help.md", "updated: 2026-11-01", "updated: 2026-11-01\nenglish_only: true")
    only(project.check(), "docs/en/help.md:7: front-matter/unknown-field: unknown field 'english_only' (the fields are listed in CONTRIBUTING.md)")


def test_an_english_only_page_need_not_give_the_english_pages_contacts(project):
    """It says who the page is for and links to it; it does not translate it (versions/tokens-differ)."""
    project.replace("docs/sv/help.md", "english_version: 2026-11-01", "english_version: 2026-11-01\nenglish_only: true")
    project.write("docs/sv/help.md", project.read("docs/sv/help.md").split("\n---\n", 1)[0]
                  + "\n---\n\n# Var du får hjälp\n\nSidan finns bara på engelska: [Help](../../help/).\n")
    result = project.check()
    assert (result.lines, result.code) == ([], 0), result.lines
