"""Build hook: a page or folder the checker refuses for safety never reaches the built site, and
never makes the build fail with a traceback instead of a clear line.

  - symbolic links under docs/ and includes/, untypeable file names and pages over the size limit
    stop the build before any page is read (a link to .git/config would be published word for word);
  - a page that is not UTF-8 text, or holds a NUL, stops the build with its file and line;
  - every text of a page's front matter (title, description, sources) is HTML-escaped once, here,
    so that Material's templates and ours, which print them as they are, show them as text;
  - config.extra.today, the build's date, lets a page whose next_review has passed say so to readers.
The rules and their words are the checker's (scripts/checker/safety.py).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts.checker.safety import file_problems, text_problem


def _fail(findings) -> None:
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors:
        raise PluginError("\n".join(str(finding) for finding in errors))


def on_config(config):
    config.extra["today"] = datetime.date.today().isoformat()
    return config


@event_priority(100)  # before any other hook or plugin looks at the files
def on_files(files, config):
    root = Path(_project.ROOT)
    docs = Path(config.docs_dir).resolve()
    rel = docs.relative_to(root).as_posix() if docs.is_relative_to(root) else "docs"
    _fail(file_problems(root, rel))
    return files


def on_page_read_source(page, config):
    """The page's text, read as MkDocs would (UTF-8, BOM dropped), or a clear error."""
    path = Path(page.file.abs_src_path)
    raw = path.read_bytes()
    _fail([problem] if (problem := text_problem(raw, f"docs/{page.file.src_uri}")) else [])
    return raw.decode("utf-8-sig")


def _escaped(value):
    # & < > and the double quote that ends every attribute of the templates; the apostrophe stays,
    # as readers see it in places that show the text as it is (the search index's titles).
    if isinstance(value, str):
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    if isinstance(value, list):
        return [_escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: _escaped(item) for key, item in value.items()}
    return value  # dates, numbers


@event_priority(100)
def on_page_markdown(markdown, page, config, files):
    page.meta = _escaped(page.meta)
    return markdown
