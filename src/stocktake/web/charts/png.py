"""A chart as a PNG image, for documents and slides that do not take SVG (resvg draws it)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import resvg_py

from stocktake.web.charts.svg import Chart

# The charts name GOV.UK's typeface, then Arial; an image is drawn with Debian's metric twin of
# Arial (fonts-liberation) or, failing that, DejaVu Sans (which every Debian system has).
FONTS = (
    ("Liberation Sans", Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")),
    ("DejaVu Sans", Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")),
)
_VIEW_BOX = re.compile(r'viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"')


def chart_png(chart: Chart, *, scale: float = 2.0) -> bytes:
    """The chart drawn at ``scale`` times its own size, on white, as PNG bytes."""
    size = _VIEW_BOX.search(chart.svg)
    if size is None:
        raise ValueError(f"The chart {chart.key!r} has no viewBox to size it by.")
    return resvg_py.svg_to_bytes(
        svg_string=str(chart.svg),
        width=round(float(size.group(1)) * scale),
        height=round(float(size.group(2)) * scale),
        background="#ffffff",
        sans_serif_family=_sans_serif(),
        font_family=_sans_serif(),
    )


@cache
def _sans_serif() -> str:
    return next((family for family, file in FONTS if file.exists()), FONTS[-1][0])
