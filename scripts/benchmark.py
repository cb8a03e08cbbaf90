"""Benchmark: build time, page weight on a first visit, and Lighthouse scores (README "Speed").

    .venv/bin/python -m scripts.benchmark              # build time, 10x build time, page weight
    .venv/bin/python -m scripts.benchmark --lighthouse # and Lighthouse (mobile), median of 3 runs

The site is served gzip-compressed, as every real host serves it. Each page's first visit (a fresh
Chromium at 360 px, everything it fetches before any interaction) is weighed by kind, beside a stock
Material build of the same English pages made in the same run (Material's own theme, no overrides
or hooks, font: false), so a slower machine moves both columns.

A measurement, not a test: it prints a report, writes benchmark-results/benchmark.json, and exits 1
only when a budget below is broken, so a person can see why. Budgets (see README.md):
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts import site_versions
from scripts.chromium import CHROMIUM, CHROMIUM_FLAGS, chromium
from scripts.mkdocs_build import copy_project, mkdocs_build
from scripts.site_server import COMPRESSED, serve

ROOT = Path(__file__).resolve().parent.parent

BUDGET_FIRST_VISIT_BYTES = 35_000           # a content page's first visit, gzip, English and Svenska
BUDGET_FIRST_VISIT_BYTES_EASY_READ = 45_000  # Easy Read: its pictures
BUDGET_BLOCKING_CSS_BYTES = 15_000           # render-blocking CSS, gzip
BUDGET_HTML_BYTES = 14_000                   # every page's HTML, gzip: fits the first round trips of a slow link
BUDGET_BUILD_SECONDS = 10.0                  # a full build of all three versions on this machine
LIGHTHOUSE_RUNS = 3

PAGES = {
    "home": "",
    "content": "what-is-a-cetr/",
    "letters": "ask-for-a-review/",
    "checklist": "getting-ready/",
}
KINDS = {".html": "HTML", ".css": "CSS", ".js": "JS", ".svg": "images", ".png": "images", ".jpg": "images",
         ".webp": "images", ".json": "data"}
VERSIONS = site_versions.load(ROOT / "mkdocs.yml")


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    result = mkdocs_build(site, project, config_file=project / "mkdocs.yml", timeout=None)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"benchmark: the build failed:\n{result.stdout}{result.stderr}")
    return elapsed


def multiplied_project(factor: int, target: Path) -> Path:
    """A copy of the project with every page repeated `factor` times (page-2.md, page-3.md ...) in the nav."""
    copy_project(target, ROOT)
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    english = sorted(p.name for p in (target / "docs" / VERSIONS.default.code).glob("*.md") if p.name != "index.md")
    extra_nav = ["  - Copies:"]
    for copy in range(2, factor + 1):
        for name in english:
            new_name = f"{name[:-3]}-{copy}.md"
            for version in VERSIONS.codes:
                text = (target / "docs" / version / name).read_text(encoding="utf-8")
                # titles must stay unique within a version
                text = re.sub(r"^title: (.*)$", rf"title: \1 ({copy})", text, count=1, flags=re.M)
                (target / "docs" / version / new_name).write_text(text, encoding="utf-8")
            extra_nav.append(f"      - {new_name}")
    config = config.rstrip("\n") + "\n" + "\n".join(extra_nav) + "\n"
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return target


def kind_of(url_path: str) -> str:
    path = url_path.split("?")[0]
    if path.endswith("/"):
        return "HTML"
    return KINDS.get(Path(path).suffix, "other")


def sent_size(site: Path, url_path: str) -> int:
    """Bytes the server sent for a path: gzip for text (scripts/site_server.COMPRESSED), else the file."""
    local = site / url_path.split("?")[0].lstrip("/")
    if local.is_dir():
        local = local / "index.html"
    if not local.is_file():
        return 0
    return gzip_size(local) if local.suffix in COMPRESSED else local.stat().st_size


def first_visit(site: Path, url_path: str) -> dict:
    """Load one page in a fresh Chromium profile, served with gzip; weigh what the server sent
    (its own log, so the search worker's requests count too, which the page's events miss)."""
    served: list[str] = []
    with serve(site, served, gzip=True) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + url_path, wait_until="networkidle")
        page.wait_for_timeout(500)
        blocking = page.evaluate(
            """() => [...document.head.querySelectorAll('link[rel=stylesheet], script[src]')]
                .filter(e => e.tagName === 'LINK' ? (e.media === '' || e.media === 'all' || e.media === 'screen')
                                                  : !(e.async || e.defer || e.type === 'module'))
                .map(e => new URL(e.href || e.src).pathname)"""
        )
        page.close()
    files = [(path, sent_size(site, path)) for path in served]
    by_kind: dict[str, int] = {}
    for path, size in files:
        by_kind[kind_of(path)] = by_kind.get(kind_of(path), 0) + size
    return {
        "requests": len(files),
        "bytes_gzip": sum(size for _, size in files),
        "by_kind": by_kind,
        "html_bytes_gzip": by_kind.get("HTML", 0),
        "render_blocking": blocking,
        "render_blocking_bytes": sum(size for path, size in files if path in blocking),
        "files": files,
    }


def html_sizes(site: Path) -> dict[str, int]:
    """Every page's HTML, gzip: the budget holds for every page, not only the ones weighed above."""
    return {page.relative_to(site).as_posix(): gzip_size(page) for page in sorted(site.rglob("*.html"))}


def stock_material_build(target: Path) -> Path:
    """The same English pages with Material's own theme: no overrides, hooks or CSS of ours, font: false."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    def block(key: str) -> str:
        match = re.search(rf"^{key}:\n(?:(?:[ #].*)?\n)*", config, flags=re.M)
        if match is None:
            sys.exit(f"benchmark: mkdocs.yml has no {key}: block to copy into the stock build")
        return match.group(0)

    features = re.search(r"^  features:\n(?:    .*\n)*", config, flags=re.M)
    stock = target / "mkdocs.yml"
    target.mkdir(parents=True, exist_ok=True)
    stock.write_text(
        "site_name: CETR Family Guide\n"
        f"docs_dir: {json.dumps(str(ROOT / 'docs' / VERSIONS.default.code))}\n"
        "site_url: http://127.0.0.1:8000/\n"
        "theme:\n  name: material\n  font: false\n" + (features.group(0) if features else "") +
        "plugins:\n  - search\n" + block("markdown_extensions") + block("nav"),
        encoding="utf-8")
    site = target / "site"
    # not --strict: links to the other versions and to the shared pictures have nowhere to go here
    result = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--config-file", str(stock),
                             "--site-dir", str(site)], capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        sys.exit(f"benchmark: the stock Material build failed:\n{result.stdout}{result.stderr}")
    return site


def lighthouse_once(base: str, url_path: str) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(binary), base + url_path, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
             "--chrome-flags=" + " ".join(CHROMIUM_FLAGS)],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: round(category["score"] * 100) for name, category in data["categories"].items()}
    audits = data["audits"]
    scores["FCP s"] = round(audits["first-contentful-paint"]["numericValue"] / 1000, 2)
    scores["LCP s"] = round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2)
    scores["TBT ms"] = round(audits["total-blocking-time"]["numericValue"])
    return scores


def lighthouse(site: Path, url_path: str, runs: int = LIGHTHOUSE_RUNS) -> dict:
    """The median of `runs` Lighthouse runs, each figure on its own."""
    if not (ROOT / "node_modules" / ".bin" / "lighthouse").exists():
        sys.exit("benchmark: lighthouse is not installed: run `npm ci` first")
    with serve(site, gzip=True) as base:
        results = [lighthouse_once(base, url_path) for _ in range(runs)]
    return {key: statistics.median(result[key] for result in results) for key in results[0]}


def kb(size: int) -> str:
    return f"{size / 1000:.1f}"


def print_weights(rows: list[tuple[str, dict]]) -> None:
    print(f"{'page':<24} {'req':>4} {'total':>6} {'HTML':>5} {'CSS':>5} {'JS':>5} {'img':>5} {'data':>5}  render-blocking (KB)")
    for label, weight in rows:
        kinds = weight["by_kind"]
        print(f"{label:<24} {weight['requests']:>4} {kb(weight['bytes_gzip']):>6} "
              + " ".join(f"{kb(kinds.get(kind, 0)):>5}" for kind in ("HTML", "CSS", "JS", "images", "data"))
              + f"  {len(weight['render_blocking'])} ({kb(weight['render_blocking_bytes'])})")


def verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lighthouse", action="store_true", help=f"also run Lighthouse, {LIGHTHOUSE_RUNS} runs a page")
    parser.add_argument("--factor", type=int, default=10, help="how many times to multiply the content (default 10)")
    args = parser.parse_args(argv)
    results: dict = {}
    broken: list[str] = []

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        times = [build(ROOT, site) for _ in range(3)]
        results["build_seconds"] = round(statistics.median(times), 2)
        page_count = len(list(site.rglob("index.html")))
        print(f"Build of all {len(VERSIONS.codes)} versions ({page_count} pages): median {results['build_seconds']} s of 3 runs")
        if results["build_seconds"] > BUDGET_BUILD_SECONDS:
            broken.append(f"build takes {results['build_seconds']} s (budget {BUDGET_BUILD_SECONDS} s)")

        big = multiplied_project(args.factor, Path(tmp) / "big")
        big_seconds = build(big, Path(tmp) / "big-site")
        big_pages = len(list((Path(tmp) / "big-site").rglob("index.html")))
        results["build_seconds_x%d" % args.factor] = round(big_seconds, 2)
        print(f"Build with the content x{args.factor} ({big_pages} pages): {big_seconds:.2f} s")

        stock = stock_material_build(Path(tmp) / "stock")
        print("\nFirst visit at 360 px, served with gzip, KB over the wire (1 KB = 1000 bytes)")
        rows: list[tuple[str, dict]] = []
        results["pages"] = {}
        for kind in ("home", "content"):
            weight = first_visit(stock, PAGES[kind])
            results["pages"][f"stock Material/{kind}"] = weight
            rows.append((f"stock Material {kind}", weight))
        for version in VERSIONS:
            for kind, path in PAGES.items():
                weight = first_visit(site, version.prefix + path)
                results["pages"][f"{version.name}/{kind}"] = weight
                rows.append((f"{version.name} {kind}", weight))
                if kind != "home":
                    limit = BUDGET_FIRST_VISIT_BYTES_EASY_READ if version.easy_read else BUDGET_FIRST_VISIT_BYTES
                    if weight["bytes_gzip"] > limit:
                        broken.append(f"{version.name} {kind}: first visit {kb(weight['bytes_gzip'])} KB (budget {kb(limit)} KB)")
                if weight["render_blocking_bytes"] > BUDGET_BLOCKING_CSS_BYTES:
                    broken.append(f"{version.name} {kind}: render-blocking CSS {kb(weight['render_blocking_bytes'])} KB")
                if not all(item.split("?")[0].endswith(".css") for item in weight["render_blocking"]):
                    broken.append(f"{version.name} {kind}: render-blocking script {weight['render_blocking']}")
        print_weights(rows)

        sizes = html_sizes(site)
        results["html_bytes_gzip"] = sizes
        biggest = max(sizes.items(), key=lambda item: item[1])
        over = {page: size for page, size in sizes.items() if size > BUDGET_HTML_BYTES}
        broken += [f"{page}: HTML {kb(size)} KB gzip" for page, size in over.items()]

        print("\nBudgets")
        content = [(version, results["pages"][f"{version.name}/{kind}"]) for version in VERSIONS for kind in PAGES if kind != "home"]
        worst = max((w for version, w in content if not version.easy_read), key=lambda w: w["bytes_gzip"])
        worst_easy = max((w for version, w in content if version.easy_read), key=lambda w: w["bytes_gzip"])
        blocking = max(w["render_blocking_bytes"] for label, w in rows if not label.startswith("stock"))
        print(f"  {verdict(worst['bytes_gzip'] <= BUDGET_FIRST_VISIT_BYTES)}  first visit of a content page, English/Svenska: "
              f"at most {kb(worst['bytes_gzip'])} KB (budget {kb(BUDGET_FIRST_VISIT_BYTES)})")
        print(f"  {verdict(worst_easy['bytes_gzip'] <= BUDGET_FIRST_VISIT_BYTES_EASY_READ)}  first visit of a content page, Easy Read: "
              f"at most {kb(worst_easy['bytes_gzip'])} KB (budget {kb(BUDGET_FIRST_VISIT_BYTES_EASY_READ)})")
        print(f"  {verdict(blocking <= BUDGET_BLOCKING_CSS_BYTES)}  render-blocking CSS: at most {kb(blocking)} KB "
              f"(budget {kb(BUDGET_BLOCKING_CSS_BYTES)})")
        print(f"  {verdict(not over)}  HTML of every page ({len(sizes)} files): at most {kb(biggest[1])} KB, {biggest[0]} "
              f"(budget {kb(BUDGET_HTML_BYTES)})")

        if args.lighthouse:
            results["lighthouse"] = {}
            print(f"\nLighthouse (mobile, simulated throttling), median of {LIGHTHOUSE_RUNS} runs")
            targets = [("stock Material home", stock, ""), ("stock Material content", stock, PAGES["content"]),
                       (f"{VERSIONS.default.name} home", site, "")] + [
                (f"{version.name} content", site, version.prefix + PAGES["content"]) for version in VERSIONS]
            for label, folder, path in targets:
                scores = lighthouse(folder, path)
                results["lighthouse"][label] = scores
                print(f"  {label:<24} " + "  ".join(f"{k} {v:g}" for k, v in scores.items()), flush=True)

    out = ROOT / "benchmark-results"
    out.mkdir(exist_ok=True)
    (out / "benchmark.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    if broken:
        print("\nOver budget:\n  " + "\n  ".join(broken))
        return 1
    print("\nAll budgets met.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
