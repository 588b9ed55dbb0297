"""The rows of a CSV, XLSX or ODS file, one at a time, numbered as the spreadsheet shows them.

CSV is streamed (never the whole file in memory) in the encoding it was saved in: UTF-8 with or
without a byte-order mark, else Windows-1252 (Excel's "CSV" on Windows). Workbooks are read by
calamine, which gives dates as dates and numbers as numbers.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import python_calamine

from stocktake.importing.tabular.cleaning import CellValue

CSV_SUFFIXES = frozenset({".csv"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
_CHUNK = 1 << 20


class SourceRow(NamedTuple):
    """One row: its sheet (None for CSV), its number as the user sees it (from 1), its cells.
    (A named tuple: made a million times a file, twice as fast as a frozen dataclass.)"""

    sheet: str | None
    number: int
    values: list[CellValue]


class FileUnreadableError(Exception):
    """The file cannot be read at all (wrong type, damaged, unknown encoding)."""

    def __init__(self, *, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


def csv_encoding(*, path: Path) -> str:
    """utf-8-sig when the file starts with a byte-order mark, utf-8 when every byte decodes as
    UTF-8, else cp1252. Reads the file in chunks, so any size is fine."""
    with path.open("rb") as file:
        if file.read(len(codecs.BOM_UTF8)) == codecs.BOM_UTF8:
            return "utf-8-sig"
        file.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while chunk := file.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def sheet_names(*, path: Path) -> list[str]:
    """The visible worksheets of a workbook, in order; none for a CSV file."""
    if _suffix(path) in CSV_SUFFIXES:
        return []
    with _workbook(path) as workbook:
        return [
            sheet.name
            for sheet in workbook.sheets_metadata
            if sheet.typ == python_calamine.SheetTypeEnum.WorkSheet
            and sheet.visible == python_calamine.SheetVisibleEnum.Visible
        ]


def rows_read(path: Path, *, sheet: str | None = None) -> Iterator[SourceRow]:
    """Every row of the file, blank ones included, so row numbers match what the user sees.

    ``sheet`` names a workbook's sheet (default: the first); CSV files have none. Empty cells are
    None (or "" in CSV files).
    """
    if _suffix(path) in CSV_SUFFIXES:
        yield from _csv_rows(path)
    else:
        yield from _workbook_rows(path, sheet=sheet)


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES | WORKBOOK_SUFFIXES:
        raise FileUnreadableError(
            path=path, reason="is not a CSV, Excel (.xlsx, .xls) or OpenDocument (.ods) file."
        )
    return suffix


def _csv_rows(path: Path) -> Iterator[SourceRow]:
    encoding = csv_encoding(path=path)
    number = 0
    try:
        with path.open(encoding=encoding, newline="") as file:
            for number, values in enumerate(csv.reader(file), start=1):
                yield SourceRow(None, number, values)
    except UnicodeDecodeError as error:
        raise FileUnreadableError(
            path=path, reason=f"is neither UTF-8 nor Windows-1252 text ({error.reason})."
        ) from error
    except csv.Error as error:
        raise FileUnreadableError(
            path=path, reason=f"cannot be read as CSV after row {number}: {error}."
        ) from error


# What calamine raises for a damaged workbook: its own errors, and OSError ("Invalid checksum")
# or ValueError from the zip and XML layers beneath.
_DAMAGED = (python_calamine.CalamineError, OSError, ValueError)


def _workbook(path: Path) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except _DAMAGED as error:
        raise FileUnreadableError(
            path=path, reason=f"cannot be opened as a spreadsheet ({error})."
        ) from error


def _workbook_rows(path: Path, *, sheet: str | None) -> Iterator[SourceRow]:
    with _workbook(path) as workbook:
        if sheet is None and not workbook.sheet_names:
            raise FileUnreadableError(path=path, reason="has no sheets.")
        name = sheet if sheet is not None else workbook.sheet_names[0]
        try:
            worksheet = workbook.get_sheet_by_name(name)
        except _DAMAGED as error:
            raise FileUnreadableError(
                path=path, reason=f"has no sheet called “{name}” that can be read ({error})."
            ) from error
        # calamine yields every row from the sheet's first (empty rows above the data included)
        # but starts each at the first used column: pad it, so column letters match the sheet.
        padding = [None] * (worksheet.start[1] if worksheet.start else 0)
        for number, values in enumerate(worksheet.iter_rows(), start=1):
            yield SourceRow(name, number, padding + [_workbook_value(value) for value in values])


def _workbook_value(value: object) -> CellValue:
    if value == "":
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str | dt.date):  # dt.datetime is a dt.date too
        return value
    return str(value)  # times and durations: kept as text
