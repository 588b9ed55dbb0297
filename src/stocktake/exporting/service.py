"""Exporting a programme: the one entry point the CLI and the web downloads call."""

from __future__ import annotations

from pathlib import Path

from stocktake.exporting.programme import programme_document
from stocktake.exporting.sheets import programme_sheets
from stocktake.exporting.writers import FORMATS, csv_write, json_write, ods_write, xlsx_write
from stocktake.register.models import Programme

TABULAR = {"csv": csv_write, "xlsx": xlsx_write, "ods": ods_write}


class ExportError(Exception):
    """Raised when an export cannot be made; the message says why."""


def programme_export(*, programme_code: str, format: str, out: Path) -> list[Path]:
    """Write a programme to ``out`` in ``format``; returns the files written."""
    if format not in FORMATS:
        raise ExportError(f"Unknown format '{format}': choose one of {', '.join(FORMATS)}.")
    programme = Programme.objects.filter(code=programme_code).first()
    if programme is None:
        raise ExportError(f"There is no programme with the code '{programme_code}'.")
    if not out.parent.is_dir():
        raise ExportError(f"The folder {out.parent} does not exist.")
    document = programme_document(programme=programme)
    if format == "json":
        return json_write(document, out)
    return TABULAR[format](programme_sheets(document=document), out)
