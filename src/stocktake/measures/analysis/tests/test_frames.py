"""Input checks: bad rows are refused with a message naming them; good frames come back sorted."""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl
import pytest

from stocktake.measures.analysis.frames import (
    SHOWN_PROBLEMS,
    AnalysisInputError,
    check_measures,
    check_observations,
    check_targets,
    check_trajectories,
)
from stocktake.measures.analysis.tests import builders as b

D = dt.date
MEASURES = b.measures(("m1", "higher", "monthly", 5.0), ("q1", "lower", "quarterly", 2.0))


def _check(rows: list[tuple[str, str, dt.date, float]]) -> pl.DataFrame:
    return check_observations(observations=b.observations(rows), measures=MEASURES).frame


def test_good_observations_come_back_sorted_with_their_series() -> None:
    rows = [
        ("q1", "B", D(2024, 4, 1), 3.0),
        ("m1", "B", D(2024, 1, 1), 2.0),
        ("m1", "A", D(2024, 2, 1), 1.0),
        ("m1", "A", D(2024, 1, 1), 0.0),
    ]
    checked = check_observations(observations=b.observations(rows), measures=MEASURES)
    assert checked.frame.select("measure", "area", "value").rows() == [
        ("m1", "A", 0.0),
        ("m1", "A", 1.0),
        ("m1", "B", 2.0),
        ("q1", "B", 3.0),
    ]
    assert checked.starts.tolist() == [0, 2, 3]
    assert checked.ends.tolist() == [2, 3, 4]


def test_numbers_given_as_text_are_parsed() -> None:
    frame = b.observations([("m1", "A", D(2024, 1, 1), 0.0)]).with_columns(
        value=pl.lit("12.5"), denominator=pl.lit(40, dtype=pl.Int64)
    )
    checked = check_observations(observations=frame, measures=MEASURES).frame
    assert checked.select("value", "denominator").row(0) == (12.5, 40.0)


@pytest.mark.parametrize(
    ("column", "change", "message"),
    [
        (
            "value",
            pl.col("value").cast(pl.String).replace("1.0", "1,5"),
            "the value '1,5' is not a number",
        ),
        ("value", pl.when(pl.col("value") != 1).then("value"), "the value is missing"),
        (
            "value",
            pl.when(pl.col("value") != 1).then("value").otherwise(float("nan")),
            "the value is missing",
        ),
        (
            "area",
            pl.when(pl.col("value") != 1).then("area"),
            "the measure, area or period is missing",
        ),
    ],
)
def test_bad_values_are_named(column: str, change: pl.Expr, message: str) -> None:
    frame = b.observations(b.series("m1", "A", D(2024, 1, 1), [0, 1, 2]))
    with pytest.raises(AnalysisInputError) as raised:
        check_observations(observations=frame.with_columns(change.alias(column)), measures=MEASURES)
    area = "(missing)" if column == "area" else "'A'"
    assert raised.value.problems == [f"measure 'm1', area {area}, period 2024-02-01: {message}"]


def test_a_negative_denominator_is_refused() -> None:
    frame = b.observations([("m1", "A", D(2024, 1, 1), 1.0)]).with_columns(denominator=pl.lit(-1.0))
    with pytest.raises(AnalysisInputError, match="the denominator is negative"):
        check_observations(observations=frame, measures=MEASURES)


def test_a_repeated_period_is_refused() -> None:
    rows = [
        ("m1", "A", D(2024, 1, 1), 1.0),
        ("m1", "B", D(2024, 1, 1), 1.0),
        ("m1", "A", D(2024, 1, 1), 2.0),
    ]
    with pytest.raises(
        AnalysisInputError,
        match="measure 'm1', area 'A', period 2024-01-01: there is more than one value",
    ):
        _check(rows)


def test_a_missing_column_is_named() -> None:
    with pytest.raises(AnalysisInputError, match="the column 'provisional' is missing"):
        check_observations(observations=b.observations([]).drop("provisional"), measures=MEASURES)


def test_a_column_of_the_wrong_kind_is_named() -> None:
    frame = b.observations([("m1", "A", D(2024, 1, 1), 1.0)]).with_columns(
        period=pl.lit("2024-01-01")
    )
    with pytest.raises(AnalysisInputError, match="the column 'period' holds String, not Date"):
        check_observations(observations=frame, measures=MEASURES)


def test_many_problems_are_counted_and_the_first_shown() -> None:
    rows = [("m1", "A", D(2024, 1, day), 1.0) for day in range(2, 20)]
    with pytest.raises(AnalysisInputError) as raised:
        _check(rows)
    assert len(raised.value.problems) == 18
    assert str(raised.value).startswith(
        "observations: 18 problems: measure 'm1', area 'A', period 2024-01-02"
    )
    assert str(raised.value).endswith(f"; and {18 - SHOWN_PROBLEMS} more.")


def test_measures_are_checked() -> None:
    bad = b.measures(("m1", "up", "weekly", -1.0), ("m1", "higher", "monthly", 5.0))
    with pytest.raises(AnalysisInputError) as raised:
        check_measures(measures=bad)
    assert set(raised.value.problems) == {
        "measure 'm1': the measure is listed more than once",
        "measure 'm1': the direction is not higher or lower",
        "measure 'm1': the frequency is not one we know",
        "measure 'm1': the tolerance is missing or negative",
    }


def test_targets_are_checked() -> None:
    targets = b.targets(
        [
            ("m1", "A", D(2024, 1, 1), 1.0, D(2023, 1, 1), 2.0),
            ("x9", "A", D(2024, 1, 1), 1.0, D(2025, 1, 1), 2.0, -5.0),
        ]
    )
    with pytest.raises(AnalysisInputError) as raised:
        check_targets(targets=targets, measures=MEASURES)
    assert raised.value.problems == [
        "measure 'x9', area 'A', target date 2025-01-01: the measure is not among the measures",
        "measure 'm1', area 'A', target date 2023-01-01: the target date is not after the baseline",
        "measure 'x9', area 'A', target date 2025-01-01: the reward is negative",
    ]


def test_trajectories_are_sorted_and_refuse_repeated_points() -> None:
    points = b.trajectories([("m1", "A", D(2025, 1, 1), 2.0), ("m1", "A", D(2024, 1, 1), 1.0)])
    assert check_trajectories(trajectories=points).frame["value"].to_list() == [1.0, 2.0]
    with pytest.raises(AnalysisInputError, match="more than one point for the period"):
        check_trajectories(trajectories=pl.concat([points, points]))


def test_a_large_sorted_frame_is_not_resorted() -> None:
    """Series keys in order, periods rising within each: the frame comes back as it was."""
    rows = [
        (f"m{m}", f"A{a:03d}", D(2020 + p // 12, p % 12 + 1, 1), float(p))
        for m in (1,)
        for a in range(200)
        for p in range(24)
    ]
    frame = b.observations(rows)
    checked = check_observations(observations=frame, measures=MEASURES)
    assert checked.frame.equals(frame)
    assert np.array_equal(checked.starts, np.arange(0, 200 * 24, 24))
