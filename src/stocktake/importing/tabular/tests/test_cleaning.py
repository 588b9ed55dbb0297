"""Cells as people type them: numbers with separators and footnotes, UK dates, missing markers."""

from __future__ import annotations

import datetime as dt

import pytest

from stocktake.importing.tabular.cleaning import (
    CellError,
    CellValue,
    cell_bool,
    cell_choice,
    cell_date,
    cell_list,
    cell_number,
    cell_period,
    cell_text,
)
from stocktake.register.models import AreaLevel


@pytest.mark.parametrize(
    ("cell", "number"),
    [
        ("1,234", 1234.0),
        ("1,234,567.5", 1234567.5),
        ("123[1]", 123.0),
        ("45*", 45.0),
        ("67 (p)", 67.0),
        ("12 [note 1][2]", 12.0),
        ("£1,500.50", 1500.5),
        ("45%", 45.0),
        (" -3.2 ", -3.2),
        (12.0, 12.0),
    ],
)
def test_numbers_as_published(cell: CellValue, number: float) -> None:
    assert cell_number(cell) == number


@pytest.mark.parametrize("cell", [None, "", "n/a", "N/A", "..", "-", "x", ":", "[c]"])
def test_missing_markers_are_no_value(cell: CellValue) -> None:
    assert cell_number(cell) is None
    assert cell_date(cell) is None
    assert cell_period(cell) is None


def test_text_is_missing_only_when_it_says_none() -> None:
    assert [cell_text(cell) for cell in ("", " n/a ", "-", "X", "NA", "..")] == [
        None,
        None,
        None,
        "X",
        "NA",
        "..",
    ]


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1,5", "“1,5” is not a number."),
        ("twelve", "“twelve” is not a number."),
        ("nan", "“nan” is not a number."),
    ],
)
def test_what_is_not_a_number_says_so(cell: CellValue, reason: str) -> None:
    with pytest.raises(CellError) as error:
        cell_number(cell)
    assert error.value.reason == reason


@pytest.mark.parametrize(
    "cell",
    [
        "2017-03-31",
        "31/03/2017",
        "31/3/17",
        "31-03-2017",
        "31 March 2017",
        "31st Mar 2017",
        42825.0,
        "42825",
        dt.datetime(2017, 3, 31, 0, 0),
        dt.date(2017, 3, 31),
    ],
)
def test_dates_in_uk_iso_and_excel_forms(cell: CellValue) -> None:
    assert cell_date(cell) == dt.date(2017, 3, 31)


@pytest.mark.parametrize("cell", ["Mar-17", "March 2017", "2017-03", "03/2017"])
def test_a_month_as_a_date_is_its_last_day(cell: CellValue) -> None:
    assert cell_date(cell) == dt.date(2017, 3, 31)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("03/31/2017", "“03/31/2017” is not a real date: dates are read day, month, year"),
        ("soon", "“soon” is not a date: use e.g. 31/03/2017"),
        (12.5, "“12.5” is a number, not a date"),
        (1234.0, "“1234” is a number, not a date"),
        ("3017-01-01", "“3017-01-01” is outside the years 1900 to 2100"),
    ],
)
def test_what_is_not_a_date_says_why(cell: CellValue, reason: str) -> None:
    with pytest.raises(CellError) as error:
        cell_date(cell)
    assert error.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("cell", "period"),
    [
        ("2017-04", dt.date(2017, 4, 1)),
        ("Apr 2017", dt.date(2017, 4, 1)),
        ("April 2017", dt.date(2017, 4, 1)),
        ("Apr-17", dt.date(2017, 4, 1)),
        ("2017-04-01", dt.date(2017, 4, 1)),
        ("15/04/2017", dt.date(2017, 4, 1)),
        (dt.date(2017, 4, 30), dt.date(2017, 4, 1)),
        (42856.0, dt.date(2017, 5, 1)),
        ("2017 Q2", dt.date(2017, 4, 1)),
        ("Q4 2017", dt.date(2017, 10, 1)),
    ],
)
def test_periods_are_month_or_quarter_starts(cell: CellValue, period: dt.date) -> None:
    assert cell_period(cell) == period


def test_yes_no_lists_and_choices() -> None:
    assert [cell_bool(cell) for cell in ("Yes", "n", "TRUE", 1.0, "0", "")] == [
        True,
        False,
        True,
        True,
        False,
        None,
    ]
    with pytest.raises(CellError, match="“maybe” is not yes or no"):
        cell_bool("maybe")
    assert cell_list("DfE; BIS ;; n/a") == ["DfE", "BIS"]
    assert cell_text(7.0) == "7"
    choices = AreaLevel.choices
    assert (
        cell_choice("Local authority district", choices=choices, noun="level") == "local_authority"
    )
    assert cell_choice("WARD", choices=choices, noun="level") == "ward"
    with pytest.raises(CellError, match="“Parish” is not a level: choose from Nation, Region"):
        cell_choice("Parish", choices=choices, noun="level")
