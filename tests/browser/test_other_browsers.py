"""Issue 19, parts 1 and 2: the browsers families use besides Chromium. About half of the parents read
on an iPhone (Safari's engine, WebKit); some use Firefox. tests/browser/smoke.mjs runs the same smoke
set in each (Debian's WebKitGTK MiniBrowser through WebKitWebDriver under Xvfb, and Debian's
firefox-esr through puppeteer-core over WebDriver BiDi): each version's home and two content pages
render at phone and laptop width; the language switcher, the menu, search, a letter's copy button
and the crisis banner's numbers work. Screenshots of every page it opens land in screenshots/<engine>/."""

from __future__ import annotations

import json
import os
import socket
import subprocess
from contextlib import closing

import pytest

from tests.conftest import ROOT

SMOKE = ROOT / "tests" / "browser" / "smoke.mjs"
# 2 widths x 3 versions x (3 pages rendered + switcher + menu + search + copy button + crisis numbers)
CHECKS_PER_RUN = 2 * 3 * (3 + 5)


def free_port() -> int:
    with closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def x_display():
    """A virtual screen for WebKit (MiniBrowser is a GTK window; Firefox runs headless without one)."""
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    display = server.stdout.readline().strip()
    assert display.isdigit(), "Xvfb did not start"
    yield f":{display}"
    server.terminate()
    server.wait(timeout=10)


def run_smoke(engine: str, base_url: str, env: dict) -> list[dict]:
    shots = ROOT / "screenshots" / engine
    result = subprocess.run(["node", str(SMOKE), engine, base_url, str(shots)], cwd=ROOT, capture_output=True,
                            text=True, timeout=1200, env={**os.environ, **env})
    assert result.returncode == 0, f"the {engine} smoke run did not finish:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


def failures(results: list[dict]) -> list[str]:
    return [f"{r['check']} on {r['where']}: {r['detail'][:500]}" for r in results if not r["ok"]]


def test_webkit_smoke_set(base_url, x_display):
    results = run_smoke("webkit", base_url, {"DISPLAY": x_display, "WEBKIT_DRIVER_PORT": str(free_port())})
    assert not failures(results), "WebKit:\n" + "\n".join(failures(results))
    assert len(results) == CHECKS_PER_RUN, f"WebKit ran {len(results)} checks, not {CHECKS_PER_RUN}"


def test_firefox_smoke_set(base_url):
    results = run_smoke("firefox", base_url, {})
    assert not failures(results), "Firefox:\n" + "\n".join(failures(results))
    assert len(results) == CHECKS_PER_RUN, f"Firefox ran {len(results)} checks, not {CHECKS_PER_RUN}"
