"""Real files for the tests: CSV in the encodings people save, XLSX and ODS as spreadsheets
write them (dates as dates, numbers as numbers)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P

Cell = str | int | float | dt.date | None


def csv_write(path: Path, rows: Sequence[Sequence[Cell]], *, encoding: str = "utf-8") -> Path:
    """``encoding="utf-8-sig"`` writes a byte-order mark, as Excel's "CSV UTF-8" does."""
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file).writerows(rows)
    return path


def xlsx_write(
    path: Path, rows: Sequence[Sequence[Cell]], *, sheet: str = "Data", cover: bool = False
) -> Path:
    """``cover`` puts a notes sheet first, as published workbooks often have."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    if cover:
        worksheet.title = "Cover"
        worksheet.append(["About these statistics"])
        worksheet = workbook.create_sheet(sheet)
    else:
        worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    workbook.save(path)
    return path


def _ods_cell(value: Cell) -> TableCell:
    if value is None:
        return TableCell()
    if isinstance(value, dt.date):
        cell = TableCell(valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=value.strftime("%d/%m/%Y")))
    elif isinstance(value, int | float):
        cell = TableCell(valuetype="float", value=value)
        cell.addElement(P(text=str(value)))
    else:
        cell = TableCell(valuetype="string")
        cell.addElement(P(text=value))
    return cell


def ods_write(path: Path, rows: Sequence[Sequence[Cell]], *, sheet: str = "Data") -> Path:
    document = OpenDocumentSpreadsheet()
    table = Table(name=sheet)
    for row in rows:
        table_row = TableRow()
        for value in row:
            table_row.addElement(_ods_cell(value))
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path
