"""Front matter rules: the fields of CONTRIBUTING.md, typed, real dates, reviews not overdue,
titles unique within a version. The fields are defined by scripts/schemas/front-matter.schema.json."""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from scripts.checker.model import WARNING, Finding, Page, Site, parse_date

RULES = {
    "front-matter/missing": ("error", "no front matter box (`---` … `---`) at the top, or it never ends"),
    "front-matter/invalid-yaml": ("error", "the front matter is not valid YAML, or not a list of fields"),
    "front-matter/missing-field": ("error", "a required field is missing: `title`, `description`, `last_reviewed`, `next_review`, `sources` (each with `title`, `publisher`, `url`, `checked`), and `updated` (English) or `english_version` (Svenska, Easy Read)"),
    "front-matter/unknown-field": ("error", "a field that is not in the list above (also `english_version` on an English page, `updated` on a translation)"),
    "front-matter/duplicate-field": ("error", "a field given twice"),
    "front-matter/wrong-type": ("error", "a field of the wrong kind, for example a list where text belongs"),
    "front-matter/empty-field": ("error", "an empty title, description or list of sources"),
    "front-matter/bad-date": ("error", "a date that is not written 2026-11-23, or is not in the calendar (2026-02-30)"),
    "front-matter/review-due": ("warning", "`next_review` has passed, by up to 60 days; the page shows readers \"due for review\", and can still be published, so an urgent fix (a crisis number) is never held back"),
    "front-matter/review-overdue": ("error", "`next_review` is more than 60 days past"),
    "front-matter/description-too-long": ("error", "a description over 160 characters"),
    "front-matter/invalid-value": ("error", "any other value the schema rejects (`scripts/schemas/front-matter.schema.json`), such as a source `url` that is not a web address"),
    "front-matter/duplicate-title": ("error", "two pages of the same version have the same title"),
}

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "front-matter.schema.json"
DATE_FIELDS = ("last_reviewed", "next_review", "updated", "english_version")
TYPE_NAMES = {"string": "text", "array": "a list", "object": "fields (name: value)", "integer": "a number"}


@lru_cache(maxsize=None)
def validator(kind: str):
    """The JSON Schema validator for 'english' or 'translation' front matter."""
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator({"$ref": f"#/$defs/{kind}", "$defs": schema["$defs"]})


def _where(key_path: tuple) -> str:
    where = ""
    for part in key_path:
        where += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    return where


def _type_name(value) -> str:
    if value is None:
        return "empty"
    return {str: "text", list: "a list", dict: "fields", bool: "yes/no", int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def schema_findings(page: Page, site: Site) -> Iterable[Finding]:
    kind = "english" if page.version == site.english else "easy-read" if page.easy_read else "translation"
    other = "english_version" if kind == "english" else "updated"
    for error in sorted(validator(kind).iter_errors(page.front_matter), key=lambda e: (page.field_line(*e.absolute_path), str(e.message))):
        key_path = tuple(error.absolute_path)
        line = page.field_line(*key_path)
        where = _where(key_path)
        if error.validator == "additionalProperties":
            allowed = error.schema.get("properties", {})
            for extra in sorted(set(error.instance) - set(allowed), key=str):
                if key_path == () and extra == other:
                    why = "English pages have 'updated'" if kind == "english" else f"{site.version_name(page.version)} pages have 'english_version' (the English 'updated' date they follow)"
                    yield Finding(page.rel, page.field_line(extra), "front-matter/unknown-field", f"'{extra}' is not a field of this page: {why}")
                else:
                    name = _where(key_path + (str(extra),))
                    yield Finding(page.rel, page.field_line(*key_path, str(extra)), "front-matter/unknown-field", f"unknown field '{name}' (the fields are listed in CONTRIBUTING.md)")
        elif error.validator == "required":
            missing = error.message.split("'")[1]
            if key_path == ():
                line = page.body_line - 1 if page.body_line > 1 else 1  # the closing --- of the front matter
                who = f" ({site.version_name(page.version)} pages need it)" if missing in ("updated", "english_version") else ""
                yield Finding(page.rel, line, "front-matter/missing-field", f"the field '{missing}' is missing{who}")
            else:
                yield Finding(page.rel, line, "front-matter/missing-field", f"'{where}' needs the field '{missing}'")
        elif error.validator == "type":
            wanted = TYPE_NAMES.get(error.validator_value, error.validator_value)
            rule = "front-matter/bad-date" if key_path and key_path[-1] in DATE_FIELDS + ("checked",) else "front-matter/wrong-type"
            if rule == "front-matter/bad-date":
                yield Finding(page.rel, line, rule, f"'{where}' should be a date like 2026-11-23, not {_type_name(error.instance)}")
            else:
                yield Finding(page.rel, line, rule, f"'{where}' should be {wanted}, not {_type_name(error.instance)}")
        elif error.validator == "pattern" and key_path and key_path[-1] in DATE_FIELDS + ("checked",):
            yield Finding(page.rel, line, "front-matter/bad-date", f"'{where}' should be a date like 2026-11-23, not '{error.instance}'")
        elif error.validator == "maxLength" and key_path == ("description",):
            yield Finding(page.rel, line, "front-matter/description-too-long", f"the description has {len(error.instance)} characters: at most {error.validator_value}")
        elif error.validator == "minLength":
            yield Finding(page.rel, line, "front-matter/empty-field", f"'{where}' is empty")
        elif error.validator == "minItems":
            yield Finding(page.rel, line, "front-matter/empty-field", f"'{where}' needs at least one source")
        else:
            yield Finding(page.rel, line, "front-matter/invalid-value", f"'{where}': {error.message}")


def real_dates(page: Page) -> Iterable[Finding]:
    """A date written like a date but not in the calendar (2026-02-30)."""
    fm = page.front_matter
    candidates = [((name,), fm.get(name)) for name in DATE_FIELDS]
    if isinstance(fm.get("sources"), list):
        candidates += [(("sources", i, "checked"), s.get("checked")) for i, s in enumerate(fm["sources"]) if isinstance(s, dict)]
    for key_path, value in candidates:
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit() and parse_date(value) is None:
            yield Finding(page.rel, page.field_line(*key_path), "front-matter/bad-date", f"'{_where(key_path)}' is not a real date: {value}")


# An overdue page still goes out for this long (with "due for review" shown to readers), so that
# an urgent fix, such as a crisis number, is never held back by a review nobody has had time for.
REVIEW_GRACE_DAYS = 60


def review_due(page: Page, site: Site) -> Iterable[Finding]:
    next_review = parse_date(page.front_matter.get("next_review"))
    if next_review and next_review < site.today:
        line = page.field_line("next_review")
        late = (site.today - next_review).days
        todo = "check the page against its sources, then set last_reviewed and a new next_review"
        if late <= REVIEW_GRACE_DAYS:
            until = (next_review + datetime.timedelta(days=REVIEW_GRACE_DAYS)).isoformat()
            yield Finding(page.rel, line, "front-matter/review-due",
                          f"next_review {next_review.isoformat()} has passed: readers see 'due for review'; {todo} "
                          f"(after {until} this stops publishing)", WARNING)
        else:
            yield Finding(page.rel, line, "front-matter/review-overdue",
                          f"next_review {next_review.isoformat()} is more than {REVIEW_GRACE_DAYS} days past: {todo}")


def check_page(page: Page, site: Site) -> Iterable[Finding]:
    yield from schema_findings(page, site)
    yield from real_dates(page)
    yield from review_due(page, site)


def unique_titles(site: Site) -> Iterable[Finding]:
    by_title: dict[tuple[str, str], list[Page]] = defaultdict(list)
    for page in site.pages:
        if page.loaded and isinstance(page.front_matter.get("title"), str):
            by_title[(page.version, page.front_matter["title"].strip().casefold())].append(page)
    for pages in by_title.values():
        for page in pages[1:]:
            yield Finding(page.rel, page.field_line("title"), "front-matter/duplicate-title",
                          f"the title '{page.front_matter['title']}' is already used by {pages[0].rel}: titles must be unique within a version")


PAGE_RULES = [check_page]
SITE_RULES = [unique_titles]
