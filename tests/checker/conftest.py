"""Helpers for the checker's tests: a copy of the clean fixture project to break, and a way to
run main([...]) and read its output lines."""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.check import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-23"


@dataclass
class Result:
    code: int
    lines: list[str]  # every printed line but the summary
    summary: str


def run(*args: str) -> Result:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    lines = out.getvalue().splitlines()
    return Result(code, lines[:-1], lines[-1] if lines else "")


class Project:
    """A throwaway copy of tests/checker/fixtures/<name>, to break one thing at a time."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> str:
        return self.path(rel).read_text(encoding="utf-8")

    def write(self, rel: str, text: str) -> None:
        self.path(rel).parent.mkdir(parents=True, exist_ok=True)
        self.path(rel).write_text(text, encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def append(self, rel: str, text: str) -> None:
        self.write(rel, self.read(rel) + text)

    def line_of(self, rel: str, needle: str) -> int:
        """The 1-based line of the first line containing needle."""
        for number, line in enumerate(self.read(rel).splitlines(), 1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {rel}")

    def check(self, *args: str) -> Result:
        return run("--root", str(self.root), "--today", TODAY, *args)


@pytest.fixture
def project(tmp_path) -> Project:
    root = tmp_path / "project"
    shutil.copytree(FIXTURES / "clean", root)
    return Project(root)


def only(result: Result, line: str, code: int = 1) -> None:
    """The run printed exactly this finding and exited with code."""
    assert (result.lines, result.code) == ([line], code), "\n".join(result.lines + [result.summary])
