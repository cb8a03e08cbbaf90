"""Build hook: a first visit loads only what a reader needs at once (issue 16, README "Speed").

1. Material's script bundle is not loaded with the page: its <script> becomes our small
   assets/javascripts/on-demand.js (with the bundle's address in data-bundle), which does what a
   reader needs at once and loads the bundle when search opens. See that file.
2. The bundle creates a search worker as it starts; the worker it is given (main.html's config
   block) is a stand-in, written here next to Material's worker, that loads the real one with
   the first message, which Material sends only once the search index has arrived.
3. Every external script after Material's config gets `defer`: none writes to the document, and
   they keep their order, so defer-search-index.js still wraps XMLHttpRequest before the bundle.
4. Material's main.css (23 KB gzip, render-blocking, about a quarter used) is trimmed to the
   selectors the built site uses, by PurgeCSS (npm, package-lock.json): scripts/trim_css.cjs.
   Not under `mkdocs serve`, so a preview needs no Node; every other build does.

Each change is made on the rendered page; a page where Material's markup is not as expected
fails the build with its name, rather than silently loading everything again.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

LOADER = "assets/javascripts/on-demand.js"
WORKER_STUB = "assets/javascripts/workers/search-on-demand.js"
BUNDLE_TAG = re.compile(r'<script src="(?P<src>[^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
CONFIG_TAG = '<script id="__config"'
SCRIPT_SRC = re.compile(r"<script (?P<attrs>[^>]*\bsrc=\"[^\"]*\"[^>]*)>")

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


def load_on_demand(html: str, where: str) -> str:
    """Material's bundle <script> -> our loader; `defer` on the scripts after the config."""
    found = BUNDLE_TAG.findall(html)
    if len(found) != 1:
        raise PluginError(f"{where}: expected Material's bundle <script> once, found it {len(found)} times "
                          "(has Material's base.html changed? see overrides/hooks/on_demand.py)")
    bundle = BUNDLE_TAG.search(html)
    src = bundle.group("src")
    loader = src[:src.rindex("/") + 1] + Path(LOADER).name  # same folder, same relative prefix
    html = html[:bundle.start()] + f'<script src="{loader}" data-bundle="{src}"></script>' + html[bundle.end():]
    config = html.find(CONFIG_TAG)
    if config < 0:
        raise PluginError(f"{where}: Material's {CONFIG_TAG}> is missing (see overrides/hooks/on_demand.py)")
    return html[:config] + SCRIPT_SRC.sub(_deferred, html[config:])


def _deferred(match: re.Match) -> str:
    attrs = match.group("attrs")
    names = re.sub(r'="[^"]*"', "", attrs).split()  # attribute names only: a file may be called defer-….js
    if {"defer", "async"} & set(names) or 'type="module"' in attrs:
        return match.group(0)
    return f"<script {attrs} defer>"


@event_priority(50)  # before i18n_output.py keeps each version's 404 page
def on_post_template(output_content, template_name, config):
    if template_name == "404.html":
        return load_on_demand(output_content, template_name)
    return output_content


@event_priority(50)
def on_post_page(output, page, config):
    return load_on_demand(output, page.file.src_uri)


def write_worker_stub(site: Path) -> Path:
    workers = sorted((site / "assets/javascripts/workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise PluginError(f"expected one Material search worker in assets/javascripts/workers/, found {len(workers)}")
    stub = site / WORKER_STUB
    stub.write_text(STUB % {"real": json.dumps(workers[0].name)}, encoding="utf-8")
    return stub


ROOT = Path(__file__).resolve().parents[2]
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


@event_priority(-300)  # after i18n_output.py (-200) has written every version and 404 page
def on_post_build(config):
    site = Path(config.site_dir)
    write_worker_stub(site)
    plugin = config.plugins.get("i18n")
    if plugin is not None and plugin.building:
        return  # a nested build of one version: the outer build trims once, over every page
    if not _serving:
        trim_material_css(site)
