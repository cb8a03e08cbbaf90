"""The content checker of the CETR Family Guide: `python -m scripts.check [--strict] [--links] ...`.

Run it before publishing; CI runs it on every change. The rules are in scripts/checker/ (one
module per kind of check) and listed in CONTRIBUTING.md, "Rules of the checker".
"""

from scripts.checker.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
