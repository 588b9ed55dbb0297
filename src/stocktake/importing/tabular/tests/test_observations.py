"""Observations from published tables: title rows, Excel dates, separators, footnotes, upserts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction

from stocktake.importing.tabular.kinds.observations import Observations, _CopyStaging, _Staging
from stocktake.importing.tabular.service import ImportRejected, tabular_import
from stocktake.importing.tabular.tests.files import csv_write, xlsx_write
from stocktake.measures.models import Measure, Observation
from stocktake.register.models import Area, AreaLevel
from stocktake.register.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db

APRIL_2017 = 42826  # Excel's serial number for 1 April 2017


@pytest.fixture
def recycling() -> Measure:
    AreaFactory(code="E09000014", name="Haringey")
    AreaFactory(code="E09000002", name="Barking and Dagenham")
    AreaFactory(code="E12000007", name="London", level=AreaLevel.REGION)
    return Measure.objects.create(
        code="recycling",
        name="Household waste recycled",
        unit="tonnes",
        direction="higher",
        frequency="monthly",
        area_levels=[AreaLevel.LOCAL_AUTHORITY],
    )


@pytest.fixture
def published_table(tmp_path: Path) -> Path:
    """As statistical releases publish: a cover sheet, title rows, Excel serial dates, separators,
    footnote markers, a suppressed value and footnotes under the table."""
    return xlsx_write(
        tmp_path / "recycling.xlsx",
        [
            ["Table 1: Household waste recycled, by local authority"],
            ["England, 2017/18"],
            [],
            ["Measure code", "Area Code", "Period", "Value", "Provisional", "Denominator"],
            ["recycling", "E09000014", APRIL_2017, "1,234", "no", 50_000],
            ["recycling", "E09000002", APRIL_2017, "45*", "n", None],
            ["recycling", "E09000014", "May 2017", "2,001[1]", "y", "51,000"],
            ["recycling", "E09000002", "May 2017", "n/a", None, None],
            ["recycling", "E09000002", "2017-06", "67 (p)", "yes", None],
            [],
            ["Source: ONS"],
            ["1. Provisional"],
        ],
        cover=True,
    )


def _problems(path: Path) -> list[str]:
    """The problems an import of ``path`` is rejected with, a line each."""
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(path=path, kind="observations")
    return rejected.value.report.problems_text().splitlines()


def test_a_published_table_is_read_as_people_lay_it_out(
    published_table: Path, recycling: Measure
) -> None:
    report = tabular_import(path=published_table, kind="observations")

    assert (report.rows, report.created, report.skipped) == (5, 4, 1)
    assert "1 row with no value (such as “x”, “..” or an empty cell) skipped." in report.notes
    assert "Notes above or below the table passed over (rows 11, 12)." in report.notes
    values = {
        (row.area.code, row.period): (row.value, row.provisional, row.denominator)
        for row in Observation.objects.select_related("area")
    }
    assert values == {
        ("E09000014", dt.date(2017, 4, 1)): (1234.0, False, 50_000.0),
        ("E09000002", dt.date(2017, 4, 1)): (45.0, False, None),
        ("E09000014", dt.date(2017, 5, 1)): (2001.0, True, 51_000.0),
        ("E09000002", dt.date(2017, 6, 1)): (67.0, True, None),
    }


def test_a_corrected_file_replaces_values_and_keeps_what_it_does_not_give(
    tmp_path: Path, published_table: Path, recycling: Measure
) -> None:
    tabular_import(path=published_table, kind="observations")
    path = csv_write(
        tmp_path / "revised.csv",
        [
            ["measure", "area", "period", "value"],
            ["recycling", "E09000014", "2017-04", "1,240"],
            ["recycling", "E09000014", "2017-07", "1,300"],
        ],
        encoding="utf-8-sig",
    )
    preview = tabular_import(path=path, kind="observations", dry_run=True)
    assert (preview.created, preview.updated, Observation.objects.count()) == (1, 1, 4)

    progress: list[int] = []
    report = tabular_import(path=path, kind="observations", progress=progress.append)
    assert (report.created, report.updated) == (1, 1)
    assert progress == [2, 4]  # after checking both rows, then after writing them
    assert Observation.objects.count() == 5
    april = Observation.objects.get(area__code="E09000014", period=dt.date(2017, 4, 1))
    assert (april.value, april.denominator, april.provisional) == (1240.0, 50_000.0, False)


def test_problems_use_the_models_rules(tmp_path: Path, recycling: Measure) -> None:
    path = csv_write(
        tmp_path / "bad.csv",
        [
            ["measure", "area", "period", "value", "denominator"],
            ["recycling", "E09000014", "2017-04", "12", ""],
            ["recycling", "E09000014", "April 2017", "13", ""],
            ["recycling", "E12000007", "2017-04", "14", "-5"],
            ["recycling", "E09000099", "2017-04", "twelve", ""],
        ],
    )
    assert _problems(path) == [
        "bad.csv, row 3, column C (period): Another row has a value for recycling, E09000014 and "
        "April 2017: give each one row.",
        "bad.csv, row 4, column B (area): Household waste recycled is not reported for region "
        "areas such as London; it is reported for: local_authority.",
        "bad.csv, row 4, column E (denominator): The denominator cannot be negative.",
        "bad.csv, row 5, column B (area): There is no area with the code “E09000099”.",
        "bad.csv, row 5, column D (value): “twelve” is not a number.",
    ]
    assert not Observation.objects.exists()


def _many_rows(count: int) -> list[list[str]]:
    """``count`` good rows: one measure, the fixture's two boroughs, month after month."""
    boroughs = ("E09000014", "E09000002")
    return [
        ["recycling", boroughs[row % 2], f"{1900 + row // 24}-{row // 2 % 12 + 1:02d}", f"{row}.5"]
        for row in range(count)
    ]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Observations, "batch_size", 1000)


def _staging_exists() -> bool:
    staging = _CopyStaging if connection.vendor == "postgresql" else _Staging
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {staging.staging}")  # noqa: S608 - our own name
    except DatabaseError:
        return False
    return True


@pytest.mark.usefixtures("small_batches")
def test_a_bad_row_after_thousands_of_good_ones_writes_nothing_and_is_named(
    tmp_path: Path, recycling: Measure
) -> None:
    good = _many_rows(4000)
    path = csv_write(
        tmp_path / "late.csv",
        [
            ["measure", "area", "period", "value"],
            *good,
            ["recycling", "E09000014", "2199-01", "12"],
            ["recycling", "E09000002", "1900-01", "13"],  # row 3 again
            ["recycling", "E09000014", "2017-04", "inf"],
            ["recycling", "E12000007", "2017-04", "14"],
        ],
    )
    assert _problems(path) == [
        "late.csv, row 4002, column C (period): “2199-01” is outside the years 1900 to 2100; "
        "check the year.",
        "late.csv, row 4003, column C (period): Another row has a value for recycling, "
        "E09000002 and January 1900: give each one row.",
        "late.csv, row 4004, column D (value): “inf” is not a number.",
        "late.csv, row 4005, column B (area): Household waste recycled is not reported for "
        "region areas such as London; it is reported for: local_authority.",
    ]
    assert not Observation.objects.exists()
    assert not _staging_exists()

    report = tabular_import(
        path=csv_write(path, [["measure", "area", "period", "value"], *good]), kind="observations"
    )
    assert (report.rows, report.created, Observation.objects.count()) == (4000, 4000, 4000)
    assert not _staging_exists()
    last = Observation.objects.get(area__code="E09000002", period=dt.date(2066, 8, 1))
    assert (last.value, last.provisional, last.denominator) == (3999.5, False, None)


@pytest.mark.usefixtures("small_batches")
def test_rows_like_good_ones_get_every_check(tmp_path: Path, recycling: Measure) -> None:
    """Rows after a good one with the same measure, area and flag go the quick way, unless
    anything in them differs from what a good row had: then they are checked cell by cell."""
    path = csv_write(
        tmp_path / "after.csv",
        [
            ["measure", "area", "period", "value", "provisional", "denominator"],
            ["recycling", "E09000014", "2017-04", "10", "no", ""],
            ["recycling", "E09000014", "2017-05", "1,234", "no", "100"],
            ["recycling", "E09000014", "2017-06", "nan", "no", ""],
            ["recycling", "E09000014", "2017-07", "11", "maybe", ""],
            ["recycling", "E09000014", "2017-08", "12", "no", "-1"],
            ["recycling", "E09000014", "2017-04", "13", "no", ""],
            ["recycling", "E09000014", "2017-09", "x", "no", ""],
            ["recycling", "E09000014", "2017-10", "14", "no", "1e999"],
        ],
    )
    assert _problems(path) == [
        "after.csv, row 4, column D (value): “nan” is not a number.",
        "after.csv, row 5, column E (provisional): “maybe” is not yes or no.",
        "after.csv, row 6, column F (denominator): The denominator cannot be negative.",
        "after.csv, row 7, column C (period): Another row has a value for recycling, "
        "E09000014 and April 2017: give each one row.",
        "after.csv, row 9, column F (denominator): “1e999” is too large a number.",
    ]
    assert not Observation.objects.exists()


def test_a_dry_run_stages_nothing(published_table: Path, recycling: Measure) -> None:
    report = tabular_import(path=published_table, kind="observations", dry_run=True)

    assert (report.created, Observation.objects.count()) == (4, 0)
    assert not _staging_exists()


def test_a_value_stored_by_someone_else_meanwhile_stops_the_import(
    tmp_path: Path, recycling: Measure, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks found nothing stored to replace, so the rows go in by a plain INSERT: a
    value stored between the checks and the writing makes it fail, and it writes nothing."""
    path = csv_write(tmp_path / "new.csv", [["measure", "area", "period", "value"], *_many_rows(3)])
    checked = Observations.check_end

    def someone_else_stores_one(self: Observations) -> None:
        checked(self)
        area = Area.objects.get(code="E09000002")
        Observation.objects.create(
            measure=recycling, area=area, period=dt.date(1900, 1, 1), value=1
        )

    monkeypatch.setattr(Observations, "check_end", someone_else_stores_one)
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(path=path, kind="observations")

    assert rejected.value.report.problems_text().startswith("new.csv: Nothing was written: ")
    assert Observation.objects.get().value == 1
