"""Which column holds which field.

Headers match a kind's field names or their aliases in any case and spacing ("Area code",
"AREA_CODE" and "area-code" are one header). A mapping file (TOML) names odd headers, the sheet
and the header row::

    sheet = "Data"        # optional: the sheet to read (default: the first with a header row)
    header_row = 3        # optional: the header's row number (default: found, see below)

    [columns]
    "Local authority code" = "area"
    "Month" = "period"

Without ``header_row`` the header is the first row, among the first ``HEADER_SEARCH_ROWS``,
naming ``HEADER_NAMES_NEEDED`` of the kind's columns (or as many as it requires, if fewer), so
title rows and notes above a table are passed over, and a header lacking a required column is
still found and the column reported missing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stocktake.importing.tabular.cleaning import CellValue, cell_text
from stocktake.importing.tabular.readers import SourceRow

HEADER_SEARCH_ROWS = 30
HEADER_NAMES_NEEDED = 3
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")
_SETTINGS = ("columns", "sheet", "header_row")


@dataclass(frozen=True)
class Field:
    """A column a kind reads: its name (the default header), whether every row needs it, and
    other headers that mean the same."""

    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.name.replace("_", " ")


@dataclass(frozen=True)
class ColumnMapping:
    """A mapping file's settings: normalised header → field name, and where the table is."""

    columns: dict[str, str] = field(default_factory=dict)
    sheet: str | None = None
    header_row: int | None = None


@dataclass(frozen=True)
class Header:
    """The header row found: the column index and label ("C (Month)") of each field read."""

    number: int
    columns: dict[str, int]
    labels: dict[str, str]
    ignored: list[str]
    repeated: dict[str, list[str]]


class MappingFileError(Exception):
    """The mapping file cannot be used; ``reasons`` lists everything wrong with it."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons


def header_normalise(text: str) -> str:
    """Lower case, with every run of spaces and punctuation as one underscore."""
    return _NOT_ALPHANUMERIC.sub("_", text.lower()).strip("_")


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def mapping_load(*, path: Path, fields: Sequence[Field]) -> ColumnMapping:
    """Read a mapping file, checking every setting against the kind's fields."""
    try:
        settings = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise MappingFileError([f"Cannot read the mapping file: {error}."]) from error
    reasons = [
        f"Unknown setting “{name}”: use {', '.join(_SETTINGS)}."
        for name in settings
        if name not in _SETTINGS
    ]
    names = [item.name for item in fields]
    columns = settings.get("columns", {})
    if not isinstance(columns, dict):
        reasons.append("“columns” must be a table of “Their header” = “field” lines.")
        columns = {}
    for header, name in columns.items():
        if name not in names:
            reasons.append(
                f"“{header}” is mapped to “{name}”, which is not a column of this kind: "
                f"use one of {', '.join(names)}."
            )
    sheet, header_row = settings.get("sheet"), settings.get("header_row")
    if sheet is not None and not isinstance(sheet, str):
        reasons.append("“sheet” must be the sheet's name, in quotes.")
    if header_row is not None and (not isinstance(header_row, int) or header_row < 1):
        reasons.append("“header_row” must be a row number, such as 3.")
    if reasons:
        raise MappingFileError(reasons)
    return ColumnMapping(
        columns={header_normalise(header): name for header, name in columns.items()},
        sheet=sheet,
        header_row=header_row,
    )


def _names(fields: Sequence[Field], mapping: ColumnMapping) -> dict[str, str]:
    """Normalised header → field name; a field the mapping file names loses its defaults."""
    mapped = set(mapping.columns.values())
    names = {
        header_normalise(header): item.name
        for item in fields
        if item.name not in mapped
        for header in (item.name, *item.aliases)
    }
    return names | mapping.columns


def _headers(values: Iterable[CellValue]) -> list[str]:
    return [cell_text(value) or "" for value in values]


def header_find(
    rows: Iterator[SourceRow], *, fields: Sequence[Field], mapping: ColumnMapping
) -> Header | None:
    """Read rows up to the header row and return it (None if there is none).

    The rows after it are left in ``rows`` for the caller to read as data.
    """
    names = _names(fields, mapping)
    enough = min(HEADER_NAMES_NEEDED, sum(item.required for item in fields))
    for row in rows:
        if mapping.header_row is None and row.number > HEADER_SEARCH_ROWS:
            return None
        headers = _headers(row.values)
        found = {names[name] for header in headers if (name := header_normalise(header)) in names}
        if (
            row.number == mapping.header_row
            if mapping.header_row is not None
            else len(found) >= enough
        ):
            return _header(row.number, headers, names)
    return None


def _header(number: int, headers: list[str], names: dict[str, str]) -> Header:
    columns: dict[str, int] = {}
    labels: dict[str, str] = {}
    ignored: list[str] = []
    repeated: dict[str, list[str]] = {}
    for index, header in enumerate(headers):
        if not header:
            continue
        label = f"{column_letter(index)} ({header})"
        name = names.get(header_normalise(header))
        if name is None:
            ignored.append(label)
        elif name in columns:
            repeated.setdefault(name, [labels[name]]).append(label)
        else:
            columns[name], labels[name] = index, label
    return Header(number, columns, labels, ignored, repeated)


def header_problems(*, header: Header, fields: Sequence[Field]) -> list[tuple[str, str]]:
    """(field, reason) for each required column missing and each field headed twice."""
    problems = [
        (
            item.name,
            f"There is no “{item.name}” column: head a column “{item.name}”, "
            "or map your header to it in a mapping file.",
        )
        for item in fields
        if item.required and item.name not in header.columns
    ]
    problems += [
        (name, f"Columns {' and '.join(labels)} both hold “{name}”: keep one, or rename the other.")
        for name, labels in header.repeated.items()
    ]
    return problems
