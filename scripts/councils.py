"""Several councils under one ICB (councils: in local.yml).

Most ICBs cover several councils, each with its own Local Offer, SENDIASS and SEND team; the ICB's
own contacts (the C(E)TR team, keyworkers, the crisis line) stay shared under contacts:.

One council is the simple case: local_offer, contacts.sendiass and contacts.send_team, as always,
and pages show them with no extra words. With `councils:` the same tokens show each council's
value, labelled with the council's name, so no page has to change shape:

    {{ tel.sendiass }}   ->  01432 260955 (Herefordshire) or 01905 768153 (Worcestershire)
    {{ link.sendiass }}  ->  Herefordshire SENDIASS or SENDIASS Worcestershire
                             (a name that already says its council needs no label)
    {{ local.contacts.sendiass.hours }}  ->  Herefordshire: 9am to 5pm; Worcestershire: 10am to 3pm
                             (the same text for every council: once, with no label)

and the block token {{ local.councils }} (a line of its own) lists the councils, each linking to a
section with all of its contacts; with one council it is empty.
"""

from __future__ import annotations

import re
from typing import Any, Callable

PER_COUNCIL = ("local_offer", "sendiass", "send_team")  # what each council has of its own
CONTACT_LABELS = {"local_offer": "Local Offer", "sendiass": "SENDIASS", "send_team": "SEND team"}
BLOCK = "councils"  # {{ local.councils }}


class CouncilTokenError(Exception):
    pass


def listed(data: dict) -> list[dict]:
    councils = data.get("councils")
    return [council for council in councils if isinstance(council, dict)] if isinstance(councils, list) else []


def anchor(council: dict) -> str:
    """The id of a council's section on the page: council-herefordshire."""
    return "council-" + (re.sub(r"[^a-z0-9]+", "-", str(council.get("name", "")).lower()).strip("-") or "unnamed")


def per_council(data: dict, kind: str, name: str) -> tuple[str, tuple[str, ...]] | None:
    """(what, field path) when the token {{ kind.name }} is one of each council's values, else None.

    tel.sendiass -> ('sendiass', ('phone',)); local.local_offer.name -> ('local_offer', ('name',));
    local.contacts.send_team.hours -> ('send_team', ('hours',))."""
    if not listed(data):
        return None
    if kind in ("tel", "email", "link"):
        return (name, ()) if name in PER_COUNCIL else None
    parts = name.split(".")
    if parts[0] == "contacts" and len(parts) >= 2 and parts[1] in PER_COUNCIL:
        return parts[1], tuple(parts[2:])
    if parts[0] in PER_COUNCIL:
        return parts[0], tuple(parts[1:])
    return None


def _join(items: list[str], words: dict) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {words.get('councils.or', 'or')} " + items[-1]


def render(data: dict, kind: str, what: str, fields: tuple[str, ...], words: dict,
           contact_markdown: Callable[[dict, str, str], str], text: Callable[[Any], str],
           markdown_text: Callable[[str], str]) -> str:
    """A per-council token, from every council: one value when there is one council, else a labelled list.

    contact_markdown(contact, kind, name) renders tel/email/link as today; text(value) a text setting;
    markdown_text(value) escapes a council's name as text (scripts/local_settings.py owns all three)."""
    councils = listed(data)
    rendered: list[tuple[dict, str]] = []  # (council, markdown)
    for council in councils:
        contact = council.get(what)
        if not isinstance(contact, dict):
            raise CouncilTokenError(f"the council '{council.get('name')}' in local.yml has no {what}")
        if kind == "local":
            value: Any = contact
            for field in fields:
                if not isinstance(value, dict) or field not in value:
                    raise CouncilTokenError(f"the council '{council.get('name')}' in local.yml has no {what}.{'.'.join(fields)}")
                value = value[field]
            if fields and fields[-1] == "url" and len(councils) > 1:
                raise CouncilTokenError(f"with several councils, one web address cannot stand for them all: "
                                        f"use {{{{ link.{what} }}}}, which links each council's")
            rendered.append((council, text(value)))
        else:
            rendered.append((council, contact_markdown(contact, kind, what)))
    if len(rendered) == 1:
        return rendered[0][1]
    if kind == "local":
        if len({markdown for _, markdown in rendered}) == 1:
            return rendered[0][1]  # the same for every council (opening hours, say): once, unlabelled
        # A text often sits in brackets already ("Phone: ... (hours)"): label it in front, not in more brackets.
        return "; ".join(f"{markdown_text(str(council['name']))}: {markdown}" for council, markdown in rendered)
    items = []
    for council, markdown in rendered:
        council_name = str(council["name"])
        if kind == "link" and council_name.lower() in str(council[what].get("name", "")).lower():
            items.append(markdown)  # "Herefordshire SENDIASS" says which council it is
        else:
            items.append(f"{markdown} ({markdown_text(council_name)})")
    return _join(items, words)


def block(data: dict, words: dict, contact_markdown: Callable[[dict, str, str], str], text: Callable[[Any], str],
          markdown_text: Callable[[str], str]) -> str:
    """{{ local.councils }}: nothing for one council; for several, a list to jump to each council,
    and a section per council with its Local Offer, SENDIASS and SEND team."""
    councils = listed(data)
    if len(councils) < 2:
        return ""
    lines = [words.get("councils.choose", "Choose your council:"), ""]
    lines += [f"- [{markdown_text(str(council['name']))}](#{anchor(council)})" for council in councils]
    for council in councils:
        lines += ["", f"### {markdown_text(str(council['name']))} {{#{anchor(council)}}}", ""]
        for what in PER_COUNCIL:
            contact = council.get(what)
            if not isinstance(contact, dict):
                continue
            name = contact_markdown(contact, "link", what) if contact.get("url") else markdown_text(str(contact.get("name", "")))
            lines.append(f"- {words.get('councils.' + what, CONTACT_LABELS[what])}: {name}")
            if contact.get("phone"):
                hours = f" ({text(contact['hours'])})" if contact.get("hours") else ""
                lines.append(f"    - {words.get('contact.phone', 'Phone')}: {contact_markdown(contact, 'tel', what)}{hours}")
            if contact.get("email"):
                lines.append(f"    - {words.get('contact.email', 'Email')}: {contact_markdown(contact, 'email', what)}")
    return "\n".join(lines)


def check(data: dict, problem: Callable[[tuple, str, str], Any]) -> list:
    """Where councils: and the one-council settings disagree, and councils listed twice."""
    problems = []
    contacts = data.get("contacts") if isinstance(data.get("contacts"), dict) else {}
    if "councils" in data:
        if "local_offer" in data:
            problems.append(problem(("local_offer",), "settings/council-setting-twice",
                                    "with 'councils', each council has its own 'local_offer': move this one under its council, "
                                    "or remove 'councils' if you have only one"))
        for what in ("sendiass", "send_team"):
            if what in contacts:
                problems.append(problem(("contacts", what), "settings/council-setting-twice",
                                        f"with 'councils', each council has its own '{what}': move this one under its council "
                                        "(the ICB, keyworker and crisis contacts stay here)"))
        seen: dict[str, int] = {}
        for index, council in enumerate(listed(data)):
            key = anchor(council)
            if key in seen:
                problems.append(problem(("councils", index, "name"), "settings/council-twice",
                                        f"the council '{council.get('name')}' is listed twice (also as council {seen[key] + 1}): "
                                        "list each council once"))
            seen.setdefault(key, index)
    else:
        if "local_offer" not in data:
            problems.append(problem((), "settings/missing-field",
                                    "local.yml needs 'local_offer' (your Local Offer's name and web address), "
                                    "or 'councils' with one for each council"))
        for what in ("sendiass", "send_team"):
            if isinstance(data.get("contacts"), dict) and what not in contacts:
                problems.append(problem(("contacts",), "settings/missing-field",
                                        f"'contacts' needs '{what}' (or list 'councils', each with its own '{what}')"))
    return problems
