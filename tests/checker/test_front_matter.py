"""Front matter: fields present and typed, real dates, reviews not overdue, unique titles, YAML."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from scripts.checker.front_matter import SCHEMA_FILE
from tests.checker.conftest import only

EN = "docs/en/help.md"
SV = "docs/sv/help.md"


def test_a_missing_field(project):
    project.replace(EN, "updated: 2026-11-01\n", "")
    only(project.check(), f"{EN}:11: front-matter/missing-field: the field 'updated' is missing (English pages need it)")


def test_a_translation_needs_english_version(project):
    project.replace(SV, "english_version: 2026-11-01\n", "")
    only(project.check(), f"{SV}:11: front-matter/missing-field: the field 'english_version' is missing (Swedish pages need it)")


def test_english_version_on_an_english_page_is_not_a_field(project):
    project.replace(EN, "updated: 2026-11-01\n", "updated: 2026-11-01\nenglish_version: 2026-11-01\n")
    only(project.check(), f"{EN}:7: front-matter/unknown-field: 'english_version' is not a field of this page: English pages have 'updated'")


def test_an_unknown_field(project):
    project.replace(EN, "title: Where to get help\n", "title: Where to get help\nauthor: Sam\n")
    only(project.check(), f"{EN}:3: front-matter/unknown-field: unknown field 'author' (the fields are listed in CONTRIBUTING.md)")


def test_a_date_that_is_not_in_the_calendar(project):
    project.replace(EN, "last_reviewed: 2026-11-23", "last_reviewed: 2026-02-30")
    only(project.check(), f"{EN}:4: front-matter/bad-date: 'last_reviewed' is not a real date: 2026-02-30")


def test_a_date_that_is_not_a_date(project):
    project.replace(EN, "next_review: 2027-05-23", "next_review: soon")
    only(project.check(), f"{EN}:5: front-matter/bad-date: 'next_review' should be a date like 2026-11-23, not 'soon'")


def test_a_source_checked_date_that_is_wrong(project):
    project.replace(EN, "    checked: 2026-11-23", "    checked: 2026-13-01")
    only(project.check(), f"{EN}:11: front-matter/bad-date: 'sources[1].checked' is not a real date: 2026-13-01")


def test_a_review_date_just_past_is_a_warning_so_an_urgent_fix_can_go_out(project):
    project.replace(EN, "next_review: 2027-05-23", "next_review: 2026-11-22")
    result = project.check()
    assert result.code == 0
    assert result.lines == [f"{EN}:5: front-matter/review-due: warning: next_review 2026-11-22 has passed: readers see 'due for review'; "
                            "check the page against its sources, then set last_reviewed and a new next_review (after 2027-01-21 this stops publishing)"]


def test_a_review_date_60_days_past_is_still_a_warning(project):
    project.replace(EN, "next_review: 2027-05-23", "next_review: 2026-09-24")  # TODAY is 2026-11-23
    result = project.check()
    assert result.code == 0 and ": front-matter/review-due: warning: " in result.lines[0]


def test_a_review_date_more_than_60_days_past_is_an_error(project):
    project.replace(EN, "next_review: 2027-05-23", "next_review: 2026-09-23")
    only(project.check(), f"{EN}:5: front-matter/review-overdue: next_review 2026-09-23 is more than 60 days past: "
                          "check the page against its sources, then set last_reviewed and a new next_review")


def test_a_review_date_today_is_fine(project):
    project.replace(EN, "next_review: 2027-05-23", "next_review: 2026-11-23")
    assert project.check().code == 0


def test_a_long_description(project):
    project.replace(EN, "description: Who can help you before and after a review.", "description: " + "word " * 33)
    only(project.check(), f"{EN}:3: front-matter/description-too-long: the description has 164 characters: at most 160")


def test_a_title_of_the_wrong_type(project):
    project.replace(EN, "title: Where to get help", "title: [Where, to]")
    only(project.check(), f"{EN}:2: front-matter/wrong-type: 'title' should be text, not a list")


def test_a_source_without_an_address(project):
    project.replace(EN, "    url: https://www.england.nhs.uk/learning-disabilities/care/ctr/\n", "")
    only(project.check(), f"{EN}:8: front-matter/missing-field: 'sources[1]' needs the field 'url'")


def test_titles_are_unique_within_a_version(project):
    project.replace("docs/sv/help.md", "title: Var du får hjälp", "title: Start")
    only(project.check(), "docs/sv/index.md:2: front-matter/duplicate-title: the title 'Start' is already used by docs/sv/help.md: titles must be unique within a version")


def test_the_same_title_in_two_versions_is_fine(project):
    assert project.read("docs/en/index.md").count("title: Home") and project.read("docs/en-easy/index.md").count("title: Home")
    assert project.check().code == 0


def test_front_matter_that_is_not_yaml(project):
    project.replace(EN, "title: Where to get help", "title: [Where to get help")
    only(project.check(), f"{EN}:2: front-matter/invalid-yaml: the front matter is not valid YAML: "
                          "a [ opens here and never closes: end it with ], or put the value in quotes")


def test_a_colon_in_a_value_says_to_use_quotes(project):
    project.replace(EN, "description: Who can help you before and after a review.", "description: Help: who can help you")
    only(project.check(), f"{EN}:3: front-matter/invalid-yaml: the front matter is not valid YAML: "
                          'a value with a colon in it needs quotes around it, like: description: "Help: who can help you"')


def test_an_unclosed_quote_is_found_where_it_opens(project):
    project.replace(EN, "title: Where to get help", 'title: "Where to get help')
    only(project.check(), f"{EN}:2: front-matter/invalid-yaml: the front matter is not valid YAML: "
                          'a quote (") opens here and never closes: end the value with " on the same line')


def test_no_front_matter(project):
    project.write(EN, "# Where to get help\n\nText.\n")
    only(project.check(), f"{EN}:1: front-matter/missing: the page has no front matter: it must start with a line '---' (see CONTRIBUTING.md)")


def test_front_matter_that_never_ends(project):
    project.write(EN, "---\ntitle: Where to get help\n\n# Where to get help\n")
    only(project.check(), f"{EN}:1: front-matter/missing: the front matter starts with '---' but has no closing '---' line")


def test_an_empty_page(project):
    project.write(EN, "")
    only(project.check(), f"{EN}:1: page/empty: the page is empty")


def test_front_matter_but_no_text(project):
    text = project.read(EN)
    project.write(EN, text[: text.index("# Where")])
    only(project.check(), f"{EN}:12: page/empty: the page has front matter but no text")


def test_a_file_that_is_not_text(project):
    project.path(EN).write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    only(project.check(), f"{EN}:2: page/not-text: the file is not UTF-8 text")


def test_a_field_given_twice(project):
    project.replace(EN, "title: Where to get help\n", "title: Where to get help\ntitle: Help\n")
    only(project.check(), f"{EN}:3: front-matter/duplicate-field: the field 'title' appears twice")


def test_the_schema_is_valid_and_accepts_the_fixture_pages():
    schema = json.loads(Path(SCHEMA_FILE).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    page = {"title": "T", "description": "D", "last_reviewed": "2026-11-23", "next_review": "2027-05-23",
            "updated": "2026-11-23", "sources": [{"title": "S", "publisher": "P", "url": "https://x.org/", "checked": "2026-11-23"}]}
    jsonschema.validate(page, schema)
    translation = {**{k: v for k, v in page.items() if k != "updated"}, "english_version": "2026-11-23"}
    jsonschema.validate(translation, schema)


def test_an_empty_title(project):
    project.replace(EN, "title: Where to get help", 'title: ""')
    only(project.check(), f"{EN}:2: front-matter/empty-field: 'title' is empty")


def test_a_source_address_that_is_not_a_web_address(project):
    project.replace(EN, "url: https://www.england.nhs.uk/learning-disabilities/care/ctr/", "url: www.england.nhs.uk/ctr/")
    only(project.check(), f"{EN}:10: front-matter/invalid-value: 'sources[1].url': 'www.england.nhs.uk/ctr/' does not match '^https?://'")
