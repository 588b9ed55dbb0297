"""XmR charts: limits by hand, and each special-cause rule on a series built to show it."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest

from stocktake.measures.analysis.frames import AnalysisInputError
from stocktake.measures.analysis.spc import xmr


def _series(values: list[float]) -> pl.DataFrame:
    periods = [dt.date(2020 + i // 12, i % 12 + 1, 1) for i in range(len(values))]
    return pl.DataFrame({"period": periods, "value": [float(v) for v in values]})


def _rules(values: list[float]) -> list[list[str]]:
    return xmr(series=_series(values))["rules"].to_list()


def test_limits_by_hand() -> None:
    """Mean 58/5 = 11.6; moving ranges 2, 1, 2, 1, mean 1.5; limits 11.6 +/- 2.66 x 1.5."""
    chart = xmr(series=_series([10, 12, 11, 13, 12]))
    assert chart["moving_range"].to_list() == [None, 2, 1, 2, 1]
    assert chart["centre"].to_list() == pytest.approx([11.6] * 5)
    assert chart["unpl"][0] == pytest.approx(15.59)
    assert chart["lnpl"][0] == pytest.approx(7.61)
    assert chart["rules"].to_list() == [[]] * 5


def test_the_chart_is_in_period_order() -> None:
    chart = xmr(series=_series([1, 2, 3]).reverse())
    assert chart["value"].to_list() == [1, 2, 3]


def test_a_point_beyond_the_limits_and_a_run_of_nine() -> None:
    """Nine 10s then 20: mean 11, mean moving range 10/9, UNPL 13.96; the 10s are a run below."""
    assert _rules([10] * 9 + [20]) == [["run_of_8"]] * 9 + [["beyond_limits"]]


def test_a_run_of_seven_is_not_a_signal() -> None:
    assert _rules([10] * 7 + [20]) == [[]] * 7 + [["beyond_limits"]]


def test_a_point_on_the_centre_line_ends_a_run() -> None:
    """Mean 5: four 0s, the 5 on the line, four more 0s: two runs of four, not one of eight."""
    assert all("run_of_8" not in rules for rules in _rules([0, 0, 0, 0, 5, 0, 0, 0, 0, 45]))


def test_a_trend_of_six() -> None:
    """1 to 6 rising: six points, each higher than the one before."""
    assert _rules([5, 1, 2, 3, 4, 5, 6, 3]) == [[]] + [["trend_of_6"]] * 6 + [[]]
    assert _rules([5, 1, 2, 3, 4, 5, 3]) == [[]] * 7  # five is not enough
    assert all("trend_of_6" not in rules for rules in _rules([1, 2, 3, 3, 4, 5, 6]))  # a repeat


def test_two_of_three_beyond_two_sigma() -> None:
    """Alternating 10 and 11, then 14, 10, 14: mean 10.93, mean moving range 22/14, so two sigma
    is 2.79 above the mean (13.72) and the limit 15.11: the 14s are two of three beyond."""
    values = [10, 11] * 6 + [14, 10, 14]
    assert _rules(values) == [[]] * 12 + [["two_of_three"], [], ["two_of_three"]]
    assert _rules([10, 11] * 6 + [14, 10, 10]) == [[]] * 15  # one alone is not a signal


def test_one_point_has_no_limits() -> None:
    chart = xmr(series=_series([3]))
    assert chart.select("moving_range", "unpl", "lnpl").row(0) == (None, None, None)
    assert chart["rules"].to_list() == [[]]


def test_a_repeated_period_is_refused() -> None:
    frame = pl.concat([_series([1]), _series([2])])
    with pytest.raises(AnalysisInputError, match="period 2020-01-01: there is more than one value"):
        xmr(series=frame)
