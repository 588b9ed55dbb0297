"""Actuals against the trajectory and the target, with the trend's projection band; and the
same drawing small, for small multiples by area."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from stocktake.web.charts.svg import (
    BLACK,
    BLUE,
    DARK_GREY,
    MID_GREY,
    PINK,
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
    text,
    x_axis,
    y_axis,
)
from stocktake.web.measure_presenters import figure, status_label

TRAJECTORY_DASH = "8 5"
PROJECTION_DASH = "2 4"


@dataclass(frozen=True)
class Projection:
    """Where the trend lands at the target date, with its 95% interval (None below 4 points)."""

    value: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class SeriesView:
    """One measure in one area, as a chart shows it."""

    measure: str
    area: str
    unit: str
    status: str
    actuals: Sequence[tuple[dt.date, float]]
    planned: Sequence[tuple[dt.date, float]]
    target: tuple[dt.date, float] | None = None
    projection: Projection | None = None


def summary_of(view: SeriesView) -> str:
    """The chart in words: the latest value against plan, and where the trend is heading."""
    if not view.actuals:
        return f"{view.area}: no values have been recorded for {view.measure}."
    period, actual = view.actuals[-1]
    planned = dict(view.planned).get(period)
    words = [f"{view.area}: {figure(actual, view.unit)} in {period:%B %Y}"]
    if planned is not None:
        words.append(
            f" against a trajectory of {figure(planned, view.unit)} "
            f"({status_label(view.status).lower()})"
        )
    words.append(".")
    if view.target:
        words.append(f" Target {figure(view.target[1], view.unit)} by {view.target[0]:%B %Y}")
        if view.projection:
            words.append(f"; the trend projects {figure(view.projection.value, view.unit)}")
            if view.projection.low is not None and view.projection.high is not None:
                words.append(
                    f" (95% interval {figure(view.projection.low, view.unit)} to "
                    f"{figure(view.projection.high, view.unit)})"
                )
        words.append(".")
    return "".join(words)


def _table(view: SeriesView, caption: str) -> dict:
    planned = dict(view.planned)
    rows = [
        [
            {"text": f"{period:%B %Y}"},
            {"text": figure(value, view.unit), "format": "numeric"},
            {"text": figure(planned.get(period), view.unit) or "None", "format": "numeric"},
        ]
        for period, value in view.actuals
    ]
    if view.target:
        rows.append(
            [
                {"text": f"Target, {view.target[0]:%B %Y}"},
                {"text": "", "format": "numeric"},
                {"text": figure(view.target[1], view.unit), "format": "numeric"},
            ]
        )
    if view.target and view.projection:
        band = ""
        if view.projection.low is not None and view.projection.high is not None:
            band = (
                f" ({figure(view.projection.low, view.unit)} to "
                f"{figure(view.projection.high, view.unit)})"
            )
        rows.append(
            [
                {"text": f"Trend projected to {view.target[0]:%B %Y}"},
                {"text": figure(view.projection.value, view.unit) + band, "format": "numeric"},
                {"text": "", "format": "numeric"},
            ]
        )
    return {
        "caption": caption,
        "captionClasses": "govuk-table__caption--s",
        "head": [
            {"text": "Period"},
            {"text": "Actual", "format": "numeric"},
            {"text": "Trajectory", "format": "numeric"},
        ],
        "rows": rows,
        "firstCellIsHeader": True,
    }


def _extent(view: SeriesView) -> tuple[list[float], list[float]]:
    xs = [day(p) for p, _ in (*view.actuals, *view.planned)]
    ys = [v for _, v in (*view.actuals, *view.planned)]
    if view.target:
        xs.append(day(view.target[0]))
        ys.append(view.target[1])
        if view.projection:
            ys += [
                v
                for v in (view.projection.value, view.projection.low, view.projection.high)
                if v is not None
            ]
    return xs, ys


def trajectory_chart(view: SeriesView, *, key: str, compact: bool = False) -> Chart:
    """The chart of ``view``: full size with axes and a legend, or ``compact`` for small
    multiples (smaller, fewer labels, no legend: the page explains the lines once)."""
    title = view.area if compact else f"{view.measure}: {view.area}"
    summary = summary_of(view)
    # Small multiples leave their numbers to the page's own table.
    table = {} if compact else _table(view, f"{view.measure}, {view.area}")
    width, height = (300, 170) if compact else (720, 380)
    xs, ys = _extent(view)
    if not xs:
        body = text(width / 2, height / 2, "No data", text_anchor="middle", fill=DARK_GREY)
        svg = frame_svg(
            key=key, title=title, summary=summary, width=width, height=height, body=body
        )
        return Chart(key=key, title=title, summary=summary, svg=svg, table=table)
    ticks = nice_ticks(min(ys), max(ys), count=3 if compact else 5)
    left, right = (44, width - 10) if compact else (70, width - 20)
    legend_svg, legend_height = ("", 0.0)
    if not compact:
        legend_svg, legend_height = legend(_legend_items(view), x=left, y=8, width=right - left)
    top, bottom = 10 + legend_height, height - 28
    x = Scale(min(xs), max(xs), left, right)
    y = Scale(ticks[0], ticks[-1], bottom, top)
    first, last = dt.date.fromordinal(int(min(xs))), dt.date.fromordinal(int(max(xs)))
    x_ticks = [day(d) for d in date_ticks(first, last, count=3 if compact else 6)]
    parts = [
        legend_svg,
        y_axis(y, ticks, left=left, right=right, label=lambda v: figure(v, view.unit)),
        x_axis(
            x,
            x_ticks,
            bottom=bottom,
            label=lambda v: f"{dt.date.fromordinal(int(v)):%b %Y}",
        ),
    ]
    parts.append(_projection(view, x, y))
    parts.append(
        polyline(
            [(x(day(p)), y(v)) for p, v in view.planned],
            stroke=BLUE,
            stroke_width=2.5,
            stroke_dasharray=TRAJECTORY_DASH,
        )
    )
    actual_points = [(x(day(p)), y(v)) for p, v in view.actuals]
    parts.append(polyline(actual_points, stroke=BLACK, stroke_width=2.5))
    parts += [marker(px, py, "circle", BLACK, 2.5 if compact else 3.5) for px, py in actual_points]
    if view.target:
        parts.append(
            marker(x(day(view.target[0])), y(view.target[1]), "diamond", PINK, 5 if compact else 6)
        )
    svg = frame_svg(
        key=key, title=title, summary=summary, width=width, height=height, body="".join(parts)
    )
    return Chart(key=key, title=title, summary=summary, svg=svg, table=table)


def _projection(view: SeriesView, x: Scale, y: Scale) -> str:
    """The band from the latest actual to the interval at the target date, and the line."""
    if not (view.target and view.projection and view.actuals):
        return ""
    start = (x(day(view.actuals[-1][0])), y(view.actuals[-1][1]))
    end_x = x(day(view.target[0]))
    parts = []
    if view.projection.low is not None and view.projection.high is not None:
        band = [start, (end_x, y(view.projection.high)), (end_x, y(view.projection.low))]
        parts.append(
            element(
                "polygon",
                points=" ".join(f"{px},{py}" for px, py in band),
                fill=MID_GREY,
                fill_opacity=0.45,
                stroke=DARK_GREY,
                stroke_width=1,
            )
        )
    parts.append(
        polyline(
            [start, (end_x, y(view.projection.value))],
            stroke=DARK_GREY,
            stroke_width=2.5,
            stroke_dasharray=PROJECTION_DASH,
        )
    )
    return "".join(parts)


def _legend_items(view: SeriesView) -> list[LegendItem]:
    items = [
        LegendItem("Actual", line_sample(BLACK, shape="circle")),
        LegendItem("Trajectory", line_sample(BLUE, TRAJECTORY_DASH)),
    ]
    if view.target:
        items.append(LegendItem("Target", marker(12, 6, "diamond", PINK, 6)))
    if view.target and view.projection:
        band = element(
            "rect",
            x=0,
            y=0,
            width=24,
            height=12,
            fill=MID_GREY,
            stroke=DARK_GREY,
            fill_opacity=0.45,
        )
        items.append(
            LegendItem("Projection, 95% interval", band + line_sample(DARK_GREY, PROJECTION_DASH))
        )
    return items
