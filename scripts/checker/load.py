"""Loading: the only place that reads files or parses YAML, and turns a parse error into a finding."""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path

import yaml

from scripts import leaflets_file, local_settings, site_versions
from scripts.checker import easy_read_data
from scripts.checker.model import Finding, NavEntry, Page, Site
from scripts.checker.safety import PAGE_SIZE_LIMIT
from scripts.checker.terms import NEVER_USE_LANGUAGE, compile_list
from scripts.checker.thresholds import ThresholdsError, load_thresholds
from scripts.redirects_file import load_entries
from scripts.yaml_errors import key_lines, yaml_problem


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when it is there: 10 times faster


class FrontMatterLoader(_Loader):
    """Safe YAML, but dates stay text: the date rules say what is wrong with '2026-02-30'."""


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The rules about reading a page at all (the other parse errors belong to their file's family).
RULES = {
    "page/empty": ("error", "the file is empty, or has front matter but no text"),
    "page/not-text": ("error", "the file is not UTF-8 text"),
    "page/unreadable": ("error", "the file cannot be read"),
    "config/missing-file": ("error", "`mkdocs.yml` is missing"),
    "config/invalid-yaml": ("error", "`mkdocs.yml` is not YAML, or not a mapping of settings"),
    "config/no-nav": ("error", "`mkdocs.yml` has no `nav:`"),
    "config/invalid-thresholds": ("error", "`pyproject.toml`'s `[tool.cetr-check]` lacks a number or has one that is not a whole number"),
}

FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def _parse(source: str, loader_class=None):
    """(node, data) of a YAML text, parsed once: the node has the lines, data the values."""
    loader = (loader_class or FrontMatterLoader)(source)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def load_page(path: Path, rel: str, version: site_versions.Version, name: str) -> tuple[Page, list[Finding]]:
    page = Page(rel=rel, version=version.code, name=name, language=version.html_lang, easy_read=version.easy_read)
    if path.is_symlink():
        return page, []  # not read: safety/symlink says why (it could lead to a secret, or nowhere)
    try:
        if path.stat().st_size > PAGE_SIZE_LIMIT:
            return page, []  # not read at all: safety/page-too-large says why (a 20 MB page stalls every rule)
        raw = path.read_bytes()
    except OSError as error:
        return page, [Finding(rel, 1, "page/unreadable", f"cannot read the file: {error.strerror}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return page, [Finding(rel, line, "page/not-text", "the file is not UTF-8 text")]
    page.text = text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return page, [Finding(rel, 1, "page/empty", "the page is empty")]
    if not text.startswith("---\n"):
        return page, [Finding(rel, 1, "front-matter/missing", "the page has no front matter: it must start with a line '---' (see CONTRIBUTING.md)")]
    end = FRONT_MATTER_END.search(text, 4)
    if not end:
        return page, [Finding(rel, 1, "front-matter/missing", "the front matter starts with '---' but has no closing '---' line")]
    source = text[4 : end.start()]
    try:
        node, data = _parse(source)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error, source)
        return page, [Finding(rel, line + 1, "front-matter/invalid-yaml", f"the front matter is not valid YAML: {reason}")]
    if not isinstance(data, dict):
        return page, [Finding(rel, 2, "front-matter/invalid-yaml", "the front matter must be a list of fields ('title: ...'), one a line")]
    findings = []
    page.field_lines, duplicates = key_lines(node, first_line=2)
    for key_path, line in duplicates:
        findings.append(Finding(rel, line, "front-matter/duplicate-field", f"the field '{key_path[-1]}' appears twice"))
    page.front_matter = data
    page.body_start = end.end() + 1 if end.end() < len(text) else len(text)
    page.body = text[page.body_start :]
    if not page.body.strip():
        findings.append(Finding(rel, page.line_of_offset(end.start()), "page/empty", "the page has front matter but no text"))
        return page, findings
    page.loaded = True
    return page, findings


def load_pages(root: Path, docs: Path, versions: site_versions.SiteVersions) -> tuple[list[Page], list[Finding]]:
    pages, findings = [], []
    for version in versions:
        folder = docs / version.code
        if not folder.is_dir():
            rel = folder.relative_to(root).as_posix()
            findings.append(Finding(rel, 1, "versions/missing-folder", f"the folder {rel}/ for the {version.code} pages does not exist"))
            continue
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(root).as_posix()
            page, problems = load_page(path, rel, version, path.relative_to(folder).as_posix())
            pages.append(page)
            findings.extend(problems)
    return pages, findings


def load_nav(path: Path, rel: str) -> tuple[list[NavEntry] | None, str, list[Finding]]:
    """The pages named in nav: of mkdocs.yml, with their lines, and docs_dir.

    mkdocs.yml has tags such as !!python/name: and !ENV that only MkDocs can construct, so the
    file is composed (parsed into nodes, with lines) and never constructed.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, "docs", [Finding(rel, 1, "config/missing-file", "mkdocs.yml does not exist")]
    except (OSError, UnicodeDecodeError):
        return None, "docs", [Finding(rel, 1, "config/invalid-yaml", "mkdocs.yml is not UTF-8 text")]
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error, text)
        return None, "docs", [Finding(rel, line, "config/invalid-yaml", f"mkdocs.yml is not valid YAML: {reason}")]
    if not isinstance(node, yaml.MappingNode):
        return None, "docs", [Finding(rel, 1, "config/invalid-yaml", "mkdocs.yml must be a mapping of settings")]
    docs_dir, nav_node = "docs", None
    for key, value in node.value:
        if key.value == "docs_dir" and isinstance(value, yaml.ScalarNode):
            docs_dir = value.value
        elif key.value == "nav":
            nav_node = value
    if nav_node is None:
        return None, docs_dir, [Finding(rel, 1, "config/no-nav", "mkdocs.yml has no nav: every page must be listed in the menu")]
    entries: list[NavEntry] = []

    def walk(item: yaml.Node) -> None:
        if isinstance(item, yaml.ScalarNode):
            if item.value.endswith(".md") and "://" not in item.value:
                entries.append(NavEntry(item.value, item.start_mark.line + 1))
        elif isinstance(item, yaml.SequenceNode):
            for child in item.value:
                walk(child)
        elif isinstance(item, yaml.MappingNode):
            for _, child in item.value:
                walk(child)

    walk(nav_node)
    return entries, docs_dir, []


DATA = Path(__file__).resolve().parent / "data"
NEVER_USE_FILE = DATA / "swedish-never-use.yml"
# National numbers a page may show as they are (structure/raw-phone-number), each checked at its source.
NATIONAL_NUMBERS_FILE = DATA / "national-numbers.yml"
CHECKER_ROOT = Path(__file__).resolve().parents[2]
EASY_READ_HARD_WORDS_FILE = DATA / "easy-read-hard-words.yml"
EASY_READ_ABBREVIATIONS_FILE = DATA / "easy-read-abbreviations.yml"


def load_never_use(path: Path = NEVER_USE_FILE):
    """The never-use list, compiled. A broken data file is a finding, like any other bad input."""
    rel = "scripts/checker/data/" + path.name
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader)
        never_use = compile_list(data)
    except FileNotFoundError:
        return None, [Finding(rel, 1, "terms/invalid-data", "the never-use list does not exist")]
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error, text)
        return None, [Finding(rel, line, "terms/invalid-data", f"not valid YAML: {reason}")]
    except (KeyError, TypeError, AttributeError, re.error) as error:
        return None, [Finding(rel, 1, "terms/invalid-data", f"an entry is not well formed ({error!r}): see the comment at the top")]
    return never_use, []


def load_national_numbers(path: Path = NATIONAL_NUMBERS_FILE) -> tuple[set[str], list[Finding]]:
    """The digits of each national number a page may show, checked on its organisation's page."""
    rel = path.relative_to(CHECKER_ROOT).as_posix() if path.is_relative_to(CHECKER_ROOT) else path.name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set(), [Finding(rel, 1, "structure/invalid-national-numbers", "the file cannot be read as UTF-8 text")]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error, text)
        return set(), [Finding(rel, line, "structure/invalid-national-numbers", f"not valid YAML: {reason}")]
    entries = data.get("numbers") if isinstance(data, dict) else None
    good = isinstance(entries, list) and all(
        isinstance(entry, dict) and {"number", "name", "source", "checked"} <= set(entry)
        and str(entry["source"]).startswith("https://") and isinstance(entry["checked"], datetime.date) for entry in entries)
    if not good:
        return set(), [Finding(rel, 1, "structure/invalid-national-numbers",
                               "each number needs number:, name:, source: (an https address of the organisation's own page) and checked: (a date)")]
    return {re.sub(r"\D", "", str(entry["number"])) for entry in entries}, []


def _read_yaml(path: Path, rel: str, rule: str) -> tuple[object, object, list[Finding]]:
    """(node, data, findings) of a YAML file; a broken file is a finding, never a traceback."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, None, [Finding(rel, 1, rule, "the file does not exist")]
    except (OSError, UnicodeDecodeError):
        return None, None, [Finding(rel, 1, rule, "the file cannot be read as UTF-8 text")]
    try:
        node, data = _parse(text)
    except yaml.YAMLError as error:
        line, reason = yaml_problem(error)
        return None, None, [Finding(rel, line, rule, f"not valid YAML: {reason}")]
    return node, data, []


def load_pictures(path: Path, rel: str) -> tuple[dict[str, easy_read_data.Picture] | None, list[Finding]]:
    """pictures.yml: each Easy Read picture's idea, alt text and words (the build's leaflets read it too)."""
    node, data, findings = _read_yaml(path, rel, "easy-read/invalid-pictures")
    return (None, findings) if findings else easy_read_data.pictures_from(node, data, rel)


def load_hard_words(path: Path = EASY_READ_HARD_WORDS_FILE) -> tuple[list[easy_read_data.HardWord], list[Finding]]:
    rel = "scripts/checker/data/" + path.name
    node, data, findings = _read_yaml(path, rel, "easy-read/invalid-data")
    return ([], findings) if findings else easy_read_data.hard_words_from(node, data, rel)


def load_allowed(path: Path = EASY_READ_ABBREVIATIONS_FILE) -> tuple[set[str], list[Finding]]:
    rel = "scripts/checker/data/" + path.name
    _, data, findings = _read_yaml(path, rel, "easy-read/invalid-data")
    return (set(), findings) if findings else easy_read_data.allowed_from(data, rel)


def load_easy_read_data(root: Path, docs_dir: str) -> easy_read_data.EasyReadData:
    """The Easy Read rules' data; their findings are reported by those rules (easy_read.data_files)."""
    result = easy_read_data.EasyReadData()
    pictures = f"{docs_dir}/{easy_read_data.PICTURES_IN_DOCS}"
    result.pictures, problems = load_pictures(root / pictures, pictures)
    result.findings += problems
    result.hard_words, problems = load_hard_words()
    result.findings += problems
    result.allowed, problems = load_allowed()
    result.findings += problems
    return result


def load_versions(root: Path) -> site_versions.SiteVersions:
    """The versions the project's mkdocs.yml defines, with their words where the project has them
    (the list of Easy Read pages not checked yet is counted in the words a reader gets, and may be
    one of them). When it cannot say (config/* reports why), this repository's versions, so that
    the pages are still checked."""
    for strings in ((root / site_versions.STRINGS).is_dir(), False):
        try:
            return site_versions.load(root / "mkdocs.yml", strings=strings)
        except site_versions.VersionsError:
            continue
    return site_versions.load()


ABBREVIATIONS = "includes/abbreviations"


def load_abbreviations(root: Path, versions: site_versions.SiteVersions) -> tuple[dict[str, tuple[str, str]], list[Finding]]:
    """Each version's hover explanations, which the build adds to every page of the version (optional)."""
    found, findings = {}, []
    for version in versions:
        rel = f"{ABBREVIATIONS}/{version.code}.md"
        try:
            found[version.code] = (rel, (root / rel).read_text(encoding="utf-8"))
        except FileNotFoundError:
            continue
        except (OSError, UnicodeDecodeError):
            findings.append(Finding(rel, 1, "page/not-text", "the file is not UTF-8 text"))
    return found, findings


def load_site(root: Path, today: datetime.date, publish: bool = False) -> Site:
    findings: list[Finding] = []
    nav, docs_dir, problems = load_nav(root / "mkdocs.yml", "mkdocs.yml")
    findings += problems
    versions = load_versions(root)
    docs = root / docs_dir
    if not docs.is_dir():
        findings.append(Finding(docs_dir, 1, "versions/missing-folder", f"the folder {docs_dir}/ with the pages does not exist"))
        pages = []
    else:
        pages, problems = load_pages(root, docs, versions)
        findings += problems
    settings = None
    try:
        settings = local_settings.load_settings(root / "local.yml", versions)
    except local_settings.SettingsError as error:
        findings.append(Finding("local.yml", error.problem.line, error.problem.rule, error.problem.message))
    never_use = None
    if any(page.language == NEVER_USE_LANGUAGE for page in pages):
        never_use, problems = load_never_use(NEVER_USE_FILE)  # looked up now: tests point it at a broken copy
        findings += problems
    national_numbers, problems = load_national_numbers(NATIONAL_NUMBERS_FILE)  # looked up now: tests point it at a broken copy
    findings += problems
    entries, problems = load_entries(root / "redirects.yml")
    findings += [Finding("redirects.yml", p.line, p.rule, p.message) for p in problems]
    redirects_readable = not any(p.rule == "redirects/invalid-file" for p in problems)
    redirects = {entry.old: entry for entry in entries if not entry.short}
    short_addresses = [entry for entry in entries if entry.short]
    leaflets, problems = load_leaflets(root, versions)
    findings += problems
    abbreviations, problems = load_abbreviations(root, versions)
    findings += problems
    easy_read = load_easy_read_data(root, docs_dir) if any(page.easy_read for page in pages) else None
    thresholds = None
    try:
        thresholds = load_thresholds(root)
    except ThresholdsError as error:
        findings.append(Finding("pyproject.toml", error.line, "config/invalid-thresholds", str(error)))
    return Site(root=root, versions=versions, pages=pages, thresholds=thresholds, abbreviations=abbreviations, today=today, publish=publish, settings=settings, nav=nav,
                never_use=never_use, redirects=redirects, short_addresses=short_addresses,
                redirects_readable=redirects_readable, national_numbers=national_numbers,
                published=published_pages(root, docs_dir), load_findings=findings, leaflets=leaflets,
                easy_read_data=easy_read)


def load_leaflets(root: Path, versions) -> tuple[dict[str, list], list[Finding]]:
    """leaflets/<version>.yml of each version (scripts/leaflets_file.py)."""
    leaflets, findings = {}, []
    for version in versions:
        try:
            leaflets[version.code] = leaflets_file.load(version.code, root / leaflets_file.LEAFLETS_DIR.name, pictures=version.easy_read)
        except leaflets_file.LeafletsError as error:
            findings.append(Finding(error.rel, error.line, "leaflets/invalid-file", error.message))
    return leaflets, findings


def published_pages(root: Path, docs_dir: str) -> dict[str, str] | None:
    """Every English page that git history has seen, with the commit that added it (None outside git)."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%h", "--name-only", "--diff-filter=A", "--", f"{docs_dir}/en"],
            capture_output=True, text=True, timeout=20,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    published, commit = {}, ""
    for line in result.stdout.splitlines():
        if line and "/" not in line:
            commit = line
        elif line.endswith(".md"):
            published.setdefault(line.split(f"{docs_dir}/en/", 1)[-1], commit)
    return published
