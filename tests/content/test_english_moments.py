"""English pages built around the moments families face (issue 11): a child just admitted to hospital,
a child put on the register without the family being asked, and young people themselves.

These tests read the Markdown sources and assert the key facts of the two new pages, the sentences that
were fixed because they said more than the sources do, and that every content page puts what the reader
can do first.
"""

from __future__ import annotations

import datetime
import re

import pytest

from tests.conftest import DOCS, english_pages
from tests.content.pages import read_page, read_whole_page

EN = DOCS / "en"
CHECKED_TODAY = datetime.date(2026, 12, 2)
FENCED_BLOCK = re.compile(r"^```(?P<lang>[^\n]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
BOX = '!!! tip "What you can do"'
# The home page has its own "Start here" list, and the crisis page stays as short as possible.
PAGES_WITHOUT_BOX = {"index.md", "get-help-now.md"}


def split(page: str) -> tuple[dict, str]:
    return read_page(EN / page)


def whole(page: str) -> str:
    """A page's body, with the page it is continued on (the glossary is two pages)."""
    return read_whole_page(EN / page)[1]


def body(page: str) -> str:
    return split(page)[1]


def flat(page: str) -> str:
    """The body (a split page's whole body) without letters, line breaks or bold marks, for phrase searches."""
    return re.sub(r"\s+", " ", FENCED_BLOCK.sub("", whole(page)).replace("**", ""))


def letters(page: str) -> list[str]:
    return [match.group("body") for match in FENCED_BLOCK.finditer(body(page))]


def section(page: str, anchor: str) -> str:
    """The text from the heading with {#anchor} up to the next heading of the same or a higher level."""
    text = body(page)
    match = re.search(r"^(#+) .*\{#" + re.escape(anchor) + r"\}\s*$", text, re.M)
    assert match, f"{page}: no heading with {{#{anchor}}}"
    level = len(match.group(1))
    rest = text[match.end():]
    end = re.search(r"^#{1,%d} " % level, FENCED_BLOCK.sub(lambda m: "x" * len(m.group(0)), rest), re.M)
    return rest[: end.start()] if end else rest


def to_block(letter: str) -> str:
    """The addressee lines of a letter: from 'To:' up to the first blank line."""
    return letter.split("\n\n")[0]


# --- In hospital now: the first week ---------------------------------------------------------------


def test_first_week_page_is_a_numbered_list_of_steps_most_urgent_first():
    steps = re.findall(r"^## (\d+)\. ", body("in-hospital-now.md"), re.M)
    assert [int(step) for step in steps] == list(range(1, len(steps) + 1))
    assert len(steps) >= 8
    first = re.search(r"^## 1\. (.+)$", body("in-hospital-now.md"), re.M).group(1)
    assert "detained" in first


def test_first_week_page_names_the_imha_the_tribunal_and_free_legal_aid():
    text = flat("in-hospital-now.md")
    assert "Independent Mental Health Advocate (IMHA)" in text
    assert "Mental Health Tribunal" in text
    assert "Legal aid pays for a solicitor" in text and "free whatever your family's income" in text
    assert "usually cannot have an IMHA" in text  # informal patients


def test_first_week_page_covers_school_keyworker_visits_three_months_and_complaints():
    text = flat("in-hospital-now.md")
    assert "{{ link.keyworker }}" in text and "{{ link.send_team }}" in text
    assert "The council must arrange suitable education" in text
    assert "video calls" in text and "travel" in text
    assert "3 months in a row" in text and "section 85 of the Children Act 1989" in text
    assert "Care Quality Commission (CQC)" in text and "Parliamentary and Health Service Ombudsman" in text


def test_first_week_page_says_who_organises_a_review_for_each_kind_of_patient():
    organiser = flat("in-hospital-now.md").split("Who organises it")[1].split("Letter to ask")[0]
    assert "A child in a mental health hospital: NHS England" in organiser and "provider collaborative" in organiser
    assert "An adult in a secure hospital: NHS England." in organiser
    assert "Integrated Care Board (ICB)" in organiser
    assert "not from the national policy text" in organiser or "could not read the national policy text" in organiser


def test_first_week_letter_goes_to_nhs_england_or_the_provider_collaborative_not_the_icb():
    [letter] = letters("in-hospital-now.md")
    addressee = to_block(letter)
    assert addressee.startswith("To: [NHS England")
    assert "provider collaborative" in addressee
    assert "icb" not in addressee.lower()
    assert "post-admission" in letter
    assert all(len(line) <= 32 for line in letter.splitlines()), "too long for a 360 px phone"


def test_first_week_page_cites_the_law_and_bodies_it_relies_on_checked_today():
    meta, _ = split("in-hospital-now.md")
    checked = {source["url"]: source["checked"] for source in meta["sources"]}
    for url in (
        "https://www.legislation.gov.uk/ukpga/1983/20/section/130A",
        "https://legislation.gov.uk/ukpga/1989/41/section/85",
        "https://www.gov.uk/legal-aid/what-you-can-get",
        "https://committees.parliament.uk/writtenevidence/108119/html/",
        "https://www.childrenscommissioner.gov.uk/help-at-hand/parents-carers-and-professionals/",
    ):
        assert checked.get(url) == CHECKED_TODAY, url


# --- For young people ------------------------------------------------------------------------------


def test_young_people_page_speaks_to_the_young_person():
    text = flat("young-people.md")
    assert not re.search(r"\b(your|the) child\b", text, re.I), "this page speaks to the young person"
    assert "it is your decision whether to have a review" in text
    assert "You should only be added to the register if you agree" in text
    assert "You can say you no longer agree to being on the register" in text


def test_young_people_page_keeps_capacity_and_best_interests():
    text = flat("young-people.md")
    assert "This is called having capacity." in text
    assert "best interests decision" in text
    assert "older 2017 policy" in text  # the family-agreement rule is dated, not stated flatly


def test_young_people_page_says_what_changes_at_18():
    at_18 = flat("young-people.md").split("What changes at 18")[1]
    assert "Care and Treatment Review (CTR)" in at_18
    assert "Education, Health and Care Plan (EHCP)" in at_18
    assert "at least 6 months before and after" in at_18


def test_young_people_page_gives_confirmed_helplines_and_the_nhs_england_leaflets():
    text = body("young-people.md")
    assert "[0800 1111](tel:08001111)" in text
    assert "[85258](sms:85258)" in text and "SHOUT" in text
    assert "[116 123](tel:116123)" in text
    assert "(https://www.england.nhs.uk/long-read/dsr-cetr-young-person-leaflets-professionals-guidance-sheet/)" in text


# --- The register: consent as the sources say it, and "added without being asked" ---------------------


def test_dsr_page_no_longer_says_only_with_consent_flatly():
    text = flat("dynamic-support-register.md")
    assert "added only with consent" not in text
    assert "NHS England says people should be added to the DSR with consent." in text
    assert "We could not confirm what the national policy says should happen if you do not agree." in text
    assert "legal basis" in text


def test_glossary_no_longer_says_only_with_consent_flatly():
    dsr = whole("glossary.md").split("### DSR {#dsr}")[1].split("\n### ")[0]
    assert "only with consent" not in dsr
    assert "should be added with consent" in dsr


def test_dsr_page_has_added_without_being_asked_with_a_letter():
    part = section("dynamic-support-register.md", "added-without-being-asked")
    prose = re.sub(r"\s+", " ", FENCED_BLOCK.sub("", part).replace("**", ""))
    assert "A young person aged 16 or over who can make the decision can agree for themselves." in prose
    assert "Gillick competent" in prose
    assert "best interests decision" in prose
    assert "subject access request" in prose
    [letter] = [m.group("body") for m in FENCED_BLOCK.finditer(part)]
    for ask in ("who referred my child", "my child's rating", "subject", "withdraw our consent", "legal basis"):
        assert ask in " ".join(letter.split()), ask
    assert all(len(line) <= 32 for line in letter.splitlines() if "{{" not in line)


def test_dsr_page_says_the_same_about_keyworker_referral_in_both_places():
    text = flat("dynamic-support-register.md")
    assert "A child rated red or amber should also be referred to a keyworker." not in text
    assert "NHS England says children and young people are referred to a keyworker when they go on the DSR." in text
    assert "For red and amber, the ratings also call for a keyworker referral, if your child has no keyworker yet." in text


def test_dsr_letter_on_the_ask_page_no_longer_gives_a_parents_consent_for_a_young_person():
    dsr_letter = next(letter for letter in letters("ask-for-a-review.md") if "Dynamic Support" in letter)
    joined = " ".join(dsr_letter.split())
    assert "[I give my consent. /" not in joined
    assert "If your child is 16 or over and can decide, or is under 16 and understands it, their own consent is the one needed." in joined
    assert "best interests decision" in joined


# --- Letters and text for a child in hospital name NHS England / the provider collaborative ------------


def test_ask_page_letters_can_be_addressed_to_nhs_england_for_a_child_in_hospital():
    cetr, _dsr, report = letters("ask-for-a-review.md")
    for letter in (cetr, report):
        addressee = " ".join(to_block(letter).split())
        assert "{{ local.contacts.icb.name }}" in addressee
        assert "for a child in hospital: NHS England / the provider collaborative" in addressee
    in_hospital = flat("ask-for-a-review.md").split("If your child is already in hospital")[1]
    assert "NHS England does, often through the NHS group that pays for the hospital bed (a provider collaborative)." in in_hospital


def test_after_and_types_pages_name_the_organiser_for_a_child_in_hospital():
    assert "organiser is usually NHS England or the provider collaborative" in flat("after-the-review.md")
    assert "For a child in a mental health hospital, NHS England usually organises the review." in flat("types-of-review.md")


# --- Escalation, helplines and the other gaps ----------------------------------------------------


def test_after_page_takes_it_further_in_order():
    part = re.sub(r"\s+", " ", section("after-the-review.md", "taking-it-further").replace("**", ""))
    routes = ("oversight panel", "NHS Complaints Advocacy", "Care Quality Commission (CQC)", "Help at Hand", "ombudsman")
    positions = [part.find(route) for route in routes]
    assert -1 not in positions, dict(zip(routes, positions))
    assert positions == sorted(positions)
    solicitor = flat("after-the-review.md").split("When a solicitor can help")[1]
    assert "Mental Health Tribunal" in solicitor and "Legal aid" in solicitor


def test_after_page_says_who_gets_the_report():
    part = flat("after-the-review.md").split("Who gets the report")[1]
    assert "Under the 2017 policy, everyone who took part in the review should get the report." in part
    assert "We could not confirm who gets it under the 2023 policy." in part


def test_help_page_lists_helplines_with_only_confirmed_numbers():
    meta, _ = split("where-to-get-help.md")
    helplines = section("where-to-get-help.md", "helplines")
    for number in ("[111](tel:111)", "[116 123](tel:116123)", "[85258](sms:85258)", "[0800 1111](tel:08001111)",
                   "[0808 808 1111](tel:08088081111)", "[0800 528 0731](tel:08005280731)"):
        assert number in helplines, number
    for name in ("Mencap's Learning Disability Helpline", "Challenging Behaviour Foundation", "IPSEA", "Help at Hand"):
        assert name in helplines, name
    # not confirmed on the organisations' own pages (facts.md §14): left out
    for unconfirmed in ("Contact", "YoungMinds", "National Autistic Society", "0808 808 3555", "0808 802 5544", "0808 800 4104"):
        assert unconfirmed not in helplines, unconfirmed
    checked = {source["url"]: source["checked"] for source in meta["sources"]}
    for url in (
        "https://www.samaritans.org/how-we-can-help/contact-samaritan/",
        "https://giveusashout.org/about-us/faq/",
        "https://www.childline.org.uk/pages/about.aspx",
        "https://www.mencap.org.uk/easyread/how-refer-someone-learning-disability-helpline",
    ):
        assert checked.get(url) == CHECKED_TODAY, url


def test_each_helpline_says_what_it_is_for():
    items = re.findall(r"^- \*\*(.+?)\*\*(.+)$", section("where-to-get-help.md", "helplines"), re.M)
    assert len(items) >= 8
    for name, rest in items:
        assert re.search(r"\b(is for|for anyone|listens|gives|supports|helps)\b", rest), name


def test_personal_health_budget_and_sen_support_are_explained():
    rights = flat("your-rights.md")
    assert "A personal health budget is an amount of NHS money for your child's health needs." in rights
    assert "Ask the panel whether a personal health budget could help" in rights
    assert "Their school gives them extra help called SEN support." in rights
    assert "assess, plan, do, review" in rights


def test_meeting_page_says_who_else_may_attend():
    text = flat("the-meeting.md")
    for person in ("virtual school head", "youth justice worker", "transitions team"):
        assert person in text, person


# --- The factual slips of the review, fixed --------------------------------------------------------


def test_meeting_page_16_plus_decision_depends_on_capacity():
    text = flat("the-meeting.md")
    assert "If your child is 16 or older, it is their decision whether to have a review." not in text
    assert "If your child is 16 or older and can make this decision, it is theirs to make." in text
    assert "the decision is made in their best interests" in text


def test_family_involvement_rule_is_dated_to_the_2017_policy():
    for page in ("the-meeting.md", "consent-and-capacity.md"):
        text = flat(page)
        assert "older 2017 policy" in text, page
        assert "Ask the chair" in text or "ask the chair" in text, page
    assert "From 16, your child usually needs to agree before family members take part" not in flat("consent-and-capacity.md")


def test_meeting_page_chair_is_usually_the_commissioner():
    text = flat("the-meeting.md")
    assert "NHS England says the chair is usually the commissioner" in text
    assert "So the chair is not independent." in text


def test_types_page_names_the_policy_behind_the_3_month_interval_and_new_triggers():
    text = flat("types-of-review.md")
    assert "less often than the policy says" not in text
    assert "less often than the 2017 policy said" in text
    triggers = section("types-of-review.md", "other-times")
    assert "moves to another hospital" in triggers and "diagnosis of autism or a learning disability is removed" in triggers
    assert "charity's summary" in triggers


def test_getting_ready_says_ideally_two_weeks_and_days_after_admission():
    text = flat("getting-ready.md")
    assert "ideally two weeks or more" in text
    assert "within days" in text


def test_sendiass_is_at_arms_length_not_independent_of_the_council():
    for page in ("where-to-get-help.md", "glossary.md"):
        text = flat(page)
        assert "independent of the council" not in text, page
        assert "arm's length from the council" in text, page


def test_complaint_limits_are_not_overstated():
    text = flat("after-the-review.md")
    assert "within 12 months of what happened" in text
    assert "The NHS can accept a later complaint if there is a good reason" in text
    assert "The LGSCO normally cannot look at a matter" in text
    assert "It normally cannot look at matters that could go to the" in flat("glossary.md")


def test_about_page_says_what_was_read_and_credits_mulberry():
    text = flat("about.md")
    assert "The main source is NHS England's 2023 policy" not in text
    assert "We could not read its full text." in text
    assert "[Mulberry Symbols](https://mulberrysymbols.org)" in text and "CC BY-SA 4.0" in text
    assert "[OpenMoji](https://openmoji.org)" in text


@pytest.mark.parametrize("page", ["what-is-a-cetr.md", "your-rights.md"])
def test_policy_not_law_pages_give_the_implementation_date_and_the_date_checked(page):
    text = flat(page)
    assert "by 1 May 2023" in text
    assert "We checked on 2 December 2026." in text
    assert "not yet in force" in text


# --- Actions first ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [p for p in english_pages() if p not in PAGES_WITHOUT_BOX])
def test_every_content_page_opens_with_what_you_can_do(page):
    text = body(page)
    assert BOX in text, f"{page}: no 'What you can do' box"
    box_at = text.index(BOX)
    first_h2 = re.search(r"^## ", text, re.M)
    assert first_h2 and box_at < first_h2.start(), f"{page}: the box must come before the explanation"
    lines = re.findall(r"^    - (.+)$", text[box_at:].split("\n\n", 1)[0] + "\n", re.M)
    assert 3 <= len(lines) <= 5, f"{page}: {len(lines)} lines in the box"
    explicit = set(re.findall(r"\{#([a-z0-9-]+)\}", text))
    for line in lines:
        link = re.match(r"\[[^\]]+\]\(([^)]+)\)", line)
        assert link, f"{page}: box line does not start with a link: {line}"
        target = link.group(1)
        if target.startswith("#"):
            assert target[1:] in explicit, f"{page}: box links to #{target[1:]}, which is not a stable {{#id}} on the page"
        else:
            assert (EN / target.split("#")[0]).is_file(), target


def test_home_reaches_the_new_pages_first_and_links_every_one_minute_line():
    text = body("index.md")
    start = text.split("## Start here")[1].split("\n## ")[0]
    routes = re.findall(r"^- \*\*\[[^\]]+\]\(([^)]+)\)\*\*", start, re.M)
    assert routes[:2] == ["in-hospital-now.md", "young-people.md"]
    assert "dynamic-support-register.md#added-without-being-asked" in routes
    assert text.index("## Start here") < text.index("## The one-minute version")
    one_minute = text.split("## The one-minute version")[1].split("\n\n")[1]
    for line in one_minute.splitlines():
        assert re.search(r"\]\([a-z-]+\.md(#[a-z0-9-]+)?\)", line), f"not linked: {line}"


def test_new_pages_are_first_in_their_nav_sections():
    import yaml

    config = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    # only the nav: section (the rest of mkdocs.yml has Python tags that safe_load refuses); nav is last
    nav = yaml.safe_load("nav:\n" + config.split("\nnav:\n", 1)[1])["nav"]
    sections = {next(iter(item)): item[next(iter(item))] for item in nav if isinstance(item, dict)}
    assert sections["Step by step"][0] == "in-hospital-now.md"
    assert sections["Rights and choices"][0] == "young-people.md"


@pytest.mark.parametrize("page", ["in-hospital-now.md", "young-people.md"])
def test_new_pages_have_front_matter_dated_today(page):
    meta, _ = split(page)
    assert meta["updated"] == CHECKED_TODAY and meta["last_reviewed"] == CHECKED_TODAY
    assert meta["next_review"] == datetime.date(2027, 6, 2)
    assert len(meta["description"]) <= 160
    assert all(source["checked"] <= CHECKED_TODAY for source in meta["sources"])
