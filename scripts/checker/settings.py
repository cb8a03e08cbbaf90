"""Local settings: local.yml matches its schema, phone numbers and emails are well formed, no
example value is left when publishing (--publish), and every {{ token }} in a page exists.

The rules of local.yml itself live in scripts/local_settings.py, shared with the build hook."""

from __future__ import annotations

import re
from typing import Iterable

from scripts import local_settings
from scripts.checker.markdown import TOKEN
from scripts.checker.model import Finding, Page, Site

TOKEN_GRAMMAR = re.compile(r"^(?P<kind>local|tel|email|link)\.(?P<name>[a-z0-9_.]+)$")
NEEDS = {"tel": "phone", "email": "email", "link": "url"}


def settings_file(site: Site) -> Iterable[Finding]:
    if site.settings is None:
        return
    for problem in local_settings.validate(site.settings):
        yield Finding(site.settings_rel, problem.line, problem.rule, problem.message)
    if site.publish:
        for problem in local_settings.example_values(site.settings):
            yield Finding(site.settings_rel, problem.line, problem.rule, problem.message)


def _contact(settings, name: str) -> dict | None:
    for dotted in (f"contacts.{name}", name):
        try:
            value = settings.get(dotted)
        except KeyError:
            continue
        if isinstance(value, dict):
            return value
    return None


def token_problem(settings, expression: str) -> str | None:
    """Why a token cannot be filled in, or None when it can (the same rules as the build hook)."""
    match = TOKEN_GRAMMAR.match(expression)
    if not match:
        return "a token is {{ local.<setting> }}, {{ tel.<contact> }}, {{ email.<contact> }} or {{ link.<contact> }}"
    kind, name = match["kind"], match["name"]
    if kind == "local":
        try:
            value = settings.get(name)
        except KeyError:
            return f"local.yml has no setting '{name}'"
        if isinstance(value, (dict, list)):
            return f"'{name}' in local.yml is a group of settings, not one value: name one of them"
        return None
    contact = _contact(settings, name)
    if contact is None:
        return f"local.yml has no contact '{name}'"
    if kind == "link" and "name" not in contact:
        return f"the contact '{name}' in local.yml has no name"
    if NEEDS[kind] not in contact:
        return f"the contact '{name}' in local.yml has no {NEEDS[kind]}"
    return None


def tokens(page: Page, site: Site) -> Iterable[Finding]:
    if site.settings is None:
        return
    code_lines = {line for block in page.blocks if block.kind == "code" for line, _ in block.lines}
    for match in TOKEN.finditer(page.body):
        expression = " ".join(match["expr"].split())
        line = page.line_of(match.start())
        problem = token_problem(site.settings, expression)
        if problem:
            yield Finding(page.rel, line, "settings/unknown-token", f"unknown token '{{{{ {expression} }}}}': {problem}")
        elif line in code_lines and not expression.startswith("local."):
            yield Finding(page.rel, line, "settings/link-token-in-code",
                          f"'{{{{ {expression} }}}}' makes a link, which a code block (a letter) cannot show: use {{{{ local.contacts.<name>.<phone|email|url> }}}}")


PAGE_RULES = [tokens]
SITE_RULES = [settings_file]
