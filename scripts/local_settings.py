"""The local settings file (local.yml): loading, validation, example detection, and the
{{ tokens }} that put its values into pages.

One place for this logic, used by both the build hook (overrides/hooks/local_tokens.py)
and the content checker (scripts/checker/settings.py), so they can never disagree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts import site_versions
from scripts.yaml_errors import key_lines, yaml_problem

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = PROJECT_ROOT / "local.yml"
SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "local-settings.schema.json"

# Ofcom keeps 01632 960000 to 960999 for drama: our example numbers use it (in any writing:
# 01632 960001, +44 1632 960001, (01632) 960001), compared on the digits.
EXAMPLE_PHONE_DIGITS = re.compile(r"^01632960\d{3}$")
EXAMPLE_TEXT = re.compile(r"example", re.IGNORECASE)
# A phone setting is a number, with words before it or a note after it if the team needs them:
# "0300 123 4567", "(01905) 768153", "+44 1905 768153", "111", "NHS 111, option 2",
# "01905 768153 ext. 2041". The tel: link dials the number (and an extension), never the note.
PHONE_VALUE = re.compile(r"^(?P<before>[^\d+()]*?)(?P<number>\+?\(?\d[\d ()]*\d)(?P<rest>(?:\s*[,;]|\s+(?:ext|extension|x)\b).*)?$",
                         re.IGNORECASE)
PHONE_EXTENSION = re.compile(r"^\s*[,;]?\s*(?:ext|extension|x)\.?\s*(?P<digits>\d{1,6})\b", re.IGNORECASE)
PHONE_NOTE = re.compile(r"^[^<>\[\]{}`|*_\\]*$")  # words, not markup
UK_NUMBER = re.compile(r"^(?:0\d{9,10}|1\d{2,5}|999)$")  # national numbers; 111, 999, 116 123, 119
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
# Settings that become the href of a link: only https://, and tel:/mailto: made by the tokens.
URL_FIELDS = ("url", "site_url")


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
    duplicates: list[tuple[tuple[str, ...], int, int]] = field(default_factory=list)  # (key path, first line, again)

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
    first_seen: dict[tuple, int] = {}
    lines, twice = key_lines(node, first_seen=first_seen)  # BaseLoader keeps the last of two equal keys
    duplicates = [(key_path, first_seen[key_path], line) for key_path, line in twice]
    return Settings(path=path, data=data, lines=lines, versions=versions or site_versions.load(), duplicates=duplicates)


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
    for key_path, first, again in settings.duplicates:
        problems.append(SettingsProblem(again, "settings/duplicate-key",
                                        f"'{'.'.join(key_path)}' is given twice, on line {first} and line {again}: "
                                        "only the last would count; keep one"))
    for key_path, value in _walk(settings.data):
        if not isinstance(value, str):
            continue
        line = settings.line_of(key_path)
        where = ".".join(key_path)
        if TOKEN.search(value):
            problems.append(SettingsProblem(line, "settings/token-in-value",
                                            f"'{where}' has a token {TOKEN.search(value).group(0)} in it, which would show as it is: "
                                            "write the text itself (tokens work in pages only)"))
        if key_path and key_path[-1] == "phone" and parse_phone(value) is None:
            problems.append(SettingsProblem(line, "settings/bad-phone",
                                            f"'{where}' is not a UK phone number: '{value}' (write the number, with a note after a comma "
                                            "if you need one, like 0300 123 4567 or 111, option 2)"))
        if key_path and key_path[-1] == "email" and not EMAIL.match(value):
            problems.append(SettingsProblem(line, "settings/bad-email", f"'{where}' is not an email address: '{value}'"))
        if key_path and key_path[-1] in URL_FIELDS and value.lower().startswith("http://"):
            problems.append(SettingsProblem(line, "settings/insecure-url",
                                            f"'{where}' starts with http://: use its https:// address, so that nobody can change the page "
                                            "on its way to a family"))
    return problems


def example_values(settings: Settings) -> list[SettingsProblem]:
    """Every example value still in place: a publishing build must not go out with these."""
    problems = []
    for key_path, value in _walk(settings.data):
        if not isinstance(value, str):
            continue
        if EXAMPLE_TEXT.search(value) or (key_path[-1:] == ("phone",) and is_example_phone(value)):
            problems.append(SettingsProblem(settings.line_of(key_path), "settings/example-value", f"'{'.'.join(key_path)}' still has its example value '{value}': put in your own before publishing"))
    return problems


@dataclass(frozen=True)
class Phone:
    digits: str  # as dialled in the UK: 03001234567, 111
    extension: str = ""


def parse_phone(value: str) -> Phone | None:
    """The number (and extension) in a phone setting, or None when it holds no UK number."""
    match = PHONE_VALUE.match(value.strip())
    if not match or not PHONE_NOTE.match(value) or re.search(r"\d", match["before"] or ""):
        return None
    number = match["number"]
    if number.count("(") != number.count(")"):
        return None
    digits = re.sub(r"\D", "", number)
    if number.startswith("+"):
        if not digits.startswith("44"):
            return None
        digits = "0" + digits[2:]
    if not UK_NUMBER.match(digits):
        return None
    extension = PHONE_EXTENSION.match(match["rest"] or "")
    return Phone(digits, extension["digits"] if extension else "")


def is_uk_phone(value: str) -> bool:
    return parse_phone(value) is not None


def is_example_phone(value: str) -> bool:
    phone = parse_phone(value)
    digits = phone.digits if phone else re.sub(r"\D", "", value)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return bool(EXAMPLE_PHONE_DIGITS.match(digits))


def phone_href(value: str) -> str:
    """tel: link in international form, so it also works from a phone registered abroad; short
    numbers (111) as they are. An extension goes after ';ext=' (RFC 3966); a note is not dialled."""
    phone = parse_phone(value)
    if phone is None:
        raise BadValueError(f"'{value}' is not a phone number")
    digits = "+44" + phone.digits[1:] if phone.digits.startswith("0") else phone.digits
    return "tel:" + digits + (f";ext={phone.extension}" if phone.extension else "")


# --- Escaping: a value of local.yml lands in Markdown, which passes HTML through and makes links
# of [text](address). Text is escaped so it shows as written; addresses are checked and quoted.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")  # Python-Markdown's escapable characters (tables adds |)


def markdown_text(value: str) -> str:
    """A value as Markdown that shows exactly this text: no HTML, link, emphasis or attribute."""
    value = " ".join(value.split())  # a new line in a value must not start a new block
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", value)


def markdown_url(url: str) -> str:
    """An address for [text](<address>): only https:, tel: and mailto:, quoted so it cannot end early."""
    from urllib.parse import quote

    if not re.match(r"^(?:https://|tel:|mailto:)", url, re.IGNORECASE):
        raise BadValueError(f"'{url}' is not an https://, tel: or mailto: address")
    return "<" + quote(url, safe=":/?#[]@!$&'*+,;=%~") + ">"


# Tokens in pages: {{ local.area_name }}, {{ tel.icb }}, {{ email.icb }}, {{ link.icb }}.
# TOKEN finds anything written {{ ... }}; TOKEN_GRAMMAR says which of those are tokens.
TOKEN = re.compile(r"\{\{\s*(?P<expr>[^{}]*?)\s*\}\}")
TOKEN_GRAMMAR = re.compile(r"^(?P<kind>local|tel|email|link)\.(?P<name>[a-z0-9_.]+)$")
TOKEN_HELP = "a token is {{ local.<setting> }}, {{ tel.<contact> }}, {{ email.<contact> }} or {{ link.<contact> }}"
_CONTACT_FIELD = {"tel": "phone", "email": "email", "link": "url"}


class TokenError(Exception):
    """A token names no setting, or a setting it cannot use."""


class BadValueError(TokenError):
    """The token is right, the value in local.yml is not (validate() reports it on local.yml)."""


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


def render_token(settings: Settings, expression: str, version: str, in_code: bool = False) -> str:
    """The Markdown the token {{ expression }} becomes in a page of `version` (a version's code),
    or TokenError saying why it cannot. Values are escaped for where they land: text in running
    text, addresses in links; inside code (a letter) the text stays as written, since code shows
    everything as text."""
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
        return " ".join(str(value).split()) if in_code else markdown_text(str(value))
    contact = _contact(settings, name)
    if contact is None:
        raise TokenError(f"local.yml has no contact '{name}'")
    for field in (_CONTACT_FIELD[kind], "name") if kind == "link" else (_CONTACT_FIELD[kind],):
        if field not in contact:
            raise TokenError(f"the contact '{name}' in local.yml has no {field}")
    if kind == "tel":
        return f"[{markdown_text(contact['phone'])}]({markdown_url(phone_href(contact['phone']))})"
    if kind == "email":
        if not EMAIL.match(contact["email"]):
            raise BadValueError(f"'{contact['email']}' is not an email address")
        return f"[{markdown_text(contact['email'])}]({markdown_url('mailto:' + contact['email'])})"
    return f"[{markdown_text(contact['name'])}]({markdown_url(contact['url'])})"


CODE = re.compile(r"^(?P<fence>[ \t]*(?:`{3,}|~{3,})).*?(?:^(?P=fence)[`~]*[ \t]*$|\Z)|(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
                  re.MULTILINE | re.DOTALL)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block and inline code span: there a token stays plain text."""
    return [match.span() for match in CODE.finditer(markdown)]
