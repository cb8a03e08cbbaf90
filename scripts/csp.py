"""The Content-Security-Policy that the built site satisfies.

    .venv/bin/python -m scripts.csp site/            # the policy
    .venv/bin/python -m scripts.csp site/ --nginx    # as an nginx add_header line (see deploy/nginx.conf)

Everything comes from the site's own host. Material puts a few small inline scripts in each page;
they are allowed by their SHA-256 hashes, read from the built site, so run this on the build you
publish (the hashes depend on site_url). Only scripts that a template emits are hashed: the inline
<script> elements of Material's templates and of overrides/, with each {{ value }} standing for a
plain address. Any other inline script (one put into a page's Markdown, say) is left out, so
browsers refuse to run it, and this command names it on stderr.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S | re.I)
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# What a {{ value }} in a template's script may become: an address such as "../.." or "/sv/",
# never a quote, bracket or semicolon that could end the string it stands in.
TEMPLATE_VALUE = r"[A-Za-z0-9_./:#%~-]*"
OVERRIDES = Path(__file__).resolve().parent.parent / "overrides"


def template_folders() -> list[Path]:
    import material

    return [Path(material.__file__).resolve().parent / "templates", OVERRIDES]


def template_scripts(folders: list[Path] | None = None) -> list[re.Pattern]:
    """One pattern for each inline script of the templates, its {{ values }} as wildcards."""
    patterns = {}
    for folder in folders if folders is not None else template_folders():
        for template in sorted(folder.rglob("*.html")):
            for attributes, body in INLINE_SCRIPT.findall(template.read_text(encoding="utf-8")):
                if "application/json" in attributes or not body.strip():
                    continue
                pieces = JINJA.split(body)
                patterns.setdefault(body, re.compile(TEMPLATE_VALUE.join(re.escape(piece) for piece in pieces), re.S))
    return list(patterns.values())


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(site: Path, templates: list[re.Pattern] | None = None) -> tuple[set[str], list[str]]:
    """(the hashes of the templates' inline scripts, 'page: script' for every other inline script)."""
    templates = template_scripts() if templates is None else templates
    hashes, foreign = set(), []
    for page in sorted(site.rglob("*.html")):
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8", errors="replace")):
            if "application/json" in attributes:
                continue  # data, not run: CSP does not apply
            if any(pattern.fullmatch(body) for pattern in templates):
                hashes.add(_hash(body))
            else:
                foreign.append(f"{page.relative_to(site).as_posix()}: {' '.join(body.split())[:80]}")
    return hashes, foreign


def inline_script_hashes(site: Path) -> list[str]:
    return sorted(inline_scripts(site)[0])


def policy(site: Path) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(inline_script_hashes(site)),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--nginx", action="store_true", help="print an nginx add_header line")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"csp: {args.site}: not a built site (no index.html)", file=sys.stderr)
        return 2
    text = policy(args.site)
    for script in inline_scripts(args.site)[1]:
        print(f"csp: {script}: an inline script that no template emits: not allowed by the policy", file=sys.stderr)
    print(f'add_header Content-Security-Policy "{text}" always;' if args.nginx else text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
