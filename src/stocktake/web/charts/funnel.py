"""The funnel plot: each area's rate against its size, inside the limits chance allows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stocktake.web.charts.svg import (
    BLACK,
    BLUE,
    DARK_GREY,
    RED,
    Chart,
    LegendItem,
    Scale,
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

LIMIT_DASH = {"95": "8 5", "998": "2 3"}
SHAPES = {"high": ("up", RED), "low": ("down", RED), None: ("circle", BLACK)}
OUTLIER_WORDS = {"high": "Above the 99.8% limit", "low": "Below the 99.8% limit"}


@dataclass(frozen=True)
class FunnelArea:
    area: str
    numerator: float
    denominator: float
    value: float  # in the measure's unit (a percentage for a percent measure)
    outlier: str | None  # "high" or "low" beyond the 99.8% limits
    alert: str | None  # beyond the 95% limits


@dataclass(frozen=True)
class FunnelLimits:
    """The limits along the denominator axis, in the measure's unit."""

    denominator: float
    lower_998: float
    lower_95: float
    upper_95: float
    upper_998: float


def funnel_chart(
    *,
    key: str,
    measure: str,
    unit: str,
    period: str,
    target: float,
    areas: Sequence[FunnelArea],
    curve: Sequence[FunnelLimits],
) -> Chart:
    title = f"{measure}: funnel plot, {period}"
    high = [a.area for a in areas if a.outlier == "high"]
    low = [a.area for a in areas if a.outlier == "low"]
    summary = (
        f"{len(areas)} areas against the average of {figure(target, unit)}. "
        + (
            f"Above the 99.8% limit: {', '.join(high)}. "
            if high
            else "No area is above the 99.8% limit. "
        )
        + (
            f"Below the 99.8% limit: {', '.join(low)}."
            if low
            else "No area is below the 99.8% limit."
        )
        + " The others differ from the average by no more than chance allows."
    )
    width, height, left, right = 720, 400, 70, 700
    legend_svg, legend_height = legend(
        [
            LegendItem("Area", marker(12, 6, "circle", BLACK)),
            LegendItem("Outlier, high or low", marker(12, 6, "up", RED, 5)),
            LegendItem("Average", line_sample(BLUE)),
            LegendItem("95% limits", line_sample(DARK_GREY, LIMIT_DASH["95"])),
            LegendItem("99.8% limits", line_sample(DARK_GREY, LIMIT_DASH["998"])),
        ],
        x=left,
        y=8,
        width=right - left,
    )
    top, bottom = 10 + legend_height, height - 28
    values = [a.value for a in areas] + [target]
    values += [v for c in curve for v in (c.lower_998, c.upper_998)]
    ticks = nice_ticks(min(values), max(values))
    x_ticks = nice_ticks(0, max([a.denominator for a in areas] + [1]))
    x = Scale(0, x_ticks[-1], left, right)
    y = Scale(ticks[0], ticks[-1], bottom, top)
    parts = [
        legend_svg,
        y_axis(y, ticks, left=left, right=right, label=lambda v: figure(v, unit)),
        x_axis(x, x_ticks, bottom=bottom, label=lambda v: f"{v:,.0f}"),
        element("line", x1=left, y1=y(target), x2=right, y2=y(target), stroke=BLUE, stroke_width=2),
    ]
    for name, dash in (("95", LIMIT_DASH["95"]), ("998", LIMIT_DASH["998"])):
        for side in ("lower", "upper"):
            parts.append(
                polyline(
                    [(x(c.denominator), y(getattr(c, f"{side}_{name}"))) for c in curve],
                    stroke=DARK_GREY,
                    stroke_width=1.5,
                    stroke_dasharray=dash,
                )
            )
    for area in areas:
        shape, colour = SHAPES[area.outlier]
        parts.append(marker(x(area.denominator), y(area.value), shape, colour, 4.5))
    svg = frame_svg(
        key=key, title=title, summary=summary, width=width, height=height, body="".join(parts)
    )
    table = {
        "caption": f"{measure}: each area's figure, size and place in the funnel, {period}",
        "captionClasses": "govuk-table__caption--s",
        "head": [
            {"text": "Area"},
            {"text": "Figure", "format": "numeric"},
            {"text": "Counted", "format": "numeric"},
            {"text": "Against the limits"},
        ],
        "rows": [
            [
                {"text": a.area},
                {"text": figure(a.value, unit), "format": "numeric"},
                {"text": f"{a.denominator:,.0f}", "format": "numeric"},
                {
                    "text": OUTLIER_WORDS.get(a.outlier or "", "")
                    or ("Beyond the 95% limit only" if a.alert else "Within the limits")
                },
            ]
            for a in sorted(areas, key=lambda a: (a.outlier is None, a.alert is None, a.area))
        ],
        "firstCellIsHeader": True,
    }
    return Chart(key=key, title=title, summary=summary, svg=svg, table=table)
