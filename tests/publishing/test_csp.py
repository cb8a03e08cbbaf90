"""The Content-Security-Policy of deploy/nginx.conf: every page keeps to it, in a real browser."""

from __future__ import annotations

import re
import shutil

import pytest

from scripts.csp import _hash, inline_scripts, template_scripts
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


INJECTED = "alert(document.cookie)"


@pytest.fixture(scope="module")
def injected_site(built_site, tmp_path_factory):
    """A copy of the built site with a script put into one page's content, as raw HTML in Markdown would."""
    site = tmp_path_factory.mktemp("injected") / "site"
    shutil.copytree(built_site, site)
    page = site / "sv/what-is-a-cetr/index.html"
    html = page.read_text(encoding="utf-8")
    assert "</article>" in html
    page.write_text(html.replace("</article>", f"<script>{INJECTED}</script></article>", 1), encoding="utf-8")
    # a look-alike of the theme's own script, with code where a plain address belongs
    page = site / "about/index.html"
    html = page.read_text(encoding="utf-8")
    fake = '<script>__md_scope=new URL("x",alert(1),location)</script>'
    page.write_text(html.replace("</article>", fake + "</article>", 1), encoding="utf-8")
    return site


def test_only_the_templates_inline_scripts_are_hashed(built_site, injected_site):
    hashes, foreign = inline_scripts(injected_site)
    assert _hash(INJECTED) not in hashes and _hash(INJECTED) not in policy(injected_site)
    assert foreign == ["about/index.html: __md_scope=new URL(\"x\",alert(1),location)", f"sv/what-is-a-cetr/index.html: {INJECTED}"]
    # the theme's own scripts are all still allowed, and the clean site has no other inline script
    assert hashes == set(inline_scripts(built_site)[0]) and len(hashes) >= 3
    assert inline_scripts(built_site)[1] == []


def test_the_csp_command_names_a_script_no_template_emits(injected_site, capsys):
    assert csp_main([str(injected_site)]) == 0
    captured = capsys.readouterr()
    assert f"csp: sv/what-is-a-cetr/index.html: {INJECTED}: an inline script that no template emits: not allowed by the policy" in captured.err
    assert _hash(INJECTED) not in captured.out


def test_template_scripts_come_from_materials_templates_and_ours():
    patterns = template_scripts()
    assert any(pattern.fullmatch('__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
                                 '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
                                 '__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}')
               for pattern in patterns)
    assert not any(pattern.fullmatch(INJECTED) for pattern in patterns)


def test_chromium_refuses_an_injected_script(injected_site, browser):
    header = policy(injected_site)
    violations = []
    with serve(injected_site, headers={"Content-Security-Policy": header}) as base:
        page = browser.new_page()
        page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(base + "sv/what-is-a-cetr/", wait_until="networkidle")
        page.close()
    assert len(violations) == 1 and "inline script" in violations[0], violations


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
