"""Build hook: the offline copy (CETR_OFFLINE=true) loads nothing from another host.

Material's offline plugin adds https://unpkg.com/iframe-worker/shim so that search works from
file://. The site ships its own copy (docs/assets/javascripts/iframe-worker-shim.js); naming it
first stops the plugin from adding the unpkg one.
"""

import re

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/iframe-worker-shim.js"
# A relative link to a folder ("sv/", "../"): from file:// a browser shows a folder listing.
FOLDER_LINK = re.compile(r'href="((?:\.\./|\./)*(?:[\w-]+/)*)"')


@event_priority(100)  # before the offline plugin's on_config
def on_config(config):
    if _offline(config):
        config.extra["polyfills"] = [SHIM]
    return config


def _offline(config) -> bool:
    offline = config.plugins.get("material/offline")
    return offline is not None and offline.config.enabled


def point_folder_links_at_index_pages(html: str) -> str:
    return FOLDER_LINK.sub(lambda m: f'href="{m.group(1) or "./"}index.html"', html)


def on_post_page(output, page, config):
    """Links written by hand in a page (e.g. the home page's link to /sv/) lead to index.html."""
    return point_folder_links_at_index_pages(output) if _offline(config) else output
