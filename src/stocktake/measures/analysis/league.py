"""League tables: the areas ranked on one measure, with their movement and improvement."""

from __future__ import annotations

import datetime as dt

import polars as pl

from stocktake.measures.analysis.frames import (
    AnalysisInputError,
    check_measures,
    check_observations,
)
from stocktake.periods import MONTHS_IN, add_months

LEAGUE_SCHEMA = {
    "area": pl.String,
    "period": pl.Date,
    "value": pl.Float64,
    "rank": pl.Int64,
    "quartile": pl.Int64,
    "previous_rank": pl.Int64,
    "rank_change": pl.Int64,
    "baseline_period": pl.Date,
    "baseline_value": pl.Float64,
    "improvement": pl.Float64,
}


def _ranked(frame: pl.DataFrame, *, period: dt.date, better: float) -> pl.DataFrame:
    """The areas with a value in ``period``, ranked best first; ties share the better rank."""
    return frame.filter(pl.col("period") == period).with_columns(
        rank=(pl.col("value") * better).rank("min", descending=True).cast(pl.Int64)
    )


def league_table(
    *,
    observations: pl.DataFrame,
    measures: pl.DataFrame,
    measure: str,
    as_of: dt.date,
    baseline_period: dt.date | None = None,
) -> pl.DataFrame:
    """The areas ranked on ``measure`` at its latest period on or before ``as_of``.

    ``observations`` and ``measures`` follow :mod:`.frames` (only the measure's rows are used
    and checked). Returns one row per area with a value in that period, best first (columns in
    :data:`LEAGUE_SCHEMA`):

    - ``rank``: 1 for the best value (highest, or lowest for lower-is-better measures); tied
      values share the better rank (1, 2, 2, 4).
    - ``quartile``: 1 (best) to 4: ``(rank - 1) * 4 // areas + 1``, so ties share a quartile.
    - ``previous_rank``, ``rank_change``: the rank one period earlier (by the measure's
      frequency) among the areas with a value then, and how many places the area has risen
      since (negative: fallen); null for an area without a value then.
    - ``baseline_period`` (default: the measure's earliest period), ``baseline_value`` and
      ``improvement``: the change since then, positive when better.
    """
    measures = check_measures(measures=measures)
    known = measures.filter(pl.col("measure") == measure)
    if not known.height:
        raise AnalysisInputError(
            what="league table",
            problems=[f"measure '{measure}': the measure is not among the measures"],
        )
    direction, frequency = known.select("direction", "frequency").row(0)
    better = -1.0 if direction == "lower" else 1.0
    rows = observations.filter(pl.col("measure").cast(pl.String) == measure)
    frame = check_observations(observations=rows, measures=measures).frame
    frame = frame.filter(pl.col("period") <= as_of).select("area", "period", "value")
    if not frame.height:
        return pl.DataFrame(schema=LEAGUE_SCHEMA)
    period = frame["period"].max()
    baseline_period = baseline_period or frame["period"].min()
    current = _ranked(frame, period=period, better=better)
    previous = _ranked(frame, period=add_months(period, -MONTHS_IN[frequency]), better=better)
    baseline = frame.filter(pl.col("period") == baseline_period).select(
        "area", baseline_value="value"
    )
    return (
        current.join(
            previous.select("area", previous_rank="rank"),
            on="area",
            how="left",
            maintain_order="left",
        )
        .join(baseline, on="area", how="left", maintain_order="left")
        .select(
            "area",
            "period",
            "value",
            "rank",
            quartile=(pl.col("rank") - 1) * 4 // pl.len() + 1,
            previous_rank="previous_rank",
            rank_change=pl.col("previous_rank") - pl.col("rank"),
            baseline_period=pl.lit(baseline_period, dtype=pl.Date),
            baseline_value="baseline_value",
            improvement=(pl.col("value") - pl.col("baseline_value")) * better,
        )
        .sort("rank", "area")
    )
