"""One way to build the site: `mkdocs build --strict`, for the tests, the checker's link check,
the screenshots and the benchmark."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def executable(name: str) -> str | None:
    """A tool of this Python's venv (mkdocs, linkchecker), else the one on PATH (None when there is none)."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def mkdocs_build(site_dir: Path, project: Path = PROJECT_ROOT, *, config_file: Path | None = None,
                 publish: bool = False, env: dict[str, str] | None = None,
                 timeout: float | None = 300) -> subprocess.CompletedProcess:
    """Build `project` into `site_dir` with --strict; the output is captured, never printed.

    A publishing build (CETR_PUBLISH) only when asked: a value left in the caller's environment
    would make a test or a benchmark fail on local.yml's example values. subprocess.TimeoutExpired
    and FileNotFoundError (no mkdocs) reach the caller.
    """
    mkdocs = executable("mkdocs")
    if mkdocs is None:
        raise FileNotFoundError("mkdocs is not installed: run make setup")
    environment = {key: value for key, value in os.environ.items() if key != "CETR_PUBLISH"}
    environment["NO_MKDOCS_2_WARNING"] = "1"
    if publish:
        environment["CETR_PUBLISH"] = "1"
    environment.update(env or {})
    # Never --quiet: it hides the warnings that --strict turns into failures.
    command = [mkdocs, "build", "--strict", "--site-dir", str(site_dir)]
    if config_file is not None:
        command += ["--config-file", str(config_file)]
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=timeout)


# What a copy of the project leaves out: the venv, git, node tools, and built output at the top.
_NOT_COPIED_ANYWHERE = shutil.ignore_patterns(".venv", ".git", "node_modules", "__pycache__")
_NOT_COPIED_AT_TOP = ("site", "site-offline", "site-export", "export", "screenshots", "benchmark-results")


def copy_project(target: Path, project: Path = PROJECT_ROOT) -> Path:
    """A throwaway copy of the project in `target`, to build with one thing changed."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        ignored = set(_NOT_COPIED_ANYWHERE(folder, names))
        if Path(folder) == project:
            ignored |= {name for name in names if name in _NOT_COPIED_AT_TOP or name.endswith(".zip")}
        return ignored

    shutil.copytree(project, target, ignore=ignore)
    if (project / "node_modules").is_dir():  # the build trims CSS with PurgeCSS (overrides/hooks/on_demand.py)
        (target / "node_modules").symlink_to(project / "node_modules", target_is_directory=True)
    return target
