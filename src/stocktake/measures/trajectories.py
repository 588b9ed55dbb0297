"""Trajectory shapes: the planned value of a measure for each period from baseline to target.

Pure functions, no Django: a shape takes the baseline and target (dates and values) and returns
(period, value) pairs for every period start between them, one per month or quarter.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from stocktake.periods import period_starts


def _progress_linear(share: float, _parameters: Mapping[str, Any]) -> float:
    return share


def _progress_s_curve(share: float, parameters: Mapping[str, Any]) -> float:
    """A logistic curve rescaled to run exactly from 0 to 1: slow start, fast middle, slow end."""
    steepness = float(parameters.get("steepness", 10))
    low, high = (1 / (1 + math.exp(steepness / 2)), 1 / (1 + math.exp(-steepness / 2)))
    return (1 / (1 + math.exp(-steepness * (share - 0.5))) - low) / (high - low)


def _progress_stepped(share: float, parameters: Mapping[str, Any]) -> float:
    """Equal steps: the value holds, then jumps at each of ``steps`` points."""
    steps = int(parameters.get("steps", 4))
    return math.floor(share * steps + 1e-9) / steps


PROGRESS = {
    "linear": _progress_linear,
    "s_curve": _progress_s_curve,
    "stepped": _progress_stepped,
    "seasonal": _progress_linear,
}


def trajectory_points(
    *,
    kind: str,
    baseline_date: dt.date,
    baseline_value: float,
    target_date: dt.date,
    target_value: float,
    frequency: str,
    parameters: Mapping[str, Any] | None = None,
) -> list[tuple[dt.date, float]]:
    """The planned value for each period from the baseline to the target.

    ``seasonal`` adds a repeating monthly profile (``parameters["profile"]``: twelve offsets,
    as a share of the baseline, January first) on top of a linear trend; the offsets are
    damped to zero at the baseline and the target so the path starts and ends where it should.
    ``custom`` trajectories are entered point by point and have no shape here.
    """
    if target_date <= baseline_date:
        raise ValueError("The target date must be after the baseline date.")
    parameters = parameters or {}
    shape = PROGRESS[kind]
    periods = period_starts(baseline_date, target_date, frequency=frequency)
    span = (target_date - baseline_date).days
    profile: Sequence[float] = parameters.get("profile", [0.0] * 12)
    points = []
    for period in periods:
        share = min(max((period - baseline_date).days / span, 0.0), 1.0)
        value = baseline_value + (target_value - baseline_value) * shape(share, parameters)
        if kind == "seasonal" and 0 < share < 1:
            value += baseline_value * profile[period.month - 1]
        points.append((period, value))
    return points
