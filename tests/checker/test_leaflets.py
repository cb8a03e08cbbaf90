"""Leaflets (leaflets/<version>.yml): the page, its short address, the contact and the pictures exist."""

from __future__ import annotations

from tests.checker.conftest import only

GOOD = "help.md:\n  contact: icb\n  points:\n    - One.\n    - Two.\n    - Three.\n"


def with_short_address(project):
    project.write("redirects.yml", "short_addresses:\n  h: help.md\n")


def test_a_good_leaflet(project):
    with_short_address(project)
    project.write("leaflets/en.yml", GOOD)
    result = project.check()
    assert (result.lines, result.code) == ([], 0), result.lines


def test_a_leaflet_for_a_page_that_does_not_exist(project):
    with_short_address(project)
    project.write("leaflets/sv.yml", GOOD.replace("help.md:", "gone.md:"))
    only(project.check(), "leaflets/sv.yml:1: leaflets/unknown-page: 'gone.md' is not a page of docs/sv/")


def test_a_leaflet_for_a_page_without_a_short_address(project):
    project.write("leaflets/en.yml", GOOD)
    only(project.check(), "leaflets/en.yml:1: leaflets/no-short-address: 'help.md' has no short address: "
                          "add one under short_addresses: in redirects.yml")


def test_a_leaflet_with_an_unknown_contact(project):
    with_short_address(project)
    project.write("leaflets/en.yml", GOOD.replace("contact: icb", "contact: nobody"))
    only(project.check(), "leaflets/en.yml:1: leaflets/unknown-contact: contact: 'nobody' is not a contact in local.yml (contacts:)")


def test_an_easy_read_leaflet_with_an_unknown_picture(project):
    with_short_address(project)
    points = "".join(f"    - picture: {name}.svg\n      text: Point {name}.\n" for name in ("meeting", "phone", "nosuch"))
    project.write("leaflets/en-easy.yml", f"help.md:\n  contact: icb\n  points:\n{points}")
    only(project.check(), "leaflets/en-easy.yml:8: leaflets/unknown-picture: the picture 'nosuch.svg' is not in docs/assets/pictures/pictures.yml")


def test_a_leaflet_file_that_cannot_be_read(project):
    project.write("leaflets/en.yml", GOOD.replace("    - Three.\n", ""))
    only(project.check(), "leaflets/en.yml:3: leaflets/invalid-file: 'help.md' needs 3 to 5 points, to fit one printed page")


def test_a_page_may_link_to_a_leaflet_and_a_short_address_but_not_to_a_leaflet_that_is_not_made(project):
    """The build writes leaflets/<short>/ and <short>/ besides the pages (links/missing-page knows)."""
    with_short_address(project)
    project.write("leaflets/en.yml", GOOD)
    project.append("docs/en/help.md", "\nPrint [the leaflet](../leaflets/h/), or send [the short address](../h/).\n"
                                       "\nThere is no [other leaflet](../leaflets/other/).\n")
    line = project.line_of("docs/en/help.md", "other leaflet")
    only(project.check(), f"docs/en/help.md:{line}: links/missing-page: link '../leaflets/other/': no page is published at that address")


def test_an_easy_read_leaflet_point_with_a_long_sentence_or_too_many_sentences(project):
    """Printed points keep the Easy Read pages' limits (easy-read/*, at the point's line)."""
    with_short_address(project)
    points = ("    - picture: meeting.svg\n      text: A meeting to check your care.\n"
              "    - picture: phone.svg\n      text: You can call the team below on any day of the week, in the morning, "
              "or in the afternoon if that is easier.\n"
              "    - picture: advice.svg\n      text: Ask. Ask again. Ask someone else.\n")
    project.write("leaflets/en-easy.yml", f"help.md:\n  contact: icb\n  points:\n{points}")
    result = project.check()
    assert (result.lines, result.code) == ([
        "leaflets/en-easy.yml:6: easy-read/sentence-too-long: sentence of 23 words (at most 15): "
        "'You can call the team below on any day of the week, in the…'",
        "leaflets/en-easy.yml:8: easy-read/too-many-sentences: a point of 3 sentences (at most 2): "
        "make one point for each idea, each with its picture",
    ], 1), result.lines


def test_a_swedish_leaflet_with_a_word_of_the_never_use_list(project):
    with_short_address(project)
    project.write("leaflets/sv.yml", GOOD.replace("    - Two.\n", "    - Efter urladdning från sjukhuset.\n"))
    only(project.check(), "leaflets/sv.yml:5: terms/never-use: 'urladdning' is on the never-use list (urladdning: means an "
                          "electrical discharge, not leaving hospital): write utskrivning (från sjukhuset); skrivas ut")
