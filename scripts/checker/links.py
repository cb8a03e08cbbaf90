"""Links (--links): build the site, check every internal link and heading anchor in the built HTML
(a fast first pass in Python), then let linkchecker check them over http (the authority), and
with --external the external links too. A broken link is reported on its Markdown source page.

The only rule module that runs programs (mkdocs, linkchecker) and a local web server; it writes only
to a temporary folder, never to docs/.
"""

from __future__ import annotations

import csv
import html.parser
import io
import os
import posixpath
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

from scripts.checker.model import WARNING, Finding, Site
from scripts.mkdocs_build import executable, mkdocs_build

RULES = {
    "links/broken": ("error", "with `--links`: an internal link or `#anchor` that goes nowhere, on the page whose Markdown has it"),
    "links/build-failed": ("error", "with `--links`: `mkdocs build --strict` failed"),
    "links/linkchecker-failed": ("error", "with `--links`: linkchecker could not run"),
    "links/external": ("warning", "with `--links --external`: a link to another website that does not work"),
}

BUILD_TIMEOUT = 600
LINKCHECKER_TIMEOUT = 900
SKIP_SCHEMES = ("http:", "https:", "mailto:", "tel:", "javascript:", "data:", "ftp:", "sms:")
LINKCHECKER_CONFIG = """\
[checking]
threads=10
# Our own server sends a LinkChecker header, so linkchecker lets us go faster than 10 a second.
maxrequestspersecond=500
timeout=20
[filtering]
checkextern={extern}
[AnchorCheck]
"""


# --- Build ---------------------------------------------------------------------------------------

MKDOCS_LINK_WARNING = re.compile(r"Doc file '(?P<file>[^']+)' contains a link '(?P<link>[^']+)', but (?P<why>.*)")


def build(site: Site, site_dir: Path) -> list[Finding]:
    try:
        result = mkdocs_build(site_dir, site.root, publish=site.publish, timeout=BUILD_TIMEOUT)
    except FileNotFoundError:
        return [Finding(site.mkdocs_rel, 1, "links/build-failed", "mkdocs is not installed: run make setup")]
    except subprocess.TimeoutExpired:
        return [Finding(site.mkdocs_rel, 1, "links/build-failed", f"mkdocs build took longer than {BUILD_TIMEOUT} s")]
    if result.returncode == 0:
        return []
    findings = []
    output = (result.stdout + "\n" + result.stderr).splitlines()
    for line in output:
        match = MKDOCS_LINK_WARNING.search(line)
        if match:
            rel = f"docs/{match['file']}"
            page = _page_by_rel(site, rel)
            where = _source_line(page, match["link"]) if page else 1
            findings.append(Finding(rel, where, "links/broken", f"link '{match['link']}': {match['why'].strip()}"))
    if not findings:
        problems = [line.strip() for line in output if re.match(r"\s*(WARNING|ERROR)\b", line) or "Error:" in line or "Aborted" in line]
        message = "; ".join(problems[:3]) or (output[-1].strip() if output else f"exit code {result.returncode}")
        findings.append(Finding(site.mkdocs_rel, 1, "links/build-failed", f"mkdocs build --strict failed: {message}"))
    return findings


# --- Mapping built pages back to Markdown ---------------------------------------------------------

def source_of(site: Site, built: str) -> str | None:
    """'sv/what-is-a-cetr/index.html' -> 'docs/sv/what-is-a-cetr.md' (None when no page made it)."""
    found, rest = site.versions.of_output(built)
    version = found.code
    if not rest.endswith("index.html"):
        return None
    stem = rest[: -len("index.html")].rstrip("/")
    for name in ((stem + ".md") if stem else "index.md", (stem + "/index.md") if stem else "index.md"):
        page = site.page(version, name)
        if page is not None:
            return page.rel
    return None


def _page_by_rel(site: Site, rel: str):
    return next((page for page in site.pages if page.rel == rel), None)


def _source_line(page, href: str) -> int:
    """The line of the Markdown link that became href (line 1 when it cannot be found)."""
    if page is None or not page.text:
        return 1
    parsed = urlsplit(href)
    needles = []
    if parsed.fragment:
        needles.append("#" + parsed.fragment)
    stem = posixpath.basename(parsed.path.rstrip("/"))
    if stem and stem not in (".", ".."):
        needles += [f"({stem}.md", f"/{stem}.md", f"({stem}/", stem]
    if href:
        needles.insert(0, href)
    body = page.text[page.body_start :]
    for needle in needles:
        at = body.find(needle)
        if at != -1:
            return page.line_of(at)
    return 1


# --- Fast first pass over the built HTML ----------------------------------------------------------

class _Collector(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        elif tag in ("img", "script") and attrs.get("src"):
            self.links.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and "alternate" not in (attrs.get("rel") or ""):
            self.links.append(attrs["href"])


def _resolve(site_dir: Path, page: str, href: str) -> tuple[str | None, str]:
    """(the built file a link points to, relative to site_dir, or None if missing; the fragment)."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        return page, parts.fragment
    target = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page), path))
    if target.startswith(".."):
        return None, parts.fragment
    candidates = [target] if target != "." else []
    candidates += [posixpath.join(target, "index.html")] if target != "." else ["index.html"]
    for candidate in candidates:
        if (site_dir / candidate).is_file():
            return candidate, parts.fragment
    return None, parts.fragment


def fast_pass(site: Site, site_dir: Path) -> list[Finding]:
    parsed: dict[str, _Collector] = {}
    for path in sorted(site_dir.rglob("*.html")):
        rel = path.relative_to(site_dir).as_posix()
        collector = _Collector()
        collector.feed(path.read_text(encoding="utf-8", errors="replace"))
        parsed[rel] = collector
    findings, seen = [], set()
    for built, collector in parsed.items():
        if built == "404.html" or built.endswith("/404.html"):
            continue  # served at any address, so its links are relative to the site root
        source = source_of(site, built)
        for href in collector.links:
            if not href or href.startswith(SKIP_SCHEMES) or href.startswith("//"):
                continue
            target, fragment = _resolve(site_dir, built, href)
            if target is None:
                problem = f"link '{href}' on {built}: the page does not exist"
            elif fragment and target.endswith(".html") and fragment not in _ids(parsed, site_dir, target):
                problem = f"link '{href}' on {built}: no heading or anchor '#{fragment}' on {target}"
            else:
                continue
            key = (source or built, href)
            if key in seen:
                continue
            seen.add(key)
            page = _page_by_rel(site, source) if source else None
            findings.append(Finding(source or f"site/{built}", _source_line(page, href), "links/broken", problem))
    return findings


def _ids(parsed: dict, site_dir: Path, target: str) -> set[str]:
    if target not in parsed:
        collector = _Collector()
        collector.feed((site_dir / target).read_text(encoding="utf-8", errors="replace"))
        parsed[target] = collector
    return parsed[target].ids


# --- linkchecker over http ------------------------------------------------------------------------

def start_urls(site: Site, base: str) -> list[str]:
    return [base] + [base + version.prefix for version in site.versions.translations if site.by_version.get(version.code)]


def run_linkchecker(site: Site, site_dir: Path, external: bool, work: Path) -> tuple[list[Finding], list[str]]:
    linkchecker = executable("linkchecker")
    if not linkchecker:
        return [Finding(site.mkdocs_rel, 1, "links/linkchecker-failed", "linkchecker is not installed: run make setup")], []
    config = work / "linkcheckerrc"
    config.write_text(LINKCHECKER_CONFIG.format(extern=int(external)), encoding="utf-8")
    # Run as root, linkchecker drops to the user nobody, who must still read its config.
    work.chmod(0o755)
    config.chmod(0o644)
    command = [linkchecker, "--config", str(config), "--no-status", "--output", "csv", "--recursion-level", "-1"]
    if external:
        command += ["--check-extern", "--verbose"]  # --verbose: list the working external links too
    # The server sends a LinkChecker header, so linkchecker does not throttle itself against it.
    from scripts.site_server import serve  # here: every run imports this module for its RULES

    with serve(site_dir) as base:
        try:
            result = subprocess.run(command + start_urls(site, base), capture_output=True, text=True,
                                    timeout=LINKCHECKER_TIMEOUT, cwd=work, env={**os.environ, "HOME": str(work)})
        except subprocess.TimeoutExpired:
            return [Finding(site.mkdocs_rel, 1, "links/linkchecker-failed", f"linkchecker took longer than {LINKCHECKER_TIMEOUT} s")], []
    if result.returncode not in (0, 1):
        last = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return [Finding(site.mkdocs_rel, 1, "links/linkchecker-failed", f"linkchecker failed (exit {result.returncode}): {last}")], []
    return parse_linkchecker(site, result.stdout, base)


def parse_linkchecker(site: Site, output: str, base: str) -> tuple[list[Finding], list[str]]:
    rows = csv.DictReader(io.StringIO("\n".join(line for line in output.splitlines() if not line.startswith("#"))), delimiter=";")
    findings, report = [], []
    for row in rows:
        url = row.get("url") or row.get("urlname") or ""
        if url.startswith("data:") or (row.get("urlname") or "").startswith("data:"):
            continue
        parent = row.get("parentname") or ""
        built = urlsplit(parent).path.lstrip("/") if parent.startswith(base) else ""
        if built.endswith("/") or not built:
            built += "index.html"
        source = source_of(site, built)
        page = _page_by_rel(site, source) if source else None
        line = _source_line(page, row.get("urlname") or "")
        result = " ".join((row.get("result") or "").split())
        result = result if len(result) <= 90 else result[:89] + "…"
        warning = " ".join((row.get("warningstring") or "").split())
        internal = url.startswith(base) or not re.match(r"^[a-z]+:", row.get("urlname") or "")
        where = source or (f"site/{built}" if parent else site.mkdocs_rel)
        if internal:
            if row.get("valid") == "False":
                findings.append(Finding(where, line, "links/broken", f"link '{row.get('urlname')}': {result or 'broken'} (linkchecker)"))
            elif warning:
                findings.append(Finding(where, line, "links/broken", f"link '{row.get('urlname')}': {warning} (linkchecker)"))
        else:
            status = result or ("valid" if row.get("valid") == "True" else "broken")
            report.append(f"  {url}  {status}  (on {where})")
            if row.get("valid") == "False" or warning:
                findings.append(Finding(where, line, "links/external", f"external link {url}: {status}{'; ' + warning if warning else ''}", WARNING))
    if report:
        report.insert(0, "External links (address, status, page):")
    return findings, report


def _merge(findings: list[Finding], later: list[Finding]) -> list[Finding]:
    """A broken link found by an earlier pass (clearer message) is not reported again."""
    known = {(f.path, f.line) for f in findings if f.rule == "links/broken"}
    return findings + [f for f in later if f.rule != "links/broken" or (f.path, f.line) not in known]


def check_links(site: Site, external: bool = False) -> tuple[list[Finding], list[str]]:
    """Build, fast pass, linkchecker; a broken link found by two passes is reported once."""
    work = Path(tempfile.mkdtemp(prefix="cetr-check-"))
    try:
        site_dir = work / "site"
        findings = build(site, site_dir)
        # A failed build leaves a partial site (the i18n plugin stops before the later versions):
        # checking it would only add noise, so the build's own findings come first.
        if findings or not (site_dir / "index.html").is_file():
            return findings, []
        findings = _merge(findings, fast_pass(site, site_dir))
        slow, report = run_linkchecker(site, site_dir, external, work)
        return _merge(findings, slow), report
    finally:
        shutil.rmtree(work, ignore_errors=True)
