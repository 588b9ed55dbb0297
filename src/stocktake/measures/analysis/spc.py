"""Statistical process control over time: the XmR (individuals and moving range) chart."""

from __future__ import annotations

import polars as pl

from stocktake.measures.analysis.frames import SERIES, AnalysisInputError, check_frame

# Natural process limits: mean +/- 2.66 x mean moving range (3 / 1.128, the d2 constant for
# ranges of two points); sigma, for the two-in-three rule, is the mean moving range / 1.128.
LIMIT_FACTOR = 2.66
D2 = 1.128
RUN_LENGTH = 8  # points in a row on one side of the centre line
TREND_LENGTH = 6  # points in a row each higher (or each lower) than the one before
RULES = ("beyond_limits", "run_of_8", "trend_of_6", "two_of_three")


def xmr(*, series: pl.DataFrame) -> pl.DataFrame:
    """An XmR chart of one series (:data:`.frames.SERIES`: ``period``, ``value``).

    Returns the series by period with ``moving_range`` (the absolute change from the point
    before), ``centre`` (the mean), ``unpl`` and ``lnpl`` (the natural process limits, centre
    +/- 2.66 x the mean moving range) and ``rules``: the special-cause rules each point is part of,
    as a list of names:

    - ``beyond_limits``: the point is above the UNPL or below the LNPL;
    - ``run_of_8``: one of 8 or more points in a row above the centre line, or below it (a point
      on the line ends a run);
    - ``trend_of_6``: one of 6 or more points in a row each higher than the one before, or each
      lower (a repeated value ends a trend);
    - ``two_of_three``: beyond two sigma on one side, with another of any 3 points in a row
      containing it beyond two sigma on the same side.

    With fewer than two points there is no moving range, and the limits are null.
    """
    frame = check_frame(series, contract=SERIES, what="series", keys=["period"], required=["value"])
    if frame["period"].is_duplicated().any():
        periods = frame.filter(pl.col("period").is_duplicated())["period"].unique().sort()
        raise AnalysisInputError(
            what="series",
            problems=[f"period {period}: there is more than one value" for period in periods],
        )
    value = pl.col("value")
    frame = (
        frame.sort("period")
        .with_columns(moving_range=value.diff().abs())
        .with_columns(centre=value.mean(), mean_range=pl.col("moving_range").mean())
        .with_columns(
            unpl=pl.col("centre") + LIMIT_FACTOR * pl.col("mean_range"),
            lnpl=pl.col("centre") - LIMIT_FACTOR * pl.col("mean_range"),
            two_sigma=2 * pl.col("mean_range") / D2,
        )
    )
    side = (value - pl.col("centre")).sign()
    rise = value.diff().sign()
    # A change links a point to the one before: 5 changes the same way make a trend of 6 points.
    in_trend = (rise != 0).fill_null(False) & (pl.len().over(rise.rle_id()) >= TREND_LENGTH - 1)
    checks = {
        "beyond_limits": (value > pl.col("unpl")) | (value < pl.col("lnpl")),
        "run_of_8": (side != 0) & (pl.len().over(side.rle_id()) >= RUN_LENGTH),
        "trend_of_6": in_trend | in_trend.shift(-1, fill_value=False),
        "two_of_three": _two_of_three(value > pl.col("centre") + pl.col("two_sigma"))
        | _two_of_three(value < pl.col("centre") - pl.col("two_sigma")),
    }
    rules = pl.concat_list(
        pl.when(check.fill_null(False)).then(pl.lit(name)) for name, check in checks.items()
    ).list.drop_nulls()
    return frame.select("period", "value", "moving_range", "centre", "unpl", "lnpl", rules=rules)


def _two_of_three(beyond: pl.Expr) -> pl.Expr:
    """Points beyond two sigma (on one side) in a window of three with two or more so."""
    beyond = beyond.fill_null(False)
    hits = beyond.cast(pl.Int8).rolling_sum(3)
    window_ends_here_or_after = (hits >= 2) | (hits.shift(-1) >= 2) | (hits.shift(-2) >= 2)
    return beyond & window_ends_here_or_after.fill_null(False)
