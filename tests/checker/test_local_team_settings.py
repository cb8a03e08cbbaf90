"""A local team's settings: several councils, the publisher's name, logo and colour, texts with no
Swedish, and errors in words an editor can act on, each at its line of local.yml."""

from __future__ import annotations

from tests.checker.conftest import only

EN = "docs/en/help.md"

TWO_COUNCILS = """\
# Local settings of the checker's fixture project, with two councils.
area_name: Exampleshire
contacts:
  icb:
    name: NHS Example ICB
    phone: 01632 960001
    email: cetr-team@example.org
    url: https://www.example.org/icb
  keyworker:
    name: Exampleshire Keyworking Service
    email: keyworkers@example.org
  crisis:
    name: Exampleshire crisis line
    phone: 01632 960005
councils:
  - name: Eastbrook
    local_offer:
      name: Eastbrook Local Offer
      url: https://www.example.org/eastbrook/local-offer
    sendiass:
      name: Eastbrook SENDIASS
      phone: 01632 960011
    send_team:
      name: Eastbrook SEND team
      url: https://www.example.org/eastbrook/send
  - name: Westmoor
    local_offer:
      name: Westmoor Local Offer
      url: https://www.example.org/westmoor/local-offer
    sendiass:
      name: Amber Advice Service
      phone: 01632 960021
    send_team:
      name: Westmoor SEND team
      url: https://www.example.org/westmoor/send
feedback:
  email: family-guide@example.org
site_url: https://www.example.org/guide/
"""


def two_councils(project):
    project.write("local.yml", TWO_COUNCILS)
    return project


# Several councils

def test_two_councils_pass(project):
    two_councils(project)
    for version in ("en", "sv"):
        project.append(f"docs/{version}/help.md", "\nCall {{ tel.sendiass }} or see {{ link.local_offer }}.\n\n{{ local.councils }}\n")
    result = project.check()
    assert (result.lines, result.code) == ([], 0)


def test_a_councils_phone_number_is_checked_at_its_line(project):
    two_councils(project).replace("local.yml", "phone: 01632 960021", "phone: 1632 960021")
    only(project.check(), "local.yml:32: settings/bad-phone: 'sendiass.phone' of the council Westmoor is not a UK phone number: "
                          "'1632 960021' (write the number, with a note after a comma if you need one, "
                          "like 0300 123 4567 or 111, option 2)")


def test_publishing_refuses_example_values_in_every_council(project):
    two_councils(project)
    lines = project.check("--publish").lines
    assert "local.yml:22: settings/example-value: 'sendiass.phone' of the council Eastbrook still has its example value " \
           "'01632 960011': put in your own before publishing" in lines
    assert "local.yml:35: settings/example-value: 'send_team.url' of the council Westmoor still has its example value " \
           "'https://www.example.org/westmoor/send': put in your own before publishing" in lines


def test_a_council_without_its_send_team(project):
    two_councils(project).replace("local.yml", "    send_team:\n      name: Westmoor SEND team\n      url: https://www.example.org/westmoor/send\n", "")
    lines = project.check().lines
    assert lines[-1] == ("local.yml:26: settings/missing-field: the council Westmoor needs the setting 'send_team': "
                         "add it (PUBLISHING.md shows each setting)")
    # and each page's token cannot be filled in for that council
    assert lines[:-1] == [f"docs/{version}/help.md:16: settings/unknown-token: unknown token '{{{{ link.send_team }}}}': "
                          "the council 'Westmoor' in local.yml has no send_team" for version in ("en", "sv")]


def test_a_local_offer_both_for_the_area_and_for_each_council(project):
    two_councils(project).replace("local.yml", "contacts:\n", "local_offer:\n  name: Our Local Offer\n  url: https://www.example.org/lo\ncontacts:\n")
    only(project.check(), "local.yml:3: settings/council-setting-twice: with 'councils', each council has its own 'local_offer': "
                          "move this one under its council, or remove 'councils' if you have only one")


def test_a_council_listed_twice(project):
    two_councils(project).replace("local.yml", "  - name: Westmoor", "  - name: Eastbrook")
    only(project.check(), "local.yml:26: settings/council-twice: the council 'Eastbrook' is listed twice (also as council 1): "
                          "list each council once")


def test_one_council_needs_its_local_offer(project):
    project.replace("local.yml", "local_offer:\n  name: Exampleshire Local Offer\n  url: https://www.example.org/local-offer\n", "")
    only(project.check(), "local.yml:1: settings/missing-field: local.yml needs 'local_offer' (your Local Offer's name and web "
                          "address), or 'councils' with one for each council")


def test_one_web_address_cannot_stand_for_several_councils(project):
    two_councils(project)
    project.append(EN, "\nSee [the Local Offer]({{ local.local_offer.url }}).\n")
    rule_lines(project.check(), "settings/unknown-token", f"{EN}:18: settings/unknown-token: unknown token '{{{{ local.local_offer.url }}}}': with several "
                          "councils, one web address cannot stand for them all: use {{ link.local_offer }}, which links each council's")


def test_the_councils_block_stands_on_a_line_of_its_own(project):
    two_councils(project)
    project.append(EN, "\nChoose: {{ local.councils }}\n")
    rule_lines(project.check(), "settings/block-token-not-alone", f"{EN}:18: settings/block-token-not-alone: '{{{{ local.councils }}}}' becomes a list and headings: "
                          "put it on a line of its own, with an empty line before and after it")


def rule_lines(result, rule: str, line: str) -> None:
    """The run printed exactly this line for the rule (other rules may speak of the same change)."""
    assert [found for found in result.lines if f": {rule}: " in found] == [line], "\n".join(result.lines)
    assert result.code == 1


# The publisher's name, logo and colour

PUBLISHER = "publisher:\n  name: Northvale Council\n"  # lines 27 and 28 of the clean fixture's local.yml


def test_a_colour_too_light_for_the_white_text_on_it(project):
    project.append("local.yml", PUBLISHER + '  colour: "#4a90e2"\n')
    only(project.check(), "local.yml:29: settings/low-contrast: 'publisher.colour' #4a90e2 is too light for the white text on it: "
                          "contrast 3.29 to 1, and it needs at least 4.5 to 1 (WCAG AA): choose a darker shade")


def test_a_dark_enough_colour_passes(project):
    project.append("local.yml", PUBLISHER + '  colour: "#5b2a86"\n')
    assert project.check().lines == []


def test_a_colour_without_quotes(project):
    project.append("local.yml", PUBLISHER + "  colour: #1d4f91\n")
    only(project.check(), "local.yml:29: settings/bad-colour: 'publisher.colour' is empty: a colour starts with #, which local.yml "
                          'reads as the start of a note, so put the colour in quotes, like: colour: "#1d4f91"')


def test_a_logo_without_alt_text(project):
    project.write("local-files/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>\n')
    project.append("local.yml", PUBLISHER + "  logo: logo.svg\n")
    only(project.check(), "local.yml:29: settings/logo-without-alt: 'publisher.logo' needs 'logo_alt' under it: a few words saying "
                          "what the logo shows, for people who cannot see it, like: logo_alt: Exampleshire Council")


def test_a_logo_over_the_size_limit(project):
    project.path("local-files").mkdir()
    project.path("local-files/logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(60 * 1024 - 8))  # 60 KB
    project.append("local.yml", PUBLISHER + "  logo: logo.png\n  logo_alt: Northvale Council\n")
    only(project.check(), "local.yml:29: settings/logo-too-big: 'publisher.logo': local-files/logo.png is 60 KB, and a logo may be "
                          "at most 15 KB because every page loads it: save it smaller (an SVG, or a PNG about 300 pixels wide)")


def test_a_logo_that_is_not_there(project):
    project.append("local.yml", PUBLISHER + "  logo: logo.svg\n  logo_alt: Northvale Council\n")
    only(project.check(), "local.yml:29: settings/bad-logo: 'publisher.logo': there is no file local-files/logo.svg: upload your "
                          "logo into the folder local-files/, or correct its name here")


def test_a_logo_outside_its_folder(project):
    project.append("local.yml", PUBLISHER + "  logo: ../.git/config\n  logo_alt: Northvale Council\n")
    only(project.check(), "local.yml:29: settings/bad-logo: 'publisher.logo' must be the name of a file in the folder local-files/, "
                          "like: logo: our-logo.svg")


def test_a_logo_with_a_script(project):
    project.write("local-files/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n')
    project.append("local.yml", PUBLISHER + "  logo: logo.svg\n  logo_alt: Northvale Council\n")
    only(project.check(), "local.yml:29: settings/unsafe-logo: 'publisher.logo': local-files/logo.svg contains a script (<script>), "
                          "which a logo must not: save it again as a plain picture")


def test_a_logo_of_another_kind(project):
    project.append("local.yml", PUBLISHER + "  logo: logo.jpg\n  logo_alt: Northvale Council\n")
    only(project.check(), "local.yml:29: settings/bad-logo: 'publisher.logo' must be an SVG or PNG file, not 'logo.jpg'")


# Texts per version

def test_a_text_with_no_swedish_is_a_warning(project):
    project.replace("local.yml", "    phone: 01632 960005\n", "    phone: 01632 960005\n    hours:\n      en: 24 hours a day\n")
    only(project.check(), "local.yml:24: settings/missing-translation: warning: 'contacts.crisis.hours' has no Swedish text, so "
                          "Swedish pages show the English one, marked as English: to give one, write the English after 'en:' "
                          "and the Swedish after 'sv:', each on its own line under it", code=0)


def test_a_text_in_swedish_too_passes(project):
    project.replace("local.yml", "    phone: 01632 960005\n", "    phone: 01632 960005\n    hours:\n      en: 24 hours a day\n      sv: dygnet runt\n")
    assert project.check().lines == []


# Words an editor can act on

def test_a_web_address_without_https(project):
    project.replace("local.yml", "site_url: https://www.example.org/guide/", "site_url: www.example.org/guide/")
    only(project.check(), "local.yml:26: settings/invalid-value: 'site_url' should be the web address where you publish the guide, "
                          "starting with https:// and ending with /, like: site_url: https://www.example.org/cetr-guide/, "
                          "not 'www.example.org/guide/'")


def test_a_contact_with_no_way_to_reach_it(project):
    project.replace("local.yml", "    email: keyworkers@example.org\n", "")
    only(project.check(), "local.yml:18: settings/missing-field: 'contacts.keyworker' needs a way to reach it: a phone, an email or a url")


def test_a_group_written_as_one_value(project):
    project.replace("local.yml", "feedback:\n  email: family-guide@example.org\n", "feedback: family-guide@example.org\n")
    only(project.check(), "local.yml:24: settings/wrong-type: 'feedback' should be a group of settings, each on its own line below "
                          "it, indented by two more spaces")


def test_the_export_links_setting(project):
    project.append("local.yml", "export:\n  links: website\n")
    only(project.check(), "local.yml:28: settings/invalid-value: 'export.links' should be guide (links lead to the published guide) "
                          "or pages (links lead to the other exported pages), not 'website'")
