"""Build hook: the offline copy (CETR_OFFLINE=true) loads nothing from another host.

Material's offline plugin adds https://unpkg.com/iframe-worker/shim so that search works from
file://. The site ships its own copy (docs/assets/javascripts/iframe-worker-shim.js); naming it
first stops the plugin from adding the unpkg one.
"""

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/iframe-worker-shim.js"


@event_priority(100)  # before the offline plugin's on_config
def on_config(config):
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [SHIM]
    return config
