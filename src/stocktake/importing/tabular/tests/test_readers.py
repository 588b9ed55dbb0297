"""Rows come out as the user sees them, whatever encoding or format the file was saved in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stocktake.importing.tabular.readers import (
    FileUnreadableError,
    csv_encoding,
    rows_read,
    sheet_names,
)
from stocktake.importing.tabular.tests.files import csv_write, ods_write, xlsx_write


def test_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = csv_write(tmp_path / "bom.csv", [["code", "name"], ["E1", "Café"]], encoding="utf-8-sig")
    assert csv_encoding(path=path) == "utf-8-sig"
    assert [row.values for row in rows_read(path)] == [["code", "name"], ["E1", "Café"]]


def test_windows_1252_is_recognised(tmp_path: Path) -> None:
    path = csv_write(
        tmp_path / "excel.csv", [["name", "note"], ["Fund", "£5m – 2017"]], encoding="cp1252"
    )
    assert csv_encoding(path=path) == "cp1252"
    assert list(rows_read(path))[1].values == ["Fund", "£5m – 2017"]


def test_spreadsheet_rows_keep_their_numbers_letters_and_types(tmp_path: Path) -> None:
    path = xlsx_write(
        tmp_path / "book.xlsx",
        [["Title"], [], [None, "period", "value"], [None, dt.date(2017, 4, 1), 1234]],
        cover=True,
    )
    assert sheet_names(path=path) == ["Cover", "Data"]
    rows = list(rows_read(path, sheet="Data"))
    assert [row.number for row in rows] == [1, 2, 3, 4]
    assert rows[2].values == [None, "period", "value"]
    assert rows[3].values == [None, dt.date(2017, 4, 1), 1234.0]
    assert {row.sheet for row in rows} == {"Data"}


def test_ods_is_read_like_xlsx(tmp_path: Path) -> None:
    path = ods_write(tmp_path / "book.ods", [["period", "value"], [dt.date(2017, 4, 1), 12.5]])
    assert [row.values for row in rows_read(path)] == [
        ["period", "value"],
        [dt.date(2017, 4, 1), 12.5],
    ]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("notes.txt", b"hello", "is not a CSV, Excel (.xlsx, .xls) or OpenDocument (.ods) file."),
        ("broken.xlsx", b"not a zip", "cannot be opened as a spreadsheet"),
        ("odd.csv", b"a,b\n\x81\x8d,\x90\n", "is neither UTF-8 nor Windows-1252 text"),
    ],
)
def test_unreadable_files_are_named(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(FileUnreadableError) as error:
        list(rows_read(path))
    assert str(error.value).startswith(f"{name}: {reason}")
