"""Calendar arithmetic for reporting periods. Pure Python, used by every app."""

from __future__ import annotations

import calendar
import datetime as dt

MONTHS_IN = {"monthly": 1, "quarterly": 3, "annual": 12}


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_later(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` later, clipped to the month's end."""
    first = add_months(day, months)
    return first.replace(day=min(day.day, calendar.monthrange(first.year, first.month)[1]))


def period_start(day: dt.date, *, frequency: str) -> dt.date:
    """The start of the period holding ``day``: its month, or its calendar quarter."""
    if frequency == "quarterly":
        return dt.date(day.year, day.month - (day.month - 1) % 3, 1)
    return month_start(day)


def period_starts(start: dt.date, end: dt.date, *, frequency: str) -> list[dt.date]:
    """Starts of the periods from the one holding ``start`` to ``end``, by the frequency."""
    step = MONTHS_IN[frequency]
    periods, period = [], period_start(start, frequency=frequency)
    while period <= end:
        periods.append(period)
        period = add_months(period, step)
    return periods
