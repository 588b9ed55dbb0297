"""Robust straight-line trends for many series at once: Theil-Sen fits and their prediction
intervals.

The series arrive as two (series x window) arrays, ``x`` and ``y``, NaN where a series has fewer
points than the window. Every step is an array operation over a block of series; blocks keep the
working set in the processor's cache, and run on as many threads as polars uses (numpy lets
go of the interpreter lock while it sorts and computes).
"""

from __future__ import annotations

import functools
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import polars as pl

from stocktake.measures.analysis.distributions import t_quantile

# 1 / (the normal's 0.75 quantile): scales a median absolute deviation to a standard deviation.
MAD_TO_SD = 1.482602218505602
BLOCK = 16_384
# With three points the Theil-Sen line passes through two of them (the median of three pair
# slopes is one of them), so the median absolute residual is 0: intervals need four.
INTERVAL_MIN_POINTS = 4


def _row_medians(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The median of the ``counts[i]`` finite values of row i (NaN sorts last), NaN for none:
    the middle value, or the mean of the middle pair, as ``numpy.median`` takes it."""
    ordered = np.sort(values, axis=1)
    rows = np.arange(len(ordered))
    low = ordered[rows, np.maximum((counts - 1) // 2, 0)]
    high = ordered[rows, counts // 2]
    return np.where(counts > 0, (low + high) / 2, np.nan)


def _pair_slopes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The slope between every pair of points of each row, one row per series: lag by lag
    (points 1 apart, 2 apart, ...), so every step is a contiguous slice."""
    window = x.shape[1]
    columns_x, columns_y = np.ascontiguousarray(x.T), np.ascontiguousarray(y.T)
    slopes = np.empty((window * (window - 1) // 2, len(x)))
    at = 0
    for lag in range(1, window):
        rise = columns_y[lag:] - columns_y[:-lag]
        np.divide(rise, columns_x[lag:] - columns_x[:-lag], out=slopes[at : at + window - lag])
        at += window - lag
    return np.ascontiguousarray(slopes.T)


def _fit_block(x: np.ndarray, y: np.ndarray) -> dict[str, np.ndarray]:
    counts = np.isfinite(y).sum(axis=1)
    slope = _row_medians(_pair_slopes(x, y), counts * (counts - 1) // 2)
    intercept = _row_medians(y - slope[:, None] * x, counts)
    scale = MAD_TO_SD * _row_medians(np.abs(y - intercept[:, None] - slope[:, None] * x), counts)
    x_mean = np.nansum(x, axis=1) / np.maximum(counts, 1)
    x_sxx = np.nansum((x - x_mean[:, None]) ** 2, axis=1)
    return {
        "count": counts,
        "slope": slope,
        "intercept": intercept,
        "scale": scale,
        "x_mean": x_mean,
        "x_sxx": x_sxx,
    }


def _fit_blocks(x: np.ndarray, y: np.ndarray) -> list[dict[str, np.ndarray]]:
    """:func:`_fit_block` over each block of rows: on threads when there is more than one."""
    if len(x) <= BLOCK:
        return [_fit_block(x, y)] if len(x) else []
    with ThreadPoolExecutor(max_workers=pl.thread_pool_size()) as pool:
        return list(
            pool.map(
                lambda at: _fit_block(x[at : at + BLOCK], y[at : at + BLOCK]),
                range(0, len(x), BLOCK),
            )
        )


def theil_sen(*, x: np.ndarray, y: np.ndarray) -> pl.DataFrame:
    """Theil-Sen fits of ``y`` on ``x``, row by row, as ``scipy.stats.theilslopes`` with
    ``method="joint"``: the slope is the median of the slopes between every pair of points, the
    intercept the median of ``y - slope * x``.

    ``x`` and ``y`` are (series x window) float arrays; a row's missing points are NaN in both,
    and its x values are distinct. Returns one row per series: ``count`` (points), ``slope`` and
    ``intercept`` (null below two points), ``scale`` (1.4826 x the median absolute residual: a
    robust residual standard deviation; the residuals' median is zero by the intercept's
    construction), ``x_mean`` and ``x_sxx`` (the sum of squared deviations of x about its mean).
    """
    blocks = _fit_blocks(x, y)
    columns = ("count", "slope", "intercept", "scale", "x_mean", "x_sxx")
    return pl.DataFrame(
        {
            column: np.concatenate([block[column] for block in blocks])
            if blocks
            else np.empty(0, dtype=np.int64 if column == "count" else np.float64)
            for column in columns
        },
        nan_to_null=True,
    )


def prediction_se(*, at: pl.Expr) -> pl.Expr:
    """The standard error of a new value at x = ``at`` about a line fitted by :func:`theil_sen`
    (from its columns ``count``, ``scale``, ``x_mean``, ``x_sxx``):

        scale * sqrt(1 + 1/n + (at - x_mean)^2 / x_sxx)

    the ordinary least-squares prediction error with the robust ``scale`` in place of the
    residual standard error. Null below :data:`INTERVAL_MIN_POINTS` points.
    """
    count = pl.col("count")
    leverage = 1 / count + (at - pl.col("x_mean")) ** 2 / pl.col("x_sxx")
    return pl.when(count >= INTERVAL_MIN_POINTS).then(pl.col("scale") * (1 + leverage).sqrt())


@functools.cache
def _t_multipliers(*, coverage: float, window: int) -> dict[int, float]:
    """:func:`t_multiplier`'s table by count: the same for every assessment, so made once."""
    df = np.arange(1, max(window - 1, 2))
    quantiles = t_quantile(probability=(1 + coverage) / 2, df=df)
    return dict(zip((df + 2).tolist(), quantiles.tolist(), strict=True))


def t_multiplier(*, count: pl.Expr, coverage: float, window: int) -> pl.Expr:
    """Student's t quantile for a two-sided ``coverage`` interval on ``count - 2`` degrees of
    freedom, for counts from 3 to ``window``; null otherwise."""
    return count.replace_strict(
        _t_multipliers(coverage=coverage, window=window), default=None, return_dtype=pl.Float64
    )
