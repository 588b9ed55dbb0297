"""Moving the demo's hand-written dates to the present, so the demo is always mid-delivery.

The content is written as of a fixed day (``content.DEMO_AS_OF``), part-way into its programmes.
Loading it moves every date, and every year written in a phrase, forward by the whole number of
years that brings that day nearest to today; so "by 2020" and "2016/17" stay true to the dates
beside them, and the demo always reads as part-way through delivery.
"""

from __future__ import annotations

import datetime as dt
import re

# A year, optionally followed by the short second year of a financial year ("2016/17").
_YEAR = re.compile(r"\b((?:19|20)\d\d)(?:([/–-])(\d\d)\b)?\b")


class Timeline:
    """Shifts content dates and phrases by ``years``."""

    def __init__(self, *, content_as_of: dt.date, today: dt.date) -> None:
        self.years = round((today - content_as_of).days / 365.2425)
        self.as_of = self.date(content_as_of)

    def date(self, value: dt.date | str | None) -> dt.date | None:
        if value is None:
            return None
        day = dt.date.fromisoformat(value) if isinstance(value, str) else value
        year = day.year + self.years
        # 29 February has no twin in most years.
        return day.replace(year=year, day=min(day.day, 28 if day.month == 2 else day.day))

    def text(self, phrase: str) -> str:
        def shift(match: re.Match[str]) -> str:
            year = int(match.group(1)) + self.years
            if match.group(3) is None:
                return str(year)
            return f"{year}{match.group(2)}{(int(match.group(3)) + self.years) % 100:02d}"

        return _YEAR.sub(shift, phrase)
