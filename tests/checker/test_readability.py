"""Readability: sentence and paragraph length in English and Swedish, the report (Easy Read: test_easy_read.py)."""

from __future__ import annotations

from scripts.checker.markdown import plain, sentences, words
from scripts.checker.readability import syllables
from tests.checker.conftest import only

EN, SV = "docs/en/help.md", "docs/sv/help.md"


def sentence(count: int) -> str:
    return " ".join(["word"] * (count - 1)) + " end."


def add(project, rel: str, text: str) -> None:
    project.append(rel, "\n" + text + "\n")  # lands on line 18


def test_an_english_sentence_over_25_words(project):
    add(project, EN, sentence(26))
    only(project.check(), f"{EN}:18: readability/sentence-too-long: sentence of 26 words (at most 25): 'word word word word word word word word word word word word…'")


def test_an_english_sentence_of_25_words_is_a_warning_only(project):
    add(project, EN, sentence(25))
    only(project.check(), f"{EN}:18: readability/long-sentence: warning: sentence of 25 words (aim for 20 or fewer): 'word word word word word word word word word word word word…'", code=0)


def test_an_english_paragraph_of_4_sentences(project):
    add(project, EN, "One idea. Two ideas.\nThree ideas. Four ideas.")
    only(project.check(), f"{EN}:18: readability/long-paragraph: warning: paragraph of 4 sentences (at most 3)", code=0)


def test_list_items_and_table_cells_are_separate_sentences(project):
    items = "\n".join(f"- {sentence(10)}" for _ in range(5))
    table = "| a | b |\n| --- | --- |\n| " + sentence(12) + " | " + sentence(12) + " |"
    add(project, EN, items + "\n\n" + table)
    assert project.check().lines == []


def test_a_sentence_on_the_line_where_it_starts(project):
    add(project, EN, "Short one.\n" + " ".join(["word"] * 13) + "\n" + sentence(13))
    only(project.check(), f"{EN}:19: readability/sentence-too-long: sentence of 26 words (at most 25): 'word word word word word word word word word word word word…'")


def test_a_swedish_sentence_over_25_words(project):
    add(project, SV, sentence(26))
    only(project.check(), f"{SV}:18: readability/sentence-too-long: sentence of 26 words (at most 25): 'word word word word word word word word word word word word…'")


def test_markdown_is_stripped_before_counting():
    text = plain("Phone **{{ tel.icb }}** or read [the plain guide to reviews](x.md#a){ .button } ![A map](m.svg) <span>now</span>.")
    assert text == "Phone Token or read the plain guide to reviews now."
    assert len(words(text)) == 10


def test_abbreviations_do_not_end_sentences():
    assert sentences("Bring papers, e.g. letters. Then rest, t.ex. hemma.") == ["Bring papers, e.g. letters.", "Then rest, t.ex. hemma."]


def test_a_sentence_can_end_in_no():
    assert sentences("If the answer is no. Ask why. Form No. 5 is here.") == ["If the answer is no.", "Ask why.", "Form No. 5 is here."]


def test_syllables():
    assert [syllables(w) for w in ("care", "review", "education", "a")] == [1, 2, 4, 1]


def test_the_readability_report(project):
    add(project, EN, "Independent multidisciplinary professionals communicate comprehensively.")
    result = project.check("--readability")
    assert result.code == 0
    report = result.lines
    assert report[0].startswith("Readability (worst first")
    flesch = [line for line in report if line.startswith("    ") and ".md" in line]
    assert flesch[0].split()[1] == EN  # the hardest page first
    assert any("LIX" in line for line in report)
    assert any(SV in line for line in report)
