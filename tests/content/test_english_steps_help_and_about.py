"""English pages on the steps, help and the site (ask for a review, getting ready, after the review,
where to get help, glossary, about, accessibility, privacy) and the English abbreviations: the key
facts each states. That each page exists with complete front matter, one H1, no typed phone
number and no vague link is the checker's to say (python -m scripts.check). These tests read the
Markdown sources; the build tests (tests/build/) check the rendered site.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import DOCS, ROOT
from tests.content.pages import read_page as read_english_page
from tests.content.pages import read_whole_page

EN = DOCS / "en"
ABBREVIATIONS = ROOT / "includes" / "abbreviations" / "en.md"
FENCED_BLOCK = re.compile(r"^```(?P<lang>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
TOKEN = re.compile(r"\{\{\s*(?P<kind>local|tel|email|link)\.(?P<name>[a-z0-9_.]+)\s*\}\}")


def read_page(name: str) -> tuple[dict, str]:
    return read_english_page(EN / name)


def body(name: str) -> str:
    return read_page(name)[1]


def prose(name: str) -> str:
    """The page without its code blocks (the letters)."""
    return FENCED_BLOCK.sub("", body(name))


def headings(markdown: str, level: int) -> list[str]:
    return re.findall(rf"^{'#' * level} (.+?)\s*$", FENCED_BLOCK.sub("", markdown), re.M)


# --- ask-for-a-review.md ---------------------------------------------------------------------------


def test_ask_page_names_the_icb_with_its_local_tokens():
    text = prose("ask-for-a-review.md")
    for token in ("{{ link.icb }}", "{{ tel.icb }}", "{{ email.icb }}"):
        assert token in text


def test_ask_page_has_three_letters_to_copy_with_only_local_tokens_and_short_lines():
    blocks = list(FENCED_BLOCK.finditer(body("ask-for-a-review.md")))
    assert [block.group("lang").strip() for block in blocks] == ["text", "text", "text"]
    subjects = []
    for block in blocks:
        letter = block.group("body")
        assert "[your child's name]" in letter
        assert "[your name]" in letter
        for line in letter.splitlines():
            if not TOKEN.search(line):
                assert len(line) <= 32, f"too long for a 360 px phone: {line!r}"
        subjects.append(" ".join(letter.split("Subject: ")[1].split("\n\n")[0].split()))
    assert "Care, Education and Treatment Review" in subjects[0]
    assert "Dynamic Support Register" in subjects[1]
    assert "report" in subjects[2]


def test_ask_page_says_what_to_do_if_the_answer_is_no():
    text = prose("ask-for-a-review.md")
    section = text.split("## What if the answer is no?")[1].split("\n## ")[0]
    assert "in writing" in section
    assert "(after-the-review.md#how-to-complain)" in section
    assert "{{ link.sendiass }}" in section


# --- getting-ready.md ------------------------------------------------------------------------------


def test_checklist_has_before_on_the_day_and_after():
    assert headings(body("getting-ready.md"), 2) == ["Before the review", "On the day", "After the review"]


def test_checklist_prints_on_a4_without_wide_tables():
    text = body("getting-ready.md")
    assert not re.search(r"^\s*\|", text, re.M), "no tables on the printable checklist"
    assert len(re.findall(r"^- ", text, re.M)) >= 25


def test_checklist_gives_the_two_week_and_24_hour_preparation_facts():
    text = prose("getting-ready.md")
    assert "two weeks or more" in text
    assert "at least 24 hours before the review" in text


# --- after-the-review.md ---------------------------------------------------------------------------


def test_after_page_names_every_escalation_and_complaint_route():
    text = prose("after-the-review.md")
    for route in (
        "C(E)TR assurance and oversight panel",
        "Patient Advice and Liaison Service (PALS)",
        "Parliamentary and Health Service Ombudsman (PHSO)",
        "Local Government and Social Care Ombudsman (LGSCO)",
        "First-tier Tribunal (Special Educational Needs and Disability)",
        "Information Commissioner's Office (ICO)",
    ):
        assert route in text, route
    assert "## How to complain {#how-to-complain}" in text


def test_after_page_gives_the_nhs_complaint_time_limits():
    text = prose("after-the-review.md")
    assert "within 12 months of what happened" in text
    assert "within 3 working days" in text
    assert "6 months" not in text  # an out-of-date limit some trust pages still give


def test_after_page_does_not_promise_an_unconfirmed_report_deadline():
    text = prose("after-the-review.md")
    section = text.split("## The report")[1].split("\n## ")[0]
    assert "We could not confirm a time limit" in section
    assert "2017 policy" in section


# --- where-to-get-help.md --------------------------------------------------------------------------


def test_help_page_lists_every_local_contact_with_its_tokens():
    text = prose("where-to-get-help.md")
    for contact in ("icb", "sendiass", "send_team", "keyworker"):
        for kind in ("link", "tel", "email"):
            assert f"{{{{ {kind}.{contact} }}}}" in text, f"{kind}.{contact}"
    assert "{{ tel.crisis }}" in text and "{{ local.contacts.crisis.hours }}" in text
    assert "{{ link.crisis }}" not in text and "{{ email.crisis }}" not in text  # local.yml has neither


def test_help_page_no_longer_has_the_stub_test_line():
    assert "Call {{ tel.icb }} or email {{ email.sendiass }}." not in body("where-to-get-help.md")


def test_help_page_links_national_organisations_to_their_own_sites_without_phone_numbers():
    text = prose("where-to-get-help.md")
    national = text.split("## National organisations")[1]
    for host in ("england.nhs.uk", "ipsea.org.uk", "ombudsman.org.uk", "lgo.org.uk", "ico.org.uk", "gov.uk/courts-tribunals"):
        assert re.search(rf"\]\(https://[^)]*{re.escape(host)}", national), host


# --- glossary.md -----------------------------------------------------------------------------------

GLOSSARY_TERMS = {
    "accessible-information-standard", "advocate", "best-interests", "camhs", "ccg", "cetr", "c-e-tr", "clinical-expert",
    "ctr", "dsr", "ehc-needs-assessment", "ehcp", "expert-by-experience", "gillick-competence", "icb", "ico",
    "imca", "imha", "keyworker", "kloe", "laep", "lgsco", "local-offer", "mental-health-act", "pals", "phso",
    "provider-collaborative", "rag-rating", "reasonable-adjustments", "sen", "send", "senco", "sendiass",
}


def glossary() -> str:
    """Both pages of the glossary (A to K, then L to Z)."""
    return read_whole_page(EN / "glossary.md")[1]


def glossary_entries() -> list[tuple[str, str]]:
    return re.findall(r"^### (.+?) \{#([a-z0-9-]+)\}\s*$", glossary(), re.M)


def test_glossary_has_every_required_term_with_a_stable_anchor():
    anchors = [anchor for _, anchor in glossary_entries()]
    assert len(anchors) == len(set(anchors)), "an anchor is used twice"
    assert GLOSSARY_TERMS <= set(anchors), GLOSSARY_TERMS - set(anchors)
    # every term heading has its explicit anchor
    assert len(headings(glossary(), 3)) == len(anchors)


def test_glossary_is_alphabetical():
    def key(term: str) -> str:
        return re.sub(r"[^a-z]", "", term.lower())

    terms = [term for term, _ in glossary_entries()]
    assert terms == sorted(terms, key=key)
    letters = headings(glossary(), 2)
    assert letters == sorted(letters) and all(len(letter) == 1 for letter in letters)


@pytest.mark.parametrize("version", ["en", "sv"])
def test_each_glossary_page_lists_every_letter_of_both_pages_where_it_is(version):
    """The glossary is two pages (A to K, L to Z): the letters at the top of each page are every
    letter heading of both, in order, each a link to the page that has it; no term is on both."""
    pages = {name: read_english_page(DOCS / version / name)[1] for name in ("glossary.md", "glossary-l-z.md")}
    wanted = []
    for name, text in pages.items():
        for match in re.finditer(r"^## (\S+?)(?: \{#([\w-]+)\})?$", text, re.M):
            wanted.append((match.group(1), name, match.group(2) or match.group(1).lower()))
    assert len(wanted) >= 18, wanted
    for here, text in pages.items():
        bar = text.split('<nav class="cetr-letters"', 1)[1].split("</nav>", 1)[0]
        shown = re.findall(r"\[(\S+?)\]\(([\w.-]*)#([\w-]+)\)", bar)
        assert shown == [(letter, "" if name == here else name, anchor) for letter, name, anchor in wanted], here
    terms = [set(re.findall(r"^### .*\{#([\w-]+)\}$", text, re.M)) for text in pages.values()]
    assert terms[0] and terms[1] and not terms[0] & terms[1]


def test_glossary_says_ccgs_were_replaced_by_icbs_in_2022():
    text = glossary()
    ccg = text.split("### CCG (old) {#ccg}")[1].split("\n### ")[0]
    assert "no longer exist" in ccg and "1 July 2022" in ccg


# --- includes/abbreviations/en.md ------------------------------------------------------------------


def test_abbreviations_are_true_acronyms_one_per_line():
    lines = ABBREVIATIONS.read_text(encoding="utf-8").splitlines()
    assert lines, "no abbreviations"
    acronyms = []
    for line in lines:
        match = re.fullmatch(r"\*\[([A-Za-z]+)\]: (\S.*)", line)
        assert match, f"not an abbreviation line: {line!r}"
        acronyms.append(match.group(1))
    assert len(acronyms) == len(set(acronyms))
    for acronym in ("CETR", "CTR", "DSR", "EHCP", "ICB", "SEND", "SENDIASS", "PALS", "PHSO", "LGSCO", "ICO", "KLOE"):
        assert acronym in acronyms, acronym


def test_every_abbreviation_of_a_glossary_term_is_explained_in_the_glossary():
    expansions = dict(re.findall(r"^\*\[([A-Za-z]+)\]: (.+)$", ABBREVIATIONS.read_text(encoding="utf-8"), re.M))
    assert expansions["CETR"] == "Care, Education and Treatment Review"
    both_pages = glossary()
    for acronym in ("CETR", "CTR", "DSR", "EHCP", "ICB", "IMHA", "IMCA", "LAEP"):
        assert expansions[acronym].split(" (")[0] in both_pages, acronym


# --- about.md, accessibility.md, privacy.md --------------------------------------------------------


def test_about_page_credits_openmoji_with_its_licence_and_says_how_to_report_a_mistake():
    text = prose("about.md")
    assert "[OpenMoji](https://openmoji.org)" in text
    assert "(https://creativecommons.org/licenses/by-sa/4.0/)" in text and "CC BY-SA 4.0" in text
    assert "{{ email.feedback }}" in text
    assert "not legal or medical advice" in text


def test_accessibility_statement_has_the_public_sector_structure():
    text = prose("accessibility.md")
    for heading in (
        "## How accessible this website is",
        "## Reporting accessibility problems",
        "## Enforcement procedure",
        "## Technical information about this website's accessibility",
        "### Compliance status",
        "### Non-accessible content",
        "## Preparation of this accessibility statement",
    ):
        assert heading in text, heading
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "{{ email.feedback }}" in text and "{{ local.area_name }}" in text


def test_accessibility_statement_is_honest_about_testing():
    text = prose("accessibility.md")
    assert "partially compliant with the Web Content Accessibility Guidelines (WCAG) version 2.2 AA" in text
    assert "axe-core" in text and "headless Chromium" in text
    assert "not yet tested the site by hand with screen readers" in text
    assert re.search(r"This statement was prepared on \d{1,2} [A-Z][a-z]+ \d{4}\.", text)
    reviewed = read_page("accessibility.md")[0]["last_reviewed"]  # the next review changes both together
    assert f"It was last reviewed on {reviewed.day} {reviewed:%B %Y}." in text


def test_privacy_page_says_nothing_is_tracked_and_search_stays_in_the_browser():
    text = prose("privacy.md")
    for promise in ("It does not use cookies.", "It does not use analytics", "The search box works inside your browser."):
        assert promise in text, promise
    assert "logs" in text and "{{ email.feedback }}" in text
