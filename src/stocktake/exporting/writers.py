"""Writing sheets out as CSV, XLSX and ODS files, and a document as JSON."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from stocktake.exporting.sheets import Sheet

FORMATS = ("csv", "xlsx", "ods", "json")


def _cell(value: Any) -> Any:
    return "" if value is None else value


def csv_write(sheets: Sequence[Sheet], out: Path) -> list[Path]:
    """The first sheet to ``out``; each other sheet beside it as ``<stem>.<sheet>.csv``."""
    paths = []
    for index, sheet in enumerate(sheets):
        path = out if index == 0 else out.with_name(f"{out.stem}.{sheet.name}.csv")
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(sheet.columns)
            writer.writerows([[_cell(value) for value in row] for row in sheet.rows])
        paths.append(path)
    return paths


def xlsx_write(sheets: Sequence[Sheet], out: Path) -> list[Path]:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    for sheet in sheets:
        worksheet = book.create_sheet(sheet.name)
        worksheet.append([_header_cell(worksheet, column, Font) for column in sheet.columns])
        for row in sheet.rows:
            worksheet.append([_xlsx_value(worksheet, value) for value in row])
    book.save(out)
    return [out]


def _header_cell(worksheet: Any, text: str, font: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(worksheet, value=text)
    cell.font = font(bold=True)
    return cell


def _xlsx_value(worksheet: Any, value: Any) -> Any:
    """The value, except that text starting with "=" stays text: openpyxl would otherwise write
    it as a formula, for the spreadsheet to run."""
    if not (isinstance(value, str) and value.startswith("=")):
        return _cell(value)
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(worksheet, value=value)
    cell.data_type = "s"
    return cell


def ods_write(sheets: Sequence[Sheet], out: Path) -> list[Path]:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    for sheet in sheets:
        table = Table(name=sheet.name)
        for values in [list(sheet.columns), *sheet.rows]:
            row = TableRow()
            for value in values:
                if isinstance(value, bool) or not isinstance(value, int | float):
                    cell = TableCell(valuetype="string")
                    cell.addElement(P(text=str(_cell(value))))
                else:
                    cell = TableCell(valuetype="float", value=value)
                    cell.addElement(P(text=str(value)))
                row.addElement(cell)
            table.addElement(row)
        document.spreadsheet.addElement(table)
    document.save(str(out))
    return [out]


def json_write(document: dict[str, Any], out: Path) -> list[Path]:
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [out]
