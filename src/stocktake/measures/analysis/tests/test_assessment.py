"""The assessment: hand-worked series, then reference checks against SciPy."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import polars as pl
import pytest
from scipy import stats

from stocktake.measures.analysis.assessment import COLUMNS, MOVEMENTS, STATUSES, assess
from stocktake.measures.analysis.frames import AnalysisInputError
from stocktake.measures.analysis.tests import builders as b
from stocktake.measures.analysis.trend import MAD_TO_SD

D = dt.date
JAN = D(2024, 1, 1)
MID_APRIL = D(2024, 4, 15)
HIGHER = ("m1", "higher", "monthly", 5.0)


def _assess(
    rows: list[tuple[str, str, dt.date, float]],
    *,
    points: list[tuple[str, str, dt.date, float]] = (),
    targets: list[tuple] = (),
    measures: tuple[tuple[str, str, str, float], ...] = (HIGHER,),
    as_of: dt.date = MID_APRIL,
    **options: int,
) -> pl.DataFrame:
    return assess(
        observations=b.observations(rows),
        trajectories=b.trajectories(points),
        targets=b.targets(targets),
        measures=b.measures(*measures),
        as_of=as_of,
        **options,
    )


def _one(frame: pl.DataFrame, **where: str) -> dict:
    rows = frame.filter(**where) if where else frame
    assert rows.height == 1
    return rows.row(0, named=True)


def test_the_hand_worked_series() -> None:
    """10, 12, 13, 15 in January to April; a linear trajectory from 10 in January 2024 to the
    target of 22 in January 2025; assessed on 15 April 2024."""
    result = _assess(
        b.series("m1", "A", JAN, [10, 12, 13, 15]),
        points=[("m1", "A", JAN, 10.0), ("m1", "A", D(2025, 1, 1), 22.0)],
        targets=[("m1", "A", JAN, 10.0, D(2025, 1, 1), 22.0)],
    )
    assert result.columns == list(COLUMNS)
    row = _one(result)
    trajectory = 10 + 12 * 91 / 366  # 1 April is 91 of the 366 days from January to January
    assert row["period"] == D(2024, 4, 1)
    assert row["actual"] == 15
    assert row["trajectory"] == pytest.approx(trajectory)
    assert row["variance"] == pytest.approx(15 - trajectory)
    assert row["variance_pct"] == pytest.approx((15 - trajectory) / trajectory * 100)
    assert row["status"] == "ahead"  # 2.02 better, beyond 5% of 12.98
    # Pairwise slopes 2, 1.5, 5/3, 1, 1.5, 2: median (1.5 + 5/3) / 2 = 19/12 a month.
    # Intercept (at April): median of y - slope * x = 14.75, 15.1667, 14.5833, 15 -> 14.875.
    assert row["projection"] == pytest.approx(14.875 + 9 * 19 / 12)  # 9 months to January
    # Absolute residuals 0.125, 0.2917, 0.2917, 0.125: median 0.2083.
    se = MAD_TO_SD * (0.125 + 7 / 24) / 2 * math.sqrt(1 + 1 / 4 + (9 + 1.5) ** 2 / 5)
    t = 4.302652729911275  # t(0.975, 2)
    assert row["projection_low"] == pytest.approx(29.125 - t * se)
    assert row["projection_high"] == pytest.approx(29.125 + t * se)
    assert row["probability"] == pytest.approx(stats.norm.cdf((29.125 - 22) / se), abs=1e-7)
    assert row["stale"] is False
    # On 15 March the latest was March: 13 against 10 + 12 * 60/366 = 11.97, also ahead.
    assert row["previous_status"] == "ahead"
    assert row["movement"] == "unchanged"
    assert (row["target_value"], row["target_date"]) == (22.0, D(2025, 1, 1))


@pytest.mark.parametrize(
    ("direction", "trajectory", "tolerance", "actual", "status"),
    [
        ("higher", 100.0, 5.0, 105.0, "on_track"),  # the band's edge is inside it
        ("higher", 100.0, 5.0, 105.5, "ahead"),
        ("higher", 100.0, 5.0, 95.0, "on_track"),
        ("higher", 100.0, 5.0, 94.5, "off_track"),
        ("lower", 100.0, 5.0, 94.0, "ahead"),
        ("lower", 100.0, 5.0, 106.0, "off_track"),
        ("lower", 100.0, 5.0, 103.0, "on_track"),
        ("higher", -50.0, 10.0, -44.0, "ahead"),  # negative values: the band is 10% of 50
        ("higher", -50.0, 10.0, -56.0, "off_track"),
        ("lower", -50.0, 10.0, -56.0, "ahead"),
        ("higher", 0.0, 5.0, 0.0, "on_track"),  # no band round zero
        ("higher", 0.0, 5.0, 0.1, "ahead"),
    ],
)
def test_status_is_direction_aware_within_the_tolerance(
    direction: str, trajectory: float, tolerance: float, actual: float, status: str
) -> None:
    result = _assess(
        [("m1", "A", D(2024, 4, 1), actual)],
        points=[("m1", "A", D(2024, 4, 1), trajectory)],
        measures=(("m1", direction, "monthly", tolerance),),
    )
    row = _one(result)
    assert row["status"] == status
    assert row["variance"] == pytest.approx(actual - trajectory)
    if trajectory:
        assert row["variance_pct"] == pytest.approx((actual - trajectory) / abs(trajectory) * 100)
    else:
        assert row["variance_pct"] is None


def test_the_trajectory_is_interpolated_and_ends_at_its_points() -> None:
    points = [("m1", "A", D(2024, 1, 1), 0.0), ("m1", "A", D(2024, 3, 1), 60.0)]
    between = _one(_assess([("m1", "A", D(2024, 2, 1), 1.0)], points=points))
    assert between["trajectory"] == pytest.approx(60 * 31 / 60)  # 31 of the 60 days
    on_point = _one(_assess([("m1", "A", D(2024, 3, 1), 1.0)], points=points))
    assert on_point["trajectory"] == 60.0
    after = _one(_assess([("m1", "A", D(2024, 4, 1), 1.0)], points=points))
    assert after["trajectory"] is None
    assert after["status"] == "no_data"


def test_a_perfect_line_lower_is_better() -> None:
    """22, 20, 18, 16: two less a month, no scatter, so the interval closes on the projection."""
    result = _assess(
        b.series("m1", "A", D(2023, 12, 1), [22, 20, 18, 16]),
        targets=[("m1", "A", JAN, 20.0, D(2024, 6, 30), 10.0)],
        measures=(("m1", "lower", "monthly", 5.0),),
    )
    row = _one(result)
    assert row["projection"] == pytest.approx(10.0)  # June is 3 months after March
    assert row["projection_low"] == pytest.approx(10.0)
    assert row["projection_high"] == pytest.approx(10.0)
    assert row["probability"] == 1.0  # lands exactly on the target


def test_one_observation_has_a_status_but_no_projection() -> None:
    row = _one(
        _assess(
            [("m1", "A", D(2024, 4, 1), 12.0)],
            points=[("m1", "A", D(2024, 4, 1), 10.0)],
            targets=[("m1", "A", JAN, 10.0, D(2025, 1, 1), 22.0)],
        )
    )
    assert row["status"] == "ahead"
    assert [row[c] for c in ("projection", "projection_low", "projection_high", "probability")] == [
        None
    ] * 4
    assert row["previous_status"] == "no_data"
    assert row["movement"] == "new"


@pytest.mark.parametrize("values", [[10, 12], [8, 10, 12]])
def test_two_or_three_observations_project_without_an_interval(values: list[float]) -> None:
    row = _one(
        _assess(
            b.series("m1", "A", D(2024, 5 - len(values), 1), values),
            targets=[("m1", "A", JAN, 10.0, D(2024, 6, 1), 22.0)],
        )
    )
    assert row["projection"] == pytest.approx(16.0)  # 12 + 2 a month for 2 months
    assert row["projection_low"] is None
    assert row["probability"] is None


def test_a_target_without_observations_is_a_no_data_row() -> None:
    result = _assess(
        [("m1", "A", D(2024, 4, 1), 1.0), ("m1", "C", D(2024, 4, 1), 1.0)],
        targets=[("m1", "B", JAN, 1.0, D(2025, 1, 1), 2.0)],
    )
    row = _one(result, area="B")
    assert row["status"] == "no_data"
    assert row["period"] is None
    assert row["stale"] is True
    assert row["movement"] == "unchanged"
    assert row["target_value"] == 2.0
    assert result["area"].to_list() == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("frequency", "latest", "stale"),
    [
        ("monthly", D(2024, 4, 1), False),  # April on 15 June: two months back is allowed
        ("monthly", D(2024, 3, 1), True),
        ("quarterly", D(2024, 1, 1), False),
        ("quarterly", D(2023, 10, 1), True),  # more than two quarters before June
        ("annual", D(2023, 4, 1), False),
        ("annual", D(2022, 4, 1), True),
    ],
)
def test_stale_data_depends_on_the_frequency(frequency: str, latest: dt.date, stale: bool) -> None:
    row = _one(
        _assess(
            [("m1", "A", latest, 1.0)],
            measures=(("m1", "higher", frequency, 5.0),),
            as_of=D(2024, 6, 15),
        )
    )
    assert row["stale"] is stale


def test_movement_since_the_previous_assessment() -> None:
    points = [("m1", area, D(2024, month, 1), 100.0) for area in "AB" for month in (3, 4)]
    rows = [
        *b.series("m1", "A", D(2024, 3, 1), [90, 100]),  # off track in March, on track in April
        *b.series("m1", "B", D(2024, 3, 1), [110, 100]),  # ahead, then on track
        *b.series("m1", "C", D(2024, 1, 1), [1, 1]),  # nothing new since February
    ]
    result = _assess(rows, points=points)
    assert _one(result, area="A")["movement"] == "improved"
    assert _one(result, area="B")["movement"] == "worsened"
    assert _one(result, area="B")["previous_status"] == "ahead"
    assert _one(result, area="C")["movement"] == "unchanged"
    assert set(result["movement"]) <= set(MOVEMENTS)
    assert set(result["status"]) | set(result["previous_status"]) <= set(STATUSES)


def test_a_quarterly_measure_looks_back_a_quarter() -> None:
    rows = b.series("m1", "A", D(2023, 10, 1), [90, 100], months=3)  # October, January
    points = [("m1", "A", D(2023, 10, 1), 100.0), ("m1", "A", D(2024, 1, 1), 100.0)]
    row = _one(
        _assess(
            rows,
            points=points,
            measures=(("m1", "higher", "quarterly", 5.0),),
            as_of=D(2024, 2, 10),
        )
    )
    assert row["previous_status"] == "off_track"  # on 10 November the latest was October
    assert row["movement"] == "improved"


def test_a_revision_replaces_the_provisional_value() -> None:
    provisional = b.series("m1", "A", JAN, [10, 12, 13, 15])
    revised = [*provisional[:-1], ("m1", "A", D(2024, 4, 1), 11.0)]
    points = [("m1", "A", D(2024, month, 1), 12.0) for month in (3, 4)]
    first = _one(_assess(provisional, points=points))
    second = _one(_assess(revised, points=points))
    assert (first["actual"], first["status"]) == (15.0, "ahead")
    assert (second["actual"], second["status"], second["movement"]) == (
        11.0,
        "off_track",
        "worsened",
    )
    with pytest.raises(AnalysisInputError, match="more than one value for the period"):
        _assess([*provisional, revised[-1]])


def test_the_target_in_force() -> None:
    targets = [
        ("m1", "A", JAN, 10.0, D(2024, 3, 31), 11.0),
        ("m1", "A", JAN, 10.0, D(2025, 3, 31), 20.0),
        ("m1", "A", JAN, 10.0, D(2026, 3, 31), 30.0),
    ]
    rows = [("m1", "A", D(2024, 4, 1), 12.0)]
    assert _one(_assess(rows, targets=targets))["target_value"] == 20.0
    later = _one(_assess(rows, targets=targets, as_of=D(2027, 1, 1)))
    assert later["target_value"] == 30.0  # all passed: the latest


def test_the_trend_window_takes_the_last_observations() -> None:
    rows = b.series("m1", "A", JAN, [100, 0, 1, 2])
    targets = [("m1", "A", JAN, 0.0, D(2024, 6, 1), 5.0)]
    row = _one(_assess(rows, targets=targets, trend_window=3))
    assert row["projection"] == pytest.approx(4.0)  # 2 + 1 a month for 2 months


def test_unsorted_input_gives_the_same_assessment() -> None:
    rng = np.random.default_rng(4)
    rows = [
        row for area in "ABC" for row in b.series("m1", area, JAN, rng.normal(50, 5, 10).tolist())
    ]
    targets = [("m1", area, JAN, 50.0, D(2025, 1, 1), 60.0) for area in "ABC"]
    shuffled = [rows[i] for i in rng.permutation(len(rows))]
    as_of = D(2024, 12, 1)
    assert _assess(shuffled, targets=targets, as_of=as_of).equals(
        _assess(rows, targets=targets, as_of=as_of)
    )


def test_observations_after_the_date_are_ignored() -> None:
    rows = b.series("m1", "A", JAN, [1, 2, 3, 4, 5, 6])
    row = _one(_assess(rows, as_of=D(2024, 3, 31)))
    assert (row["period"], row["actual"]) == (D(2024, 3, 1), 3.0)
    only_later = _assess(
        rows, targets=[("m1", "A", JAN, 0.0, D(2025, 1, 1), 9.0)], as_of=D(2023, 12, 1)
    )
    assert _one(only_later)["status"] == "no_data"


@pytest.mark.parametrize("seed", range(6))
def test_projections_match_scipy_theil_sen_with_gaps_outliers_and_negatives(seed: int) -> None:
    rng = np.random.default_rng(seed)
    values = rng.normal(-5, 3, 30) + np.arange(30) * rng.normal(0, 1)
    values[rng.integers(0, 30, 3)] += rng.normal(0, 60, 3)  # outliers
    kept = rng.random(30) > 0.25  # missing periods
    rows = b.series("m1", "A", JAN, [v if k else None for v, k in zip(values, kept, strict=True)])
    target_date, target = D(2027, 6, 15), -20.0
    row = _one(
        _assess(
            rows,
            targets=[("m1", "A", JAN, 0.0, target_date, target)],
            measures=(("m1", "lower", "monthly", 5.0),),
            as_of=D(2026, 12, 1),
        )
    )
    months = np.array([(p.year - 2024) * 12 + p.month - 1 for _, _, p, _ in rows][-12:])
    y = np.array([v for *_, v in rows][-12:])
    x = (months - months[-1]).astype(float)
    fit = stats.theilslopes(y, x, method="joint")
    at = (2027 - 2024) * 12 + 5 - months[-1]
    assert row["projection"] == pytest.approx(fit.intercept + fit.slope * at, rel=1e-12)
    scale = MAD_TO_SD * np.median(np.abs(y - fit.intercept - fit.slope * x))
    se = scale * math.sqrt(1 + 1 / 12 + (at - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
    half = stats.t.ppf(0.975, 10) * se
    assert row["projection_low"] == pytest.approx(row["projection"] - half, rel=1e-9)
    assert row["projection_high"] == pytest.approx(row["projection"] + half, rel=1e-9)
    expected = stats.norm.cdf((target - row["projection"]) / se)  # lower is better
    assert row["probability"] == pytest.approx(expected, abs=1e-7)


def test_bad_input_names_the_measure_area_and_period() -> None:
    frame = b.observations(b.series("m1", "A", JAN, [1, 2, 3])).with_columns(
        value=pl.Series(["1", "n/a", "3"])
    )
    with pytest.raises(AnalysisInputError) as raised:
        assess(
            observations=frame,
            trajectories=b.trajectories([]),
            targets=b.targets([]),
            measures=b.measures(HIGHER),
            as_of=D(2024, 4, 1),
        )
    assert "measure 'm1', area 'A', period 2024-02-01: the value 'n/a' is not a number" in str(
        raised.value
    )


@pytest.mark.parametrize(
    ("rows", "frequency", "message"),
    [
        (
            [("m1", "A", D(2024, 2, 1), 1.0)],
            "quarterly",
            "period 2024-02-01: a quarterly period starts",
        ),
        (
            [("m1", "A", D(2024, 2, 15), 1.0)],
            "monthly",
            "period 2024-02-15: the period does not start",
        ),
        (
            [("m1", "A", D(2023, 4, 1), 1.0), ("m1", "A", D(2024, 1, 1), 1.0)],
            "annual",
            "period 2024-01-01: the annual periods of the series start in different months",
        ),
        ([("m2", "A", D(2024, 1, 1), 1.0)], "monthly", "measure 'm2', area 'A', period 2024-01-01"),
    ],
)
def test_periods_off_the_grid_and_unknown_measures_are_refused(
    rows: list, frequency: str, message: str
) -> None:
    with pytest.raises(AnalysisInputError, match=message):
        _assess(rows, measures=(("m1", "higher", frequency, 5.0),))


def test_a_measure_with_no_observations_at_all_is_fine() -> None:
    result = _assess(
        [],
        targets=[("m1", "A", JAN, 1.0, D(2025, 1, 1), 2.0)],
        measures=(HIGHER, ("m2", "lower", "annual", 5.0)),
    )
    assert result.select("measure", "area", "status").rows() == [("m1", "A", "no_data")]
