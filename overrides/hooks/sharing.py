"""Build hook: what each page needs to be shared and printed, as `cetr_share` in its template context.

  url        the page's own absolute address (site_url, its version's folder, the page)
  short_url  its short address from redirects.yml (/sv/dsr/), or None
  printed    the address to write on paper: the short one where there is one, without "https://"
  qr         an inline SVG QR code that opens the page (scripts/qr_code.py; no network)
  locale     og:locale of the version (en_GB, sv_SE)
  image      the absolute address of the site's small share picture
  crisis     the local crisis line's name, phone and tel: link, for the printed crisis numbers

The templates that use it: partials/share-meta.html (Open Graph and Twitter card tags),
partials/share.html (the "Share this page" button) and partials/print-footer.html.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import redirects_file, site_versions
from scripts.local_settings import SettingsError, TokenError, load_settings, phone_href, render_token
from scripts.qr_code import qr_svg

SHARE_IMAGE = "assets/pictures/share.png"

_short: dict[str, str] = {}
_settings = None


def on_config(config):
    global _short, _settings
    try:
        _short = redirects_file.short_addresses(redirects_file.load())
    except redirects_file.RedirectsError as error:
        raise PluginError(str(error))
    try:
        _settings = load_settings(versions=site_versions.of_build(config))
    except SettingsError:
        _settings = None  # the local_settings hook reports this with the line
    return config


def absolute(config, path: str) -> str:
    return config.site_url.rstrip("/") + "/" + path.lstrip("/")


def without_scheme(url: str) -> str:
    return url.split("://", 1)[-1]


def share_info(page, config) -> dict:
    version = site_versions.of_build(config).of_source(page.file.src_uri)
    name = page.file.src_uri.split("/", 1)[1]
    url = absolute(config, page.url)
    short = _short.get(name)
    short_url = absolute(config, f"{version.prefix}{short}/") if short else None
    printed = without_scheme(short_url or url)
    crisis = None
    if _settings is not None:
        try:
            phone = _settings.get("contacts.crisis.phone")
            crisis = {"name": render_token(_settings, "local.contacts.crisis.name", version.code),
                      "phone": str(phone), "href": phone_href(str(phone))}
        except (KeyError, TokenError):
            crisis = None  # no local crisis line: the national numbers still print
    return {
        "url": url,
        "short_url": short_url,
        "printed": printed,
        "qr": qr_svg(url, f"{version.strings['qr.label']}: {printed}"),
        "locale": version.strings["og.locale"],
        "image": absolute(config, SHARE_IMAGE),
        "crisis": crisis,
    }


def on_page_context(context, page, config, nav):
    context["cetr_share"] = share_info(page, config)
    return context
