"""Trajectory shapes start at the baseline, end at the target, and have the promised shape."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from stocktake.measures.trajectories import trajectory_points
from stocktake.periods import add_months, months_later, period_starts

BASELINE, TARGET = dt.date(2016, 1, 1), dt.date(2017, 1, 1)


def _values(kind: str, **parameters: object) -> list[float]:
    points = trajectory_points(
        kind=kind,
        baseline_date=BASELINE,
        baseline_value=100,
        target_date=TARGET,
        target_value=200,
        frequency="monthly",
        parameters=parameters,
    )
    return [value for _, value in points]


@pytest.mark.parametrize("kind", ["linear", "s_curve", "stepped", "seasonal"])
def test_every_shape_runs_from_baseline_to_target(kind: str) -> None:
    values = _values(kind)
    assert len(values) == 13
    assert values[0] == pytest.approx(100)
    assert values[-1] == pytest.approx(200)


def test_linear_moves_in_equal_steps() -> None:
    values = _values("linear")
    assert values[6] == pytest.approx(100 + 100 * 182 / 366)


def test_s_curve_is_slow_then_fast_then_slow() -> None:
    values = _values("s_curve")
    gains = [later - earlier for earlier, later in pairwise(values)]
    assert gains[0] < gains[6] > gains[-1]


def test_stepped_holds_then_jumps() -> None:
    values = _values("stepped", steps=4)
    assert values[1] == values[2] == pytest.approx(100)
    assert values[4] == pytest.approx(125)


def test_seasonal_adds_the_monthly_profile_inside_the_path() -> None:
    profile = [0.0] * 12
    profile[6] = 0.1  # July 10% above trend
    values = _values("seasonal", profile=profile)
    assert values[6] == pytest.approx(100 + 100 * 182 / 366 + 10)


def test_target_before_baseline_is_refused() -> None:
    with pytest.raises(ValueError, match="after the baseline"):
        trajectory_points(
            kind="linear",
            baseline_date=TARGET,
            baseline_value=1,
            target_date=BASELINE,
            target_value=2,
            frequency="monthly",
        )


def test_quarterly_periods_and_month_arithmetic() -> None:
    assert period_starts(dt.date(2016, 4, 1), dt.date(2017, 3, 31), frequency="quarterly") == [
        dt.date(2016, 4, 1),
        dt.date(2016, 7, 1),
        dt.date(2016, 10, 1),
        dt.date(2017, 1, 1),
    ]
    assert period_starts(dt.date(2016, 5, 1), dt.date(2016, 10, 1), frequency="quarterly") == [
        dt.date(2016, 4, 1),
        dt.date(2016, 7, 1),
        dt.date(2016, 10, 1),
    ]
    assert add_months(dt.date(2016, 11, 30), 3) == dt.date(2017, 2, 1)
    assert months_later(dt.date(2016, 11, 30), 3) == dt.date(2017, 2, 28)
