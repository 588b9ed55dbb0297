"""The XmR control chart: one area's values over time, the centre line and natural process
limits, with the points that signal a special cause marked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from stocktake.web.charts.svg import (
    BLACK,
    BLUE,
    RED,
    Chart,
    LegendItem,
    Scale,
    date_ticks,
    day,
    element,
    frame_svg,
    legend,
    line_sample,
    marker,
    nice_ticks,
    polyline,
    x_axis,
    y_axis,
)
from stocktake.web.measure_presenters import figure

LIMIT_DASH = "8 5"
RULE_WORDS = {
    "beyond_limits": "beyond a process limit",
    "run_of_8": "one of 8 or more in a row on one side of the centre",
    "trend_of_6": "one of 6 or more rising or falling in a row",
    "two_of_three": "two of three beyond two sigma on one side",
}


@dataclass(frozen=True)
class ControlPoint:
    period: dt.date
    value: float
    rules: tuple[str, ...]


def control_chart(
    *,
    key: str,
    measure: str,
    area: str,
    unit: str,
    points: Sequence[ControlPoint],
    centre: float | None,
    lower: float | None,
    upper: float | None,
) -> Chart:
    """The chart of ``points`` (at least one, in period order) and their XmR limits."""
    title = f"{measure}: control chart, {area}"
    signals = [p for p in points if p.rules]
    if centre is None or lower is None or upper is None:
        summary = f"{area}: too few values for process limits."
    else:
        summary = (
            f"{area}: {len(points)} values with a mean of {figure(centre, unit)} and natural "
            f"process limits of {figure(lower, unit)} to {figure(upper, unit)}. "
            + (
                f"{len(signals)} {'point signals' if len(signals) == 1 else 'points signal'} "
                "a special cause, "
                f"the latest in {signals[-1].period:%B %Y}."
                if signals
                else "No point signals a special cause: the variation is common-cause noise."
            )
        )
    width, height, left, right = 720, 360, 70, 700
    legend_svg, legend_height = legend(
        [
            LegendItem("Value", line_sample(BLACK, shape="circle")),
            LegendItem("Special cause", marker(12, 6, "square", RED, 5)),
            LegendItem("Mean", line_sample(BLUE)),
            LegendItem("Process limits", line_sample(RED, LIMIT_DASH)),
        ],
        x=left,
        y=8,
        width=right - left,
    )
    top, bottom = 10 + legend_height, height - 28
    values = [p.value for p in points] + [v for v in (lower, upper) if v is not None]
    ticks = nice_ticks(min(values, default=0), max(values, default=1))
    first, last = points[0].period, points[-1].period
    x = Scale(day(first), day(last), left, right)
    y = Scale(ticks[0], ticks[-1], bottom, top)
    parts = [
        legend_svg,
        y_axis(y, ticks, left=left, right=right, label=lambda v: figure(v, unit)),
        x_axis(
            x,
            [day(d) for d in date_ticks(first, last, count=6)],
            bottom=bottom,
            label=lambda v: f"{dt.date.fromordinal(int(v)):%b %Y}",
        ),
    ]
    for value, colour, dash in (
        (centre, BLUE, None),
        (lower, RED, LIMIT_DASH),
        (upper, RED, LIMIT_DASH),
    ):
        if value is not None:
            parts.append(
                element(
                    "line",
                    x1=left,
                    y1=y(value),
                    x2=right,
                    y2=y(value),
                    stroke=colour,
                    stroke_width=2,
                    stroke_dasharray=dash,
                )
            )
    placed = [(x(day(p.period)), y(p.value), p) for p in points]
    parts.append(polyline([(px, py) for px, py, _ in placed], stroke=BLACK, stroke_width=2))
    for px, py, point in placed:
        parts.append(
            marker(px, py, "square", RED, 5)
            if point.rules
            else marker(px, py, "circle", BLACK, 3.5)
        )
    svg = frame_svg(
        key=key, title=title, summary=summary, width=width, height=height, body="".join(parts)
    )
    table = {
        "caption": f"{measure}, {area}: values and special-cause signals",
        "captionClasses": "govuk-table__caption--s",
        "head": [{"text": "Period"}, {"text": "Value", "format": "numeric"}, {"text": "Signal"}],
        "rows": [
            [
                {"text": f"{p.period:%B %Y}"},
                {"text": figure(p.value, unit), "format": "numeric"},
                {"text": "; ".join(RULE_WORDS.get(r, r) for r in p.rules).capitalize() or "None"},
            ]
            for p in points
        ],
        "firstCellIsHeader": True,
    }
    return Chart(key=key, title=title, summary=summary, svg=svg, table=table)
