"""Build hook: a one-page leaflet with a QR code for each key page in each version (leaflets/*.yml).

Each leaflet is an HTML page with its own print stylesheet (assets/stylesheets/leaflet.css), at
/leaflets/<short address>/, /sv/leaflets/<short address>/ and /en-easy/leaflets/<short address>/.
It shows the page's title, its key points, the local contact from local.yml, the page's short
address in large type and a QR code (segno, inline SVG, made here: no network) that opens the page
in the same version at site_url. `make leaflets` also prints them to PDF (scripts/leaflets_pdf.py).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

import _project  # noqa: F401  (the project root on sys.path: see _project.py)
from scripts import leaflets_file, redirects_file, site_versions
from scripts.checker.load import load_pictures
from scripts.local_settings import SettingsError, TokenError, load_settings, phone_href, render_token
from scripts.qr_code import qr_svg

PICTURES = Path(_project.ROOT) / "docs" / "assets" / "pictures"

# (version, page file) -> title, description, url of the built page. Filled while the i18n plugin
# builds each version (one build per version, in this process), read once all are built.
_pages: dict[tuple[str, str], dict] = {}


def on_page_context(context, page, config, nav):
    version, name = page.file.src_uri.split("/", 1)
    _pages[(version, name)] = {
        "title": page.meta.get("title") or page.title,
        "description": page.meta.get("description", ""),
        "url": config.site_url.rstrip("/") + "/" + page.url,
        "path": page.url,
        "site_name": config.site_name,  # the i18n plugin sets each version's own while it builds it
    }
    return context


def _alt_texts() -> dict[str, str]:
    """Each Easy Read picture's alt text, read as the checker's Easy Read rules read pictures.yml."""
    pictures, problems = load_pictures(PICTURES / "pictures.yml", "docs/assets/pictures/pictures.yml")
    if problems or pictures is None:
        raise PluginError("\n".join(f"{p.path}:{p.line}: {p.rule}: {p.message}" for p in problems) or "pictures.yml lists no picture")
    return {name: picture.alt for name, picture in pictures.items()}


def _contact(settings, name: str, version: str, where: str) -> dict:
    try:
        contact = settings.get(f"contacts.{name}")
    except KeyError:
        contact = None
    if not isinstance(contact, dict) or "name" not in contact:
        raise PluginError(f"{where}: contact: '{name}' is not a contact in local.yml (contacts:)")
    hours = None
    if "hours" in contact:
        hours = render_token(settings, f"local.contacts.{name}.hours", version)
    phone = str(contact["phone"]) if "phone" in contact else None
    return {"name": str(contact["name"]), "phone": phone, "tel": phone_href(phone) if phone else None,
            "email": contact.get("email"), "hours": hours}


def leaflet_context(leaflet, version, short: str, config, settings, alt_texts: dict) -> dict:
    where = f"leaflets/{leaflet.version}.yml:{leaflet.line}"
    page = _pages[(leaflet.version, leaflet.page)]
    points = [{"text": point.text, "picture": point.picture, "alt": alt_texts.get(point.picture or "", "")}
              for point in leaflet.points]
    prefix = version.prefix
    short_url = config.site_url.rstrip("/") + "/" + f"{prefix}{short}/"
    printed = short_url.split("://", 1)[-1]
    depth = (prefix + f"leaflets/{short}/").count("/")  # folders between the leaflet and the site's root
    return {
        "lang": version.html_lang,
        "root": "../" * depth,
        "title": page["title"],
        "description": page["description"],
        "site_name": page["site_name"],
        "url": page["url"],
        "href": "../" * depth + page["path"],  # on screen: the page in this copy of the site (offline too)
        "printed": printed,
        "qr": qr_svg(page["url"], f"QR: {page['url']}", "leaflet__qr"),
        "points": points,
        "pictures": any(point["picture"] for point in points),
        "area": render_token(settings, "local.area_name", leaflet.version),
        "contact": _contact(settings, leaflet.contact, leaflet.version, where),
    }


@event_priority(-300)  # after the i18n plugin has built every version, like the redirects
def on_post_build(config):
    plugin = config.plugins["i18n"]
    if plugin.building:
        return  # a nested build of one version: the outer build writes the leaflets
    try:
        shorts = redirects_file.short_addresses(redirects_file.load())
        settings = load_settings(versions=site_versions.of_build(config))
    except redirects_file.RedirectsError as error:
        raise PluginError(str(error))
    except SettingsError as error:
        raise PluginError(f"local.yml:{error.problem.line}: {error.problem.message}")
    alt_texts = _alt_texts()
    env = config.theme.get_env()
    template = env.get_template("leaflet.html")
    site = Path(config.site_dir)
    for version in site_versions.of_build(config):
        try:
            leaflets = leaflets_file.load(version.code, pictures=version.easy_read)
        except leaflets_file.LeafletsError as error:
            raise PluginError(str(error))
        pages = {name for (code, name) in _pages if code == version.code and (Path(config.docs_dir) / code / name).is_file()}
        contacts = set((settings.data.get("contacts") or {}))
        for leaflet in leaflets:
            found = leaflets_file.problems(leaflet, pages, shorts, contacts, set(alt_texts))
            if found:
                raise PluginError("\n".join(str(problem) for problem in found))
            short = shorts[leaflet.page]
            try:
                context = leaflet_context(leaflet, version, short, config, settings, alt_texts)
            except TokenError as error:
                raise PluginError(f"leaflets/{version.code}.yml:{leaflet.line}: {error}")
            html = template.render(config=config, leaflet=context, i18n_page_locale=version.code)
            out = site / posixpath.join(version.prefix, "leaflets", short, "index.html")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(html, encoding="utf-8")
