"""The Content-Security-Policy of deploy/nginx.conf: every page keeps to it, in a real browser."""

from __future__ import annotations

import re

import pytest

from scripts.csp import main as csp_main
from scripts.csp import policy
from scripts.site_server import serve
from tests.conftest import ROOT

SEARCH_PAGES = ("", "sv/", "en-easy/")


def pages(site):
    return sorted(
        path.relative_to(site).as_posix().removesuffix("index.html")
        for path in site.rglob("*.html")
        if path.name == "index.html" or path.name == "404.html"
    )


def test_policy_allows_only_this_host_and_hashed_inline_scripts(built_site):
    text = policy(built_site)
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    sources = directives["script-src"].split()
    assert sources[0] == "'self'"
    assert sources[1:] and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source) for source in sources[1:])
    assert "unsafe-inline" not in text and "http" not in text


def test_no_page_breaks_the_policy_in_chromium(built_site, browser):
    header = policy(built_site)
    violations = []
    with serve(built_site, headers={"Content-Security-Policy": header}) as base:
        context = browser.new_context(viewport={"width": 360, "height": 740})
        page = context.new_page()
        page.on("console", lambda message: violations.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text else None)
        for path in pages(built_site):
            page.goto(base + path, wait_until="networkidle")
        # search loads its worker and index only when used
        for path in SEARCH_PAGES:
            page.goto(base + path, wait_until="networkidle")
            page.keyboard.press("/")
            page.keyboard.type("review")
            page.wait_for_selector(".md-search-result__item", timeout=10_000)
        context.close()
    assert len(pages(built_site)) >= 51
    assert violations == []


def test_a_blocked_inline_script_is_reported(built_site, browser):
    """The check above can fail: the same page under a policy without the hashes reports violations."""
    violations = []
    with serve(built_site, headers={"Content-Security-Policy": "default-src 'self'"}) as base:
        page = browser.new_page()
        page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(base, wait_until="networkidle")
        page.close()
    assert violations


def test_nginx_sample_sends_every_security_header():
    config = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
    for header in ("Strict-Transport-Security", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert f"add_header {header} " in config
    assert "include /etc/nginx/snippets/cetr-family-guide-csp.conf;" in config
    assert "error_page 404 /sv/404.html;" in config and "error_page 404 /en-easy/404.html;" in config


def test_csp_command_prints_an_nginx_line(built_site, capsys):
    assert csp_main([str(built_site), "--nginx"]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("add_header Content-Security-Policy \"default-src 'self'; script-src 'self' 'sha256-")
    assert line.endswith('" always;')


def test_csp_command_refuses_a_folder_that_is_not_a_site(tmp_path, capsys):
    assert csp_main([str(tmp_path)]) == 2
    assert "not a built site" in capsys.readouterr().err
