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
    # in the Markdown, on every run
    "links/missing-page": ("error", "a link to a page that does not exist (`the-meeting.md`, or another version's address such as `../sv/`)"),
    "links/missing-anchor": ("error", "a link to a `#section` that is not on the page it points to (a section's address is its heading in lower case, with hyphens, or the `{#id}` after it)"),
    "links/missing-file": ("error", "a link or picture to a file under `docs/` that does not exist"),
    "links/absolute-link": ("error", "a link that starts with `/`: it breaks when the site is published in a folder; write it relative"),
    "links/continued-on-chain": ("error", "a `continued_on` page that is itself continued on a page: a section on neither would send readers round in circles"),
    # in the built site, with --links
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
    from scripts.site_server import serve  # only --links needs a server

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


def merge(findings: list[Finding], later: list[Finding]) -> list[Finding]:
    """A broken link found by an earlier pass (clearer message) is not reported again."""
    known = {(f.path, f.line) for f in findings if f.rule in BROKEN_LINK_RULES}
    return findings + [f for f in later if f.rule != "links/broken" or (f.path, f.line) not in known]


BROKEN_LINK_RULES = ("links/broken", "links/missing-page", "links/missing-anchor", "links/missing-file", "links/absolute-link")


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
        findings = merge(findings, fast_pass(site, site_dir))
        slow, report = run_linkchecker(site, site_dir, external, work)
        return merge(findings, slow), report
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- Links in the Markdown, without a build (every run: about a second) -------------------------
# The same links MkDocs validates (validation: in mkdocs.yml), reported at the Markdown file and line.
# Anchors are computed as MkDocs' toc extension makes them: {#id} when given, else the slug of the
# heading's words, with _1, _2 for a repeat.


MD_LINK = re.compile(r"(?<!\\)!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(?P<target><[^>]*>|[^)\s]*)")
MD_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^]+\]:\s*(?P<target><[^>]*>|\S+)")
HEADING_ID = re.compile(r"\s*\{\s*:?\s*(?:[^}]*\s)?#(?P<id>[\w-]+)[^}]*\}\s*$")
ATTR_ID = re.compile(r"\{\s*:?[^}]*?#(?P<id>[\w-]+)[^}]*\}")
HTML_ID = re.compile(r"""<[A-Za-z][^>]*?\s(?:id|name)\s*=\s*["']?(?P<id>[^"'\s>]+)""")


def _heading_words(text: str) -> str:
    from scripts.checker.markdown import INLINE_CODE, LINK

    text = INLINE_CODE.sub(lambda m: m["code"], text)
    text = LINK.sub(lambda m: m["text"], text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(re.sub(r"[*_]{1,3}|~~", "", text))


def anchors(page) -> set[str]:
    """Every #id a link may point to on this page (worked out once a page, kept on the page)."""
    if "_anchors" not in page.__dict__:
        page.__dict__["_anchors"] = _anchors(page)
    return page.__dict__["_anchors"]


def _anchors(page) -> set[str]:
    from markdown.extensions.toc import slugify, unique

    ids: set[str] = set()
    for block in page.blocks:
        if block.kind == "code":
            continue
        if block.kind == "heading":
            text = block.lines[0][1]
            explicit = HEADING_ID.search(text)
            if explicit:
                ids.add(explicit["id"])
            else:
                ids.add(unique(slugify(_heading_words(text), "-"), ids))
            continue
        for _, line in block.lines:
            ids.update(match["id"] for match in ATTR_ID.finditer(line))
            ids.update(match["id"] for match in HTML_ID.finditer(line))
    return ids


def _link_targets(page):
    from scripts.checker.markdown import INLINE_CODE, mask

    for block in page.blocks:
        if block.kind == "code":
            continue
        for line, text in block.lines:
            text = mask(text, INLINE_CODE)
            for match in MD_LINK.finditer(text):
                yield line, match["target"].strip("<>")
            definition = MD_DEFINITION.match(text)
            if definition:
                yield line, definition["target"].strip("<>")


def _page_for_output(site: Site, url_path: str):
    """The page built at an address relative to the site root ('sv/what-is-a-cetr/'), or None."""
    version, rest = site.versions.of_output(url_path)
    rest = rest.strip("/")
    for name in ((rest + ".md", rest + "/index.md") if rest else ("index.md",)):
        found = site.page(version.code, name)
        if found is not None:
            return found
    return None


def _made_by_the_build(site: Site, address: str) -> bool:
    """Addresses the build writes besides pages: each version's short addresses (redirects.yml) and
    its leaflets (leaflets/<version>.yml, at leaflets/<short address>/)."""
    from scripts.redirects_file import short_addresses

    if not site.redirects_readable:
        return True  # which addresses the build makes is unknown: redirects/invalid-file says why
    version, rest = site.versions.of_output(address.strip("/") + "/")
    rest = rest.strip("/")
    shorts = short_addresses(site.short_addresses)
    leaflets = {f"leaflets/{shorts[leaflet.page]}" for leaflet in site.leaflets.get(version.code, []) if leaflet.page in shorts}
    return rest in leaflets or rest in {entry.old for entry in site.short_addresses}


def _output_dir(page, site: Site) -> str:
    """Where the page is built, relative to the site root: 'sv/what-is-a-cetr/' (directory URLs)."""
    prefix = site.versions[page.version].prefix
    stem = page.name[:-3]
    if stem == "index" or stem.endswith("/index"):
        return prefix + stem[: -len("index")]
    return prefix + stem + "/"


def _missing_translation(site: Site, page, resolved: str) -> bool:
    """A link to a page of its own version that exists in English only."""
    version, _, name = resolved.partition("/")
    return version == page.version != site.english and site.page(site.english, name) is not None


def markdown_links(page, site: Site) -> Iterable[Finding]:
    docs_dir = page.rel.split("/", 1)[0]
    in_docs = page.rel.split("/", 1)[1]  # en/what-is-a-cetr.md
    for line, target in _link_targets(page):
        if not target or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", target) or target.startswith("//") or "{{" in target:
            continue  # another website, mailto:, tel:, or a token: not a page of this site
        parts = urlsplit(target)
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if path.startswith("/"):
            yield Finding(page.rel, line, "links/absolute-link",
                          f"link '{target}' starts with /: it breaks when the site is published in a folder; write it relative, like '{path.lstrip('/')}'")
            continue
        if not path:
            linked = page
        elif path.endswith(".md"):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(in_docs), path))
            linked = next((p for p in site.pages if p.rel == f"{docs_dir}/{resolved}"), None)
            if linked is None and _missing_translation(site, page, resolved):
                continue  # versions/missing-translation says so, on the English page
            if linked is None:
                yield Finding(page.rel, line, "links/missing-page", f"link '{target}': there is no page {docs_dir}/{resolved}")
                continue
        elif posixpath.splitext(path.rstrip("/"))[1] and not path.endswith("/"):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(in_docs), path))
            if resolved.startswith("..") or not (site.root / docs_dir / resolved).is_file():
                yield Finding(page.rel, line, "links/missing-file", f"link '{target}': there is no file {docs_dir}/{resolved}")
            continue
        else:  # an address of the built site, such as a link to another version's home: 'sv/'
            address = posixpath.normpath(posixpath.join(_output_dir(page, site), path))
            linked = None if address.startswith("..") else _page_for_output(site, "" if address == "." else address + "/")
            if linked is None and not address.startswith("..") and _made_by_the_build(site, address):
                continue  # a leaflet or a short address: the build hooks write it, not a page
            if linked is None:
                yield Finding(page.rel, line, "links/missing-page", f"link '{target}': no page is published at that address")
                continue
        if fragment and linked.loaded and fragment not in anchors(linked):
            where = "this page" if linked is page else linked.rel
            yield Finding(page.rel, line, "links/missing-anchor", f"link '{target}': there is no section '#{fragment}' on {where}")


def continued_on(page, site: Site) -> Iterable[Finding]:
    """`continued_on: glossary-l-z.md` (a page split in two): the other page exists in this version,
    and is not continued on a page in turn (overrides/hooks/continued_on.py, on-demand.js)."""
    name = page.front_matter.get("continued_on") if page.loaded else None
    if not isinstance(name, str):
        return  # none, or not text: front-matter/wrong-type says so
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.name), name))
    other = site.page(page.version, resolved)
    line = page.field_line("continued_on")
    if other is None:
        folder = page.rel[: -len(page.name)]  # docs/en/
        yield Finding(page.rel, line, "links/missing-page", f"continued_on: '{name}': there is no page {folder}{resolved}")
    elif other.loaded and other.front_matter.get("continued_on") is not None:
        yield Finding(page.rel, line, "links/continued-on-chain",
                      f"continued_on: '{name}' is continued on '{other.front_matter['continued_on']}' in turn: "
                      f"a page is split in two at most, so remove continued_on from {other.rel}")


PAGE_RULES = [markdown_links, continued_on]
