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
    "settings/invalid-yaml": ("error", "`local.yml` is not YAML, or not a mapping of names to values"),
    "settings/missing-field": ("error", "`local.yml` lacks a setting that `scripts/schemas/local-settings.schema.json` requires"),
    "settings/unknown-field": ("error", "`local.yml` has a setting that the schema does not know"),
    "settings/wrong-type": ("error", "a setting in `local.yml` of the wrong kind (a list where text belongs)"),
    "settings/invalid-value": ("error", "any other value of `local.yml` that the schema rejects, such as a `url` that is not a web address"),
    "settings/bad-phone": ("error", "a phone number in `local.yml` that is not a UK number"),
    "settings/bad-email": ("error", "an email address in `local.yml` that is not well formed"),
    "settings/example-value": ("error", "with `--publish`: an example value is still in `local.yml`"),
}

def settings_file(site: Site) -> Iterable[Finding]:
    if site.settings is None:
        return
    for problem in local_settings.validate(site.settings):
        yield Finding(site.settings_rel, problem.line, problem.rule, problem.message)
    if site.publish:
        for problem in local_settings.example_values(site.settings):
            yield Finding(site.settings_rel, problem.line, problem.rule, problem.message)


def token_problem(settings, expression: str, version: str) -> str | None:
    """Why a token cannot be filled in, or None when it can (the build hook renders with the same function)."""
    try:
        local_settings.render_token(settings, expression, version)
    except local_settings.TokenError as error:
        return str(error)
    return None


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
        elif line in code_lines and not expression.startswith("local."):
            yield Finding(page.rel, line, "settings/link-token-in-code",
                          f"'{{{{ {expression} }}}}' makes a link, which a code block (a letter) cannot show: use {{{{ local.contacts.<name>.<phone|email|url> }}}}")


PAGE_RULES = [tokens]
SITE_RULES = [settings_file]
