"""Local settings: local.yml against its schema, phone numbers, emails, examples, tokens in pages."""

from __future__ import annotations

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
    only(project.check(), "local.yml:2: settings/wrong-type: 'area_name' should be string, not list")


def test_a_bad_phone_number(project):
    project.replace("local.yml", "phone: 01632 960001", "phone: 1632 960001")
    only(project.check(), "local.yml:9: settings/bad-phone: 'contacts.icb.phone' is not a UK phone number: '1632 960001' (write it like 01632 960123 or 0300 123 4567)")


def test_a_bad_email(project):
    project.replace("local.yml", "email: cetr-team@example.org", "email: cetr-team.example.org")
    only(project.check(), "local.yml:10: settings/bad-email: 'contacts.icb.email' is not an email address: 'cetr-team.example.org'")


def test_an_unknown_setting(project):
    project.append("local.yml", "colour: blue\n")
    only(project.check(), "local.yml:27: settings/unknown-field: unknown setting 'colour'")


def test_a_missing_setting(project):
    project.replace("local.yml", "area_name: Exampleshire\n", "")
    only(project.check(), "local.yml:1: settings/missing-field: 'the file' needs the setting 'area_name'")


def test_example_values_are_errors_only_when_publishing(project):
    assert project.check().lines == []
    result = project.check("--publish")
    assert result.code == 1
    assert "local.yml:2: settings/example-value: 'area_name' still has its example value 'Exampleshire': put in your own before publishing" in result.lines
    assert all(": settings/example-value: " in line for line in result.lines)


def test_settings_that_are_not_yaml(project):
    project.write("local.yml", "area_name: [Exampleshire\n")
    result = project.check()
    assert result.code == 1 and len(result.lines) == 1
    assert result.lines[0].startswith("local.yml:1: settings/invalid-yaml: not valid YAML:")


def test_a_missing_settings_file(project):
    project.path("local.yml").unlink()
    only(project.check(), "local.yml:1: settings/missing-file: the settings file does not exist")


def test_a_setting_the_schema_rejects(project):
    project.replace("local.yml", "  url: https://www.example.org/local-offer", "  url: www.example.org/local-offer")
    only(project.check(), "local.yml:5: settings/invalid-value: 'local_offer.url': 'www.example.org/local-offer' does not match '^https?://'")
