"""Leaflets (leaflets/<version>.yml): each names a page of its version that has a short address,
a contact that local.yml has, and (Easy Read) pictures that pictures.yml lists. The same checks stop
the build (overrides/hooks/leaflets.py); here an editor sees them with the other findings."""

from __future__ import annotations

from typing import Iterable

from scripts import leaflets_file
from scripts.checker import easy_read
from scripts.checker.model import Finding, Site
from scripts.redirects_file import short_addresses

RULES = {
    "leaflets/invalid-file": ("error", "a leaflet file is not valid YAML, or a leaflet lacks contact:, points: or 3 to 5 points"),
    "leaflets/unknown-page": ("error", "a leaflet names a page its version does not have"),
    "leaflets/no-short-address": ("error", "a leaflet's page has no short address to print"),
    "leaflets/unknown-contact": ("error", "a leaflet's contact is not in local.yml"),
    "leaflets/unknown-picture": ("error", "an Easy Read leaflet point's picture is not in pictures.yml"),
}


def leaflets_can_be_made(site: Site) -> Iterable[Finding]:
    shorts = short_addresses(site.short_addresses)
    contacts = None
    if site.settings is not None and isinstance(site.settings.data.get("contacts"), dict):
        contacts = set(site.settings.data["contacts"])
    # The pictures as the Easy Read rules read them (one loader; they report a broken pictures.yml)
    pictures = easy_read.data(site).pictures
    names = set(pictures) if pictures is not None else None
    for version, leaflets in sorted(site.leaflets.items()):
        pages = set(site.by_version.get(version, {}))
        for leaflet in leaflets:
            for problem in leaflets_file.problems(leaflet, pages, shorts, contacts or set(), names):
                if problem.rule == "leaflets/unknown-contact" and contacts is None:
                    continue  # local.yml could not be read: the settings rules say why
                if problem.rule == "leaflets/no-short-address" and not site.redirects_readable:
                    continue  # redirects.yml could not be read: redirects/invalid-file says why
                yield Finding(problem.rel, problem.line, problem.rule, problem.message)


SITE_RULES = [leaflets_can_be_made]
