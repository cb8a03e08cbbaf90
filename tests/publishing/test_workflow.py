"""The GitHub workflow (.github/workflows/publish.yml): pinned actions, least permissions, and the
checker with GitHub annotations before anything is published."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT, copy_project

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
SHA_PIN = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow, job):
    return workflow["jobs"][job]["steps"]


def step_index(workflow, job, needle) -> int:
    for index, step in enumerate(steps(workflow, job)):
        if needle in step.get("run", "") or needle in step.get("uses", ""):
            return index
    raise AssertionError(f"no step of the job '{job}' has {needle!r}")


def test_every_action_is_pinned_to_a_full_commit_with_its_release_named():
    uses = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert len(uses) >= 7
    for line in uses:
        action, _, comment = line.split("uses:", 1)[1].partition("#")
        assert SHA_PIN.match(action.strip()), line
        assert re.fullmatch(r" v\d+\.\d+\.\d+", comment), f"name the release after the commit: {line}"


def test_checkouts_leave_no_token_behind(workflow):
    checkouts = [step for job in workflow["jobs"].values() for step in job["steps"] if "actions/checkout@" in step.get("uses", "")]
    assert checkouts and all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_least_permissions(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["publish"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    # the job that may write to Pages checks out and runs nothing of ours
    assert [step.get("uses", "").split("@")[0] for step in steps(workflow, "deploy")] == ["actions/deploy-pages"]
    assert workflow["jobs"]["test"].get("permissions") is None


def test_one_run_at_a_time(workflow):
    assert workflow["concurrency"]["group"] == "${{ github.workflow }}-${{ github.ref }}"


def test_the_checker_annotates_before_the_tests_and_before_publishing(workflow):
    assert step_index(workflow, "test", "scripts.check --format github") < step_index(workflow, "test", "make test")
    check = step_index(workflow, "publish", "scripts.check --publish --format github")
    assert check < step_index(workflow, "publish", "make publish") < step_index(workflow, "publish", "actions/upload-pages-artifact@")
    assert workflow["jobs"]["publish"]["needs"] == "test"
    assert workflow["jobs"]["deploy"]["needs"] == "publish"


def test_only_main_is_published(workflow):
    condition = workflow["jobs"]["publish"]["if"]
    assert "github.ref == 'refs/heads/main'" in condition and "pull_request" not in condition


def test_a_fork_with_real_values_passes_the_publishing_check(tmp_path):
    # What the workflow's publish job runs, on a copy whose local.yml has a team's own values.
    project = copy_project(tmp_path)
    shutil.copy(ROOT / "tests/publishing/fixtures/fork-local.yml", project / "local.yml")
    result = subprocess.run([sys.executable, "-m", "scripts.check", "--publish", "--format", "github"],
                            cwd=project, capture_output=True, text=True, timeout=120)
    assert not [line for line in result.stdout.splitlines() if line.startswith("::error")], result.stdout
    assert result.returncode == 0, result.stdout + result.stderr
