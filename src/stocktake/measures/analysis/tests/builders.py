"""Small input frames for the analysis tests, in the contracts' columns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import polars as pl

from stocktake.measures.analysis.frames import MEASURES, OBSERVATIONS, TARGETS, TRAJECTORIES


def observations(rows: Iterable[tuple[str, str, dt.date, float]]) -> pl.DataFrame:
    """(measure, area, period, value) rows, without denominators, final."""
    frame = pl.DataFrame(
        list(rows), schema=["measure", "area", "period", "value"], orient="row"
    ).with_columns(denominator=pl.lit(None), provisional=pl.lit(value=False))
    return frame.cast(dict(OBSERVATIONS))


def series(
    measure: str, area: str, start: dt.date, values: Iterable[float | None], *, months: int = 1
) -> list[tuple[str, str, dt.date, float]]:
    """Rows for consecutive periods ``months`` apart from ``start``; None leaves a gap."""
    rows = []
    for number, value in enumerate(values):
        index = start.year * 12 + start.month - 1 + number * months
        if value is not None:
            rows.append((measure, area, dt.date(index // 12, index % 12 + 1, 1), value))
    return rows


def trajectories(rows: Iterable[tuple[str, str, dt.date, float]]) -> pl.DataFrame:
    frame = pl.DataFrame(list(rows), schema=["measure", "area", "period", "value"], orient="row")
    return frame.cast(dict(TRAJECTORIES))


def targets(rows: Iterable[tuple]) -> pl.DataFrame:
    """(measure, area, baseline_date, baseline_value, target_date, target_value[, reward])."""
    padded = [(*row, None) if len(row) == 6 else row for row in rows]
    return pl.DataFrame(padded, schema=list(TARGETS), orient="row").cast(dict(TARGETS))


def measures(*rows: tuple[str, str, str, float]) -> pl.DataFrame:
    """(measure, direction, frequency, tolerance_pct) rows."""
    return pl.DataFrame(list(rows), schema=list(MEASURES), orient="row").cast(dict(MEASURES))
