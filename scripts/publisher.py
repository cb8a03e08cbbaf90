"""A local team's own name and look (publisher: in local.yml): checks, and what the build adds.

    publisher:
      name: Exampleshire Council       "Published by ..." in the header and footer
      logo: exampleshire.svg           a file in local-files/, SVG or PNG, at most LOGO_MAX_BYTES
      logo_alt: Exampleshire Council   what the logo shows, in words (required with a logo)
      colour: "#1d4f91"                the top bar's background, under white text

The checker reports every problem at its line of local.yml (scripts/local_settings.validate calls
check()); the build hook copies the logo and writes the colour's stylesheet (build_files()).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

LOCAL_FILES = "local-files"  # the one folder for a team's own files, beside local.yml
LOGO_MAX_BYTES = 15 * 1024  # on every page: a first visit stays under 100 KB (README.md) with it
LOGO_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
OUTPUT_FOLDER = "assets/local"  # where the build puts the logo and brand.css
BRAND_CSS = f"{OUTPUT_FOLDER}/brand.css"
# The text on the brand colour is white (--md-primary-bg-color in site.css); WCAG 2.2 AA, 1.4.3.
TEXT_ON_COLOUR = "#ffffff"
MIN_CONTRAST = 4.5
COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# An SVG served from the site's own address could run a script there: a logo needs none of these.
SVG_DANGERS = (
    (re.compile(rb"<\s*script", re.I), "a script (<script>)"),
    (re.compile(rb"\son[a-z]+\s*=", re.I), "an event attribute (such as onload=)"),
    (re.compile(rb"javascript\s*:", re.I), "a javascript: link"),
    (re.compile(rb"<\s*foreignObject", re.I), "a <foreignObject>"),
    (re.compile(rb"<!ENTITY", re.I), "an <!ENTITY> declaration"),
    (re.compile(rb"""(?:href|src)\s*=\s*["']\s*(?:https?:|//|data:)""", re.I), "a link to another file or website"),
    (re.compile(rb"@import|url\(\s*['\"]?\s*(?:https?:|//)", re.I), "a style that loads another file"),
)

Problem = Callable[[tuple, str, str], Any]  # (key path, rule, message) -> a problem at its line


def relative_luminance(colour: str) -> float:
    """WCAG 2.2's relative luminance of '#rrggbb' (or '#rgb')."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _colour_problems(colour: Any, problem: Problem) -> list:
    where = ("publisher", "colour")
    if not isinstance(colour, str):
        return []  # the schema says it should be text
    if colour.strip() == "":
        return [problem(where, "settings/bad-colour",
                        "'publisher.colour' is empty: a colour starts with #, which local.yml reads as the start of a note, "
                        'so put the colour in quotes, like: colour: "#1d4f91"')]
    if not COLOUR.match(colour.strip()):
        return [problem(where, "settings/bad-colour",
                        f"'publisher.colour' is not a colour: '{colour}': write # and six letters or digits, in quotes, "
                        'like: colour: "#1d4f91"')]
    ratio = contrast_ratio(colour.strip(), TEXT_ON_COLOUR)
    if ratio < MIN_CONTRAST:
        return [problem(where, "settings/low-contrast",
                        f"'publisher.colour' {colour.strip()} is too light for the white text on it: contrast "
                        f"{int(ratio * 100) / 100:.2f} to 1, and it needs at least {MIN_CONTRAST} to 1 (WCAG AA): choose a darker shade")]
    return []


def logo_path(root: Path, name: str) -> Path:
    return root / LOCAL_FILES / name


def _logo_problems(publisher: dict, root: Path, problem: Problem) -> list:
    name = publisher.get("logo")
    if not isinstance(name, str):
        return []
    where = ("publisher", "logo")
    if "/" in name or "\\" in name or name.startswith(".") or not name.strip():
        return [problem(where, "settings/bad-logo",
                        f"'publisher.logo' must be the name of a file in the folder {LOCAL_FILES}/, like: logo: our-logo.svg")]
    suffix = Path(name).suffix.lower()
    if suffix not in LOGO_TYPES:
        return [problem(where, "settings/bad-logo", f"'publisher.logo' must be an SVG or PNG file, not '{name}'")]
    problems = []
    if not publisher.get("logo_alt"):
        problems.append(problem(where, "settings/logo-without-alt",
                                "'publisher.logo' needs 'logo_alt' under it: a few words saying what the logo shows, for people "
                                "who cannot see it, like: logo_alt: Exampleshire Council"))
    path = logo_path(root, name)
    if path.is_symlink():
        return problems + [problem(where, "settings/bad-logo",
                                   f"'publisher.logo': {LOCAL_FILES}/{name} is a link to another file: put the file itself there")]
    if not path.is_file():
        return problems + [problem(where, "settings/bad-logo",
                                   f"'publisher.logo': there is no file {LOCAL_FILES}/{name}: upload your logo into the folder "
                                   f"{LOCAL_FILES}/, or correct its name here")]
    size = path.stat().st_size
    if size > LOGO_MAX_BYTES:
        return problems + [problem(where, "settings/logo-too-big",
                                   f"'publisher.logo': {LOCAL_FILES}/{name} is {-(-size // 1024)} KB, and a logo may be at most "
                                   f"{LOGO_MAX_BYTES // 1024} KB because every page loads it: save it smaller "
                                   "(an SVG, or a PNG about 300 pixels wide)")]
    data = path.read_bytes()
    if suffix == ".png" and not data.startswith(PNG_SIGNATURE):
        problems.append(problem(where, "settings/bad-logo", f"'publisher.logo': {LOCAL_FILES}/{name} is not a PNG picture"))
    if suffix == ".svg":
        if b"<svg" not in data[:4096].lower():
            problems.append(problem(where, "settings/bad-logo", f"'publisher.logo': {LOCAL_FILES}/{name} is not an SVG picture"))
        for pattern, what in SVG_DANGERS:
            if pattern.search(data):
                problems.append(problem(where, "settings/unsafe-logo",
                                        f"'publisher.logo': {LOCAL_FILES}/{name} contains {what}, which a logo must not: "
                                        "save it again as a plain picture"))
                break
    return problems


def check(data: dict, root: Path, problem: Problem) -> list:
    """Every problem of the publisher: settings, each made by problem(key path, rule, message)."""
    publisher = data.get("publisher")
    if not isinstance(publisher, dict):
        return []
    return _colour_problems(publisher.get("colour"), problem) + _logo_problems(publisher, root, problem)


def template_values(data: dict, versions) -> dict | None:
    """What the templates get as config.extra.cetr_publisher (None without a publisher): the logo's
    alt text for each version (site_versions.SiteVersions), the default version's where one has none."""
    publisher = data.get("publisher")
    if not isinstance(publisher, dict) or not publisher.get("name"):
        return None
    alt = publisher.get("logo_alt") or ""
    if isinstance(alt, str):
        alt = {version.code: alt for version in versions}
    else:
        alt = {version.code: alt.get(version.code) or alt.get(versions.default.code, "") for version in versions}
    logo = publisher.get("logo")
    return {
        "name": publisher["name"],
        "logo": f"{OUTPUT_FOLDER}/{logo}" if logo else None,
        "logo_alt": alt,
        "stylesheet": BRAND_CSS if publisher.get("colour") else None,
    }


def build_files(data: dict, root: Path, site_dir: Path) -> list[Path]:
    """Copy the logo and write the colour's stylesheet into the built site."""
    publisher = data.get("publisher")
    if not isinstance(publisher, dict):
        return []
    written = []
    (site_dir / OUTPUT_FOLDER).mkdir(parents=True, exist_ok=True)
    if publisher.get("logo"):
        target = site_dir / OUTPUT_FOLDER / publisher["logo"]
        target.write_bytes(logo_path(root, publisher["logo"]).read_bytes())
        written.append(target)
    if publisher.get("colour"):
        colour = publisher["colour"].strip().lower()
        target = site_dir / BRAND_CSS
        # Only the header's colour changes; site.css keeps every other colour (contrast checked there).
        target.write_text(f"/* publisher.colour in local.yml */\n:root,\n[data-md-color-scheme=\"default\"] {{\n  --md-primary-fg-color: {colour};\n}}\n", encoding="utf-8")
        written.append(target)
    return written
