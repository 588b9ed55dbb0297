"""The trend and distribution kernels against SciPy and statsmodels."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
import statsmodels.api as sm
from scipy import stats

from stocktake.measures.analysis.distributions import NORMAL_CDF_ERROR, normal_cdf, t_quantile
from stocktake.measures.analysis.trend import (
    INTERVAL_MIN_POINTS,
    prediction_se,
    t_multiplier,
    theil_sen,
)

WINDOW = 12


def _windows(seed: int, rows: int = 300) -> tuple[np.ndarray, np.ndarray]:
    """Random series with trends, outliers, negative values and missing points (x in months
    counted back from the latest; some rows short)."""
    rng = np.random.default_rng(seed)
    x = np.tile(np.arange(-WINDOW + 1, 1, dtype=float), (rows, 1))
    y = rng.normal(0, 5, (rows, 1)) + rng.normal(0, 2, (rows, 1)) * x + rng.normal(0, 1, x.shape)
    y[rng.random(y.shape) < 0.03] += 50
    missing = rng.random(x.shape) < 0.2
    missing[:, -1] = False
    missing[: rows // 10, : WINDOW - 3] = True  # short series: 1 to 3 points
    missing[: rows // 20, -2] = True
    x[missing], y[missing] = np.nan, np.nan
    return x, y


@pytest.mark.parametrize("seed", range(3))
def test_theil_sen_matches_scipy(seed: int) -> None:
    x, y = _windows(seed)
    fits = theil_sen(x=x, y=y)
    for row in range(len(x)):
        present = np.isfinite(y[row])
        fit = fits.row(row, named=True)
        assert fit["count"] == present.sum()
        if present.sum() < 2:
            assert fit["slope"] is None
            continue
        reference = stats.theilslopes(y[row, present], x[row, present], method="joint")
        assert fit["slope"] == reference.slope
        assert fit["intercept"] == reference.intercept
        assert fit["x_mean"] == pytest.approx(x[row, present].mean())


def test_theil_sen_by_hand() -> None:
    """Points (-2, 1), (-1, 5), (0, 3): slopes 4, 1, -2, median 1; y - x = 3, 6, 3, median 3;
    absolute residuals 0, 3, 0, median 0: three points always leave a zero median residual,
    the reason intervals need four."""
    fit = theil_sen(x=np.array([[-2.0, -1.0, 0.0]]), y=np.array([[1.0, 5.0, 3.0]])).row(
        0, named=True
    )
    assert fit == {
        "count": 3,
        "slope": 1.0,
        "intercept": 3.0,
        "scale": 0.0,
        "x_mean": -1.0,
        "x_sxx": 2.0,
    }
    assert pl.DataFrame(fit).select(prediction_se(at=pl.lit(1.0))).item() is None


@pytest.mark.parametrize("seed", range(3))
def test_the_interval_has_the_shape_of_the_least_squares_prediction_interval(seed: int) -> None:
    """statsmodels' prediction interval for a new value at x0 is the fit +/- t(0.975, n-2) x s x
    sqrt(1 + 1/n + (x0 - mean)^2 / Sxx), s the residual standard error. Ours uses the same
    multiplier with the robust scale in place of s: divided by their scales, they agree."""
    x, y = _windows(seed, rows=40)
    at = 7.0
    fits = theil_sen(x=x, y=y).with_columns(
        half=t_multiplier(count=pl.col("count"), coverage=0.95, window=WINDOW)
        * prediction_se(at=pl.lit(at))
    )
    for row in range(len(x)):
        present = np.isfinite(y[row])
        fit = fits.row(row, named=True)
        if present.sum() < INTERVAL_MIN_POINTS:
            assert fit["half"] is None
            continue
        model = sm.OLS(y[row, present], sm.add_constant(x[row, present])).fit()
        interval = model.get_prediction(np.array([[1.0, at]])).summary_frame(alpha=0.05)
        their_half = float(interval["obs_ci_upper"].iloc[0] - interval["obs_ci_lower"].iloc[0]) / 2
        assert fit["half"] / fit["scale"] == pytest.approx(
            their_half / np.sqrt(model.scale), rel=1e-9
        )


@pytest.mark.parametrize("probability", [0.6, 0.975, 0.995, 0.999])
def test_t_quantiles_match_scipy(probability: float) -> None:
    df = np.arange(1, 80)
    assert t_quantile(probability=probability, df=df) == pytest.approx(
        stats.t.ppf(probability, df), rel=1e-12
    )


def test_the_normal_cdf_is_within_its_stated_error() -> None:
    z = np.linspace(-9, 9, 20001)
    ours = pl.select(normal_cdf(pl.lit(pl.Series(z)))).to_series().to_numpy()
    assert np.abs(ours - stats.norm.cdf(z)).max() < NORMAL_CDF_ERROR
