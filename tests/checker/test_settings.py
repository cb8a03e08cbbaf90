"""Local settings: local.yml against its schema, phone numbers, emails, examples, tokens in pages."""

from __future__ import annotations

import pytest

from scripts import local_settings, site_versions
from tests.checker.conftest import only

EN = "docs/en/help.md"
SV = "docs/sv/help.md"


def test_an_unknown_token(project):
    project.append(EN, "\nCall {{ tel.icbb }} today.\n")
    only(project.check(), f"{EN}:18: settings/unknown-token: unknown token '{{{{ tel.icbb }}}}': local.yml has no contact 'icbb'")


def test_an_unknown_local_setting(project):
    project.append(EN, "\nWe are in {{ local.area }}.\n")
    only(project.check(), f"{EN}:18: settings/unknown-token: unknown token '{{{{ local.area }}}}': local.yml has no setting 'area'")


def test_a_token_for_something_the_contact_does_not_have(project):
    project.append(EN, "\nEmail {{ email.crisis }}.\n")
    only(project.check(), f"{EN}:18: settings/unknown-token: unknown token '{{{{ email.crisis }}}}': the contact 'crisis' in local.yml has no email")


def test_a_token_that_is_not_a_token(project):
    project.append(EN, "\nWe are in {{ area_name }}.\n")
    only(project.check(), f"{EN}:18: settings/unknown-token: unknown token '{{{{ area_name }}}}': a token is {{{{ local.<setting> }}}}, {{{{ tel.<contact> }}}}, {{{{ email.<contact> }}}} or {{{{ link.<contact> }}}}")


def test_a_link_token_in_a_letter(project):
    project.append(EN, "\n```text\nCall {{ tel.icb }}\n```\n")
    project.append(SV, "\n```text\nCall {{ tel.icb }}\n```\n")  # the Swedish page keeps the English letter
    result = project.check()
    assert result.lines == [
        f"{EN}:19: settings/link-token-in-code: '{{{{ tel.icb }}}}' makes a link, which a code block (a letter) cannot show: use {{{{ local.contacts.<name>.<phone|email|url> }}}}",
        f"{SV}:19: settings/link-token-in-code: '{{{{ tel.icb }}}}' makes a link, which a code block (a letter) cannot show: use {{{{ local.contacts.<name>.<phone|email|url> }}}}",
    ]


def test_the_feedback_email_token(project):
    project.append(EN, "\nTell us about a mistake: {{ email.feedback }}.\n")
    project.append(SV, "\nSkriv till oss om ett fel: {{ email.feedback }}.\n")
    assert project.check().lines == []


def test_a_swedish_page_without_a_contact_of_its_english_page(project):
    project.append(EN, "\nTell us about a mistake: {{ email.feedback }}.\n")
    only(project.check(), f"{SV}:13: versions/tokens-differ: the local contacts differ from docs/en/help.md: missing {{{{ email.feedback }}}}")


def test_a_setting_of_the_wrong_type(project):
    project.replace("local.yml", "area_name: Exampleshire", "area_name:\n  - Exampleshire\n  - Otherby")
    only(project.check(), "local.yml:2: settings/wrong-type: 'area_name' should be one value, written after the colon on the same line")


def test_a_bad_phone_number(project):
    project.replace("local.yml", "phone: 01632 960001", "phone: 1632 960001")
    only(project.check(), "local.yml:9: settings/bad-phone: 'contacts.icb.phone' is not a UK phone number: '1632 960001' "
                          "(write the number, with a note after a comma if you need one, like 0300 123 4567 or 111, option 2)")


def test_a_bad_email(project):
    project.replace("local.yml", "email: cetr-team@example.org", "email: cetr-team.example.org")
    only(project.check(), "local.yml:10: settings/bad-email: 'contacts.icb.email' is not an email address: 'cetr-team.example.org' (write it like team@yourcouncil.gov.uk)")


def test_an_unknown_setting(project):
    project.append("local.yml", "colour: blue\n")
    only(project.check(), "local.yml:27: settings/unknown-field: 'colour' is not a setting local.yml knows: check its spelling and its indent (the spaces before it), or remove it")


def test_a_missing_setting(project):
    project.replace("local.yml", "area_name: Exampleshire\n", "")
    only(project.check(), "local.yml:1: settings/missing-field: local.yml needs the setting 'area_name': add it (PUBLISHING.md shows each setting)")


def test_example_values_are_errors_only_when_publishing(project):
    assert project.check().lines == []
    result = project.check("--publish")
    assert result.code == 1
    assert "local.yml:2: settings/example-value: 'area_name' still has its example value 'Exampleshire': put in your own before publishing" in result.lines
    assert all(": settings/example-value: " in line for line in result.lines)


def test_settings_that_are_not_yaml(project):
    project.write("local.yml", "area_name: [Exampleshire\n")
    only(project.check(), "local.yml:1: settings/invalid-yaml: not valid YAML: a [ opens here and never closes: end it with ], "
                          "or put the value in quotes")


def test_a_colon_in_a_settings_value_says_to_use_quotes(project):
    project.replace("local.yml", "name: NHS Example ICB", "name: Team: CETR")
    only(project.check(), 'local.yml:8: settings/invalid-yaml: not valid YAML: a value with a colon in it needs quotes around it, '
                          'like: name: "Team: CETR"')


def test_a_missing_settings_file(project):
    project.path("local.yml").unlink()
    only(project.check(), "local.yml:1: settings/missing-file: the settings file does not exist")


@pytest.mark.parametrize("phone", ["NHS 111, option 2", "111", "(01905) 768153", "01905 768153 ext. 2041", "+44 1905 768153", "116 123"])
def test_phone_numbers_teams_use_are_accepted(project, phone):
    project.replace("local.yml", "phone: 01632 960001", f"phone: \"{phone}\"")
    assert project.check().lines == []


@pytest.mark.parametrize(
    "phone, href",
    [("NHS 111, option 2", "tel:111"), ("(01905) 768153", "tel:+441905768153"), ("01905 768153 ext. 2041", "tel:+441905768153;ext=2041"),
     ("+44 1905 768153", "tel:+441905768153"), ("0300 123 4567", "tel:+443001234567")],
)
def test_the_tel_link_dials_the_number_not_the_note(phone, href):
    assert local_settings.phone_href(phone) == href


@pytest.mark.parametrize("phone", ["+44 1632 960001", "(01632) 960001", "01632960001"])
def test_the_example_number_in_any_writing_is_refused_when_publishing(project, phone):
    project.replace("local.yml", "phone: 01632 960001", f"phone: \"{phone}\"")
    result = project.check("--publish")
    assert (f"local.yml:9: settings/example-value: 'contacts.icb.phone' still has its example value '{phone}': "
            "put in your own before publishing") in result.lines


def test_a_key_given_twice(project):
    project.replace("local.yml", "    phone: 01632 960001\n", "    phone: 01632 960001\n    phone: 0300 123 4567\n")
    only(project.check(), "local.yml:10: settings/duplicate-key: 'contacts.icb.phone' is given twice, on line 9 and line 10: "
                          "only the last would count; keep one")


def test_a_token_inside_a_value(project):
    project.replace("local.yml", "area_name: Exampleshire", "area_name: \"{{ local.local_offer.name }}\"")
    only(project.check(), "local.yml:2: settings/token-in-value: 'area_name' has a token {{ local.local_offer.name }} in it, "
                          "which would show as it is: write the text itself (tokens work in pages only)")


def test_an_http_contact_address(project):
    project.replace("local.yml", "url: https://www.example.org/send", "url: http://www.example.org/send")
    only(project.check(), "local.yml:17: settings/insecure-url: 'contacts.send_team.url' starts with http://: use its https:// address, "
                          "so that nobody can change the page on its way to a family")


def test_an_http_site_url(project):
    project.replace("local.yml", "site_url: https://www.example.org/guide/", "site_url: http://www.example.org/guide/")
    only(project.check(), "local.yml:26: settings/insecure-url: 'site_url' starts with http://: use its https:// address, "
                          "so that nobody can change the page on its way to a family")


def test_a_javascript_contact_address(project):
    project.replace("local.yml", "url: https://www.example.org/send", "url: javascript:alert(1)")
    only(project.check(), "local.yml:17: settings/invalid-value: 'contacts.send_team.url' should be a web address starting with https://, "
                          "like: url: https://www.example.org/send, not 'javascript:alert(1)'")


@pytest.mark.parametrize(
    "value, markdown",
    [("Team](javascript:alert(1))", "Team\\]\\(javascript:alert\\(1\\)\\)"),
     ("<script>alert(1)</script>", "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"),
     ("Kent & Medway {: onclick=x }", "Kent &amp; Medway \\{: onclick=x \\}"),
     ("two\nlines", "two lines")],
)
def test_values_are_escaped_for_markdown(project, value, markdown):
    assert local_settings.markdown_text(value) == markdown


def test_a_value_in_a_letter_stays_as_written():
    settings = local_settings.Settings(path=None, data={"area_name": "Kent & Medway (North)"}, lines={}, versions=site_versions.load())
    assert local_settings.render_token(settings, "local.area_name", "en", in_code=True) == "Kent & Medway (North)"
    assert local_settings.render_token(settings, "local.area_name", "en") == "Kent &amp; Medway \\(North\\)"
    assert local_settings.code_spans("a `{{ x }}` b\n```text\n{{ y }}\n```\nc {{ z }}") == [(2, 11), (14, 33)]


def test_a_setting_the_schema_rejects(project):
    project.replace("local.yml", "  url: https://www.example.org/local-offer", "  url: www.example.org/local-offer")
    only(project.check(), "local.yml:5: settings/invalid-value: 'local_offer.url' should be a web address starting with https://, "
                          "like: url: https://www.example.org/send, not 'www.example.org/local-offer'")
