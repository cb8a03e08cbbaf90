"""Build hook: a first visit loads only what a reader needs at once (issue 16, README "Speed").

1. Material's script bundle is not loaded with the page: its <script> becomes our small
   assets/javascripts/on-demand.js (with the bundle's address in data-bundle), which does what a
   reader needs at once and loads the bundle when search opens. See that file.
2. The bundle creates a search worker as it starts; the worker Material's config names
   (<script id="__config">) becomes a stand-in, written here next to Material's worker, that loads
   the real one with the first message, which Material sends only once the search index has arrived.
3. Every external script after Material's config gets `defer`: none writes to the document, and
   they keep their order, so defer-search-index.js still wraps XMLHttpRequest before the bundle.
4. Material's main.css (23 KB gzip, render-blocking, about a quarter used) is trimmed to the
   selectors the built site uses, by PurgeCSS (npm, package-lock.json): scripts/trim_css.cjs.
   Our own site.css loses its comments (half its weight): they are for editors, not readers.
   Neither under `mkdocs serve`, so a preview needs no Node and shows site.css as written.

Each change is made on the rendered page; a page where Material's markup is not as expected
fails the build with its name, rather than silently loading everything again.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from jinja2.utils import htmlsafe_json_dumps
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import html_edit

LOADER = "on-demand.js"  # in assets/javascripts/, beside Material's bundle
WORKER_STUB = "search-on-demand.js"  # in assets/javascripts/workers/, beside Material's worker
BUNDLE = re.compile(r"(^|/)assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
WORKER = re.compile(r"(^|/)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")

STUB = """\
/* Written by overrides/hooks/on_demand.py. Material starts its search worker with every start of
   its bundle; this stand-in loads the real worker only with the first message, which Material
   sends once a reader has opened search and the index has arrived. In the offline copy the
   "worker" is an iframe (iframe-worker), where importScripts returns a promise. */
(function () {
  "use strict";
  var real = %(real)s;
  var here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  function first(event) {
    self.removeEventListener("message", first);
    var loaded = importScripts(new URL(real, here).href);
    function forward() { self.dispatchEvent(new MessageEvent("message", { data: event.data })); }
    if (loaded && typeof loaded.then === "function") loaded.then(forward); else forward();
  }
  self.addEventListener("message", first);
})();
"""


def load_on_demand(page: str, where: str) -> str:
    """Material's bundle <script> -> our loader; the config's search worker -> the stand-in;
    `defer` on every script after the config."""
    config_start, config_end, data = html_edit.json_script(page, "__config", where)
    if not isinstance(data, dict) or not isinstance(data.get("search"), str) or not WORKER.search(data["search"]):
        raise html_edit.MissingElement(f'{where}: Material\'s <script id="__config"> names no search worker: the theme has changed')
    data["search"] = data["search"].rsplit("/", 1)[0] + "/" + WORKER_STUB
    page = page[:config_start] + str(htmlsafe_json_dumps(data, sort_keys=True)) + page[config_end:]

    bundles = html_edit.require(html_edit.find(page, "script", lambda tag: bool(BUNDLE.search(tag.attrs.get("src") or "")),
                                               hint="bundle"), "Material's bundle (<script src=\".../bundle.*.min.js\">)", where)
    if len(bundles) != 1:
        raise html_edit.MissingElement(f"{where}: Material's bundle is loaded {len(bundles)} times")

    def loader(tag: html_edit.StartTag) -> html_edit.Attributes:
        src = tag.attrs["src"]
        return {"src": src.rsplit("/", 1)[0] + "/" + LOADER, "data-bundle": src}

    page = html_edit.edit(page, bundles, loader)
    after_config = page.find("</script", html_edit.json_script(page, "__config", where)[1])
    scripts = html_edit.find(page, "script", lambda tag: tag.start > after_config and tag.attrs.get("src") is not None
                             and not ({"defer", "async"} & set(tag.attrs)) and tag.attrs.get("type") != "module")
    return html_edit.edit(page, scripts, lambda tag: {**tag.attrs, "defer": None})


def _page(page: str, where: str) -> str:
    try:
        return load_on_demand(page, where)
    except html_edit.MissingElement as error:
        raise PluginError(str(error))


@event_priority(50)  # before i18n_output.py keeps each version's 404 page
def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        return _page(output_content, template_name)
    return output_content


@event_priority(50)
def on_post_page(output, page, config):
    return _page(output, f"docs/{page.file.src_uri}")


def write_worker_stub(site: Path) -> Path:
    workers = sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker in assets/javascripts/workers/, found {len(workers)}")
    stub = site / "assets/javascripts/workers" / WORKER_STUB
    stub.write_text(STUB % {"real": json.dumps(workers[0].name)}, encoding="utf-8")
    return stub


ROOT = Path(_project.ROOT)
TRIM = ROOT / "scripts" / "trim_css.cjs"
PURGECSS = ROOT / "node_modules" / "purgecss"
_serving = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def trim_material_css(site: Path) -> Path:
    """Material's main.css, trimmed in place to what the built pages and our scripts use."""
    found = sorted((site / "assets/stylesheets").glob("main.*.min.css"))
    if len(found) != 1:
        raise PluginError(f"expected one Material main.*.min.css in assets/stylesheets/, found {len(found)}")
    node = shutil.which("node")
    if node is None or not PURGECSS.is_dir():
        raise PluginError("trimming Material's stylesheet needs Node.js and the npm packages: run `make setup` "
                          "(or `npm ci`) first (overrides/hooks/on_demand.py)")
    ours = sorted(path for path in (site / "assets/stylesheets").glob("*.css")
                  if not path.name.endswith(".min.css"))
    result = subprocess.run([node, str(TRIM), str(site), str(found[0]), *map(str, ours)],
                            capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise PluginError(f"trimming {found[0].name} failed: {(result.stderr or result.stdout).strip()}")
    return found[0]


CSS_COMMENT_OR_STRING = re.compile(r"""/\*.*?\*/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'""", re.S)


def strip_comments(css: str) -> str:
    """CSS without its comments and blank lines; strings (a comment mark in a url('data:…')) untouched."""
    css = CSS_COMMENT_OR_STRING.sub(lambda m: "" if m.group(0).startswith("/*") else m.group(0), css)
    return "\n".join(line.strip() for line in css.splitlines() if line.strip()) + "\n"


def strip_our_css_comments(site: Path) -> list[Path]:
    ours = sorted(path for path in (site / "assets/stylesheets").glob("*.css") if not path.name.endswith(".min.css"))
    for path in ours:
        path.write_text(strip_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
    return ours


@event_priority(-300)  # after i18n_output.py (-200) has written every version and 404 page
def on_post_build(config):
    site = Path(config.site_dir)
    write_worker_stub(site)
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.building:
        return  # a nested build of one version: the outer build trims once, over every page
    if not _serving:
        strip_our_css_comments(site)
        trim_material_css(site)
