"""QR codes for printed pages and leaflets: made at build time by segno (pure Python, no network),
as inline SVG with no style attribute (the site's Content-Security-Policy allows no inline styles)."""

from __future__ import annotations

import html

import segno


def qr_svg(url: str, label: str, css_class: str = "cetr-qr") -> str:
    """An <svg> that a phone camera reads as `url`. `label` is its accessible name."""
    # Error correction M (15 %) survives a folded or smudged leaflet; 4 modules of quiet zone, as the standard asks.
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass=css_class, lineclass=None, dark="#000", light="#fff")
    # A named picture for screen readers; crisp edges so no hairline gaps appear between modules.
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label)}" shape-rendering="crispEdges" ', 1)
