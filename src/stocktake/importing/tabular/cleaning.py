"""Cell values as people type them in spreadsheets, into Python values. Pure functions, no Django.

Every parser takes the raw cell (text, a number, a date or nothing), returns ``None`` for a
missing value and raises ``CellError`` with a reason fit to show the person who made the file.
Missing is an empty cell, "n/a" or a dash; in number, date and yes/no columns also the markers
of statistical tables ("..", "x", ":", "[c]" …).
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Iterable

CellValue = str | float | dt.date | None
"""A cell as a reader gives it: text, a number, a date (or datetime) or nothing."""

NO_TEXT = frozenset({"", "n/a", "-", "–", "—"})
"""What a text cell may say for "none" (a code such as "X" or "NA" is still a code)."""
MISSING_MARKERS = NO_TEXT | {"na", "..", "...", "x", ":", "[x]", "[z]", "[c]", "[u]"}
"""What statistical tables write for "no value" in a number or date column (including the
ONS's shorthand: x not available, z not applicable, c confidential, u low reliability)."""

EXCEL_SERIAL_DATES = (20_000, 80_000)
"""Day numbers read as Excel serial dates in a date column: 1954-10-03 to 2119-01-11."""

FIRST_YEAR, LAST_YEAR = 1900, 2100

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_TRUE = frozenset({"yes", "y", "true", "t", "1"})
_FALSE = frozenset({"no", "n", "false", "f", "0"})

# A number with optional thousands separators in groups of three, a sign, a currency sign and a
# trailing percent sign, then any footnote markers: "1,234", "£1,500.50", "45%", "123[1]", "67 (p)".
_NUMBER = re.compile(
    r"""(?P<sign>[-+]?)\s*£?\s*
    (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+)(?P<exponent>[eE][-+]?\d+)?
    \s*%?
    (?:\s*(?:\[[^\]]*\]|\*+|\([a-zA-Z]{1,3}\)|[†‡§]))*""",
    re.VERBOSE,
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
_NAMED_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_NUMERIC_MONTH = re.compile(r"(\d{1,2})/(\d{4})")
_NAMED_MONTH = re.compile(r"([a-z]+)\.?[\s-]+(\d{4}|\d{2})")
_QUARTER = re.compile(r"(\d{4})[\s-]*q([1-4])|q([1-4])[\s-]*(\d{4})")

FORMATS = {
    "date": "31/03/2017, 31 March 2017 or 2017-03-31",
    "period": "2017-04, April 2017, Apr-17 or a quarter such as 2017 Q2",
}


class CellError(ValueError):
    """A cell that cannot be read as the column needs; ``reason`` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _shown(value: CellValue) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_missing(value: CellValue, /, *, markers: frozenset[str] = MISSING_MARKERS) -> bool:
    """Whether the cell holds no value: empty, or a marker for "not available"."""
    return value is None or (isinstance(value, str) and value.strip().lower() in markers)


def cell_text(value: CellValue, /) -> str | None:
    """Text with the surrounding spaces removed; numbers without a spurious ".0" (code 7, not 7.0)."""
    if is_missing(value, markers=NO_TEXT):
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _shown(value)


def cell_number(value: CellValue, /) -> float | None:
    """A number, allowing thousands separators ("1,234"), a £ or % sign and footnote markers
    ("123[1]", "45*", "67 (p)")."""
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        try:  # the common case first: plain numbers, as fast as Python reads them
            number = float(value)
        except ValueError:
            pass
        else:
            if math.isfinite(number):
                return number
    if is_missing(value):
        return None
    if isinstance(value, dt.date):
        raise CellError(f"“{value}” is a date, not a number.")
    match = _NUMBER.fullmatch(value.strip())
    if match is None:
        raise CellError(f"“{value.strip()}” is not a number.")
    number = float(match["sign"] + match["digits"].replace(",", "") + (match["exponent"] or ""))
    if not math.isfinite(number):
        raise CellError(f"“{value.strip()}” is too large a number.")
    return number


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 69 else 1900  # as strptime's %y reads two-digit years
    return year


def _checked_date(year: int, month: int, day: int, value: CellValue) -> dt.date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CellError(
            f"“{_shown(value)}” is outside the years {FIRST_YEAR} to {LAST_YEAR}; check the year."
        )
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(
            f"“{_shown(value)}” is not a real date: dates are read day, month, year "
            "(31/03/2017 is 31 March 2017)."
        ) from None


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _serial_date(number: float, value: CellValue, *, noun: str) -> dt.date:
    low, high = EXCEL_SERIAL_DATES
    if not number.is_integer() or not low <= number <= high:
        raise CellError(f"“{_shown(value)}” is a number, not a {noun}: use e.g. {FORMATS[noun]}.")
    return _EXCEL_EPOCH + dt.timedelta(days=int(number))


def _year_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a month written alone: "2017-03", "03/2017", "Mar-17", "March 2017"."""
    if match := _ISO_MONTH.fullmatch(text):
        return int(match[1]), int(match[2])
    if match := _NUMERIC_MONTH.fullmatch(text):
        return int(match[2]), int(match[1])
    if (match := _NAMED_MONTH.fullmatch(text)) and (month := _MONTHS.get(match[1])):
        return _year(match[2]), month
    return None


def _parse_date(value: CellValue, *, noun: str, month_end: bool) -> dt.date | None:
    """A day; a month written alone is its last day when ``month_end``, else its first."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if is_missing(value):
        return None
    if isinstance(value, float):
        return _serial_date(value, value, noun=noun)
    text = value.strip().lower()
    if text.isdigit():
        return _serial_date(float(text), value, noun=noun)
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _checked_date(year, month, day, value)
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = match.groups()
        return _checked_date(_year(year), int(month), int(day), value)
    if (match := _NAMED_DATE.fullmatch(text)) and (month := _MONTHS.get(match[2])):
        return _checked_date(_year(match[3]), month, int(match[1]), value)
    if (year_month := _year_month(text)) and 1 <= year_month[1] <= 12:
        year, month = year_month
        first = _checked_date(year, month, 1, value)
        return first.replace(day=_month_end(year, month)) if month_end else first
    raise CellError(f"“{_shown(value)}” is not a {noun}: use e.g. {FORMATS[noun]}.")


def cell_date(value: CellValue, /) -> dt.date | None:
    """A date: ISO (2017-03-31), UK (31/03/2017, 31 March 2017), a spreadsheet date, or an Excel
    serial day number. A month alone ("Mar-17", "2017-03") means its last day, as a due date
    given as a month would."""
    return _parse_date(value, noun="date", month_end=True)


def cell_period(value: CellValue, /) -> dt.date | None:
    """The first day of a month or quarter: "2017-04", "Apr 2017", "April 2017", "2017-04-01" or
    any date (its month), "2017 Q2" or "Q2 2017" (the quarter's first month)."""
    if isinstance(value, str) and (match := _QUARTER.fullmatch(value.strip().lower())):
        year, quarter = (match[1], match[2]) if match[1] else (match[4], match[3])
        return _checked_date(int(year), 3 * int(quarter) - 2, 1, value)
    day = _parse_date(value, noun="period", month_end=False)
    return None if day is None else day.replace(day=1)


def cell_bool(value: CellValue, /) -> bool | None:
    """Yes or no: yes/no, y/n, true/false, 1/0 (any case)."""
    if is_missing(value):
        return None
    text = cell_text(value).lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(f"“{cell_text(value)}” is not yes or no.")


def cell_list(value: CellValue, /) -> list[str]:
    """Several values in one cell, separated by semicolons: "DfE; BIS"."""
    text = cell_text(value)
    if text is None:
        return []
    return [item.strip() for item in text.split(";") if not is_missing(item, markers=NO_TEXT)]


def cell_choice(
    value: CellValue, /, *, choices: Iterable[tuple[str, str]], noun: str
) -> str | None:
    """The stored value of a choice written as its value or its label, in any case
    ("local_authority" or "Local authority")."""
    text = cell_text(value)
    if text is None:
        return None
    wanted = text.casefold()
    options = list(choices)
    for stored, label in options:
        if wanted in (str(stored).casefold(), str(label).casefold()):
            return stored
    names = ", ".join(str(label) for _, label in options)
    raise CellError(f"“{text}” is not a {noun}: choose from {names}.")
