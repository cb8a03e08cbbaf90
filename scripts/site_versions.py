"""The site's versions (English, Svenska, Easy Read ...): the one place that knows them.

Every fact about a version comes from its entry in mkdocs.yml, `plugins: i18n: languages:`.
The plugin holds the locale (which is also the folder docs/<locale>/ and the output folder
<locale>/), the name in the switcher and which version is the default (built at the root).
What the plugin does not hold sits in the same entry, under `extra: site_version:`:

    english_name  the version's name in the checker's messages ("no Swedish version")
    html_lang     <html lang>, a BCP 47 tag (default: the locale); Easy Read is English
    hreflang      the tag for hreflang (default: html_lang)
    easy_read     true for an Easy Read version: its rules, its CSS, lazy pictures

Each version's own words (templates, redirect pages, the hooks' fixes) are in
includes/strings/<locale>.yml, beside its abbreviations in includes/abbreviations/<locale>.md. The build hooks read the plugin's parsed config
(`from_config`); scripts and the checker read mkdocs.yml itself (`load`): both give the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
STRINGS = Path("includes") / "strings"  # beside mkdocs.yml: one <locale>.yml a version


class VersionsError(Exception):
    """mkdocs.yml does not say which versions the site has."""


@dataclass(frozen=True)
class Version:
    code: str  # the plugin's locale: en, sv, en-easy; also the folder docs/<code>/
    name: str  # the name in the language switcher
    default: bool = False  # built at the site's root, not in a folder of its own
    english_name: str = ""
    html_lang: str = ""
    hreflang: str = ""
    easy_read: bool = False
    strings: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def prefix(self) -> str:
        """Where the version's pages land in the built site: '' or 'sv/'."""
        return "" if self.default else f"{self.code}/"

    def as_extra(self) -> dict[str, Any]:
        """What the templates get in config.extra.site_versions."""
        return {"code": self.code, "name": self.name, "default": self.default, "prefix": self.prefix,
                "html_lang": self.html_lang, "hreflang": self.hreflang, "easy_read": self.easy_read,
                "strings": self.strings}


@dataclass(frozen=True)
class SiteVersions:
    all: tuple[Version, ...]

    def __iter__(self) -> Iterator[Version]:
        return iter(self.all)

    def __getitem__(self, code: str) -> Version:
        for version in self.all:
            if version.code == code:
                return version
        raise KeyError(code)

    def __contains__(self, code: object) -> bool:
        return any(version.code == code for version in self.all)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(version.code for version in self.all)

    @property
    def default(self) -> Version:
        return next(version for version in self.all if version.default)

    @property
    def translations(self) -> tuple[Version, ...]:
        """Every version but the default (English), in the order of mkdocs.yml."""
        return tuple(version for version in self.all if not version.default)

    def of_output(self, path: str) -> tuple[Version, str]:
        """'sv/what-is-a-cetr/index.html' -> (Svenska, 'what-is-a-cetr/index.html')."""
        for version in self.translations:
            if path.startswith(version.prefix):
                return version, path[len(version.prefix):]
        return self.default, path

    def of_source(self, src_uri: str) -> Version:
        """'sv/what-is-a-cetr.md' (a path under docs/) -> Svenska."""
        return self[src_uri.split("/", 1)[0]]

    def as_extra(self) -> dict[str, Any]:
        return {version.code: version.as_extra() for version in self.all}


def _version(language: dict[str, Any], strings_dir: Path | None) -> Version:
    code = str(language["locale"])
    facts = ((language.get("extra") or {}).get("site_version")) or {}
    html_lang = str(facts.get("html_lang") or code)
    strings: dict[str, Any] = {}
    if strings_dir is not None:
        strings_file = strings_dir / f"{code}.yml"
        try:
            strings = yaml.safe_load(strings_file.read_text(encoding="utf-8")) or {}
        except FileNotFoundError:
            raise VersionsError(f"{strings_file}: the words of the version '{code}' are missing")
        except yaml.YAMLError as error:
            raise VersionsError(f"{strings_file}: not valid YAML: {error}")
    return Version(
        code=code,
        name=str(language.get("name") or code),
        default=bool(language.get("default")),
        english_name=str(facts.get("english_name") or language.get("name") or code),
        html_lang=html_lang,
        hreflang=str(facts.get("hreflang") or html_lang),
        easy_read=bool(facts.get("easy_read")),
        strings=strings,
    )


def _site_versions(languages: list[dict[str, Any]], strings_dir: Path | None, where: str) -> SiteVersions:
    built = [language for language in languages if language.get("build", True) and language.get("locale") != "null"]
    if not built:
        raise VersionsError(f"{where}: plugins: i18n: languages: lists no version")
    versions = SiteVersions(tuple(_version(language, strings_dir) for language in built))
    if sum(version.default for version in versions) != 1:
        raise VersionsError(f"{where}: exactly one version in plugins: i18n: languages: must have default: true")
    return versions


def from_config(config) -> SiteVersions:
    """The versions of a MkDocs build (hooks): from the i18n plugin's parsed config."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise VersionsError("mkdocs.yml: the i18n plugin is not configured")
    languages = [dict(language) for language in plugin.config.languages]
    return _site_versions(languages, Path(config.config_file_path).parent / STRINGS, "mkdocs.yml")


class _MkdocsLoader(yaml.SafeLoader):
    """Safe YAML that reads mkdocs.yml: tags only MkDocs constructs (!ENV, !!python/name:) become None."""


_MkdocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _plugin_languages(data: dict[str, Any]) -> list[dict[str, Any]]:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return list((plugin["i18n"] or {}).get("languages") or [])
    return []


def load(path: Path = MKDOCS_YML, strings: bool = False) -> SiteVersions:
    """The versions a project's mkdocs.yml defines (this project's by default); with their
    words when `strings` (the checker and the scripts need none)."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_MkdocsLoader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise VersionsError(f"{path.name}: cannot be read: {error}")
    if not isinstance(data, dict):
        raise VersionsError(f"{path.name}: must be a mapping of settings")
    strings_dir = path.parent / STRINGS if strings else None
    return _site_versions(_plugin_languages(data), strings_dir, path.name)


def of_build(config) -> SiteVersions:
    """The versions of this build, read once and kept with the build's own config
    (config.extra.site_versions, which the templates read too)."""
    versions = config.extra.get("site_versions")
    if not isinstance(versions, SiteVersions):
        versions = from_config(config)
        config.extra["site_versions"] = versions
    return versions
