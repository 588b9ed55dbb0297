"""League table bars: the areas ranked on a measure, best at the top."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from stocktake.web.charts.svg import BLUE, Chart, Scale, element, frame_svg, nice_ticks, text
from stocktake.web.measure_presenters import figure, signed

ROW_HEIGHT = 20


@dataclass(frozen=True)
class LeagueRow:
    area: str
    value: float
    rank: int
    quartile: int
    rank_change: int | None
    improvement: float | None


def _movement(change: int | None) -> str:
    if change is None:
        return "New"
    if change == 0:
        return "No change"
    return f"Up {change}" if change > 0 else f"Down {-change}"


def league_chart(
    *, key: str, measure: str, unit: str, period: str, direction: str, rows: Sequence[LeagueRow]
) -> Chart:
    title = f"{measure}: league table, {period}"
    better = "lower" if direction == "lower" else "higher"
    summary = f"{len(rows)} areas ranked, {better} is better. " + (
        f"First: {rows[0].area} ({figure(rows[0].value, unit)}); "
        f"last: {rows[-1].area} ({figure(rows[-1].value, unit)})."
        if rows
        else ""
    )
    label_width, width = 230, 720
    height = 30 + ROW_HEIGHT * max(len(rows), 1)
    values = [r.value for r in rows] or [0.0]
    ticks = nice_ticks(min(0.0, *values), max(0.0, *values))
    x = Scale(ticks[0], ticks[-1], label_width, width - 80)
    parts = []
    for index, row in enumerate(rows):
        top = 10 + index * ROW_HEIGHT
        start, end = sorted((x(0.0), x(row.value)))
        parts.append(
            text(
                label_width - 8,
                top + 13,
                f"{row.rank}. {row.area}",
                text_anchor="end",
                font_size=12,
            )
        )
        parts.append(
            element(
                "rect",
                x=start,
                y=top + 2,
                width=max(end - start, 1),
                height=ROW_HEIGHT - 6,
                fill=BLUE,
            )
        )
        parts.append(text(end + 6, top + 13, figure(row.value, unit), font_size=12))
    svg = frame_svg(
        key=key, title=title, summary=summary, width=width, height=height, body="".join(parts)
    )
    table = {
        "caption": f"{measure}: areas ranked, {period}",
        "captionClasses": "govuk-table__caption--s",
        "head": [
            {"text": "Rank", "format": "numeric"},
            {"text": "Area"},
            {"text": "Figure", "format": "numeric"},
            {"text": "Quartile", "format": "numeric"},
            {"text": "Since last period"},
            {"text": "Improvement since baseline", "format": "numeric"},
        ],
        "rows": [
            [
                {"text": str(r.rank), "format": "numeric"},
                {"text": r.area},
                {"text": figure(r.value, unit), "format": "numeric"},
                {"text": str(r.quartile), "format": "numeric"},
                {"text": _movement(r.rank_change)},
                {"text": signed(r.improvement, unit), "format": "numeric"},
            ]
            for r in rows
        ],
    }
    return Chart(key=key, title=title, summary=summary, svg=svg, table=table)
