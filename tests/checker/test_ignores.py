"""Inline ignores: <!-- cetr-check: ignore rule-id: reason --> on the line of one finding."""

from __future__ import annotations

from tests.checker.conftest import only

EN = "docs/en/help.md"
PHONE_LINE = "Call 01632 960123 today."


def test_a_comment_with_a_reason_ignores_that_rule_on_its_line(project):
    project.append(EN, f"\n{PHONE_LINE} <!-- cetr-check: ignore structure/raw-phone-number: the number printed on the leaflet -->\n")
    result = project.check()
    assert (result.lines, result.code) == ([], 0)


def test_without_the_comment_the_rule_finds_it(project):
    project.append(EN, f"\n{PHONE_LINE}\n")
    line = project.line_of(EN, PHONE_LINE)
    only(project.check(), f"{EN}:{line}: structure/raw-phone-number: phone number '01632 960123' typed into the page: "
                          "put it in local.yml and use a token such as {{ tel.icb }}")


def test_a_comment_ignores_only_its_own_line(project):
    project.append(EN, f"\n{PHONE_LINE}\n\nAnd more. <!-- cetr-check: ignore structure/raw-phone-number: the leaflet -->\n")
    result = project.check()
    phone, comment = project.line_of(EN, PHONE_LINE), project.line_of(EN, "And more.")
    assert result.lines == [
        f"{EN}:{phone}: structure/raw-phone-number: phone number '01632 960123' typed into the page: "
        "put it in local.yml and use a token such as {{ tel.icb }}",
        f"{EN}:{comment}: checker/unused-ignore: warning: 'structure/raw-phone-number' finds nothing on this line: remove the ignore comment",
    ]


def test_a_comment_without_a_reason(project):
    project.append(EN, f"\n{PHONE_LINE} <!-- cetr-check: ignore structure/raw-phone-number -->\n")
    line = project.line_of(EN, PHONE_LINE)
    result = project.check()
    assert f"{EN}:{line}: checker/bad-ignore: this ignore comment cannot be used: write <!-- cetr-check: ignore <rule-id>: <why> -->, " \
           "with a rule id from CONTRIBUTING.md and the reason" in result.lines
    assert any(": structure/raw-phone-number: " in found for found in result.lines)  # not ignored
    assert result.code == 1


def test_a_comment_with_an_unknown_rule(project):
    project.append(EN, "\nText. <!-- cetr-check: ignore structure/no-such-rule: because -->\n")
    line = project.line_of(EN, "Text. <!--")
    only(project.check(), f"{EN}:{line}: checker/bad-ignore: this ignore comment cannot be used: write <!-- cetr-check: ignore <rule-id>: <why> -->, "
                          "with a rule id from CONTRIBUTING.md and the reason")


def test_an_unused_ignore_is_a_warning(project):
    project.append(EN, "\nText. <!-- cetr-check: ignore structure/raw-email: no email here -->\n")
    line = project.line_of(EN, "Text. <!--")
    only(project.check(), f"{EN}:{line}: checker/unused-ignore: warning: 'structure/raw-email' finds nothing on this line: remove the ignore comment", code=0)
