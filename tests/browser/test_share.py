"""Issue 17: "Share this page" works with the keyboard and has an accessible name; heading links copy
the section's address with one tap and say so; a printed page ends with its short address and a QR
code to it, without menus."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from scripts import redirects_file
from tests.browser.test_leaflets import site_url
from tests.conftest import OUTPUT_PREFIX

BUTTON = {"en": "Share this page", "sv": "Dela sidan", "en-easy": "Share this page"}
COPIED = {"en": "Link copied", "sv": "Länken är kopierad", "en-easy": "We copied the link"}
SECTION = {"en": "Copy the link to this section", "sv": "Kopiera länken till det här avsnittet",
           "en-easy": "Copy the link to this part of the page"}

# The page's clipboard and share sheet, recorded instead of used (headless Chromium has neither).
RECORD_CLIPBOARD = """
window.__copied = [];
Object.defineProperty(navigator, 'clipboard', {value: {writeText: text => { window.__copied.push(text); return Promise.resolve(); }}});
Object.defineProperty(navigator, 'share', {value: undefined});
"""
RECORD_SHARE = """
window.__shared = [];
Object.defineProperty(navigator, 'share', {value: data => { window.__shared.push(data); return Promise.resolve(); }});
"""


def open_page(browser, script: str, url: str):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(script=script)
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_share_button_has_a_name_and_copies_the_link_by_keyboard(base_url, browser, version):
    context, page = open_page(browser, RECORD_CLIPBOARD, base_url + OUTPUT_PREFIX[version] + "dynamic-support-register/")
    button = page.get_by_role("button", name=BUTTON[version])
    assert button.is_visible()
    for _ in range(200):  # Tab through the page until the button has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cetr-share__button')"):
            break
    else:
        raise AssertionError("Tab never reaches the Share button")
    page.keyboard.press("Enter")
    status = page.get_by_role("status").filter(has_text=COPIED[version])
    status.wait_for()
    copied = page.evaluate("window.__copied")
    context.close()
    assert copied == [site_url() + OUTPUT_PREFIX[version] + "dynamic-support-register/"]


def test_share_button_opens_the_phones_share_sheet_where_there_is_one(base_url, browser):
    context, page = open_page(browser, RECORD_SHARE, base_url + "sv/what-is-a-cetr/")
    page.get_by_role("button", name="Dela sidan").focus()
    page.keyboard.press("Space")
    page.wait_for_function("window.__shared.length > 0")
    shared = page.evaluate("window.__shared")
    context.close()
    assert shared == [{"title": "Vad är en CETR?", "url": site_url() + "sv/what-is-a-cetr/"}]


@pytest.mark.parametrize("version", OUTPUT_PREFIX)
def test_heading_link_copies_the_section_and_says_so(base_url, browser, version):
    context, page = open_page(browser, RECORD_CLIPBOARD, base_url + OUTPUT_PREFIX[version] + "after-the-review/")
    link = page.locator("h2[id] a.headerlink").first
    heading_id = link.evaluate("a => a.parentElement.id")
    heading = link.evaluate("a => a.parentElement.textContent.replace(a.textContent, '').trim()")
    assert link.get_attribute("aria-label") == f"{SECTION[version]}: {heading}"
    link.click()
    page.get_by_role("status").filter(has_text=COPIED[version]).wait_for()
    copied = page.evaluate("window.__copied")
    context.close()
    assert copied == [f"{site_url()}{OUTPUT_PREFIX[version]}after-the-review/#{heading_id}"]


@pytest.mark.parametrize("version, page_path, short", [
    ("en", "what-is-a-cetr/", "cetr"), ("sv", "get-help-now/", "help"), ("en-easy", "glossary/", None)])
def test_a_printed_page_ends_with_its_address_and_a_qr_code_to_it(base_url, browser, tmp_path, version, page_path, short):
    assert short is None or redirects_file.short_addresses(redirects_file.load()).get(page_path[:-1] + ".md") == short
    context = browser.new_context(viewport={"width": 680, "height": 1000})
    page = context.new_page()
    page.goto(base_url + OUTPUT_PREFIX[version] + page_path)
    page.emulate_media(media="print")
    shown = page.eval_on_selector_all(".md-header, .md-sidebar, .md-footer, .cetr-share",
                                      "elements => elements.filter(e => getComputedStyle(e).display !== 'none').length")
    assert shown == 0, "menus or the share button print"
    footer = page.locator(".cetr-print-footer")
    assert footer.is_visible()
    address = footer.locator(".cetr-print-footer__address").inner_text()
    url = site_url() + OUTPUT_PREFIX[version] + page_path
    expected = (site_url() + OUTPUT_PREFIX[version] + short + "/") if short else url
    assert address == expected.split("://", 1)[1]
    assert "999" in footer.inner_text() and "111" in footer.inner_text()
    png = footer.screenshot()
    context.close()
    assert shutil.which("zbarimg"), "zbarimg is missing: `make browser-setup` installs Debian's zbar-tools"
    (tmp_path / "footer.png").write_bytes(png)
    codes = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "footer.png")], capture_output=True, text=True).stdout.split()
    assert codes == [url]


def test_the_share_button_is_hidden_without_its_script(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<div class="cetr-share" data-cetr-share hidden' in html
    assert 'src="assets/javascripts/share.js"' in html


def test_call_buttons_print_as_plain_words_and_keep_their_numbers(base_url, browser):
    context = browser.new_context(viewport={"width": 680, "height": 1000})
    page = context.new_page()
    page.goto(base_url + "en-easy/get-help-now/")
    page.emulate_media(media="print")
    buttons = page.eval_on_selector_all("a.call-button", """links => links.map(a => {
        const style = getComputedStyle(a);
        return [a.closest('.md-banner') ? 'banner' : 'page', a.textContent.trim(), style.display,
                style.backgroundColor, style.borderTopWidth, style.paddingLeft];
    })""")
    banner_links = page.eval_on_selector_all(".md-banner a", "links => links.filter(a => getComputedStyle(a).display !== 'none').map(a => a.getAttribute('href'))")
    context.close()
    assert any(where == "banner" and "999" in text for where, text, *_ in buttons), buttons
    shown = [button for button in buttons if button[2] != "none"]  # the banner's link to the help page is hidden
    assert len(shown) >= 2  # Call 999 in the banner, and the page's own call buttons
    for where, text, display, background, border, padding in shown:
        assert (display, background, border, padding) == ("inline", "rgba(0, 0, 0, 0)", "0px", "0px"), (where, text)
    assert banner_links == ["tel:999"]  # the number prints; the link to the help page does not
