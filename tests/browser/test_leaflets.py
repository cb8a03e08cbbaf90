"""Issue 17: each leaflet prints on one A4 page, its QR code (read by zbarimg from a rendered image)
gives exactly the page's address at site_url in the leaflet's version, and it passes axe and reflows."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from scripts import leaflets_file, redirects_file
from tests.browser.axe import describe, run_axe
from tests.conftest import OUTPUT_PREFIX, ROOT, SITE_VERSIONS, page_output



def site_url() -> str:
    """site_url of mkdocs.yml (the address the QR codes of a local build lead to)."""
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return match.group(1).rstrip("/") + "/"


def leaflet_cases() -> list[tuple[str, str, str]]:
    """(version, page, leaflet path) for every leaflet of every version."""
    shorts = redirects_file.short_addresses(redirects_file.load())
    return [(version, leaflet.page, f"{OUTPUT_PREFIX[version]}leaflets/{shorts[leaflet.page]}/")
            for version in OUTPUT_PREFIX for leaflet in leaflets_file.load(version, pictures=SITE_VERSIONS[version].easy_read)]


CASES = leaflet_cases()
IDS = [path for _, _, path in CASES]


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size in points of each page of a PDF that Chromium wrote (its objects are plain text)."""
    sizes = []
    for obj in re.split(rb"\bendobj\b", pdf):
        if re.search(rb"/Type\s*/Page(?![a-zA-Z])", obj):
            box = re.search(rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]", obj)
            sizes.append((float(box.group(1)), float(box.group(2))) if box else (0.0, 0.0))
    return sizes


def zbarimg(png: bytes, tmp_path) -> list[str]:
    assert shutil.which("zbarimg"), "zbarimg is missing: `make browser-setup` installs Debian's zbar-tools"
    image = tmp_path / "code.png"
    image.write_bytes(png)
    result = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, timeout=60)
    return [line for line in result.stdout.splitlines() if line]


def test_every_key_page_has_a_leaflet_in_every_version():
    pages = {version: {leaflet.page for leaflet in leaflets_file.load(version, pictures=SITE_VERSIONS[version].easy_read)} for version in OUTPUT_PREFIX}
    for page in ("what-is-a-cetr.md", "dynamic-support-register.md", "ask-for-a-review.md", "get-help-now.md", "in-hospital-now.md", "young-people.md"):
        for version in OUTPUT_PREFIX:
            assert page in pages[version], f"no {version} leaflet for {page}"


@pytest.mark.parametrize("version, page_file, path", CASES, ids=IDS)
def test_leaflet_prints_on_one_a4_page_and_its_qr_code_opens_the_page(base_url, browser, tmp_path, version, page_file, path):
    context = browser.new_context(viewport={"width": 794, "height": 1123})  # A4 at 96 px to the inch
    page = context.new_page()
    page.goto(base_url + path)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    sizes = pdf_pages(pdf)
    assert len(sizes) == 1, f"/{path} prints on {len(sizes)} pages, not one"
    width, height = sizes[0]
    assert (round(width), round(height)) == (595, 842), f"/{path} prints on {width}×{height} pt, not A4"
    # A5 paper: printers fit an A4 page to it (A5 is A4 at 71 %); it still fits one page
    assert len(pdf_pages(page.pdf(format="A5", prefer_css_page_size=False, scale=0.7))) == 1, f"/{path} needs two A5 pages"
    # The QR code, read from a picture of the printed page as a phone would read it
    codes = zbarimg(page.screenshot(full_page=True), tmp_path)
    context.close()
    expected = site_url() + page_output(version, page_file).removesuffix("index.html")
    assert codes == [expected], f"/{path}: the QR code reads {codes}, not {expected}"


@pytest.mark.parametrize("version, page_file, path", CASES, ids=IDS)
def test_leaflet_shows_the_short_address_and_the_local_contact(built_site, version, page_file, path):
    html = (built_site / path / "index.html").read_text(encoding="utf-8")
    short = path.rstrip("/").rsplit("/", 1)[1]
    printed = (site_url() + OUTPUT_PREFIX[version] + short + "/").split("://", 1)[1]
    assert f">{printed}</a>" in html.replace("<wbr>", "")  # the address may break after a slash, nowhere else
    assert "01632 960" in html  # a phone number from local.yml (the example values in this repository)
    assert f'<html lang="{"sv" if version == "sv" else "en"}">' in html
    points = len(re.findall(r"<li>", html))
    assert 3 <= points <= 5


@pytest.mark.parametrize("viewport_width", [360, 1280])
def test_leaflets_have_no_axe_violations_and_reflow(base_url, browser, viewport_width):
    from tests.browser.conftest import AXE_SOURCE

    context = browser.new_context(viewport={"width": viewport_width, "height": 800})
    context.add_init_script(script=AXE_SOURCE)
    page = context.new_page()
    problems = []
    for _, _, path in CASES:
        page.goto(base_url + path)
        problems += describe(f"/{path} at {viewport_width}", run_axe(page))
        if viewport_width == 360:
            page.set_viewport_size({"width": 320, "height": 800})
            if page.evaluate("document.documentElement.scrollWidth") > 320:
                problems.append(f"/{path} scrolls sideways at 320 px")
            page.set_viewport_size({"width": 360, "height": 800})
    context.close()
    assert not problems, "\n".join(problems)
