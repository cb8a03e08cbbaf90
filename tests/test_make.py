"""The Makefile: `make test` installs what the tests need (Debian packages by apt, like chromium), and
`make publish` and `make offline` run the checker before they build (a dry run of make shows the steps)."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT


def dry_run(*targets: str) -> list[str]:
    # -B: as on a clean machine, where nothing is installed yet; -n: print the steps, run none
    result = subprocess.run(["make", "-n", "-B", "--no-print-directory", *targets], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_make_test_installs_chromium_java_and_nginx_from_debian():
    installs = [line for line in dry_run("test") if "apt-get install" in line]
    packages = {word for line in installs for word in line.split("apt-get install", 1)[1].split(">")[0].split() if not word.startswith("-")}
    assert packages >= {"chromium", "default-jre-headless", "nginx", "openssl"}  # and the other browsers
    # idempotent, as root or through sudo
    assert all('if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi' in line for line in installs)


def test_publish_and_offline_run_the_checker_first_and_refuse_example_settings():
    for target, build in (("publish", "CETR_PUBLISH=1 "), ("offline", "CETR_PUBLISH=1 CETR_OFFLINE=true ")):
        steps = [line for line in dry_run(target) if "scripts.check" in line or "mkdocs build" in line]
        assert len(steps) == 2, steps
        assert steps[0].endswith("-m scripts.check --publish")
        assert steps[1].startswith(build) and "mkdocs build --strict" in steps[1]
