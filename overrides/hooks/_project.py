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
