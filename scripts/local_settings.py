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

from scripts import councils, publisher, site_versions
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
    severity: str = "error"  # or "warning": the checker reports it, the build goes on


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


def _walk(value: Any, key_path: tuple = ()):
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, key_path + (str(key),))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, key_path + (index,))
    else:
        yield key_path, value


def setting_name(settings: Settings, key_path: tuple) -> str:
    """A setting as an editor finds it in local.yml: 'contacts.icb.phone', or for one of several
    councils 'sendiass.phone' of the council Westmoor."""
    if len(key_path) >= 2 and key_path[0] == "councils" and isinstance(key_path[1], int):
        council = settings.data["councils"][key_path[1]]
        name = council.get("name") if isinstance(council, dict) else None
        which = f"the council {name}" if isinstance(name, str) and name else f"council {key_path[1] + 1}"
        rest = ".".join(str(part) for part in key_path[2:])
        return f"'{rest}' of {which}" if rest else which
    return "'" + ".".join(str(part) for part in key_path) + "'" if key_path else "local.yml"


# How to write each kind of value, for the errors that say a value is wrong (plain words, an example).
HOW_TO_WRITE = {
    "site_url": "the web address where you publish the guide, starting with https:// and ending with /, "
                "like: site_url: https://www.example.org/cetr-guide/",
    "url": "a web address starting with https://, like: url: https://www.example.org/send",
    "name": "a name of at least 2 letters",
    "links": "guide (links lead to the published guide) or pages (links lead to the other exported pages)",
}
JSON_TYPES = {
    "string": "one value, written after the colon on the same line",
    "object": "a group of settings, each on its own line below it, indented by two more spaces",
    "array": "a list, each item on its own line below it, starting with '- '",
}


def _schema_problem(settings: Settings, error) -> SettingsProblem:
    """A schema error in words an editor can act on, at the line of the setting."""
    key_path = tuple(error.absolute_path)
    name = setting_name(settings, key_path)
    line = settings.line_of(key_path)
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        if extra:
            key_path += (extra[0],)
        return SettingsProblem(settings.line_of(key_path), "settings/unknown-field",
                               f"{setting_name(settings, key_path)} is not a setting local.yml knows: check its spelling "
                               "and its indent (the spaces before it), or remove it")
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        where = "local.yml" if not key_path else name
        return SettingsProblem(line, "settings/missing-field", f"{where} needs the setting '{missing}': add it (PUBLISHING.md shows each setting)")
    if error.validator == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else error.validator_value[0]
        return SettingsProblem(line, "settings/wrong-type", f"{name} should be {JSON_TYPES.get(expected, expected)}")
    if error.validator == "anyOf" and key_path[:1] in (("contacts",), ("councils",)):
        return SettingsProblem(line, "settings/missing-field", f"{name} needs a way to reach it: a phone, an email or a url")
    if error.validator == "oneOf":  # a text per version
        return SettingsProblem(line, "settings/invalid-value",
                               f"{name} should be a text, or one text per version under it, like: en: Monday to Friday, 9am to 5pm")
    if error.validator == "minItems":
        return SettingsProblem(line, "settings/invalid-value", f"{name} needs at least one council, or remove 'councils'")
    field = str(key_path[-1]) if key_path else ""
    hint = HOW_TO_WRITE.get(field)
    if hint:
        return SettingsProblem(line, "settings/invalid-value", f"{name} should be {hint}, not '{error.instance}'")
    return SettingsProblem(line, "settings/invalid-value", f"{name}: {error.message}")


# Texts a team may give per version; where a version in another language has none, its pages show
# the default version's text marked with that language (lang="en"), and the checker warns.
TRANSLATED_FIELDS = ("hours",)


def missing_translations(settings: Settings) -> list[SettingsProblem]:
    default = settings.versions.default
    others = [v for v in settings.versions.translations if v.html_lang != default.html_lang]
    problems = []
    for key_path, _ in _walk(settings.data):
        if len(key_path) >= 1 and key_path[-1] in TRANSLATED_FIELDS:
            text_path, given = key_path, {default.code}
        elif len(key_path) >= 2 and key_path[-2] in TRANSLATED_FIELDS and key_path[-1] == default.code:
            text_path = key_path[:-1]
            value = settings.data
            for part in text_path:
                value = value[part]
            given = set(value)
        else:
            continue
        for version in others:
            if version.code not in given:
                problems.append(SettingsProblem(
                    settings.line_of(text_path), "settings/missing-translation",
                    f"{setting_name(settings, text_path)} has no {version.english_name} text, so {version.english_name} pages "
                    f"show the {default.english_name} one, marked as {default.english_name}: to give one, write the "
                    f"{default.english_name} after '{default.code}:' and the {version.english_name} after '{version.code}:', "
                    "each on its own line under it", "warning"))
    return problems


def validate(settings: Settings) -> list[SettingsProblem]:
    """Schema, phone number and email problems, each with the line of the value."""
    import jsonschema  # imported here: the build hook imports this module too, and stays light

    problems = []
    validator = jsonschema.Draft202012Validator(_schema(settings.versions))
    for error in sorted(validator.iter_errors(settings.data), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(_schema_problem(settings, error))
    for key_path, first, again in settings.duplicates:
        problems.append(SettingsProblem(again, "settings/duplicate-key",
                                        f"'{'.'.join(key_path)}' is given twice, on line {first} and line {again}: "
                                        "only the last would count; keep one"))
    for key_path, value in _walk(settings.data):
        if not isinstance(value, str):
            continue
        line = settings.line_of(key_path)
        where = setting_name(settings, key_path)
        if TOKEN.search(value):
            problems.append(SettingsProblem(line, "settings/token-in-value",
                                            f"{where} has a token {TOKEN.search(value).group(0)} in it, which would show as it is: "
                                            "write the text itself (tokens work in pages only)"))
        if key_path and key_path[-1] == "phone" and parse_phone(value) is None:
            problems.append(SettingsProblem(line, "settings/bad-phone",
                                            f"{where} is not a UK phone number: '{value}' (write the number, with a note after a comma "
                                            "if you need one, like 0300 123 4567 or 111, option 2)"))
        if key_path and key_path[-1] == "email" and not EMAIL.match(value):
            problems.append(SettingsProblem(line, "settings/bad-email", f"{where} is not an email address: '{value}' (write it like team@yourcouncil.gov.uk)"))
        if key_path and key_path[-1] in URL_FIELDS and value.lower().startswith("http://"):
            problems.append(SettingsProblem(line, "settings/insecure-url",
                                            f"{where} starts with http://: use its https:// address, so that nobody can change the page "
                                            "on its way to a family"))

    def problem(key_path: tuple, rule: str, message: str) -> SettingsProblem:
        return SettingsProblem(settings.line_of(key_path), rule, message)

    problems += councils.check(settings.data, problem)
    problems += publisher.check(settings.data, settings.path.parent, problem)
    return problems + missing_translations(settings)


def example_values(settings: Settings) -> list[SettingsProblem]:
    """Every example value still in place: a publishing build must not go out with these."""
    problems = []
    for key_path, value in _walk(settings.data):
        if not isinstance(value, str):
            continue
        if EXAMPLE_TEXT.search(value) or (key_path[-1:] == ("phone",) and is_example_phone(value)):
            problems.append(SettingsProblem(settings.line_of(key_path), "settings/example-value", f"{setting_name(settings, key_path)} still has its example value '{value}': put in your own before publishing"))
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
# Tokens that become whole blocks (a list, headings), each on a line of its own.
BLOCK_TOKENS = ("local." + councils.BLOCK,)
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


def _text(settings: Settings, value: Any, version: str, field: str | None, in_code: bool) -> str:
    """A text setting in a page of `version`, escaped to show as written (in code as it is): the
    version's own text; else the default version's, marked as being in the default version's
    language (lang="en") where that is another language."""
    versions = settings.versions
    default = versions.default
    shown = (lambda text: " ".join(str(text).split())) if in_code else markdown_text
    if _is_text_per_version(value, versions):
        if version in value:
            return shown(value[version])
        value = value[default.code]
    elif field not in TRANSLATED_FIELDS or version == default.code:
        return shown(value)
    page_lang = versions[version].html_lang if version in versions else default.html_lang
    if page_lang == default.html_lang or in_code:
        return shown(value)
    return f'<span lang="{default.html_lang}">{shown(value)}</span>'


def _contact_markdown(contact: dict, kind: str, name: str) -> str:
    """{{ tel.<name> }}, {{ email.<name> }} or {{ link.<name> }} of one contact."""
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



def render_token(settings: Settings, expression: str, version: str, in_code: bool = False) -> str:
    """The Markdown the token {{ expression }} becomes in a page of `version` (a version's code),
    or TokenError saying why it cannot. in_code: the token is in a code block (a letter)."""
    match = TOKEN_GRAMMAR.match(" ".join(expression.split()))
    if not match:
        raise TokenError(TOKEN_HELP)
    kind, name = match["kind"], match["name"]
    words = settings.versions[version].strings if version in settings.versions else {}
    if kind == "local" and name == councils.BLOCK:
        return councils.block(settings.data, words, _contact_markdown,
                              lambda value: _text(settings, value, version, "hours", in_code), markdown_text)
    per_council = councils.per_council(settings.data, kind, name)
    if per_council:
        what, fields = per_council
        field = fields[-1] if fields else None
        try:
            return councils.render(settings.data, kind, what, fields, words, _contact_markdown,
                                   lambda value: _text(settings, value, version, field, in_code), markdown_text)
        except councils.CouncilTokenError as error:
            raise TokenError(str(error))
    if kind == "local":
        try:
            value = settings.get(name)
        except KeyError:
            raise TokenError(f"local.yml has no setting '{name}'")
        if isinstance(value, (dict, list)) and not _is_text_per_version(value, settings.versions):
            raise TokenError(f"'{name}' in local.yml is a group of settings, not one value: name one of them")
        return _text(settings, value, version, name.rsplit(".", 1)[-1], in_code)
    contact = _contact(settings, name)
    if contact is None:
        raise TokenError(f"local.yml has no contact '{name}'")
    return _contact_markdown(contact, kind, name)


CODE = re.compile(r"^(?P<fence>[ \t]*(?:`{3,}|~{3,})).*?(?:^(?P=fence)[`~]*[ \t]*$|\Z)|(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)",
                  re.MULTILINE | re.DOTALL)


def code_spans(markdown: str) -> list[tuple[int, int]]:
    """(start, end) of each fenced code block and inline code span: there a token stays plain text."""
    return [match.span() for match in CODE.finditer(markdown)]
