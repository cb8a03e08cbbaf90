"""Benchmark: build time, page weight on a first visit, and Lighthouse scores.

    .venv/bin/python -m scripts.benchmark             # build time, 10x build time, page weight
    .venv/bin/python -m scripts.benchmark --lighthouse # and Lighthouse (mobile) on three pages

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
from scripts.site_server import serve

ROOT = Path(__file__).resolve().parent.parent

BUDGET_FIRST_VISIT_BYTES = 100_000   # everything a content page's first visit downloads, gzip
BUDGET_HTML_BYTES = 14_000           # one page's HTML, gzip: fits the first round trips of a slow link
BUDGET_BUILD_SECONDS = 10.0          # a full build of all three versions on this machine

PAGES = {
    "home": "",
    "content": "what-is-a-cetr/",
    "letters": "ask-for-a-review/",
    "checklist": "getting-ready/",
}
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


def first_visit(site: Path, url_path: str) -> dict:
    """Load one page in a fresh Chromium profile and weigh what the server sent for it."""
    served: list[str] = []
    with serve(site, served) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 360, "height": 740})
        page.goto(base + url_path, wait_until="networkidle")
        blocking = page.evaluate(
            """() => [...document.head.querySelectorAll('link[rel=stylesheet], script[src]')]
                .filter(e => e.tagName === 'LINK' ? (e.media === '' || e.media === 'all' || e.media === 'screen')
                                                  : !(e.async || e.defer || e.type === 'module'))
                .map(e => e.getAttribute('href') || e.getAttribute('src'))"""
        )
    files = []
    for path in served:
        local = site / path.lstrip("/")
        if local.is_dir():
            local = local / "index.html"
        if local.is_file():
            files.append((path, gzip_size(local)))
    html = next((size for path, size in files if path.rstrip("/") == ("/" + url_path).rstrip("/")), 0)
    return {
        "requests": len(served),
        "bytes_gzip": sum(size for _, size in files),
        "html_bytes_gzip": html,
        "render_blocking": blocking,
        "files": files,
    }


def lighthouse(site: Path, url_path: str) -> dict:
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("benchmark: lighthouse is not installed: run `npm ci` first")
    with serve(site) as base, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [str(binary), base + url_path, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile",
             "--chrome-flags=" + " ".join(CHROMIUM_FLAGS)],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=240,
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return {name: round(category["score"] * 100) for name, category in data["categories"].items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (about 15 s a page)")
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

        print(f"\nFirst visit at 360 px, gzip (budgets: total {BUDGET_FIRST_VISIT_BYTES // 1000} KB, HTML {BUDGET_HTML_BYTES // 1000} KB)")
        print(f"{'version':<10} {'page':<10} {'requests':>8} {'total KB':>9} {'HTML KB':>8}  render-blocking")
        results["pages"] = {}
        for version in VERSIONS:
            name, prefix = version.name, version.prefix
            for kind, path in PAGES.items():
                weight = first_visit(site, prefix + path)
                results["pages"][f"{name}/{kind}"] = weight
                print(f"{name:<10} {kind:<10} {weight['requests']:>8} {weight['bytes_gzip'] / 1000:>9.1f} "
                      f"{weight['html_bytes_gzip'] / 1000:>8.1f}  {', '.join(weight['render_blocking'])}")
                if weight["bytes_gzip"] > BUDGET_FIRST_VISIT_BYTES:
                    broken.append(f"{name} {kind}: first visit {weight['bytes_gzip']} B")
                if weight["html_bytes_gzip"] > BUDGET_HTML_BYTES:
                    print(f"{'':<10} note: HTML over {BUDGET_HTML_BYTES // 1000} KB (allowed where the content needs it)")
                css_only = all(item.endswith(".css") for item in weight["render_blocking"])
                if not css_only:
                    broken.append(f"{name} {kind}: render-blocking script {weight['render_blocking']}")
        heaviest = max(results["pages"].items(), key=lambda item: item[1]["bytes_gzip"])
        print(f"\nHeaviest first visit: {heaviest[0]}; its files (gzip bytes):")
        for path, size in sorted(heaviest[1]["files"], key=lambda f: -f[1]):
            print(f"  {size:>7}  {path}")

        if args.lighthouse:
            results["lighthouse"] = {}
            print("\nLighthouse (mobile, simulated throttling)")
            lighthouse_pages = [(f"{VERSIONS.default.name} home", "")] + [
                (f"{version.name} content", version.prefix + "what-is-a-cetr/") for version in VERSIONS]
            for label, path in lighthouse_pages:
                scores = lighthouse(site, path)
                results["lighthouse"][label] = scores
                print(f"  {label:<18} " + "  ".join(f"{k} {v}" for k, v in scores.items()))

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
