"""Funding against the period elapsed, and reward grants earned, by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from stocktake.measures.analysis.frames import LINES, SPENDS, AnalysisInputError
from stocktake.measures.analysis.money import funding_position, rewards_earned
from stocktake.measures.analysis.tests import builders as b

D = dt.date
LINE_ROWS = [
    ("F", "c1", 1200.0, D(2024, 1, 1), D(2024, 12, 31)),
    ("F", "c2", 600.0, D(2024, 1, 1), D(2024, 12, 31)),
    ("G", "c1", 100.0, D(2024, 4, 1), D(2025, 3, 31)),
]
SPEND_ROWS = [
    ("F", "c1", D(2024, 1, 1), 100.0),
    ("F", "c1", D(2024, 2, 1), 200.0),
    ("F", "c2", D(2024, 7, 1), 50.0),  # after the date
    ("G", "c1", D(2024, 5, 1), 10.0),
]


def _frame(rows: list[tuple], contract: dict) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=list(contract), orient="row").cast(dict(contract))


def test_funding_position_by_hand() -> None:
    """On 30 June, 182 of fund F's 366 days have passed; 91 of fund G's 365."""
    result = funding_position(
        lines=_frame(LINE_ROWS, LINES), spends=_frame(SPEND_ROWS, SPENDS), as_of=D(2024, 6, 30)
    )
    assert result.select("level", "fund", "commitment").rows() == [
        ("fund", "F", None),
        ("line", "F", "c1"),
        ("line", "F", "c2"),
        ("fund", "G", None),
        ("line", "G", "c1"),
    ]
    fund_f, line_c1, line_c2, fund_g, _ = result.iter_rows(named=True)
    share_f = 182 / 366
    assert (fund_f["allocated"], fund_f["spent"]) == (1800.0, 300.0)
    assert fund_f["elapsed_share"] == pytest.approx(share_f)
    assert fund_f["expected_spend"] == pytest.approx(1800 * share_f)
    assert fund_f["spend_variance"] == pytest.approx(300 - 1800 * share_f)
    assert fund_f["forecast"] == pytest.approx(300 / share_f)
    assert fund_f["forecast_variance"] == pytest.approx(300 / share_f - 1800)
    assert line_c1["forecast"] == pytest.approx(300 / share_f)
    assert (line_c2["spent"], line_c2["forecast"]) == (0.0, 0.0)
    assert fund_g["elapsed_share"] == pytest.approx(91 / 365)


def test_before_the_start_nothing_is_forecast() -> None:
    result = funding_position(
        lines=_frame(LINE_ROWS[2:], LINES), spends=_frame([], SPENDS), as_of=D(2024, 1, 1)
    )
    assert result.select("elapsed_share", "forecast").rows() == [(0.0, None), (0.0, None)]


def test_spend_on_no_line_is_refused() -> None:
    spends = _frame([("F", "c9", D(2024, 1, 1), 1.0)], SPENDS)
    with pytest.raises(
        AnalysisInputError,
        match="fund 'F', commitment 'c9', period 2024-01-01: there is no such funding line",
    ):
        funding_position(lines=_frame(LINE_ROWS, LINES), spends=spends, as_of=D(2024, 6, 30))


def test_rewards_earned_pro_rata() -> None:
    assessment = pl.DataFrame(
        {
            "measure": ["up", "down", "done", "back", "none"],
            "area": ["A"] * 5,
            "period": [D(2024, 3, 1)] * 4 + [None],
            "actual": [120.0, 45.0, 170.0, 90.0, None],
        }
    )
    targets = b.targets(
        [
            ("up", "A", D(2023, 1, 1), 100.0, D(2025, 1, 1), 150.0, 250_000.0),
            ("down", "A", D(2023, 1, 1), 50.0, D(2025, 1, 1), 30.0, 1000.0),  # lower is better
            ("done", "A", D(2023, 1, 1), 100.0, D(2025, 1, 1), 150.0, 1000.0),
            ("back", "A", D(2023, 1, 1), 100.0, D(2025, 1, 1), 150.0, 1000.0),
            ("none", "A", D(2023, 1, 1), 100.0, D(2025, 1, 1), 150.0, 1000.0),
            ("up", "B", D(2023, 1, 1), 100.0, D(2025, 1, 1), 150.0),  # no reward
        ]
    )
    result = rewards_earned(assessment=assessment, targets=targets)
    earned = {
        row["measure"]: (row["share_achieved"], row["reward_earned"])
        for row in result.iter_rows(named=True)
    }
    assert earned == {
        "up": (pytest.approx(0.4), pytest.approx(100_000.0)),
        "down": (pytest.approx(0.25), pytest.approx(250.0)),
        "done": (1.0, 1000.0),  # capped
        "back": (0.0, 0.0),
        "none": (None, None),
    }
