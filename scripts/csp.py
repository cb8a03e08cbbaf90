"""The Content-Security-Policy that the built site satisfies.

    .venv/bin/python -m scripts.csp site/            # the policy
    .venv/bin/python -m scripts.csp site/ --nginx    # as an nginx add_header line (see deploy/nginx.conf)

Everything comes from the site's own host. Material puts a few small inline scripts in each page;
they are allowed by their SHA-256 hashes, read from the built site, so run this on the build you
publish (the hashes depend on site_url).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)


def inline_script_hashes(site: Path) -> list[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        for attributes, body in INLINE_SCRIPT.findall(page.read_text(encoding="utf-8")):
            if "application/json" in attributes:
                continue  # data, not run: CSP does not apply
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            hashes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return sorted(hashes)


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
    print(f'add_header Content-Security-Policy "{text}" always;' if args.nginx else text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
