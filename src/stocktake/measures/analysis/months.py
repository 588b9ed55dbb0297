"""Calendar facts about many dates at once.

Dates are day numbers (days since 1970-01-01, polars' physical Date). A lookup table over the
dates' range answers for all of them in one gather, far faster than date arithmetic row by row.
"""

from __future__ import annotations

import datetime as dt

import numpy as np


def _days_in_range(days: np.ndarray) -> tuple[np.ndarray, int]:
    low, high = int(days.min(initial=0)), int(days.max(initial=0))
    return np.arange(low, high + 1).astype("datetime64[D]"), low


def month_index(days: np.ndarray) -> np.ndarray:
    """Months since January 1970 of each day number: 2024-03-17 gives 650."""
    table, low = _days_in_range(days)
    return table.astype("datetime64[M]").astype(np.int64)[days - low]


def is_month_start(days: np.ndarray) -> np.ndarray:
    """Whether each day number is the first day of its month."""
    table, low = _days_in_range(days)
    return (table.astype("datetime64[M]").astype("datetime64[D]") == table)[days - low]


def day_number(day: dt.date) -> int:
    return (day - dt.date(1970, 1, 1)).days


def month_number(day: dt.date) -> int:
    """Months since January 1970 of one date."""
    return (day.year - 1970) * 12 + day.month - 1
