"""Easy Read rules (scripts/checker/easy_read.py): each rule's exact line on a bad fixture page."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from scripts import site_versions
from scripts.checker import easy_read
from scripts.checker import load as loading
from tests.checker.conftest import only

EASY, HOME = "docs/en-easy/help.md", "docs/en-easy/index.md"  # audience: young people / family
PICTURES = "docs/assets/pictures/pictures.yml"
STRINGS = Path(__file__).resolve().parents[2] / "includes" / "strings" / "en-easy.yml"
LIST = "![A list](../assets/pictures/list.svg)"


def add(project, text: str, rel: str = EASY) -> int:
    """Append text after an empty line; the line it starts on."""
    line = len(project.read(rel).splitlines()) + 2
    project.append(rel, "\n" + text + "\n")
    return line


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * (count - 1)) + " end."


def body_line(project, rel: str) -> int:
    return project.read(rel).splitlines().index("---", 1) + 2


def test_the_fixture_is_clean(project):
    result = project.check()
    assert (result.lines, result.code) == ([], 0)


# --- Points -------------------------------------------------------------------------------------

def test_a_sentence_over_15_words(project):
    line = add(project, LIST + "\n" + words(16))
    only(project.check(), f"{EASY}:{line + 1}: easy-read/sentence-too-long: sentence of 16 words (at most 15): 'word word word word word word word word word word word word…'")


def test_a_token_counts_as_the_value_a_reader_sees(project):
    # 14 words and a phone number of 2 words: 15 with a placeholder word, 16 as read.
    line = add(project, LIST + "\n" + " ".join(["word"] * 14) + " {{ tel.icb }}.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/sentence-too-long: sentence of 16 words (at most 15): 'word word word word word word word word word word word word…'")


def test_a_point_of_3_sentences(project):
    line = add(project, LIST + "\nOne idea.\nTwo ideas.\nThree ideas.")
    only(project.check(), f"{EASY}:{line}: easy-read/too-many-sentences: a point of 3 sentences (at most 2): make one point for each idea, each with its picture")


def test_a_point_of_2_sentences_is_fine(project):
    add(project, LIST + "\nOne idea.\nTwo ideas.")
    assert project.check().lines == []


def test_a_paragraph_without_a_picture(project):
    line = add(project, "You can get help.")
    only(project.check(), f"{EASY}:{line}: easy-read/point-without-picture: this paragraph does not start with a picture: start it with ![what it shows](../assets/pictures/<picture>.svg)")


def test_a_list_item_without_a_picture(project):
    line = add(project, f"- {LIST} Make a list.\n- Email them.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/point-without-picture: this list item does not start with a picture: start it with ![what it shows](../assets/pictures/<picture>.svg)")


def test_the_words_to_know_box_needs_no_pictures_and_headings_and_letters_need_none(project):
    add(project, '!!! words "Words to know"\n    - **advocate**: someone who helps you say what you want.\n\n'
                 "## A heading\n\n```text\nDear team,\n```")
    assert project.check().lines == []


def test_a_words_to_know_entry_is_still_short(project):
    line = add(project, '!!! words "Words to know"\n    - **advocate**: ' + words(16))
    only(project.check(), f"{EASY}:{line + 1}: easy-read/sentence-too-long: sentence of 17 words (at most 15): 'advocate: word word word word word word word word word word…'")


def test_a_table(project):
    line = add(project, "| a | b |\n| --- | --- |\n| c | d |")
    only(project.check(), f"{EASY}:{line}: easy-read/table: Easy Read pages have no tables: use a list of points with pictures")


# --- Pages --------------------------------------------------------------------------------------

def test_a_page_over_400_words(project):
    # The page has 9 words (title and 1 point) and the site's 11-word line; 40 points of 10 words: 420.
    add(project, "\n\n".join(LIST + "\n" + words(10) for _ in range(40)))
    only(project.check(), f"{EASY}:{body_line(project, EASY)}: easy-read/page-too-long: the page has 420 words of reading text "
                          "(at most 400, with the line the site adds at the top): keep what a reader needs to act, and link to the English page for detail")


def test_a_page_of_400_words_is_fine(project):
    add(project, "\n\n".join(LIST + "\n" + words(10) for _ in range(38)))
    assert easy_read.page_words(next(p for p in load(project).pages if p.rel == EASY), load(project)) == 400
    assert project.check().lines == []


def test_a_family_page_counts_the_families_line(project):
    site = load(project)
    home = next(p for p in site.pages if p.rel == HOME)
    # About CETR meetings (3), Words to know (3), the entry (12), a point (20), 2 items (8, 6): 52.
    assert easy_read.page_words(home, site) == 52 + easy_read.READ_WITH_WORDS + easy_read.FOR_FAMILIES_WORDS


def test_the_counted_template_lines_are_the_template_lines():
    strings = yaml.safe_load(STRINGS.read_text(encoding="utf-8"))
    for key, count in (("easy.read_with", easy_read.READ_WITH_WORDS), ("easy.for_families", easy_read.FOR_FAMILIES_WORDS)):
        assert len(strings[key].split()) == count, key


def test_all_easy_read_pages_over_4500_words(project):
    # the fixture has 2 pages, of 20 and 68 words: a project's own [tool.cetr-check] sets the limit to 80
    real = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    (project.root / "pyproject.toml").write_text(real.replace("easy-read-set-words = 4500", "easy-read-set-words = 80"), encoding="utf-8")
    only(project.check(), "docs/en-easy:1: easy-read/set-too-long: the 2 Easy Read pages have 88 words of reading text together (at most 80): shorten the longest pages first")


def test_the_child_on_a_page_for_young_people(project):
    line = add(project, LIST + "\nThe child can say no.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/the-child: 'the child' on a page for young people: talk to the reader ('you'), or say 'the young person'")


def test_the_child_on_a_page_for_families_is_fine(project):
    add(project, LIST + "\nThe child can say no.", HOME)
    assert project.check().lines == []


# --- Hard words and abbreviations ---------------------------------------------------------------

def test_a_hard_word_without_an_explanation(project):
    line = add(project, LIST + "\nThe commissioner pays.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/hard-word: 'commissioner' is a hard word: explain it on this page, "
                          "in the Words to know box (- **commissioner**: ...) or in a sentence ('Commissioner means ...')")


def test_a_hard_word_explained_in_the_box_or_a_sentence(project):
    add(project, '!!! words "Words to know"\n    - **Commissioner**: the person who pays for your care.\n\n' + LIST + "\nThe commissioner pays.")
    add(project, LIST + "\nDegrading means that someone makes you feel worthless.\nNobody may treat you in a degrading way.")
    assert project.check().lines == []


def test_chair_is_hard_only_as_the_person_who_runs_a_meeting(project):
    add(project, LIST + "\nYou can bring a chair.")
    line = add(project, LIST + "\nThe chair runs the meeting.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/hard-word: 'chair' is a hard word: explain it on this page, "
                          "in the Words to know box (- **chair**: ...) or in a sentence ('Chair means ...')")


def test_an_abbreviation_not_spelt_out(project):
    line = add(project, LIST + "\nAsk your GP.\nYour GP can help.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/abbreviation: 'GP' is not spelt out on this page: write its words once, "
                          "as in 'Integrated Care Board (ICB)', or explain it in the Words to know box (- **GP**: ...)")


def test_an_abbreviation_in_a_local_value_counts(project):
    # local.yml: the ICB contact's name is "NHS Example ICB"
    line = add(project, LIST + "\nRead about {{ link.icb }}.")
    only(project.check(), f"{EASY}:{line + 1}: easy-read/abbreviation: 'ICB' is not spelt out on this page: write its words once, "
                          "as in 'Integrated Care Board (ICB)', or explain it in the Words to know box (- **ICB**: ...)")


def test_ways_to_spell_out_an_abbreviation(project):
    add(project, LIST + "\nThe Dynamic Support Register is a list.\nYour DSR entry is private.")
    add(project, LIST + "\nSENDIASS is short for a long name.\nSENDIASS gives free advice.")
    add(project, "![People sitting round a table](../assets/pictures/meeting.svg)\nA C(E)TR and 2 CETRs.", HOME)  # CETR is spelt out on the home page
    add(project, LIST + "\nGo to A&E or call NHS 111.")  # allowed
    assert project.check().lines == []


# --- Pictures -----------------------------------------------------------------------------------

def test_a_picture_not_in_pictures_yml(project):
    line = add(project, "![A dog](../assets/pictures/dog.svg)\nDogs can visit.")
    only(project.check(), f"{EASY}:{line}: easy-read/unknown-picture: '../assets/pictures/dog.svg' is not in docs/assets/pictures/pictures.yml: "
                          "use a picture from there (../assets/pictures/NAME.svg), or add this one with its idea and alt text")


def test_a_picture_from_another_folder(project):
    line = add(project, "![A list](list.svg)\nMake a list.")
    only(project.check(), f"{EASY}:{line}: easy-read/unknown-picture: 'list.svg' is not in docs/assets/pictures/pictures.yml: "
                          "use a picture from there (../assets/pictures/NAME.svg), or add this one with its idea and alt text")


def test_a_picture_with_an_alt_that_is_not_its_own(project):
    line = add(project, "![A telephone box](../assets/pictures/phone.svg)\nPhone them.")
    only(project.check(), f"{EASY}:{line}: easy-read/wrong-alt: phone.svg has the alt text 'A telephone box', but it stands for "
                          "'phone, calling someone': write 'A phone', or use the picture whose meaning this is")


def test_a_key_idea_with_another_picture(project):
    line = add(project, LIST + "\nYour review meeting is next week.")
    only(project.check(), f"{EASY}:{line}: easy-read/key-idea-picture: this point is about 'the review meeting (CETR)' but shows list.svg: "
                          "use meeting.svg, the picture of this idea on every page")


def test_a_point_naming_two_key_ideas_may_show_either(project):
    add(project, "![A person giving advice](../assets/pictures/advice.svg)\nGet advice before your review meeting.")
    add(project, LIST + "\nMake a list.\nTake it to your review meeting.")  # only the first sentence names the idea
    assert project.check().lines == []


def test_a_key_word_inside_an_email_or_web_address_names_no_idea(project):
    add(project, LIST + "\nEmail your list to {{ email.icb }}.")  # its value is cetr-team@example.org
    assert project.check().lines == []
    line = add(project, LIST + "\nEmail your list before the review meeting.")  # the words themselves still count
    only(project.check(), f"{EASY}:{line}: easy-read/key-idea-picture: this point is about 'the review meeting (CETR)' but shows list.svg: "
                          "use meeting.svg, the picture of this idea on every page")


def test_a_picture_entry_without_a_field(project):
    project.replace(PICTURES, "  alt: A phone\n", "")
    only(project.check(), f"{PICTURES}:{project.line_of(PICTURES, 'phone.svg:')}: easy-read/invalid-pictures: 'phone.svg' needs the field 'alt'")


def test_a_picture_entry_with_an_old_field(project):
    project.replace(PICTURES, "  source: OpenMoji 2753\n", "  source: OpenMoji 2753\n  openmoji: 2753\n")
    only(project.check(), f"{PICTURES}:{project.line_of(PICTURES, 'question.svg:')}: easy-read/invalid-pictures: "
                          "'question.svg' has the field 'openmoji', which is not one of idea, alt, words, key, set, source")


def test_a_key_idea_needs_its_words(project):
    project.replace(PICTURES, "  words: [advice]\n", "  words: []\n")
    only(project.check(), f"{PICTURES}:{project.line_of(PICTURES, 'advice.svg:')}: easy-read/invalid-pictures: "
                          "'advice.svg' is a key idea, so it needs the words that name it (words: [...])")


def test_a_word_of_two_key_ideas(project):
    project.replace(PICTURES, "  words: [advice]\n", "  words: [advice, review meeting]\n")
    only(project.check(), f"{PICTURES}:{project.line_of(PICTURES, 'advice.svg:')}: easy-read/invalid-pictures: "
                          "the word 'review meeting' names the key ideas of both meeting.svg and advice.svg: give each idea its own words")


def test_a_picture_set_that_is_not_ours(project):
    project.replace(PICTURES, "  set: own\n", "  set: clipart\n")
    only(project.check(), f"{PICTURES}:{project.line_of(PICTURES, 'meeting.svg:')}: easy-read/invalid-pictures: "
                          "'meeting.svg': set must be mulberry, openmoji, own, not 'clipart'")


def test_pictures_yml_that_is_not_yaml(project):
    project.write(PICTURES, "list.svg: {idea: [a list\n")
    only(project.check(), f"{PICTURES}:2: easy-read/invalid-pictures: not valid YAML: did not find expected ',' or ']'")


def test_pictures_yml_missing(project):
    project.path(PICTURES).unlink()
    only(project.check(), f"{PICTURES}:1: easy-read/invalid-pictures: the file does not exist")


def test_a_broken_hard_word_list(tmp_path):
    path = tmp_path / "easy-read-hard-words.yml"
    path.write_text("- word: chair\n  only_with: meeting\n", encoding="utf-8")
    assert [str(f) for f in loading.load_hard_words(path)[1]] == [
        "scripts/checker/data/easy-read-hard-words.yml:1: easy-read/invalid-data: each entry needs 'word' (text), "
        "and 'forms' and 'only_with' are lists of words: see the comment at the top"]


def test_a_broken_abbreviation_list(tmp_path):
    path = tmp_path / "easy-read-abbreviations.yml"
    path.write_text("allowed: NHS\n", encoding="utf-8")
    assert [str(f) for f in loading.load_allowed(path)[1]] == [
        "scripts/checker/data/easy-read-abbreviations.yml:1: easy-read/invalid-data: the file needs 'allowed:', a list of abbreviations such as NHS"]


def test_the_data_files_of_the_project_load():
    hard_words, problems = loading.load_hard_words()
    assert problems == [] and {"parental responsibility", "chair", "provider collaborative"} <= {w.word for w in hard_words}
    allowed, problems = loading.load_allowed()
    assert problems == [] and {"NHS", "A&E"} <= allowed


# --- Front matter of Easy Read pages ------------------------------------------------------------

def test_an_easy_read_page_says_who_it_is_for(project):
    project.replace(EASY, "audience: young people\n", "")
    only(project.check(), f"{EASY}:{body_line(project, EASY) - 1}: front-matter/missing-field: the field 'audience' is missing")


def test_an_audience_that_is_not_one_of_the_two(project):
    project.replace(EASY, "audience: young people\n", "audience: children\n")
    only(project.check(), f"{EASY}:7: front-matter/invalid-value: 'audience': 'children' is not one of ['young people', 'family']")


def test_checked_by_readers_is_not_yet_or_a_date_and_group(project):
    project.replace(HOME, "checked_by_readers: not yet\n", "checked_by_readers: soon\n")
    project.replace(EASY, "  group: Exampleshire Speaking Up\n", "")
    result = project.check()
    assert result.lines == [
        f"{EASY}:8: front-matter/missing-field: 'checked_by_readers' needs the field 'group'",
        f"{HOME}:8: front-matter/invalid-value: 'checked_by_readers': 'not yet' was expected",
    ], result.lines


def test_only_easy_read_pages_have_these_fields(project):
    project.replace("docs/sv/help.md", "english_version:", "audience: family\nenglish_version:")
    only(project.check(), "docs/sv/help.md:6: front-matter/unknown-field: unknown field 'audience' (the fields are listed in CONTRIBUTING.md)")


def load(project):
    import datetime

    from scripts.checker.load import load_site

    return load_site(project.root, datetime.date(2026, 11, 23))


# --- The list of pages not checked by readers (scripts/easy_read_status.py, filled in by the build hook)

def test_the_pages_not_checked_by_readers_in_menu_order(project):
    from scripts import easy_read_status as status

    docs = project.root / "docs"
    project.write("docs/en-easy/checked.md", project.read(EASY).replace("title: Where to get help", "title: Checked"))  # readers checked it
    project.replace(EASY, "checked_by_readers:\n  date: 2026-11-20\n  group: Exampleshire Speaking Up\n", "checked_by_readers: not yet\n")
    project.replace(EASY, "title: Where to get help", "title: Where to get *help* [now]")
    order = status.nav_order(["index.md", {"Help": ["help.md"]}])
    versions = site_versions.load(project.root / "mkdocs.yml")
    assert status.markdown_list(docs, versions, "en-easy", ["help.md", "index.md"]) == "- [Where to get \\*help\\* \\[now\\]](help.md)\n- [Home](index.md)"
    assert status.markdown_list(docs, versions, "en", order) == "- Home\n- Where to get \\*help\\* \\[now\\]"


def test_when_readers_have_checked_no_page_yet(project):
    from scripts import easy_read_status as status

    project.replace(EASY, "checked_by_readers:\n  date: 2026-11-20\n  group: Exampleshire Speaking Up\n", "checked_by_readers: not yet\n")
    versions = site_versions.load(strings=True)  # this project's words: the fixture has none of its own
    none_checked = versions["en-easy"].strings["easy.none_checked"]
    assert none_checked and "All" in none_checked
    assert status.markdown_list(project.root / "docs", versions, "en-easy") == "- " + none_checked


def test_when_readers_have_checked_every_page(project):
    from scripts import easy_read_status as status

    project.replace(HOME, "checked_by_readers: not yet\n", "checked_by_readers: {date: 2026-11-21, group: Speak Up}\n")
    versions = site_versions.load(strings=True)  # this project's words: the fixture has none of its own
    everything_checked = versions["en"].strings["easy.all_checked"]
    assert status.markdown_list(project.root / "docs", versions, "sv") == versions["sv"].strings["easy.all_checked"]
    page = "Read this:\n\n" + status.MARKER + "\n"
    assert status.fill(page, project.root / "docs", versions, "en") == "Read this:\n\n\n" + everything_checked + "\n\n"


def test_the_listed_pages_count_as_reading_text(project):
    line = add(project, status_marker())
    site = load(project)
    help_page = next(p for p in site.pages if p.rel == EASY)
    assert line and easy_read.page_words(help_page, site) == 20 + 1  # "Home", the one page not checked
    assert project.check().lines == []


def status_marker() -> str:
    from scripts.easy_read_status import MARKER

    return MARKER


def test_every_rule_is_registered_and_documented():
    source = Path(easy_read.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'"(easy-read/[a-z-]+)"', source))
    documented = set(re.findall(r"^\| `(easy-read/[a-z-]+)` \|", (STRINGS.parents[2] / "CONTRIBUTING.md").read_text(encoding="utf-8"), re.M))
    assert used == set(easy_read.RULES) == documented
