"""A local team's fork, whose local.yml holds real values, passes: the build tests and the checker
run in a copy of the project with real-looking settings (tests/fixtures/settings/real.yml), and its
publishing build succeeds. Tests use their own settings, so a fork's values never break them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REAL_SETTINGS, copy_project

VENV = Path(sys.executable).parent.parent


def test_a_fork_with_real_settings_passes_the_build_tests_and_publishes(tmp_path):
    fork = copy_project(tmp_path, REAL_SETTINGS)
    env = {key: value for key, value in os.environ.items() if key not in ("CETR_PUBLISH", "CETR_OFFLINE")}
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/build", "tests/checker/test_cli.py",
         "--deselect", "tests/build/test_fork.py"],
        cwd=fork, env=env, capture_output=True, text=True, timeout=1800)
    assert tests.returncode == 0, tests.stdout[-4000:] + tests.stderr[-2000:]
    assert " passed" in tests.stdout.splitlines()[-1] and "failed" not in tests.stdout.splitlines()[-1]
    publish = subprocess.run(["make", "--no-print-directory", "-o", f"{VENV}/.installed", f"VENV={VENV}", "publish"],
                             cwd=fork, env=env, capture_output=True, text=True, timeout=900)
    assert publish.returncode == 0, publish.stdout[-3000:] + publish.stderr[-3000:]
    assert "https://cetr.kentish.gov.uk/sv/" in (fork / "site/sitemap.xml").read_text(encoding="utf-8")
