"""Zero broken internal links or anchors in any version of the real site: the fast pass and linkchecker."""

from __future__ import annotations

import datetime

import pytest

from scripts.checker import links
from scripts.checker.load import load_site
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT, datetime.date.today())


def test_every_internal_link_and_anchor_resolves(site, built_site):
    assert [str(finding) for finding in links.fast_pass(site, built_site)] == []


def test_linkchecker_finds_no_broken_internal_link_or_anchor(site, built_site, tmp_path):
    findings, report = links.run_linkchecker(site, built_site, external=False, work=tmp_path)
    assert [str(finding) for finding in findings] == []
    assert report == []  # no external link was checked
