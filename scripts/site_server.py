"""A small static server for a built site on 127.0.0.1, as a real host would serve it.

Used by the benchmark, the screenshots script, the link checker and the tests. It serves the
right version's 404.html for a missing path, can log every path it serves, sends a
LinkChecker header so linkchecker does not throttle itself against it, and (gzip=True, for the
benchmark) compresses text files as every real host does.
"""

from __future__ import annotations

import functools
import gzip as gzip_module
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from scripts import site_versions

# A missing path in a version's folder gets that version's own 404 page.
VERSION_FOLDERS = tuple(version.code for version in site_versions.load().translations)


# What a host compresses: text. Pictures other than SVG are compressed already.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    served: list[str] | None = None
    extra_headers: dict[str, str] = {}
    gzip = False

    def log_message(self, format, *args):  # quiet: tests and benchmarks print their own results
        pass

    def end_headers(self):
        self.send_header("LinkChecker", "allow")
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        if self.served is not None:
            self.served.append(self.path.split("?")[0])
        path = Path(self.translate_path(self.path))
        if not path.exists():
            first = self.path.lstrip("/").split("/", 1)[0]
            folder = first if first in VERSION_FOLDERS else ""
            not_found = Path(self.directory) / folder / "404.html"
            if not_found.exists():
                body = not_found.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return _BytesFile(body)
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if self.gzip and path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip_module.compress(path.read_bytes(), compresslevel=6, mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return _BytesFile(body)
        return super().send_head()


class _BytesFile:
    def __init__(self, body: bytes):
        self.body = body

    def read(self, *args):
        body, self.body = self.body, b""
        return body

    def close(self):
        pass


@contextmanager
def serve(site: Path, served: list[str] | None = None, headers: dict[str, str] | None = None,
          gzip: bool = False) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1; yields the base URL ('http://127.0.0.1:PORT/')."""
    handler = type("Handler", (SiteHandler,), {"served": served, "extra_headers": headers or {}, "gzip": gzip})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
