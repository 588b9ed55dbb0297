"""Funnel-plot limits against SciPy's binomial and Poisson distributions."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from scipy import stats

from stocktake.measures.analysis.frames import AnalysisInputError
from stocktake.measures.analysis.funnel import LIMITS, funnel_limits


def _values(pairs: dict[str, float | None]) -> pl.DataFrame:
    return pl.DataFrame(
        {"area": list(pairs), "value": list(pairs.values())},
        schema={"area": pl.String, "value": pl.Float64},
    )


def _reference(distribution: stats.rv_discrete, p: float, exposure: np.ndarray) -> np.ndarray:
    """Spiegelhalter's interpolated limit, from SciPy: (r_p - alpha) / n, floored at 0."""
    r = distribution.ppf(p)
    alpha = (distribution.cdf(r) - p) / (distribution.cdf(r) - distribution.cdf(r - 1))
    return np.maximum(r - alpha, 0) / exposure


DENOMINATORS = np.array([1, 7, 30, 120, 999, 4_000, 25_000, 1_000_000], dtype=float)


@pytest.mark.parametrize("target", [0.02, 0.3, 0.85])
def test_proportion_limits_match_scipy_binomial(target: float) -> None:
    areas = {f"a{i}": d for i, d in enumerate(DENOMINATORS)}
    numerators = _values({area: round(d * target) for area, d in areas.items()})
    result = funnel_limits(
        numerators=numerators, denominators=_values(areas), kind="proportion", target=target
    )
    distribution = stats.binom(DENOMINATORS.astype(int), target)
    for name, p in LIMITS:
        assert result[name].to_numpy() == pytest.approx(
            _reference(distribution, p, DENOMINATORS), rel=1e-9, abs=1e-12
        )


@pytest.mark.parametrize("target", [0.0005, 0.04, 2.5])
def test_rate_limits_match_scipy_poisson(target: float) -> None:
    areas = {f"a{i}": d for i, d in enumerate(DENOMINATORS)}
    numerators = _values({area: round(d * target) for area, d in areas.items()})
    result = funnel_limits(
        numerators=numerators, denominators=_values(areas), kind="rate", target=target
    )
    distribution = stats.poisson(DENOMINATORS * target)
    for name, p in LIMITS:
        assert result[name].to_numpy() == pytest.approx(
            _reference(distribution, p, DENOMINATORS), rel=1e-9, abs=1e-12
        )


def test_the_pooled_target_and_the_flags() -> None:
    """60 events in 300 overall: 0.2. Binomial(200, 0.2) has mean 40 and sd 5.7, so 70 of 200 is
    far above its 99.8% limit; 30 of 100 is above the 95% limit only."""
    numerators = _values({"a": 30.0, "b": 70.0, "c": 0.0})
    denominators = _values({"a": 100.0, "b": 200.0, "c": 200.0})
    result = funnel_limits(numerators=numerators, denominators=denominators, kind="proportion")
    assert result["target"].to_list() == pytest.approx([0.2] * 3)
    rows = {row["area"]: row for row in result.iter_rows(named=True)}
    assert (rows["b"]["value"], rows["b"]["outlier"], rows["b"]["alert"]) == (0.35, "high", "high")
    assert (rows["a"]["outlier"], rows["a"]["alert"]) == (None, "high")
    assert (rows["c"]["outlier"], rows["c"]["alert"]) == ("low", "low")


def test_areas_without_usable_counts_are_excluded_with_a_reason() -> None:
    numerators = _values(
        {
            "zero": 3.0,
            "gone": 2.0,
            "negative": -1.0,
            "half": 1.0,
            "over": 9.0,
            "ok": 4.0,
            "nonum": None,
        }
    )
    denominators = _values(
        {
            "zero": 0.0,
            "negative": 10.0,
            "half": 10.5,
            "over": 5.0,
            "ok": 40.0,
            "noden": 20.0,
            "nonum": 3.0,
        }
    )
    result = funnel_limits(numerators=numerators, denominators=denominators, kind="proportion")
    reasons = dict(result.select("area", "excluded").iter_rows())
    assert reasons == {
        "gone": "no denominator",
        "half": "denominator is not a whole number",
        "negative": "negative count",
        "noden": "no numerator",
        "nonum": "no numerator",
        "ok": None,
        "over": "more events than people",
        "zero": "zero denominator",
    }
    assert result.filter(pl.col("excluded").is_not_null())["upper_95"].null_count() == 7
    assert result.filter(area="ok")["target"].item() == pytest.approx(0.1)  # from "ok" alone


def test_a_rate_may_have_a_fractional_denominator() -> None:
    result = funnel_limits(
        numerators=_values({"a": 3.0}), denominators=_values({"a": 10.5}), kind="rate", target=0.2
    )
    assert result["excluded"].to_list() == [None]
    expected = _reference(stats.poisson(2.1), 0.975, np.array([10.5]))
    assert result["upper_95"].to_list() == pytest.approx(expected.tolist())


def test_a_target_of_zero_is_refused() -> None:
    with pytest.raises(AnalysisInputError, match="limits need a target above 0"):
        funnel_limits(
            numerators=_values({"a": 0.0}), denominators=_values({"a": 10.0}), kind="rate"
        )
