"""Funnel-plot limits: which areas differ from the target by more than chance allows."""

from __future__ import annotations

from typing import Literal

import numpy as np
import polars as pl

from stocktake.measures.analysis.distributions import count_quantiles
from stocktake.measures.analysis.frames import AREA_VALUES, AnalysisInputError, check_frame

# (column, probability): the 95% and 99.8% two-sided limits.
LIMITS = (("lower_998", 0.001), ("lower_95", 0.025), ("upper_95", 0.975), ("upper_998", 0.999))


def funnel_limits(
    *,
    numerators: pl.DataFrame,
    denominators: pl.DataFrame,
    kind: Literal["proportion", "rate"],
    target: float | None = None,
) -> pl.DataFrame:
    """Exact funnel-plot limits for each area's proportion or rate (Spiegelhalter 2005).

    ``numerators`` and ``denominators`` are :data:`.frames.AREA_VALUES` frames (``area``,
    ``value``) for one period: the counts of events and, for a ``proportion``, the number at
    risk (whole numbers), for a ``rate``, the population or person-time. ``target`` is the
    expected proportion or rate: by default the pooled one, all numerators over all
    denominators of the areas included.

    The count in an area is Binomial(denominator, target) for a proportion and
    Poisson(denominator x target) for a rate; each limit is the interpolated quantile of the
    count (:func:`.distributions.count_quantiles`) over the denominator.

    Returns one row per area, sorted by area: ``numerator``, ``denominator``, ``value``
    (numerator / denominator), ``target``, ``lower_998``, ``lower_95``, ``upper_95``,
    ``upper_998``, ``outlier`` (``high`` or ``low`` beyond the 99.8% limits), ``alert``
    (``high`` or ``low`` beyond the 95% limits) and ``excluded``: why an area has no limits
    (no numerator or denominator, a zero denominator, a negative count, and for proportions a
    fractional denominator or more events than people), when it has none.
    """
    numerators = check_frame(numerators, contract=AREA_VALUES, what="numerators", keys=["area"])
    denominators = check_frame(
        denominators, contract=AREA_VALUES, what="denominators", keys=["area"]
    )
    numerator, denominator = pl.col("numerator"), pl.col("denominator")
    excluded = (
        pl.when(numerator.is_null() | numerator.is_nan())
        .then(pl.lit("no numerator"))
        .when(denominator.is_null() | denominator.is_nan())
        .then(pl.lit("no denominator"))
        .when(denominator == 0)
        .then(pl.lit("zero denominator"))
        .when((numerator < 0) | (denominator < 0))
        .then(pl.lit("negative count"))
    )
    if kind == "proportion":
        excluded = (
            excluded.when(denominator.round() != denominator)
            .then(pl.lit("denominator is not a whole number"))
            .when(numerator > denominator)
            .then(pl.lit("more events than people"))
        )
    frame = (
        numerators.select("area", numerator="value")
        .join(
            denominators.select("area", denominator="value"),
            on="area",
            how="full",
            coalesce=True,
        )
        .with_columns(excluded=excluded)
        .sort("area")
    )
    included = frame.filter(pl.col("excluded").is_null())
    if target is None:
        total = included["denominator"].sum()
        target = included["numerator"].sum() / total if total else 0.0
    if not (0 < target < 1 if kind == "proportion" else target > 0):
        raise AnalysisInputError(
            what="funnel limits",
            problems=[
                f"target {target:g}: limits need a target above 0"
                + (" and below 1 for a proportion" if kind == "proportion" else "")
            ],
        )
    exposure = included["denominator"].to_numpy()
    quantiles = count_quantiles(
        kind=kind, exposure=exposure, target=target, probabilities=[p for _, p in LIMITS]
    )
    limits = included.select("area").with_columns(
        pl.Series(name, quantiles[row] / exposure) for row, (name, _) in enumerate(LIMITS)
    )
    value = pl.col("value")

    def beyond(low: str, high: str) -> pl.Expr:
        return (
            pl.when(value > pl.col(high))
            .then(pl.lit("high"))
            .when(value < pl.col(low))
            .then(pl.lit("low"))
        )

    return (
        frame.join(limits, on="area", how="left", maintain_order="left")
        .with_columns(
            value=pl.when(pl.col("excluded").is_null()).then(numerator / denominator),
            target=pl.lit(np.float64(target)),
        )
        .select(
            "area",
            "numerator",
            "denominator",
            "value",
            "target",
            *(name for name, _ in LIMITS),
            outlier=beyond("lower_998", "upper_998"),
            alert=beyond("lower_95", "upper_95"),
            excluded="excluded",
        )
    )
