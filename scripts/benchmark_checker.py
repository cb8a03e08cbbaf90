"""How long the content checker takes on the whole site, without --links (the target: under 2 s).

    .venv/bin/python -m scripts.benchmark_checker [N]

Runs main() on the real tree N times (default 10) in one process, after one warm-up run, and
prints the median and the fastest wall-clock time, and the median CPU time (steadier on a busy
machine). Also times one cold start of `python -m scripts.check` as a user would run it.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import time
from pathlib import Path

from scripts.checker.cli import main

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.0


def once() -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(io.StringIO()):
        main([])
    return time.perf_counter() - wall, time.process_time() - cpu


def cold_start() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "scripts.check"], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - start


def run(count: int = 10) -> None:
    once()  # warm-up: imports, compiled patterns
    times = [once() for _ in range(count)]
    walls = [wall for wall, _ in times]
    median = statistics.median(walls)
    print(f"checker on the whole site, {count} runs: median {median:.3f} s, fastest {min(walls):.3f} s, "
          f"median CPU {statistics.median(cpu for _, cpu in times):.3f} s (target under {TARGET:.0f} s)")
    print(f"cold start of python -m scripts.check: {cold_start():.3f} s")
    print("OK" if median < TARGET else "TOO SLOW")


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
