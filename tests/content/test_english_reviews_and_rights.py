"""English pages about reviews and rights (home, crisis, what a CETR is, the kinds of review, the
meeting, the four questions, the DSR, consent and capacity, your rights): the key facts each states.

The fact checks read the Markdown source, so they test what the page says, not how it is built.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import DOCS
from tests.content.pages import read_page

PAGES = (
    "index.md",
    "get-help-now.md",
    "what-is-a-cetr.md",
    "types-of-review.md",
    "the-meeting.md",
    "four-questions.md",
    "dynamic-support-register.md",
    "consent-and-capacity.md",
    "your-rights.md",
)


def split(page: str) -> tuple[dict, str]:
    """Front matter (as parsed YAML) and body of an English page."""
    return read_page(DOCS / "en" / page)


def body(page: str) -> str:
    return split(page)[1]


def flat(page: str) -> str:
    """The body with line breaks and Markdown emphasis removed, for phrase searches."""
    return re.sub(r"\s+", " ", body(page).replace("**", ""))


def section(page: str, heading_id: str) -> str:
    """The text of one H2 section, found by its explicit {#id}, up to the next H2."""
    text = body(page)
    start = text.index("{#" + heading_id + "}")
    end = text.find("\n## ", start)
    return text[start : end if end != -1 else None]


# --- every page ------------------------------------------------------------------------------------
# That each page exists in every version, with complete front matter, one H1 and no stub, is the
# checker's to say (python -m scripts.check); these tests hold the facts each page must state.


@pytest.mark.parametrize("page", PAGES)
def test_no_out_of_date_ccg_advice(page):
    """CCGs were replaced by ICBs in 2022 (facts.md): no page sends a family to one."""
    assert not re.search(r"(ask|contact) your CCG", body(page), re.I)


# --- key facts, page by page ----------------------------------------------------------------------


def test_home_has_the_three_routes_as_links():
    text = body("index.md")
    for route in ("My child might go into hospital", "My child is in hospital", "I want to ask for a review"):
        assert re.search(r"\[" + route + r"\]\([a-z-]+\.md(#[a-z-]+)?\)", text), route
    assert "[I want to ask for a review](ask-for-a-review.md)" in text


def test_home_mentions_the_swedish_and_easy_read_versions():
    text = body("index.md")
    assert "Svenska" in text and "Easy Read" in text


def test_crisis_page_gives_999_111_and_the_local_crisis_line():
    meta, text = split("get-help-now.md")
    assert "[999](tel:999)" in text
    assert "NHS 111" in text and "mental health option" in text
    assert "{{ tel.crisis }}" in text and "{{ local.contacts.crisis.hours }}" in text
    urls = [source["url"] for source in meta["sources"]]
    assert "https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/" in urls


def test_crisis_page_stays_short():
    words = len(re.sub(r"\{\{.*?\}\}|\(.*?\)", "", body("get-help-now.md")).split())
    assert words < 130


def test_what_is_a_cetr_uses_the_hedged_age_wording():
    text = flat("what-is-a-cetr.md")
    assert "A CETR is for children and young people under 18." in text
    assert "Some young people aged 18 to 25 who have an Education, Health and Care Plan (EHCP) also have a CETR." in text
    assert "Adults have a CTR." in text


def test_what_is_a_cetr_says_it_is_policy_not_law_yet():
    text = flat("what-is-a-cetr.md")
    assert "It is not a Mental Health Act assessment." in text
    assert "CETRs are part of NHS England policy, not the law." in text
    assert "Mental Health Act 2025" in text


def test_types_of_review_states_the_inpatient_intervals_and_their_source():
    text = flat("types-of-review.md")
    assert "Children and young people: about every 3 months." in text
    assert "Adults in a hospital that is not secure: about every 6 months." in text
    assert "Adults in a secure hospital: about every 12 months." in text
    assert "come from NHS England's 2017 policy, and a 2021 update repeated them" in text


def test_types_of_review_gives_no_single_post_admission_limit_as_the_rule():
    post = section("types-of-review.md", "post-admission-review")
    before_details = post.split("???")[0]
    # Outside the explained history, no number of days or weeks is given as the rule.
    assert not re.search(r"within \d", before_details)
    assert "Ask your ICB" in before_details
    assert "None of these is confirmed as today's rule." in post


def test_types_of_review_calls_blue_light_a_local_name_and_mentions_laep():
    text = flat("types-of-review.md")
    assert "Local Area Emergency Protocol (LAEP)" in text
    assert '"blue light" meeting. This is only a local name.' in text


def test_the_meeting_names_the_three_panel_members():
    text = flat("the-meeting.md")
    for member in ("The chair", "The clinical expert", "The expert by experience"):
        assert member in text
    assert "reasonable adjustments" in text


def test_four_questions_lists_four_questions_and_the_personal_principles():
    text = body("four-questions.md")
    questions = re.findall(r"^\d\. \*\*(.+\?)\*\*$", text, re.M)
    assert len(questions) == 4
    assert questions[0] == "Is your child safe?"
    principles = re.findall(r"^- \*\*([A-Z]) – ", text, re.M)
    assert "".join(principles) == "PERSONAL"
    assert "we found no single official wording" in flat("four-questions.md")


def test_dsr_page_frames_the_register_as_help_and_gives_the_ratings():
    text = flat("dynamic-support-register.md")
    assert 'It is not a list of "risky" people.' in text
    for colour in ("Red:", "Amber:", "Green:"):
        assert colour in text
    assert "Information Commissioner's Office (ICO)" in text
    assert "What is not settled nationally" in text


def test_consent_page_covers_gillick_capacity_and_best_interests():
    text = flat("consent-and-capacity.md")
    assert "Gillick competent" in text
    assert "Mental Capacity Act 2005" in text
    assert "If your child has capacity, you cannot agree for them." in text
    assert "best interests" in text


def test_rights_page_covers_each_law_and_duty():
    text = flat("your-rights.md")
    for law in (
        "Human Rights Act 1998",
        "United Nations Convention on the Rights of the Child (UNCRC)",
        "Equality Act 2010",
        "Accessible Information Standard",
        "Independent Mental Health Advocate (IMHA)",
        "Education, Health and Care Plan (EHCP)",
    ):
        assert law in text, law
    assert "no more than 20 weeks" in text
    assert "within 6 weeks" in text
