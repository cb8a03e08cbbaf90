"""Local settings: local.yml matches its schema, phone numbers and emails are well formed, no
example value is left when publishing (--publish), and every {{ token }} in a page exists.

The rules of local.yml and of tokens live in scripts/local_settings.py, shared with the build hook."""

from __future__ import annotations

from typing import Iterable

from scripts import local_settings
from scripts.checker.model import Finding, Page, Site
from scripts.local_settings import TOKEN


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
