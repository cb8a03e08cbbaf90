"""The local settings file (local.yml): loading, validation, example detection, and the
{{ tokens }} that put its values into pages.

One place for this logic, used by both the build hook (overrides/hooks/local_tokens.py)
and the content checker (scripts/checker/settings.py), so they can never disagree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts import site_versions
from scripts.yaml_errors import key_lines, yaml_problem

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = PROJECT_ROOT / "local.yml"
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "local-settings.schema.json"

# Ofcom keeps 01632 960000 to 960999 for drama: our example numbers use it.
EXAMPLE_PHONE = re.compile(r"^01632\s?960\s?\d{3}$")
EXAMPLE_TEXT = re.compile(r"example", re.IGNORECASE)
UK_PHONE = re.compile(r"^(?:0\d{9,10}|\+44\d{9,10})$")
PHONE_CHARACTERS = re.compile(r"^\+?[\d ]+$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class SettingsProblem:
    line: int
    rule: str
    message: str


class SettingsError(Exception):
    """The settings file cannot be read at all (missing, or not YAML)."""

    def __init__(self, problem: SettingsProblem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class Settings:
    path: Path
    data: dict[str, Any]
    lines: dict[tuple[str, ...], int]
    versions: site_versions.SiteVersions  # a text may be given per version: {en: ..., sv: ...}

    def line_of(self, key_path: tuple[str, ...]) -> int:
        """The line of the nearest key we know along key_path (1 for the top)."""
        while key_path:
            if key_path in self.lines:
                return self.lines[key_path]
            key_path = key_path[:-1]
        return 1

    def get(self, dotted: str) -> Any:
        """The value at 'contacts.icb.phone', or KeyError."""
        value: Any = self.data
        for part in dotted.split("."):
            if not isinstance(value, dict) or part not in value:
                raise KeyError(dotted)
            value = value[part]
        return value


def load_settings(path: Path = SETTINGS_FILE, versions: site_versions.SiteVersions | None = None) -> Settings:
    """local.yml, read for a site with these versions (this project's by default)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(SettingsProblem(1, "settings/missing-file", "the settings file does not exist"))
    except UnicodeDecodeError:
        raise SettingsError(SettingsProblem(1, "settings/invalid-yaml", "the settings file is not UTF-8 text"))
    try:
        # BaseLoader keeps every value a string, so "01632 960001" stays as written.
        node = yaml.compose(text, Loader=yaml.BaseLoader)
        data = yaml.load(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error, text)
        raise SettingsError(SettingsProblem(line, "settings/invalid-yaml", f"not valid YAML: {reason}"))
    if not isinstance(data, dict):
        raise SettingsError(SettingsProblem(1, "settings/invalid-yaml", "the settings file must be a mapping of names to values"))
    lines, _ = key_lines(node)  # BaseLoader keeps the last of two equal keys, as before
    return Settings(path=path, data=data, lines=lines, versions=versions or site_versions.load())


def _schema(versions: site_versions.SiteVersions) -> dict:
    """The schema, with a text per version allowed for each of the site's versions."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    per_version = schema["$defs"]["text_per_version"]["oneOf"][1]
    text = per_version["properties"].pop("<version>")
    per_version["properties"] = {code: text for code in versions.codes}
    per_version["required"] = [versions.default.code]
    return schema


def _walk(value: Any, key_path: tuple[str, ...] = ()):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, key_path + (str(key),))
    elif isinstance(value, list):
        for child in value:
            yield from _walk(child, key_path)
    else:
        yield key_path, value


def validate(settings: Settings) -> list[SettingsProblem]:
    """Schema, phone number and email problems, each with the line of the value."""
    import jsonschema  # imported here: the build hook imports this module too, and stays light

    problems = []
    validator = jsonschema.Draft202012Validator(_schema(settings.versions))
    for error in sorted(validator.iter_errors(settings.data), key=lambda e: list(map(str, e.absolute_path))):
        key_path = tuple(str(p) for p in error.absolute_path)
        where = ".".join(key_path) or "the file"
        if error.validator == "additionalProperties":
            extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
            line = settings.line_of(key_path + (extra[0],)) if extra else settings.line_of(key_path)
            problems.append(SettingsProblem(line, "settings/unknown-field", f"unknown setting '{'.'.join(key_path + (extra[0],)) if extra else where}'"))
        elif error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else "?"
            problems.append(SettingsProblem(settings.line_of(key_path), "settings/missing-field", f"'{where}' needs the setting '{missing}'"))
        elif error.validator == "type":
            problems.append(SettingsProblem(settings.line_of(key_path), "settings/wrong-type", f"'{where}' should be {error.validator_value}, not {type(error.instance).__name__}"))
        else:
            problems.append(SettingsProblem(settings.line_of(key_path), "settings/invalid-value", f"'{where}': {error.message}"))
    for key_path, value in _walk(settings.data):
        if not isinstance(value, str):
            continue
        line = settings.line_of(key_path)
        if key_path and key_path[-1] == "phone" and not is_uk_phone(value):
            problems.append(SettingsProblem(line, "settings/bad-phone", f"'{'.'.join(key_path)}' is not a UK phone number: '{value}' (write it like 01632 960123 or 0300 123 4567)"))
        if key_path and key_path[-1] == "email" and not EMAIL.match(value):
            problems.append(SettingsProblem(line, "settings/bad-email", f"'{'.'.join(key_path)}' is not an email address: '{value}'"))
    return problems


def example_values(settings: Settings) -> list[SettingsProblem]:
    """Every example value still in place: a publishing build must not go out with these."""
    problems = []
    for key_path, value in _walk(settings.data):
        if not isinstance(value, str):
            continue
        if EXAMPLE_TEXT.search(value) or (key_path[-1:] == ("phone",) and EXAMPLE_PHONE.match(value)):
            problems.append(SettingsProblem(settings.line_of(key_path), "settings/example-value", f"'{'.'.join(key_path)}' still has its example value '{value}': put in your own before publishing"))
    return problems


def is_uk_phone(number: str) -> bool:
    return bool(PHONE_CHARACTERS.match(number)) and bool(UK_PHONE.match(number.replace(" ", "")))


def phone_href(number: str) -> str:
    """tel: link in international form, so it also works from a phone registered abroad."""
    digits = number.replace(" ", "")
    if digits.startswith("0"):
        digits = "+44" + digits[1:]
    return "tel:" + digits


# Tokens in pages: {{ local.area_name }}, {{ tel.icb }}, {{ email.icb }}, {{ link.icb }}.
# TOKEN finds anything written {{ ... }}; TOKEN_GRAMMAR says which of those are tokens.
TOKEN = re.compile(r"\{\{\s*(?P<expr>[^{}]*?)\s*\}\}")
TOKEN_GRAMMAR = re.compile(r"^(?P<kind>local|tel|email|link)\.(?P<name>[a-z0-9_.]+)$")
TOKEN_HELP = "a token is {{ local.<setting> }}, {{ tel.<contact> }}, {{ email.<contact> }} or {{ link.<contact> }}"
_CONTACT_FIELD = {"tel": "phone", "email": "email", "link": "url"}


class TokenError(Exception):
    """A token names no setting, or a setting it cannot use."""


def _contact(settings: Settings, name: str) -> dict | None:
    for dotted in (f"contacts.{name}", name):
        try:
            value = settings.get(dotted)
        except KeyError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _is_text_per_version(value: Any, versions: site_versions.SiteVersions) -> bool:
    return isinstance(value, dict) and versions.default.code in value and set(value) <= set(versions.codes)


def render_token(settings: Settings, expression: str, version: str) -> str:
    """The Markdown the token {{ expression }} becomes in a page of `version` (a version's code),
    or TokenError saying why it cannot."""
    match = TOKEN_GRAMMAR.match(" ".join(expression.split()))
    if not match:
        raise TokenError(TOKEN_HELP)
    kind, name = match["kind"], match["name"]
    if kind == "local":
        try:
            value = settings.get(name)
        except KeyError:
            raise TokenError(f"local.yml has no setting '{name}'")
        if _is_text_per_version(value, settings.versions):
            value = value.get(version, value[settings.versions.default.code])  # a text per version, English by default
        if isinstance(value, (dict, list)):
            raise TokenError(f"'{name}' in local.yml is a group of settings, not one value: name one of them")
        return str(value)
    contact = _contact(settings, name)
    if contact is None:
        raise TokenError(f"local.yml has no contact '{name}'")
    for field in (_CONTACT_FIELD[kind], "name") if kind == "link" else (_CONTACT_FIELD[kind],):
        if field not in contact:
            raise TokenError(f"the contact '{name}' in local.yml has no {field}")
    if kind == "tel":
        return f"[{contact['phone']}]({phone_href(contact['phone'])})"
    if kind == "email":
        return f"[{contact['email']}](mailto:{contact['email']})"
    return f"[{contact['name']}]({contact['url']})"
