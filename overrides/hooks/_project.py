"""Lets the build hooks import the project's own package, `scripts` (site_versions, local_settings,
redirects_file), so the build and the checker share one loader for each file.

MkDocs loads each hook as a lone file, with only this folder on sys.path while it loads. The
project root is not a package installed in the venv (the venv only holds requirements.txt), so this
one module, imported first by every hook that needs `scripts`, puts the root on sys.path.
"""

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


def build_state(config, hook: str) -> dict:
    """A hook's state for one build, kept on the build's config object, not in a module global.

    MkDocs loads a new config for every `mkdocs build` and every `mkdocs serve` rebuild, so no state
    is left from a build before; the i18n plugin builds each version with the same config object,
    so the versions of one build share it (the 404 pages are kept until the last version is built).
    """
    return vars(config).setdefault("_cetr_build_state", {}).setdefault(hook, {})
