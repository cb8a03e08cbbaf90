"""Build hook: puts the values of local.yml into pages, and the abbreviations of each version.

Tokens a page may use (see CONTRIBUTING.md):
  {{ local.area_name }}             any value of local.yml, as text
  {{ tel.icb }}  {{ email.icb }}    a contact's phone number or email, as a link
  {{ link.icb }}                    a contact's name, linked to its web page
An unknown token stops the build with the page and line, so a typo never reaches a family.
A publishing build (CETR_PUBLISH=1) also stops while an example value is left in local.yml.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from scripts.local_settings import (  # noqa: E402
    PROJECT_ROOT,
    Settings,
    SettingsError,
    example_values,
    load_settings,
    phone_href,
    validate,
)

TOKEN = re.compile(r"\{\{\s*(local|tel|email|link)\.([a-z0-9_.]+)\s*\}\}")
ABBREVIATIONS = PROJECT_ROOT / "includes" / "abbreviations"

_settings: Settings | None = None


def publishing() -> bool:
    return os.environ.get("CETR_PUBLISH", "").lower() in {"1", "true", "yes"}


@event_priority(100)  # before the i18n plugin reads site_url
def on_config(config):
    global _settings
    try:
        settings = load_settings()
    except SettingsError as error:
        raise PluginError(f"local.yml:{error.problem.line}: {error.problem.rule}: {error.problem.message}")
    problems = validate(settings)
    if publishing():
        problems += example_values(settings)
        config.site_url = settings.data["site_url"]
    if problems:
        raise PluginError("\n".join(f"local.yml:{p.line}: {p.rule}: {p.message}" for p in problems))
    _settings = settings
    return config


def _contact(name: str) -> dict:
    for dotted in (f"contacts.{name}", name):
        try:
            value = _settings.get(dotted)
        except KeyError:
            continue
        if isinstance(value, dict):
            return value
    raise KeyError(name)


def render_token(kind: str, name: str) -> str:
    if kind == "local":
        value = _settings.get(name)
        if isinstance(value, dict):
            raise KeyError(name)
        return str(value)
    contact = _contact(name)
    if kind == "tel":
        return f"[{contact['phone']}]({phone_href(contact['phone'])})"
    if kind == "email":
        return f"[{contact['email']}](mailto:{contact['email']})"
    return f"[{contact['name']}]({contact['url']})"


def replace_tokens(markdown: str, src_path: str) -> str:
    def replace(match: re.Match) -> str:
        kind, name = match.groups()
        try:
            return render_token(kind, name)
        except KeyError:
            line = markdown.count("\n", 0, match.start()) + 1
            raise PluginError(f"docs/{src_path}:{line}: unknown local setting '{match.group(0)}' (see local.yml)")

    return TOKEN.sub(replace, markdown)


def on_page_markdown(markdown, page, config, files):
    markdown = replace_tokens(markdown, page.file.src_uri)
    locale = page.file.src_uri.split("/", 1)[0]
    abbreviations = ABBREVIATIONS / f"{locale}.md"
    if abbreviations.exists():
        markdown += "\n\n" + abbreviations.read_text(encoding="utf-8")
    return markdown
