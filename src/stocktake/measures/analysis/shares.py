"""Trajectories derived by share: an area without a trajectory of its own follows the nearest
area above it that has one, scaled by the area's share of that area's value."""

from __future__ import annotations

import polars as pl

from stocktake.measures.analysis.frames import TARGETS, TRAJECTORIES

AREAS: dict[str, pl.DataType] = {"area": pl.String(), "parent": pl.String()}
MAX_DEPTH = 8  # nation, region, county, district, ward, with room to spare
DERIVED_SCHEMA = {
    "measure": pl.String,
    "area": pl.String,
    "source": pl.String,
    "share_period": pl.Date,
    "share": pl.Float64,
}


def _ancestors(areas: pl.DataFrame) -> pl.DataFrame:
    """Every (area, ancestor, depth) pair: depth 1 is the parent, 2 the grandparent, ..."""
    parents = areas.select("area", "parent").filter(pl.col("parent").is_not_null())
    found = [parents.select("area", ancestor="parent", depth=pl.lit(1))]
    for depth in range(2, MAX_DEPTH + 1):
        step = (
            found[-1]
            .join(parents, left_on="ancestor", right_on="area", how="inner")
            .select("area", ancestor="parent", depth=pl.lit(depth))
        )
        if not step.height:
            break
        found.append(step)
    return pl.concat(found)


def trajectories_by_share(
    *,
    observations: pl.DataFrame,
    trajectories: pl.DataFrame,
    targets: pl.DataFrame,
    areas: pl.DataFrame,
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Trajectories and targets for the observed series that have none of their own.

    ``observations``, ``trajectories`` and ``targets`` follow :mod:`.frames`; ``areas`` has
    ``area`` and ``parent`` codes. An observed (measure, area) series without trajectory
    points takes those of its nearest ancestor area that has them (its source), multiplied by
    its ``share``: the area's value over the source's in the first period both were observed,
    the source's value not 0, on or after the source trajectory's first point (or the first
    such period before it, if none was after). A count thus keeps its share of the total, and
    a rate the same relative path. No trajectory is derived without such a period.

    Returns three frames: the derived trajectory points (:data:`.frames.TRAJECTORIES`), the
    derived targets (:data:`.frames.TARGETS`, values scaled by the share, no reward) and one
    row per derived series (:data:`DERIVED_SCHEMA`) saying where it came from.
    """
    empty = (
        pl.DataFrame(schema=dict(TRAJECTORIES)),
        pl.DataFrame(schema=dict(TARGETS)),
        pl.DataFrame(schema=DERIVED_SCHEMA),
    )
    keys = ["measure", "area"]
    if not trajectories.height or not observations.height:
        return empty
    # Two lazy plans on the in-memory engine (the default engine costs more to start on frames
    # this small): each of some twenty eager steps would cost its own fixed overhead.
    trajectories, targets = trajectories.lazy(), targets.lazy()
    own = trajectories.group_by(keys).agg(start=pl.col("period").min())
    without = observations.lazy().select(keys).unique().join(own, on=keys, how="anti")
    candidates = (
        without.join(_ancestors(areas.cast(AREAS)).lazy(), on="area", how="inner")
        .join(
            own.rename({"area": "ancestor"}),
            on=["measure", "ancestor"],
            how="inner",
        )
        .sort("measure", "area", "depth")
        .unique(subset=keys, keep="first")
        .select("measure", "area", source="ancestor", start="start")
    )
    values = observations.lazy().select("measure", "area", "period", "value")
    common = (
        candidates.join(values, on=keys, how="inner")
        .join(
            values.rename({"area": "source", "value": "source_value"}),
            on=["measure", "source", "period"],
            how="inner",
        )
        .filter(pl.col("source_value") != 0)
        .sort("measure", "area", pl.col("period") < pl.col("start"), "period")
        .unique(subset=keys, keep="first")
        .select(
            "measure",
            "area",
            "source",
            share_period="period",
            share=pl.col("value") / pl.col("source_value"),
        )
        .sort(keys)
        .collect(engine="in-memory")
    )
    scale = common.lazy().select("measure", "area", "source", "share")
    derived_points = (
        scale.join(trajectories.rename({"area": "source"}), on=["measure", "source"], how="inner")
        .select("measure", "area", "period", value=pl.col("value") * pl.col("share"))
        .sort("measure", "area", "period")
    )
    derived_targets = scale.join(
        targets.rename({"area": "source"}),
        on=["measure", "source"],
        how="inner",
        maintain_order="right_left",  # in the order of the targets they come from
    ).select(
        "measure",
        "area",
        "baseline_date",
        baseline_value=pl.col("baseline_value") * pl.col("share"),
        target_date="target_date",
        target_value=pl.col("target_value") * pl.col("share"),
        reward_amount=pl.lit(None, dtype=pl.Float64),
    )
    points, targets = pl.collect_all(
        [derived_points.cast(dict(TRAJECTORIES)), derived_targets.cast(dict(TARGETS))],
        engine="in-memory",
    )
    return points, targets, common.cast(DERIVED_SCHEMA)
