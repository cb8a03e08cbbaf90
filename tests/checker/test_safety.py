"""Page safety: scripts, frames, styles, event attributes, unsafe links, pictures from other hosts,
NUL bytes, huge pages, symbolic links and file names (scripts/checker/safety.py)."""

from __future__ import annotations

import os

import pytest

from scripts.checker import safety
from tests.checker.conftest import only

EN = "docs/en/help.md"  # its body ends on line 16


def add(project, text: str, rel: str = EN) -> None:
    project.append(rel, "\n" + text + "\n")  # lands on line 18 of docs/en/help.md


@pytest.mark.parametrize(
    "text, line",
    [
        ("<script>alert(1)</script>",
         f"{EN}:18: safety/raw-script: <script> is not allowed in a page: a script could do anything to a family's browser"),
        ('<SCRIPT src="https://evil.example/x.js"></SCRIPT>',
         f"{EN}:18: safety/raw-script: <script> is not allowed in a page: a script could do anything to a family's browser"),
        ('<iframe title="Map" src="map.html"></iframe>',
         f"{EN}:18: safety/embedded-frame: <iframe> is not allowed in a page: it would show another website's content inside the page"),
        ('<object data="x.pdf"></object>',
         f"{EN}:18: safety/embedded-frame: <object> is not allowed in a page: it would show another website's content inside the page"),
        ("<style>body { display: none }</style>",
         f"{EN}:18: safety/raw-style: <style> is not allowed in a page: styles belong in docs/assets/stylesheets/"),
    ],
)
def test_raw_elements(project, text, line):
    add(project, text)
    only(project.check(), line)


@pytest.mark.parametrize(
    "text, where",
    [
        ('<span onclick="steal()">Press</span>', "onclick= in <span>"),
        ('<a href="index.md" ONMOUSEOVER=x>Home</a>', "ONMOUSEOVER= in <a>"),
        ('[Home](index.md){: onclick="steal()" }', "onclick= in attribute list"),
        ("<details ontoggle='x'><summary>More</summary>Text</details>", "ontoggle= in <details>"),
    ],
)
def test_event_attributes(project, text, where):
    add(project, text)
    only(project.check(), f"{EN}:18: safety/event-attribute: the attribute {where} runs code when a reader uses the page: remove it")


@pytest.mark.parametrize(
    "text, what",
    [
        ("Read [the rules](javascript:alert(1)).", "link 'javascript:alert(1' starts with javascript:"),
        ("Read [the rules](JaVaScRiPt:alert).", "link 'JaVaScRiPt:alert' starts with javascript:"),
        ('Read <a href="java&#115;cript:alert(1)">the rules</a>.', "href= in <a> 'java&#115;cript:alert(1)' starts with javascript:"),
        ('Read <a href=" javascript:x">the rules</a>.', "href= in <a> 'javascript:x' starts with javascript:"),
        ("Read [the rules](data:text/html;base64,PHNjcmlwdD4=).", "link 'data:text/html;base64,PHNjcmlwdD4=' starts with data:"),
        ("![A map](data:image/svg+xml;base64,PHN2Zz4=)", "picture 'data:image/svg+xml;base64,PHN2Zz4=' starts with data:"),
        ("Read [the rules][r].\n\n[r]: javascript:alert(1)", "link 'javascript:alert(1)' starts with javascript:"),
        ('[Home](index.md){: href="vbscript:x" }', "href= in attribute list 'vbscript:x' starts with vbscript:"),
        ("Read [the file](file:///etc/passwd).", "link 'file:///etc/passwd' starts with file:"),
    ],
)
def test_unsafe_links(project, text, what):
    add(project, text)
    line = 18 + text.count("\n")
    only(project.check(), f"{EN}:{line}: safety/unsafe-link: {what} which can run code or hide content: use a web page, tel:, sms: or mailto: address")


@pytest.mark.parametrize(
    "text, what, host",
    [
        ("![A map](https://maps.example.com/map.png)", "picture 'https://maps.example.com/map.png'", "maps.example.com"),
        ('<img alt="A map" src="//cdn.example.net/map.png">', "src= in <img> '//cdn.example.net/map.png'", "cdn.example.net"),
        ('<video controls poster="http://tracker.example/p.jpg"></video>', "poster= in <video> 'http://tracker.example/p.jpg'", "tracker.example"),
    ],
)
def test_pictures_from_other_hosts(project, text, what, host):
    add(project, text)
    only(project.check(), f"{EN}:18: safety/other-host-picture: {what} loads from another website ({host}): "
                          "copy the picture into docs/assets/pictures/ and link to it there")


def test_an_http_link_is_a_warning(project):
    add(project, "Read [the law](http://www.legislation.gov.uk/ukpga/2014/6).")
    only(project.check(), f"{EN}:18: safety/insecure-link: warning: link 'http://www.legislation.gov.uk/ukpga/2014/6' uses http://: "
                          "use the https:// address so the link is private", code=0)


def test_an_http_source_is_a_warning(project):
    for version in ("en", "sv", "en-easy"):  # translations name the same sources
        project.replace(f"docs/{version}/help.md", "url: https://www.england.nhs.uk/", "url: http://www.england.nhs.uk/")
    result = project.check()
    assert result.code == 0
    assert (f"{EN}:10: safety/insecure-link: warning: source url 'http://www.england.nhs.uk/learning-disabilities/care/ctr/' "
            "uses http://: use the https:// address so the link is private") in result.lines


def test_html_and_links_in_code_are_only_shown(project):
    add(project, "```html\n<script>alert(1)</script>\n<a href=\"javascript:x\" onclick=\"y\">z</a>\n```\n\n"
                 "Type `<script>` or `[x](javascript:y)` to see it.")
    assert project.check().code == 0


def test_safe_html_passes(project):
    add(project, '<span lang="en">Care</span> and <a href="index.md" hreflang="en">the start</a>. '
                 "Call [111](tel:111) or write to [us](mailto:{{ email.feedback }}).")
    result = project.check()
    assert not [line for line in result.lines if "safety/" in line], result.lines


def test_a_nul_byte(project):
    add(project, "Some text.\x00 More text.")
    only(project.check(), f"{EN}:18: safety/nul-byte: the page has a NUL character (byte 0), which no text should have: "
                          "the file is damaged or not a page; retype this line")


def test_a_page_over_the_size_limit(project):
    add(project, ("Some words. " * 10 + "\n\n") * (safety.PAGE_SIZE_LIMIT // 120 + 10))
    size = project.path(EN).stat().st_size
    # the page is not read at all, so no other rule runs on it
    only(project.check(), f"{EN}:1: safety/page-too-large: the page is {size // 1024} KB, over the limit of 200 KB: split it into smaller pages")


def test_a_symbolic_link_under_docs(project):
    os.symlink("/etc/passwd", project.path("docs/assets-passwd.txt"))
    only(project.check(), "docs/assets-passwd.txt:1: safety/symlink: 'docs/assets-passwd.txt' is a symbolic link to /etc/passwd: "
                          "the build would publish that file; put a real file here")


def test_a_symbolic_link_to_a_folder_under_includes(project):
    project.write("includes/abbreviations/en.md", "*[CETR]: Care, Education and Treatment Review\n")
    os.symlink("../../.git", project.path("includes/abbreviations/git"))
    only(project.check(), "includes/abbreviations/git:1: safety/symlink: 'includes/abbreviations/git' is a symbolic link to ../../.git: "
                          "the build would publish that file; put a real file here")


@pytest.mark.parametrize(
    "name, better",
    [("My page.md", "my-page.md"), ("Help.md", "help.md"), ("map (old).svg", "map-old-.svg")],
)
def test_file_names_must_be_typeable(project, name, better):
    project.write(f"docs/assets/{name}", "x\n")
    only(project.check(), f"docs/assets/{name}:1: safety/file-name: the name '{name}' has a capital letter, a space or another "
                          f"character that makes an address hard to type: use lower case letters, digits and hyphens, like '{better}'")


def test_every_rule_is_registered_with_a_severity_and_summary():
    assert all(severity in ("error", "warning") and summary for severity, summary in safety.RULES.values())
    assert all(rule.startswith("safety/") for rule in safety.RULES)


def test_a_text_line_link_and_a_licence_file_pass(project):
    add(project, "Text SHOUT to [85258](sms:85258).")
    project.write("docs/assets/LICENCE-openmoji.txt", "CC BY-SA 4.0\n")
    assert project.check().lines == []
