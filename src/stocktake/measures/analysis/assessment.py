"""The assessment of every series (measure and area) at a date: actual against trajectory, the
trend projected to the target date, and the movement since the previous assessment.

All series are assessed together: one pass over the observations picks each series' recent
window (the frame is sorted, so a series is a run of rows), the trend is fitted to every window at
once (:mod:`.trend`), and the rest is column arithmetic and joins over one row per series.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from stocktake.measures.analysis.distributions import normal_cdf
from stocktake.measures.analysis.frames import (
    SortedSeries,
    check_measures,
    check_observations,
    check_targets,
    check_trajectories,
)
from stocktake.measures.analysis.months import day_number, month_index, month_number
from stocktake.measures.analysis.trend import prediction_se, t_multiplier, theil_sen
from stocktake.periods import MONTHS_IN, months_later

STATUSES = ("no_data", "off_track", "on_track", "ahead")  # in order of merit
MOVEMENTS = ("improved", "worsened", "unchanged", "new")
STALE_AFTER_PERIODS = 2
INTERVAL_COVERAGE = 0.95
COLUMNS = (
    "measure",
    "area",
    "period",
    "actual",
    "trajectory",
    "variance",
    "variance_pct",
    "status",
    "projection",
    "projection_low",
    "projection_high",
    "probability",
    "stale",
    "previous_status",
    "movement",
    "target_value",
    "target_date",
)


def assess(
    *,
    observations: pl.DataFrame,
    trajectories: pl.DataFrame,
    targets: pl.DataFrame,
    measures: pl.DataFrame,
    as_of: dt.date,
    trend_window: int = 12,
) -> pl.DataFrame:
    """Assess every series with an observation on or before ``as_of`` or a target.

    Inputs follow the contracts in :mod:`.frames` (and are checked against them). Returns one row
    per (measure, area), sorted by both, with the columns of :data:`COLUMNS`:

    - ``period``, ``actual``: the latest observation on or before ``as_of``.
    - ``trajectory``: the planned value for that period, interpolated linearly (by day) between
      the trajectory points either side; null before the first point or after the last.
    - ``variance`` = actual - trajectory; ``variance_pct`` = variance / |trajectory| x 100 (null
      when the trajectory is 0).
    - ``status``: ``ahead`` when the actual is better than the trajectory (higher, or lower for
      lower-is-better measures) by more than ``tolerance_pct`` % of |trajectory|; ``off_track``
      when worse by more than that; ``on_track`` within the band, edges included; ``no_data``
      when there is no actual or no trajectory value for its period.
    - ``projection``: the Theil-Sen line through the last ``trend_window`` observations (by
      month), evaluated at the month of ``target_date``; null without a target or with fewer
      than two observations. ``projection_low``/``_high``: the 95% prediction interval
      projection +/- t(0.975, n-2) x se, with se from :func:`.trend.prediction_se`; null below
      four observations (see :data:`.trend.INTERVAL_MIN_POINTS`).
    - ``probability``: of reaching the target, Phi((projection - target) / se), turned round for
      lower-is-better measures; 1 or 0 when se is 0 (a perfect line).
    - ``stale``: the latest period is more than two periods of the measure's frequency before
      the month of ``as_of`` (monthly: before two months ago; quarterly: six; annual: 24); true
      when there is no observation at all.
    - ``previous_status``: the status at the previous assessment, ``as_of`` less one period of
      the measure's frequency, on the data as it stands (revisions included).
    - ``movement``: ``new`` when the previous assessment had no actual and this one has;
      otherwise ``improved``, ``worsened`` or ``unchanged`` by the order of :data:`STATUSES`.
    - ``target_value``, ``target_date``: the target used: the earliest on or after ``as_of``,
      else the latest.
    """
    if trend_window < 2:
        raise ValueError("The trend window needs at least two observations.")
    measures = check_measures(measures=measures)
    observations = check_observations(observations=observations, measures=measures)
    trajectories = check_trajectories(trajectories=trajectories)
    targets = _current_targets(check_targets(targets=targets, measures=measures), as_of=as_of)

    series, x, y = _recent_windows(observations, as_of=as_of, window=trend_window)
    series = pl.concat([series, theil_sen(x=x, y=y)], how="horizontal").join(
        measures, on="measure", how="left", maintain_order="left"
    )
    series = _with_previous_actual(series, as_of=as_of)
    series = _with_trajectories(series, trajectories=trajectories)
    series = _with_targets(series, targets=targets, measures=measures)
    return _finish(series, as_of=as_of, window=trend_window)


def _current_targets(targets: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    """One target per series: the earliest due on or after ``as_of``, else the latest."""
    if not targets.select(pl.struct("measure", "area").is_duplicated().any()).item():
        return targets.select("measure", "area", "target_value", "target_date")
    passed = pl.col("target_date") < as_of
    days = pl.col("target_date").to_physical()
    return (
        targets.sort("measure", "area", passed, pl.when(passed).then(-days).otherwise(days))
        .unique(subset=["measure", "area"], keep="first", maintain_order=True)
        .select("measure", "area", "target_value", "target_date")
    )


def _recent_windows(
    observations: SortedSeries, *, as_of: dt.date, window: int
) -> tuple[pl.DataFrame, np.ndarray, np.ndarray]:
    """Each series' latest observation on or before ``as_of`` and its last ``window``.

    Returns one row per series (``measure``, ``area``, ``period``, ``actual``, ``month``: months
    since 1970 of the period, ``previous_period``, ``previous_actual``: the observation before
    the latest) and two (series x window) arrays, right-aligned and NaN-padded: the months of the
    window's observations counted back from the latest (0, -1, ...), and their values.
    """
    frame, starts, ends = observations.frame, observations.starts, observations.ends
    days = frame["period"].to_physical().to_numpy()
    values = frame["value"].to_numpy()
    if len(days) and days.max() > day_number(as_of):
        # Periods rise within a series, so those on or before as_of are a prefix of it.
        ends = starts + np.add.reduceat(days <= day_number(as_of), starts)
        keep = ends > starts
        starts, ends = starts[keep], ends[keep]
    rows = ends[:, None] - window + np.arange(window)
    present = rows >= starts[:, None]
    rows = np.where(present, rows, ends[:, None] - 1)
    months = month_index(days[rows])
    latest, before = ends - 1, np.maximum(ends - 2, starts)
    x = np.where(present, months - months[:, -1:], np.nan)
    y = np.where(present, values[rows], np.nan)
    has_previous = pl.Series(ends - starts >= 2)
    series = pl.DataFrame(
        {
            "measure": frame["measure"].gather(latest),
            "area": frame["area"].gather(latest),
            "period": pl.Series(days[latest]).cast(pl.Date),
            "actual": values[latest],
            "month": months[:, -1],
            "previous_period": pl.Series(days[before]).cast(pl.Date),
            "previous_actual": values[before],
        }
    ).with_columns(pl.when(has_previous).then(pl.col("previous_period", "previous_actual")))
    return series, x, y


def _with_previous_actual(series: pl.DataFrame, *, as_of: dt.date) -> pl.DataFrame:
    """``before_period`` and ``before_actual``: what the previous assessment (``as_of`` less one
    period of the measure's frequency) saw: the latest observation if it was in by then, else
    the one before it (periods are a whole period apart, so that one was)."""
    previous_as_of = pl.col("frequency").replace_strict(
        {name: months_later(as_of, -months) for name, months in MONTHS_IN.items()},
        return_dtype=pl.Date,
    )
    already_in = pl.col("period") <= previous_as_of
    return series.with_columns(
        before_period=pl.when(already_in).then("period").otherwise("previous_period"),
        before_actual=pl.when(already_in).then("actual").otherwise("previous_actual"),
    ).drop("previous_period", "previous_actual")


def _with_trajectories(series: pl.DataFrame, *, trajectories: SortedSeries) -> pl.DataFrame:
    """``trajectory`` and ``before_trajectory``: the planned values for ``period`` and
    ``before_period``, interpolated linearly by day between the points either side.

    With the trajectories numbered in their sorted order, a key of (trajectory number, day)
    orders all points at once, and one binary search finds each lookup's neighbours.
    """
    points, starts = trajectories.frame, trajectories.starts
    if not points.height:
        return series.with_columns(
            trajectory=pl.lit(None, dtype=pl.Float64),
            before_trajectory=pl.lit(None, dtype=pl.Float64),
        )
    numbers = np.repeat(np.arange(len(starts)), trajectories.ends - starts)
    keys = points.select("measure", "area")[starts].with_columns(
        trajectory=pl.Series(np.arange(len(starts)))
    )
    trajectory = (
        series.select("measure", "area")
        .join(keys, on=["measure", "area"], how="left", maintain_order="left")["trajectory"]
        .fill_null(-1)
        .to_numpy()
    )
    days = points["period"].to_physical().to_numpy().astype(np.int64)
    values = points["value"].to_numpy()
    ordering = (numbers << 32) + days + 2**31
    planned = {}
    for name, column in (("trajectory", "period"), ("before_trajectory", "before_period")):
        wanted = series[column].to_physical().fill_null(0).to_numpy().astype(np.int64)
        at = np.searchsorted(ordering, (trajectory << 32) + wanted + 2**31, side="right") - 1
        after = np.minimum(at + 1, len(numbers) - 1)
        at = np.maximum(at, 0)
        found = (
            (trajectory >= 0)
            & (numbers[at] == trajectory)
            & series[column].is_not_null().to_numpy()
        )
        exact = found & (days[at] == wanted)
        between = found & ~exact & (numbers[after] == trajectory) & (days[after] > wanted)
        share = (wanted - days[at]) / np.where(between, days[after] - days[at], 1)
        interpolated = values[at] + (values[after] - values[at]) * share
        planned[name] = np.where(exact, values[at], np.where(between, interpolated, np.nan))
    return series.with_columns(pl.DataFrame(planned, nan_to_null=True))


def _with_targets(
    series: pl.DataFrame, *, targets: pl.DataFrame, measures: pl.DataFrame
) -> pl.DataFrame:
    """``target_value`` and ``target_date`` for each series, and a row for each target without
    observations, in its place in (measure, area) order."""
    keys = ["measure", "area"]
    found = targets.join(series.select(keys).with_row_index("row"), on=keys, how="left")
    series = series.with_row_index("row").join(
        found.filter(pl.col("row").is_not_null()).select("row", "target_value", "target_date"),
        on="row",
        how="left",
        maintain_order="left",
    )
    missing = (
        found.filter(pl.col("row").is_null())
        .sort(keys)
        .join(measures, on="measure", how="left", maintain_order="left")
        .with_columns(count=pl.lit(0, dtype=pl.UInt32))
    )
    if not missing.height:
        return series.drop("row")
    # Where each missing series goes among the others (both sorted), and so every row's place.
    before = (
        series.select(pl.struct(keys))
        .to_series()
        .search_sorted(missing.select(pl.struct(keys)).to_series(), side="left")
        .to_numpy()
    )
    places = np.concatenate(
        [
            np.arange(series.height)
            + np.searchsorted(before, np.arange(series.height), side="right"),
            before + np.arange(missing.height),
        ]
    )
    order = np.empty_like(places)
    order[places] = np.arange(len(places))
    return pl.concat([series.drop("row"), missing], how="diagonal_relaxed")[order]


def _status(actual: pl.Expr, trajectory: pl.Expr) -> pl.Expr:
    better = pl.when(pl.col("direction") == "lower").then(-1.0).otherwise(1.0)
    gain = (actual - trajectory) * better
    band = pl.col("tolerance_pct") / 100 * trajectory.abs()
    return (
        pl.when(actual.is_null() | trajectory.is_null())
        .then(pl.lit("no_data"))
        .when(gain > band)
        .then(pl.lit("ahead"))
        .when(gain < -band)
        .then(pl.lit("off_track"))
        .otherwise(pl.lit("on_track"))
    )


def _finish(frame: pl.DataFrame, *, as_of: dt.date, window: int) -> pl.DataFrame:
    """The output columns, from the series' facts, fits, trajectories and targets."""
    actual, trajectory, target = pl.col("actual"), pl.col("trajectory"), pl.col("target_value")
    better = pl.when(pl.col("direction") == "lower").then(-1.0).otherwise(1.0)
    target_date = pl.col("target_date")
    target_month = (target_date.dt.year().cast(pl.Int64) - 1970) * 12 + target_date.dt.month() - 1
    frame = frame.with_columns(
        target_x=target_month - pl.col("month"),
        status=_status(actual, trajectory),
        previous_status=_status(pl.col("before_actual"), pl.col("before_trajectory")),
    )
    projection = pl.when(pl.col("count") >= 2).then(
        pl.col("intercept") + pl.col("slope") * pl.col("target_x")
    )
    frame = frame.with_columns(
        projection=projection,
        se=prediction_se(at=pl.col("target_x")),
        t=t_multiplier(count=pl.col("count"), coverage=INTERVAL_COVERAGE, window=window),
    )
    margin = (pl.col("projection") - target) * better
    se = pl.col("se")
    probability = (
        pl.when(se > 0)
        .then(normal_cdf(margin / se))
        .when(se == 0)
        .then(pl.when(margin >= 0).then(1.0).otherwise(0.0))
    )
    stale_before = month_number(as_of) - STALE_AFTER_PERIODS * pl.col("frequency").replace_strict(
        MONTHS_IN, return_dtype=pl.Int64
    )
    merit = {name: rank for rank, name in enumerate(STATUSES)}
    status, previous_status = pl.col("status"), pl.col("previous_status")
    movement = (
        pl.when(pl.col("before_actual").is_null() & actual.is_not_null())
        .then(pl.lit("new"))
        .when(status == previous_status)
        .then(pl.lit("unchanged"))
        .when(status.replace_strict(merit) > previous_status.replace_strict(merit))
        .then(pl.lit("improved"))
        .otherwise(pl.lit("worsened"))
    )
    variance = actual - trajectory
    half_width = pl.col("t") * se
    return frame.select(
        "measure",
        "area",
        "period",
        "actual",
        "trajectory",
        variance=variance,
        variance_pct=pl.when(trajectory != 0).then(variance / trajectory.abs() * 100),
        status=status,
        projection="projection",
        projection_low=pl.col("projection") - half_width,
        projection_high=pl.col("projection") + half_width,
        probability=probability,
        stale=pl.col("month").is_null() | (pl.col("month") < stale_before),
        previous_status=previous_status,
        movement=movement,
        target_value=target,
        target_date=target_date,
    )
