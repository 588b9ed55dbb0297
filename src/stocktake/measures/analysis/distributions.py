"""The few distribution functions the analysis needs, without SciPy at run time.

The tests check each against ``scipy.stats``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import polars as pl

# Abramowitz & Stegun 26.2.17: the upper normal tail as a polynomial in t = 1 / (1 + p·z).
_AS_P = 0.2316419
_AS_B = (0.319381530, -0.356563782, 1.781477937, -1.821255978, 1.330274429)
NORMAL_CDF_ERROR = 7.5e-8


def normal_cdf(z: pl.Expr) -> pl.Expr:
    """Φ(z), the standard normal CDF, to within :data:`NORMAL_CDF_ERROR` (Abramowitz & Stegun
    26.2.17); null stays null."""
    x = z.abs()
    t = 1 / (1 + _AS_P * x)
    polynomial = pl.lit(0.0)
    for coefficient in reversed(_AS_B):
        polynomial = t * (coefficient + polynomial)
    upper_tail = (-(x**2) / 2).exp() / math.sqrt(2 * math.pi) * polynomial
    return pl.when(z >= 0).then(1 - upper_tail).otherwise(upper_tail)


def _t_central(t: np.ndarray, df: np.ndarray) -> np.ndarray:
    """P(|T| ≤ t) for whole-number degrees of freedom: the finite series of Abramowitz & Stegun
    26.7.3 (odd df) and 26.7.4 (even df)."""
    theta = np.arctan(t / np.sqrt(df))
    sin, cos = np.sin(theta), np.cos(theta)
    odd = df % 2 == 1
    terms = np.where(odd, (df - 3) // 2, (df - 2) // 2)
    term = np.ones_like(t)
    total = np.ones_like(t)
    for k in range(1, int(terms.max(initial=0)) + 1):
        ratio = np.where(odd, 2 * k / (2 * k + 1), (2 * k - 1) / (2 * k))
        term = term * ratio * cos**2
        total = total + np.where(k <= terms, term, 0.0)
    odd_value = 2 / np.pi * (theta + np.where(df > 1, sin * cos * total, 0.0))
    return np.where(odd, odd_value, sin * total)


def t_quantile(*, probability: float, df: np.ndarray) -> np.ndarray:
    """The ``probability`` quantile (above 0.5) of Student's t for each whole-number df ≥ 1,
    by bisection on the exact CDF: correct to rounding."""
    df = np.asarray(df, dtype=np.int64)
    central = 2 * probability - 1
    low, high = np.zeros(df.shape), np.full(df.shape, 1e7)
    for _ in range(110):
        middle = (low + high) / 2
        below = _t_central(middle, df) < central
        low, high = np.where(below, middle, low), np.where(below, high, middle)
    return (low + high) / 2


def count_quantiles(
    *, kind: str, exposure: np.ndarray, target: float, probabilities: Sequence[float]
) -> np.ndarray:
    """Interpolated quantiles of a count, for each exposure and each probability
    (probabilities x exposures): ``r_p - alpha`` as in Spiegelhalter (2005, appendix), where
    r_p is the smallest count whose CDF reaches p and
    alpha = (F(r_p) - p) / (F(r_p) - F(r_p - 1)) makes the limit continuous in the exposure;
    floored at 0 (where r_p is 0, the formula would go below any possible count).

    ``kind`` ``"proportion"``: the count is Binomial(exposure, target), exposures whole numbers;
    ``"rate"``: Poisson(exposure x target). The target is above 0 (and below 1 for proportions).

    Exact: each distribution's probabilities are summed over a window of +/- 10 standard
    deviations (+/- 10 more) about its mean, built from the ratio of successive probabilities
    and normalised over the window (what falls outside is below 1e-20). All exposures are
    computed at once, their windows laid end to end.
    """
    if kind == "proportion":
        mean, sd = exposure * target, np.sqrt(exposure * target * (1 - target))
    else:
        mean, sd = exposure * target, np.sqrt(exposure * target)
    low = np.maximum(np.floor(mean - 10 * sd - 10), 0).astype(np.int64)
    high = np.ceil(mean + 10 * sd + 10).astype(np.int64)
    if kind == "proportion":
        high = np.minimum(high, exposure.astype(np.int64))
    lengths = high - low + 1
    offsets = np.cumsum(lengths) - lengths
    owner = np.repeat(np.arange(len(exposure)), lengths)
    count = low[owner] + np.arange(lengths.sum()) - offsets[owner]
    # log(P(k) / P(k - 1)) for every k but each window's first, where the chain starts at 0.
    previous = count - 1
    if kind == "proportion":
        step = np.log((exposure[owner] - previous) / np.maximum(count, 1)) + np.log(
            target / (1 - target)
        )
    else:
        step = np.log(mean[owner] / np.maximum(count, 1))
    step[offsets] = 0.0
    log_probability = np.cumsum(step)
    log_probability -= np.repeat(log_probability[offsets], lengths)
    log_probability -= np.repeat(np.maximum.reduceat(log_probability, offsets), lengths)
    probability = np.exp(log_probability)
    probability /= np.repeat(np.add.reduceat(probability, offsets), lengths)
    running = np.cumsum(probability)
    cdf = running - np.repeat(running[offsets] - probability[offsets], lengths)
    quantiles = np.empty((len(probabilities), len(exposure)))
    for row, p in enumerate(probabilities):
        reached = np.flatnonzero(cdf >= p)
        first = reached[np.unique(owner[reached], return_index=True)[1]]
        alpha = (cdf[first] - p) / probability[first]
        quantiles[row] = count[first] - alpha
    return np.maximum(quantiles, 0.0)
