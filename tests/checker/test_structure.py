"""Markdown structure and accessibility."""

from __future__ import annotations

import pytest

from tests.checker.conftest import only

EN = "docs/en/help.md"  # its body ends on line 16


def add(project, text: str, rel: str = EN) -> None:
    project.append(rel, "\n" + text + "\n")  # lands on line 18 of docs/en/help.md


def test_no_h1(project):
    project.replace(EN, "# Where to get help", "## Where to get help")
    only(project.check(), f"{EN}:13: structure/h1-count: the page has no '# ' heading: every page has exactly one")


def test_a_skipped_heading_level(project):
    add(project, "### Too deep")
    only(project.check(), f"{EN}:18: structure/skipped-heading-level: heading level 3 after level 1: use ## here")


def test_a_heading_inside_a_code_block_does_not_count(project):
    add(project, "```text\n# Not a heading\n```")
    assert project.check().code == 0


def test_an_image_without_alt_text(project):
    add(project, "![](../assets/map.svg)")
    only(project.check(), f"{EN}:18: structure/image-without-alt: the image ../assets/map.svg has no alt text: say what it shows")


def test_an_html_image_without_alt_text(project):
    add(project, '<img src="map.png">')
    only(project.check(), f"{EN}:18: structure/image-without-alt: an <img> has no alt text: say what it shows")


@pytest.mark.parametrize("text", ["here", "click here", "Read more", "Click here."])
def test_vague_link_text(project, text):
    add(project, f"For help, see [{text}](index.md).")
    only(project.check(), f"{EN}:18: structure/vague-link-text: link text '{text.rstrip('.')}' does not say where it goes")


def test_swedish_vague_link_text(project):
    add(project, "Läs [här](index.md).", rel="docs/sv/help.md")
    only(project.check(), "docs/sv/help.md:18: structure/vague-link-text: link text 'här' does not say where it goes")


def test_a_web_address_as_link_text(project):
    add(project, "See [https://www.england.nhs.uk/](https://www.england.nhs.uk/).")
    only(project.check(), f"{EN}:18: structure/bare-url: link text 'https://www.england.nhs.uk/' is a web address: say where it goes instead")


def test_a_bare_web_address(project):
    add(project, "See https://www.england.nhs.uk/ for more.")
    only(project.check(), f"{EN}:18: structure/bare-url: bare web address https://www.england.nhs.uk/: make it a link with text that says where it goes")


def test_an_autolink(project):
    add(project, "See <https://www.england.nhs.uk/>.")
    only(project.check(), f"{EN}:18: structure/bare-url: bare web address <https://www.england.nhs.uk/>: write link text that says where it goes")


def test_a_table_without_a_header_row(project):
    add(project, "| ICB | arranges the review |\n| SENDIASS | gives advice |")
    only(project.check(), f"{EN}:18: structure/table-without-header: a table needs a header row, then a line like | --- | --- | under it")


def test_a_table_with_an_empty_header_row(project):
    add(project, "|  |  |\n| --- | --- |\n| ICB | arranges the review |")
    only(project.check(), f"{EN}:18: structure/table-without-header: the table's header row is empty: name each column")


@pytest.mark.parametrize("number", ["01632 960123", "0300 123 4567", "(01632) 960123", "+44 1632 960123", "07700900123", "020 7946 0000"])
def test_a_phone_number_typed_into_a_page(project, number):
    add(project, f"Phone them on {number}.")
    only(project.check(), f"{EN}:18: structure/raw-phone-number: phone number '{number}' typed into the page: put it in local.yml and use a token such as {{{{ tel.icb }}}}")


def test_a_phone_number_in_a_letter_counts_too(project):
    add(project, "```text\nCall me on 07700 900123.\n```")
    only(project.check(), f"{EN}:19: structure/raw-phone-number: phone number '07700 900123' typed into the page: put it in local.yml and use a token such as {{{{ tel.icb }}}}")


@pytest.mark.parametrize("text", [
    "In an emergency, call 999. For advice, call 111.",
    "Read [the 2023 policy](https://www.england.nhs.uk/publication/01632960123-policy/).",
    "The page was checked on 2026-11-23, reference 123456.",
    "Mencap's Learning Disability Helpline: 0808 808 1111. Help at Hand: [0800 528 0731](tel:08005280731).",
    "Samaritans: 116 123.",
])
def test_numbers_that_are_not_local_phone_numbers(project, text):
    add(project, text)
    assert project.check().lines == []


@pytest.mark.parametrize("content, line, message", [
    ("numbers:\n  - number: 0808 808 1111\n    name: [Mencap\n", 3, "not valid YAML: a [ opens here and never closes: end it with ], or put the value in quotes"),
    ("numbers:\n  - number: 0808 808 1111\n    name: Mencap\n    source: http://www.mencap.org.uk/\n    checked: 2026-12-02\n", 1,
     "each number needs number:, name:, source: (an https address of the organisation's own page) and checked: (a date)"),
])
def test_a_broken_list_of_national_numbers(project, tmp_path, monkeypatch, content, line, message):
    from scripts.checker import load

    broken = tmp_path / "national-numbers.yml"
    broken.write_text(content, encoding="utf-8")
    monkeypatch.setattr(load, "NATIONAL_NUMBERS_FILE", broken)
    assert f"national-numbers.yml:{line}: structure/invalid-national-numbers: {message}" in project.check().lines


def test_a_national_number_not_on_the_list_is_still_a_raw_number(project):
    add(project, "Call the helpline on 0808 808 1112.")
    only(project.check(), f"{EN}:18: structure/raw-phone-number: phone number '0808 808 1112' typed into the page: put it in local.yml and use a token such as {{{{ tel.icb }}}}")


def test_an_email_address_typed_into_a_page(project):
    add(project, "Write to help@example.org.")
    only(project.check(), f"{EN}:18: structure/raw-email: email address 'help@example.org' typed into the page: put it in local.yml and use a token such as {{{{ email.icb }}}}")


def test_a_mailto_link_counts_too(project):
    add(project, "Write to [the team](mailto:help@example.org).")
    only(project.check(), f"{EN}:18: structure/raw-email: email address 'help@example.org' typed into the page: put it in local.yml and use a token such as {{{{ email.icb }}}}")


def test_a_code_block_that_never_ends(project):
    add(project, "```text\nDear ICB,")
    only(project.check(), f"{EN}:18: structure/unclosed-code-block: a code block starts here but never ends (no closing ```)")


def test_a_heading_with_no_text(project):
    project.append(EN, "\n## \n\nMore text here.\n")
    only(project.check(), f"{EN}:18: structure/empty-heading: a heading with no text")


def test_a_page_that_is_still_a_stub(project):
    project.append(EN, "\nStub.\n")
    only(project.check(), f"{EN}:18: structure/stub: the page is still a stub ('Stub.'): write it before it is published")
