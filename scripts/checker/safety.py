"""Page safety: nothing in a page or its folder can run code, load from another host, or publish a file
from outside the project.

Markdown passes raw HTML through, and attr_list lets `{: onclick=... }` add any attribute, so a
page can carry a script, a frame, a style sheet or an event handler; a link can be `javascript:`.
The site's Content-Security-Policy would block most of these on a server that sends it, but GitHub
Pages sends none, and the offline copy has none: so they are refused here, where the editor sees them.
Code blocks and inline code are shown as text, never run, so they are not searched.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path
from typing import Iterable
from urllib.parse import urlsplit

from scripts.checker.markdown import INLINE_CODE, mask
from scripts.checker.model import ERROR, WARNING, Finding, Page, Site

RULES = {
    "safety/raw-script": (ERROR, "a `<script>` element in a page: a script could do anything to a family's browser"),
    "safety/embedded-frame": (ERROR, "an `<iframe>`, `<frame>`, `<object>` or `<embed>` in a page"),
    "safety/raw-style": (ERROR, "a `<style>` element in a page: styles live in `docs/assets/stylesheets/`"),
    "safety/event-attribute": (ERROR, "an event attribute such as `onclick=` in HTML, or in an attribute list `{: … }`"),
    "safety/unsafe-link": (ERROR, "a link or picture address that starts with `javascript:`, `vbscript:`, `data:`, `file:` or any scheme other than `https:`, `http:`, `tel:`, `sms:`, `mailto:`"),
    "safety/other-host-picture": (ERROR, "a picture, video or frame loaded from another website: copy it into `docs/assets/pictures/`"),
    "safety/insecure-link": (WARNING, "a link or source to another website with `http://`: use its `https://` address"),
    "safety/nul-byte": (ERROR, "a NUL character (byte 0) in a page: the file is damaged or not a page"),
    "safety/page-too-large": (ERROR, "a page file over 200 KB: split it (a huge page stalls the build); the page is not read"),
    "safety/symlink": (ERROR, "a symbolic link under `docs/` or `includes/`: the build would publish the file it points to"),
    "safety/file-name": (ERROR, "a file or folder name under `docs/` or `includes/` with a capital letter, a space or a character other than `a-z`, `0-9`, `.`, `-`, `_` (addresses must be stable and typeable; `LICENCE…` and `README…` files keep their capitals)"),
}

PAGE_SIZE_LIMIT = 200 * 1024  # bytes; the longest page today is about 27 KB
CHECKED_FOLDERS = ("includes",)  # besides docs_dir
SAFE_NAME = re.compile(r"^[a-z0-9_][a-z0-9._-]*$")
# Licence and read-me files keep their conventional capitals: nobody types their address.
CONVENTIONAL_NAME = re.compile(r"^(?:LICENCE|LICENSE|README|NOTICE)(?:-[a-z0-9-]+)?(?:\.(?:txt|md))?$")
LINK_SCHEMES = {"http", "https", "mailto", "tel", "sms"}  # sms: a text line such as Shout (85258)

RAW_TAG = re.compile(r"<\s*(?P<tag>script|iframe|frame|frameset|object|embed|style)\b", re.I)
TAG_RULE = {"script": "safety/raw-script", "style": "safety/raw-style"}
HTML_OPEN_TAG = re.compile(r"<[A-Za-z][\w:-]*(?:\s[^<>]*)?>", re.S)
ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*\}")
EVENT_ATTRIBUTE = re.compile(r"(?:^|[\s\"'/{:])(?P<name>on[a-z]+)\s*=", re.I)
URL_ATTRIBUTE = re.compile(r"""(?:^|[\s"'/{:])(?P<name>href|src|srcset|action|formaction|data|poster|background|xlink:href)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>}]+))""", re.I)
MARKDOWN_TARGET = re.compile(r"(?P<bang>!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?(?P<url>[^)\s>]*)")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]^]+\]:\s*<?(?P<url>\S+?)>?(?:\s|$)")
AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")
# Elements that load what their src= names (<iframe>, <object> ... are refused whole, above).
PICTURE_TAGS = {"img", "source", "video", "audio", "input", "track", "image"}


def _docs_dir(site: Site) -> str:
    return site.pages[0].rel.split("/", 1)[0] if site.pages else "docs"


def _scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it: entities decoded, spaces and controls dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def _other_host(url: str) -> str | None:
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    if cleaned.startswith(("//", "\\\\", "/\\", "\\/")) or _scheme(cleaned) in ("http", "https"):
        return urlsplit(cleaned.replace("\\", "/")).netloc or cleaned
    return None


def _lines(page: Page) -> Iterable[tuple[int, str]]:
    """Every line a reader's browser gets as HTML: not code blocks, and inline code masked."""
    for block in page.blocks:
        if block.kind == "code":
            continue
        for line, text in block.lines:
            yield line, mask(text, INLINE_CODE)


def _short(text: str, size: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"


def _url_findings(page: Page, line: int, url: str, picture: bool, where: str) -> Iterable[Finding]:
    scheme = _scheme(url)
    if scheme and scheme not in LINK_SCHEMES:
        yield Finding(page.rel, line, "safety/unsafe-link",
                      f"{where} '{_short(url)}' starts with {scheme}: which can run code or hide content: use a web page, tel:, sms: or mailto: address")
        return
    host = _other_host(url)
    if picture and host:
        yield Finding(page.rel, line, "safety/other-host-picture",
                      f"{where} '{_short(url)}' loads from another website ({host}): copy the picture into docs/assets/pictures/ and link to it there")
    elif scheme == "http":
        yield Finding(page.rel, line, "safety/insecure-link",
                      f"link '{_short(url)}' uses http://: use the https:// address so the link is private", WARNING)


def page_content(page: Page, site: Site) -> Iterable[Finding]:
    for line, text in _lines(page):
        for match in RAW_TAG.finditer(text):
            tag = match["tag"].lower()
            rule = TAG_RULE.get(tag, "safety/embedded-frame")
            why = {"safety/raw-script": "a script could do anything to a family's browser",
                   "safety/raw-style": "styles belong in docs/assets/stylesheets/",
                   "safety/embedded-frame": "it would show another website's content inside the page"}[rule]
            yield Finding(page.rel, line, rule, f"<{tag}> is not allowed in a page: {why}")
        for tag in HTML_OPEN_TAG.finditer(text):
            name = re.match(r"<([\w:-]+)", tag.group(0)).group(1).lower()
            yield from _attribute_findings(page, line, tag.group(0), picture=name in PICTURE_TAGS, where=f"<{name}>")
        for attributes in ATTRIBUTE_LIST.finditer(mask(text, HTML_OPEN_TAG)):
            if "=" in attributes.group(0):
                yield from _attribute_findings(page, line, attributes.group(0), picture=False, where="attribute list")
        for target in MARKDOWN_TARGET.finditer(text):
            picture = bool(target["bang"])
            yield from _url_findings(page, line, target["url"], picture, "picture" if picture else "link")
        definition = REFERENCE_DEFINITION.match(text)
        if definition:
            yield from _url_findings(page, line, definition["url"], False, "link")
        for autolink in AUTOLINK.finditer(text):
            if not HTML_OPEN_TAG.fullmatch(autolink.group(0)):
                yield from _url_findings(page, line, autolink["url"], False, "link")
    # Source addresses other than http(s) are refused by the front matter schema.
    for index, source in enumerate((page.front_matter or {}).get("sources") or []):
        if isinstance(source, dict) and isinstance(source.get("url"), str):
            url, line = source["url"], page.field_line("sources", index, "url")
            if _scheme(url) == "http":
                yield Finding(page.rel, line, "safety/insecure-link",
                              f"source url '{_short(url)}' uses http://: use the https:// address so the link is private", WARNING)


def _attribute_findings(page: Page, line: int, tag: str, picture: bool, where: str) -> Iterable[Finding]:
    for event in EVENT_ATTRIBUTE.finditer(tag):
        yield Finding(page.rel, line, "safety/event-attribute",
                      f"the attribute {event['name']}= in {where} runs code when a reader uses the page: remove it")
    for attribute in URL_ATTRIBUTE.finditer(tag):
        value = attribute["dq"] if attribute["dq"] is not None else attribute["sq"] if attribute["sq"] is not None else attribute["bare"]
        name = attribute["name"].lower()
        yield from _url_findings(page, line, value, picture and name != "href", f"{name}= in {where}")


NUL_MESSAGE = "the page has a NUL character (byte 0), which no text should have: the file is damaged or not a page; retype this line"


def nul_bytes(site: Site) -> Iterable[Finding]:
    """Loaded or not: a NUL can sit in the front matter too."""
    for page in site.pages:
        at = page.text.find("\x00")
        if at != -1:
            yield Finding(page.rel, page.line_of_offset(at), "safety/nul-byte", NUL_MESSAGE)


def _walk(root: Path, folders: Iterable[str]) -> Iterable[tuple[Path, str]]:
    """Every file and folder under the given folders of root, symbolic links not followed."""
    for top in folders:
        start = root / top
        if start.is_symlink():
            yield start, top
            continue
        for folder, folders_here, files_here in os.walk(start, followlinks=False):
            for name in sorted(folders_here) + sorted(files_here):
                path = Path(folder) / name
                yield path, path.relative_to(root).as_posix()


def file_problems(root: Path, docs_dir: str = "docs") -> list[Finding]:
    """Symbolic links, untypeable names and huge pages under docs_dir and includes/ (the build
    hook overrides/hooks/page_safety.py refuses the same before it reads a page)."""
    findings = []
    for path, rel in _walk(root, (docs_dir,) + CHECKED_FOLDERS):
        if path.is_symlink():
            findings.append(Finding(rel, 1, "safety/symlink",
                                    f"'{rel}' is a symbolic link to {os.readlink(path)}: the build would publish that file; put a real file here"))
            continue
        if not SAFE_NAME.match(path.name) and not CONVENTIONAL_NAME.match(path.name):
            better = re.sub(r"-+", "-", re.sub(r"[^a-z0-9._-]", "-", path.name.lower())).strip("-")
            findings.append(Finding(rel, 1, "safety/file-name",
                                    f"the name '{path.name}' has a capital letter, a space or another character that makes an address hard to type: "
                                    f"use lower case letters, digits and hyphens, like '{better}'"))
        if path.suffix == ".md" and path.is_file():
            size = path.stat().st_size
            if size > PAGE_SIZE_LIMIT:
                findings.append(Finding(rel, 1, "safety/page-too-large",
                                        f"the page is {size // 1024} KB, over the limit of {PAGE_SIZE_LIMIT // 1024} KB: split it into smaller pages"))
    return findings


def files(site: Site) -> Iterable[Finding]:
    return file_problems(site.root, _docs_dir(site))


def text_problem(raw: bytes, rel: str) -> Finding | None:
    """Why the bytes of a page are not text (not UTF-8, or a NUL), with the line; None when they are."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return Finding(rel, raw[: error.start].count(b"\n") + 1, "page/not-text", "the file is not UTF-8 text")
    at = text.find("\x00")
    if at != -1:
        return Finding(rel, text.count("\n", 0, at) + 1, "safety/nul-byte", NUL_MESSAGE)
    return None


PAGE_RULES = [page_content]
SITE_RULES = [nul_bytes, files]
