"""Build hook: puts the values of local.yml into pages, and the abbreviations of English and Svenska.

Tokens a page may use (see CONTRIBUTING.md):
  {{ local.area_name }}             any value of local.yml, as text
  {{ tel.icb }}  {{ email.icb }}    a contact's phone number or email, as a link
  {{ link.icb }}                    a contact's name, linked to its web page
  {{ local.councils }}              on a line of its own: with several councils, a list to jump to
                                    each council and a section with its contacts (scripts/councils.py)
An unknown token stops the build with the page and line, so a typo never reaches a family.
A publishing build (CETR_PUBLISH=1) also stops while an example value is left in local.yml.
The loading, the checks and the token syntax are scripts/local_settings.py's, shared with the checker.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _project
from scripts import easy_read_status, publisher, site_versions
from scripts.local_settings import (
    PROJECT_ROOT,
    TOKEN,
    Settings,
    SettingsError,
    TokenError,
    code_spans,
    example_values,
    load_settings,
    render_token,
    validate,
)

ABBREVIATIONS = PROJECT_ROOT / "includes" / "abbreviations"


def publishing() -> bool:
    return os.environ.get("CETR_PUBLISH", "").lower() in {"1", "true", "yes"}


@event_priority(100)  # before the i18n plugin reads site_url
def on_config(config):
    try:
        settings = load_settings(versions=site_versions.of_build(config))
    except SettingsError as error:
        raise PluginError(f"local.yml:{error.problem.line}: {error.problem.rule}: {error.problem.message}")
    problems = [problem for problem in validate(settings) if problem.severity == "error"]  # the checker shows warnings
    if publishing():
        problems += example_values(settings)
        config.site_url = settings.data["site_url"]
    if problems:
        raise PluginError("\n".join(f"local.yml:{p.line}: {p.rule}: {p.message}" for p in problems))
    _project.build_state(config, "local_tokens")["settings"] = settings
    # The team's name, logo and colour (publisher: in local.yml), for the templates.
    config.extra["cetr_publisher"] = publisher.template_values(settings.data, settings.versions)
    stylesheet = (config.extra["cetr_publisher"] or {}).get("stylesheet")
    if stylesheet and stylesheet not in config.extra_css:  # on_config runs again for each version
        config.extra_css.append(stylesheet)
    return config


def on_post_build(config):
    settings = _project.build_state(config, "local_tokens")["settings"]
    publisher.build_files(settings.data, PROJECT_ROOT, Path(config.site_dir))


def replace_tokens(settings: Settings, markdown: str, src_path: str, first_line: int = 1) -> str:
    version = src_path.split("/", 1)[0]
    code = code_spans(markdown)

    def replace(match: re.Match) -> str:
        in_code = any(start <= match.start() < end for start, end in code)
        try:
            return render_token(settings, match["expr"], version, in_code=in_code)
        except TokenError as error:
            line = first_line + markdown.count("\n", 0, match.start())
            raise PluginError(f"docs/{src_path}:{line}: unknown local setting '{match.group(0)}': {error}")

    return TOKEN.sub(replace, markdown)


def body_first_line(source: str, body: str) -> int:
    """The file line on which the page body (the Markdown after the front matter) starts."""
    start = source.find(body.lstrip("\n")[:200]) if body.strip() else -1
    return source.count("\n", 0, start) + 1 if start >= 0 else 1


def on_page_markdown(markdown, page, config, files):
    first_line = body_first_line(page.file.content_string, markdown)
    settings = _project.build_state(config, "local_tokens")["settings"]
    markdown = replace_tokens(settings, markdown, page.file.src_uri, first_line)
    locale = page.file.src_uri.split("/", 1)[0]
    versions = site_versions.of_build(config)
    markdown = easy_read_status.fill(markdown, Path(config.docs_dir), versions, locale, easy_read_status.nav_order(config.nav))
    abbreviations = ABBREVIATIONS / f"{locale}.md"
    # Easy Read explains hard words in its text: no dotted underlines (issue 12).
    if not versions[locale].easy_read and abbreviations.exists():
        markdown += "\n\n" + abbreviations.read_text(encoding="utf-8")
    return markdown
