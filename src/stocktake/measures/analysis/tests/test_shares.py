"""Trajectories derived by share from the nearest area above that has one."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from stocktake.measures.analysis.shares import trajectories_by_share
from stocktake.measures.analysis.tests.builders import observations, series, targets, trajectories

APRIL = dt.date(2024, 4, 1)
AREAS = pl.DataFrame(
    {
        "area": ["ENG", "LDN", "HGY", "WRD"],
        "parent": [None, "ENG", "LDN", "HGY"],
    }
)


def _derive(observed: list, planned: list, target_rows: list) -> tuple[pl.DataFrame, ...]:
    return trajectories_by_share(
        observations=observations(observed),
        trajectories=trajectories(planned),
        targets=targets(target_rows),
        areas=AREAS,
    )


def test_a_region_follows_the_nation_scaled_by_its_share() -> None:
    observed = series("m", "ENG", APRIL, [200, 210]) + series("m", "LDN", APRIL, [50, 60])
    planned = series("m", "ENG", APRIL, [200, 220, 240])
    points, derived_targets, derived = _derive(
        observed, planned, [("m", "ENG", APRIL, 200, dt.date(2024, 6, 1), 240)]
    )
    assert points.filter(pl.col("area") == "LDN")["value"].to_list() == [50, 55, 60]
    assert derived_targets.select("area", "baseline_value", "target_value").rows() == [
        ("LDN", 50.0, 60.0)
    ]
    assert derived.select("area", "source", "share_period", "share").rows() == [
        ("LDN", "ENG", APRIL, 0.25)
    ]


def test_the_nearest_area_with_a_trajectory_is_the_source() -> None:
    observed = (
        series("m", "ENG", APRIL, [100])
        + series("m", "LDN", APRIL, [40])
        + series("m", "WRD", APRIL, [4])
    )
    planned = series("m", "ENG", APRIL, [100, 110]) + series("m", "LDN", APRIL, [40, 50])
    points, _, derived = _derive(observed, planned, [])
    assert derived.select("area", "source", "share").rows() == [("WRD", "LDN", 0.1)]
    assert points["value"].to_list() == pytest.approx([4.0, 5.0])


def test_the_share_is_taken_where_the_source_is_not_zero() -> None:
    observed = series("m", "ENG", APRIL, [0, 20]) + series("m", "LDN", APRIL, [0, 5])
    planned = series("m", "ENG", APRIL, [0, 20, 40])
    _, _, derived = _derive(observed, planned, [])
    assert derived.select("share_period", "share").rows() == [(dt.date(2024, 5, 1), 0.25)]


def test_nothing_is_derived_without_a_common_period_or_a_source() -> None:
    apart = series("m", "ENG", APRIL, [100]) + series("m", "LDN", dt.date(2024, 5, 1), [40])
    planned = series("m", "ENG", APRIL, [100, 110])
    assert all(frame.is_empty() for frame in _derive(apart, planned, []))
    own_only = series("m", "LDN", APRIL, [40])
    assert all(frame.is_empty() for frame in _derive(own_only, series("x", "ENG", APRIL, [1]), []))
