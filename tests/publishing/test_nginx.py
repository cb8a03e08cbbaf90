"""deploy/nginx.conf loads in Debian's nginx and serves the built site as PUBLISHING.md promises.

The sample is used as written, with only its ports, paths and certificate changed to a throwaway
folder: `nginx -t`, then real requests over https to 127.0.0.1 (make test installs Debian's nginx).
"""

from __future__ import annotations

import gzip
import os
import re
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.csp import main as csp_main
from tests.conftest import ROOT

NGINX = "/usr/sbin/nginx"
HTTPS_PORT, HTTP_PORT = 8111, 8112  # this test's ports (8110-8119)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
NOT_FOUND = {"": ("en", "Page not found"), "sv/": ("sv", "Sidan hittades inte"), "en-easy/": ("en", "We cannot find this page")}

MAIN_CONFIG = """\
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    include {prefix}/cetr-family-guide.conf;
}}
"""


def adapted_sample(prefix: Path, site: Path) -> str:
    """deploy/nginx.conf with this test's ports and paths; every change must find its line."""
    text = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
    changes = [
        ("    listen [::]:80;\n", ""),  # IPv6 may be off on a test machine
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{HTTP_PORT};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{HTTPS_PORT} ssl http2;"),
        ("/etc/letsencrypt/live/cetr.example.org/", f"{prefix}/"),
        ("root /var/www/cetr-family-guide;", f"root {site};"),
        ("/etc/nginx/snippets/cetr-family-guide-csp.conf", f"{prefix}/csp.conf"),
    ]
    for old, new in changes:
        assert old in text, f"deploy/nginx.conf no longer has {old!r}: update this test"
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def nginx(built_site, tmp_path_factory):
    prefix = tmp_path_factory.mktemp("nginx")
    (prefix / "tmp").mkdir()
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=cetr.example.org",
                    "-keyout", str(prefix / "privkey.pem"), "-out", str(prefix / "fullchain.pem")],
                   check=True, capture_output=True, timeout=60)
    with open(prefix / "csp.conf", "w", encoding="utf-8") as out:
        import contextlib

        with contextlib.redirect_stdout(out):
            assert csp_main([str(built_site), "--nginx"]) == 0
    (prefix / "cetr-family-guide.conf").write_text(adapted_sample(prefix, built_site), encoding="utf-8")
    # As root, nginx's workers become `nobody`, who cannot read pytest's private temp folders.
    user = "user root;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(MAIN_CONFIG.format(prefix=prefix, user=user), encoding="utf-8")
    command = [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", "stderr"]
    test = subprocess.run(command + ["-t"], capture_output=True, text=True, timeout=30)
    server = subprocess.Popen(command + ["-g", "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and server.poll() is None:
            try:
                socket.create_connection(("127.0.0.1", HTTPS_PORT), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield {"test": test, "server": server, "base": f"https://127.0.0.1:{HTTPS_PORT}/"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_CONTEXT = ssl.create_default_context()
_CONTEXT.check_hostname = False
_CONTEXT.verify_mode = ssl.CERT_NONE  # the throwaway self-signed certificate
_OPENER = urllib.request.build_opener(urllib.request.HTTPSHandler(context=_CONTEXT), _NoRedirect)


def get(url: str, gzip_ok: bool = False):
    """(status, headers, body as text) of a real request."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        response = _OPENER.open(request, timeout=10)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read()
    if response.headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return response.status, response.headers, body.decode("utf-8", errors="replace")


def assert_security_headers(headers, url):
    for name, start in SECURITY_HEADERS.items():
        value = headers.get(name)
        assert value is not None and value.startswith(start), f"{url}: {name}: {value!r}"
    assert headers.get("Server") == "nginx", f"{url}: server_tokens off shows no version: {headers.get('Server')!r}"


def test_debian_nginx_accepts_the_sample(nginx):
    result = nginx["test"]
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr and "test is successful" in result.stderr
    assert "[emerg]" not in result.stderr and "[warn]" not in result.stderr.replace("[warn] the \"user\"", "")
    assert nginx["server"].poll() is None, nginx["server"].stderr.read()


@pytest.mark.parametrize("path", ["", "sv/", "en-easy/", "what-is-a-cetr/", "sv/what-is-a-cetr/", "search/search_index.json"])
def test_pages_come_with_every_security_header(nginx, path):
    status, headers, body = get(nginx["base"] + path)
    assert status == 200
    assert_security_headers(headers, path)


@pytest.mark.parametrize("prefix", NOT_FOUND)
def test_a_missing_page_gets_its_versions_404_with_every_header(nginx, prefix):
    lang, heading = NOT_FOUND[prefix]
    status, headers, body = get(nginx["base"] + prefix + "no-such-page/")
    assert status == 404
    assert_security_headers(headers, prefix + "no-such-page/")
    assert f'<html lang="{lang}"' in body and f">{heading}</h1>" in body
    # served at any address, the 404 page's stylesheets, scripts and pictures must still load
    files = sorted(set(re.findall(r'(?:href|src)="/([^"#]+\.(?:css|js|svg))"', body)))
    assert len(files) >= 4, files
    assert [file for file in files if get(nginx["base"] + file)[0] != 200] == []


def test_fingerprinted_assets_are_cached_for_a_year_with_every_header(built_site, nginx):
    assets = sorted(path.relative_to(built_site).as_posix() for path in built_site.glob("assets/**/*.min.*")
                    if re.search(r"\.[0-9a-f]{8}\.min\.(css|js)$", path.name))
    assert len(assets) >= 2
    for asset in assets:
        status, headers, _ = get(nginx["base"] + asset)
        assert status == 200, asset
        assert_security_headers(headers, asset)
        max_age = int(re.search(r"max-age=(\d+)", headers.get("Cache-Control", "max-age=0")).group(1))
        assert max_age >= 31536000, (asset, headers.get("Cache-Control"))
    status, headers, _ = get(nginx["base"] + "assets/stylesheets/main.00000000.min.css")
    assert status == 404 and headers.get("X-Frame-Options") == "DENY"
    # pages are not cached for a year: a corrected crisis number must reach readers
    assert "max-age" not in (get(nginx["base"])[1].get("Cache-Control") or "")


@pytest.mark.parametrize("path", ["", "sv/what-is-a-cetr/", "search/search_index.json"])
def test_gzip_with_vary(nginx, built_site, path):
    status, headers, body = get(nginx["base"] + path, gzip_ok=True)
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in (headers.get("Vary") or "")
    expected = built_site / (path + ("index.html" if path.endswith("/") or not path else ""))
    assert body == expected.read_text(encoding="utf-8")


def test_plain_http_redirects_to_https(nginx):
    request = urllib.request.Request(f"http://127.0.0.1:{HTTP_PORT}/sv/", headers={"Host": "cetr.example.org"})
    try:
        _OPENER.open(request, timeout=10)
        raise AssertionError("no redirect")
    except urllib.error.HTTPError as error:
        assert error.code == 301
        assert error.headers["Location"] == "https://cetr.example.org/sv/"
        assert error.headers["Server"] == "nginx"
