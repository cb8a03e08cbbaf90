"""Local settings: local.yml matches its schema, phone numbers and emails are well formed, no
example value is left when publishing (--publish), and every {{ token }} in a page exists.

The rules of local.yml and of tokens live in scripts/local_settings.py, shared with the build hook."""

from __future__ import annotations

from typing import Iterable

from scripts import local_settings
from scripts.checker.model import Finding, Page, Site
from scripts.local_settings import TOKEN


RULES = {
    "settings/unknown-token": ("error", "a `{{ … }}` token in a page that `local.yml` cannot fill in"),
    "settings/link-token-in-code": ("error", "a `tel.`, `email.` or `link.` token inside a code block (a letter), where a link cannot show"),
    "settings/missing-file": ("error", "`local.yml` is missing"),
    "settings/invalid-yaml": ("error", "`local.yml` is not YAML, or not a mapping of names to values; the message gives the line where the mistake starts, in words (a colon in a value needs quotes, a quote that never closes, a tab)"),
    "settings/missing-field": ("error", "`local.yml` lacks a setting that `scripts/schemas/local-settings.schema.json` requires"),
    "settings/unknown-field": ("error", "`local.yml` has a setting that the schema does not know"),
    "settings/wrong-type": ("error", "a setting in `local.yml` of the wrong kind (a list where text belongs)"),
    "settings/invalid-value": ("error", "any other value of `local.yml` that the schema rejects, such as a `url` that is not a web address"),
    "settings/bad-phone": ("error", "a phone number in `local.yml` that is not a UK number (`0300 123 4567`, `(01905) 768153`, `+44 1905 768153`, `111`), with words before it or a note after a comma if needed (`NHS 111, option 2`, `01905 768153, ext. 2041`): the link dials the number and extension, never the note"),
    "settings/bad-email": ("error", "an email address in `local.yml` that is not well formed"),
    "settings/duplicate-key": ("error", "a setting given twice in `local.yml` (only the last would count): the message names both lines"),
    "settings/token-in-value": ("error", "a `{{ … }}` token inside a value of `local.yml`, where it would show as it is"),
    "settings/insecure-url": ("error", "a web address in `local.yml` (`url`, `site_url`) that starts with `http://`: use `https://`"),
    "settings/example-value": ("error", "with `--publish`: an example value is still in `local.yml` (every council's entry too)"),
    "settings/block-token-not-alone": ("error", "`{{ local.councils }}` shares its line, or has no empty line before or after it"),
    "settings/council-setting-twice": ("error", "with `councils:`, a Local Offer, SENDIASS or SEND team also at the top of `local.yml`"),
    "settings/council-twice": ("error", "a council listed twice under `councils:`"),
    "settings/missing-translation": ("warning", "a text such as opening hours has no Swedish; Swedish pages show the English, marked as English"),
    "settings/bad-colour": ("error", '`publisher.colour` is not a colour written `"#rrggbb"` (in quotes)'),
    "settings/low-contrast": ("error", "white text on `publisher.colour` has a contrast under 4.5:1 (WCAG AA)"),
    "settings/bad-logo": ("error", "`publisher.logo` is not an SVG or PNG file in `local-files/`"),
    "settings/logo-without-alt": ("error", "`publisher.logo` has no `logo_alt`"),
    "settings/logo-too-big": ("error", "`publisher.logo` is over 15 KB"),
    "settings/unsafe-logo": ("error", "`publisher.logo` (an SVG) holds a script, an event attribute or a link to another file"),
}

def settings_file(site: Site) -> Iterable[Finding]:
    if site.settings is None:
        return
    for problem in local_settings.validate(site.settings):
        yield Finding(site.settings_rel, problem.line, problem.rule, problem.message, problem.severity)
    if site.publish:
        for problem in local_settings.example_values(site.settings):
            yield Finding(site.settings_rel, problem.line, problem.rule, problem.message)


def token_problem(settings, expression: str, version: str) -> str | None:
    """Why a token cannot be filled in, or None when it can (the build hook renders with the same function)."""
    try:
        local_settings.render_token(settings, expression, version)
    except local_settings.BadValueError:
        return None  # the value is wrong, not the token: reported once, on its line of local.yml
    except local_settings.TokenError as error:
        return str(error)
    return None




def _alone(page: Page, line: int, token: str) -> bool:
    lines = page.text.split("\n")
    around = [lines[n - 1].strip() for n in (line - 1, line + 1) if 1 <= n <= len(lines)]
    return lines[line - 1].strip() == token and all(text == "" for text in around)


def tokens(page: Page, site: Site) -> Iterable[Finding]:
    if site.settings is None:
        return
    code_lines = {line for block in page.blocks if block.kind == "code" for line, _ in block.lines}
    for match in TOKEN.finditer(page.body):
        expression = " ".join(match["expr"].split())
        line = page.line_of(match.start())
        problem = token_problem(site.settings, expression, page.version)
        if problem:
            yield Finding(page.rel, line, "settings/unknown-token", f"unknown token '{{{{ {expression} }}}}': {problem}")
        elif expression in local_settings.BLOCK_TOKENS and (line in code_lines or not _alone(page, line, match.group(0).strip())):
            yield Finding(page.rel, line, "settings/block-token-not-alone",
                          f"'{{{{ {expression} }}}}' becomes a list and headings: put it on a line of its own, "
                          "with an empty line before and after it")
        elif line in code_lines and not expression.startswith("local."):
            yield Finding(page.rel, line, "settings/link-token-in-code",
                          f"'{{{{ {expression} }}}}' makes a link, which a code block (a letter) cannot show: use {{{{ local.contacts.<name>.<phone|email|url> }}}}")


PAGE_RULES = [tokens]
SITE_RULES = [settings_file]
