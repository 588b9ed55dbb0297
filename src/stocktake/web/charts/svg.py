"""The pieces every chart is drawn with: the chart itself, scales, ticks and SVG elements."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# GOV.UK colours, each at least 3:1 against white: text and axes, and the series.
BLACK = "#0b0c0c"
DARK_GREY = "#505a5f"
MID_GREY = "#b1b4b6"
BLUE = "#1d70b8"
RED = "#d4351c"
PINK = "#d53880"
GREEN = "#00703c"
FONT = 'font-family="GDS Transport, arial, sans-serif"'

Point = tuple[float, float]
_NUMBERS = (int, float)


@dataclass(frozen=True)
class Chart:
    """A chart with what makes it accessible: its ``key`` (unique on the page, for ids), its
    ``title``, a ``summary`` in words, the ``svg`` and the numbers as govukTable parameters
    (none for a small multiple: its page has a table of them all)."""

    key: str
    title: str
    summary: str
    svg: Markup
    table: dict[str, Any]


@dataclass(frozen=True)
class Scale:
    """A linear map from data values (``low``..``high``) to pixels (``start``..``end``)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = self.high - self.low or 1.0
        return round(self.start + (value - self.low) / span * (self.end - self.start), 2)


def day(value: dt.date) -> float:
    """A date as a number a scale can place."""
    return float(value.toordinal())


def nice_ticks(low: float, high: float, *, count: int = 5) -> list[float]:
    """Round numbers from at or below ``low`` to at or above ``high``, about ``count`` of them."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high <= low:
        high = low + (abs(low) or 1.0)
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks, value = [], first
    while value < high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


def date_ticks(first: dt.date, last: dt.date, *, count: int = 5) -> list[dt.date]:
    """January (or every month, quarter or half year, as the span needs) between two dates."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next(s for s in (1, 3, 6, 12, 24, 60) if months / s <= count)
    start_index = first.year * 12 + first.month - 1
    start_index += -start_index % step
    ticks = []
    for index in range(start_index, last.year * 12 + last.month, step):
        ticks.append(dt.date(index // 12, index % 12 + 1, 1))
    return ticks or [first]


def attributes(**values: Any) -> str:
    """SVG attributes from keyword arguments (``stroke_width`` becomes ``stroke-width``).
    Numbers, most of a chart's values, need no escaping."""
    parts = []
    for name, value in values.items():
        if value is not None:
            shown = value if type(value) in _NUMBERS else escape(value)
            parts.append(f'{name.rstrip("_").replace("_", "-")}="{shown}"')
    return " ".join(parts)


def element(name: str, content: str = "", **values: Any) -> str:
    if content:
        return f"<{name} {attributes(**values)}>{content}</{name}>"
    return f"<{name} {attributes(**values)}/>"


def text(x: float, y: float, words: str, **values: Any) -> str:
    values.setdefault("font_size", 13)
    values.setdefault("fill", BLACK)
    return f"<text {attributes(x=x, y=y, **values)} {FONT}>{escape(words)}</text>"


def polyline(points: Iterable[Point], **values: Any) -> str:
    coordinates = " ".join(f"{x},{y}" for x, y in points)
    return element("polyline", points=coordinates, fill="none", **values) if coordinates else ""


def marker(x: float, y: float, shape: str, colour: str, size: float = 4) -> str:
    """A point drawn as a circle, square, diamond, or triangle pointing up or down."""
    if shape == "circle":
        return element("circle", cx=x, cy=y, r=size, fill=colour)
    if shape == "square":
        return element("rect", x=x - size, y=y - size, width=2 * size, height=2 * size, fill=colour)
    corners = {
        "diamond": [(0, -1.4), (1.4, 0), (0, 1.4), (-1.4, 0)],
        "up": [(0, -1.4), (1.3, 1), (-1.3, 1)],
        "down": [(0, 1.4), (1.3, -1), (-1.3, -1)],
    }[shape]
    points = " ".join(f"{round(x + dx * size, 2)},{round(y + dy * size, 2)}" for dx, dy in corners)
    return element("polygon", points=points, fill=colour, stroke="#ffffff", stroke_width=1)


@dataclass(frozen=True)
class LegendItem:
    label: str
    sample: str  # SVG drawn in a 24 x 12 box at the origin


def legend(items: Sequence[LegendItem], *, x: float, y: float, width: float) -> tuple[str, float]:
    """The legend laid out in rows from (x, y); returns the SVG and the height it takes."""
    parts, left, top = [], x, y
    for item in items:
        item_width = 34 + 7.5 * len(item.label)
        if left + item_width > x + width and left > x:
            left, top = x, top + 22
        parts.append(f'<g transform="translate({left},{top})">{item.sample}</g>')
        parts.append(text(left + 30, top + 11, item.label))
        left += item_width + 12
    return "".join(parts), top - y + 22


def line_sample(colour: str, dash: str | None = None, shape: str | None = None) -> str:
    sample = element(
        "line", x1=0, y1=6, x2=24, y2=6, stroke=colour, stroke_width=2.5, stroke_dasharray=dash
    )
    return sample + (marker(12, 6, shape, colour) if shape else "")


def frame_svg(*, key: str, title: str, summary: str, width: int, height: int, body: str) -> Markup:
    """The ``<svg>`` element: an image labelled by its own title and description."""
    return Markup(  # noqa: S704 - every piece of text inside went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart__svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="100%" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{escape(key)}-title {escape(key)}-desc" focusable="false">'
        f'<title id="{escape(key)}-title">{escape(title)}</title>'
        f'<desc id="{escape(key)}-desc">{escape(summary)}</desc>{body}</svg>'
    )


def y_axis(scale: Scale, ticks: Sequence[float], *, left: float, right: float, label: Any) -> str:
    """Horizontal gridlines with their values at the left."""
    parts = []
    for tick in ticks:
        y = scale(tick)
        parts.append(element("line", x1=left, y1=y, x2=right, y2=y, stroke="#e0e2e3"))
        parts.append(text(left - 6, y + 4, label(tick), text_anchor="end", font_size=12))
    return "".join(parts)


def x_axis(scale: Scale, ticks: Sequence[float], *, bottom: float, label: Any) -> str:
    """The baseline with ticks and their labels underneath."""
    parts = [element("line", x1=scale.start, y1=bottom, x2=scale.end, y2=bottom, stroke=DARK_GREY)]
    for tick in ticks:
        x = scale(tick)
        parts.append(element("line", x1=x, y1=bottom, x2=x, y2=bottom + 5, stroke=DARK_GREY))
        parts.append(text(x, bottom + 19, label(tick), text_anchor="middle", font_size=12))
    return "".join(parts)
