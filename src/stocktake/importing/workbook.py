"""Importing a whole programme from the workbook (XLSX, ODS) or the CSV files that
``stocktake export`` writes: the sheets of ``exporting/sheets.py`` are read back into the
programme document and imported as the JSON export is (``importing/programme.py``), all or
nothing. A problem names the file, sheet and row it comes from.

A workbook is a programme export when it has a ``programme`` sheet; a CSV export is its register
file (``man.csv``) with the other kinds beside it (``man.programme.csv``, ``man.milestones.csv``…).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stocktake.exporting.sheets import (
    AREA_COLUMNS,
    COMMITMENT_COLUMNS,
    MEASURE_COLUMNS,
    MILESTONE_COLUMNS,
    OBSERVATION_COLUMNS,
    ORGANISATION_COLUMNS,
    PERSON_COLUMNS,
    PROGRAMME_FIELDS,
    SCALE_COLUMNS,
    UPDATE_COLUMNS,
)
from stocktake.importing.programme import (
    ProgrammeImportError,
    ProgrammeImportReport,
    programme_import,
)
from stocktake.importing.tabular.cleaning import (
    CellError,
    CellValue,
    cell_bool,
    cell_date,
    cell_list,
    cell_number,
    cell_text,
)
from stocktake.importing.tabular.readers import (
    CSV_SUFFIXES,
    FileUnreadableError,
    rows_read,
    sheet_names,
)

PROGRAMME_SHEET = "programme"
SHEETS = {
    "commitments": COMMITMENT_COLUMNS,
    "milestones": MILESTONE_COLUMNS,
    "updates": UPDATE_COLUMNS,
    "organisations": ORGANISATION_COLUMNS,
    "people": PERSON_COLUMNS,
    "areas": AREA_COLUMNS,
    "measures": MEASURE_COLUMNS,
    "observations": OBSERVATION_COLUMNS,
    "scales": SCALE_COLUMNS,
    PROGRAMME_SHEET: ("field", "value"),
}
REQUIRED = ("commitments", "organisations", "scales", PROGRAMME_SHEET)


@dataclass(frozen=True)
class SheetRow:
    """A row of a sheet by its headers, and where it is, as the user would look for it."""

    place: str
    cells: dict[str, CellValue]

    def __getitem__(self, column: str) -> CellValue:
        return self.cells.get(column)


def _csv_sheet_path(path: Path, name: str) -> Path:
    return path if name == "commitments" else path.with_name(f"{path.stem}.{name}.csv")


def is_programme_workbook(path: Path) -> bool:
    """Whether ``path`` is a programme exported as a workbook or as CSV files."""
    if path.suffix.lower() in CSV_SUFFIXES:
        return _csv_sheet_path(path, PROGRAMME_SHEET).is_file()
    try:
        return PROGRAMME_SHEET in sheet_names(path=path)
    except FileUnreadableError:
        return False


@dataclass
class _Reader:
    """Reads the sheets, collecting every problem with its place instead of stopping."""

    path: Path
    problems: list[str] = field(default_factory=list)

    def sheets(self) -> dict[str, list[SheetRow]]:
        if self.path.suffix.lower() in CSV_SUFFIXES:
            present = {name for name in SHEETS if _csv_sheet_path(self.path, name).is_file()}
        else:
            present = set(sheet_names(path=self.path)) & set(SHEETS)
        for name in REQUIRED:
            if name not in present:
                self.problems.append(f"{self._where(name)}: the {name} sheet is missing")
        return {name: list(self._rows(name)) for name in SHEETS if name in present}

    def _where(self, sheet: str, row: int | None = None) -> str:
        if self.path.suffix.lower() in CSV_SUFFIXES:
            where = _csv_sheet_path(self.path, sheet).name
        else:
            where = f"{self.path.name}, sheet {sheet}"
        return f"{where}, row {row}" if row else where

    def _rows(self, sheet: str) -> Iterator[SheetRow]:
        if self.path.suffix.lower() in CSV_SUFFIXES:
            rows = rows_read(_csv_sheet_path(self.path, sheet))
        else:
            rows = rows_read(self.path, sheet=sheet)
        header: list[str] | None = None
        for row in rows:
            if not any(value not in (None, "") for value in row.values):
                continue
            if header is None:
                header = [(cell_text(value) or "").lower() for value in row.values]
                missing = [column for column in SHEETS[sheet] if column not in header]
                if missing and sheet != PROGRAMME_SHEET:
                    self.problems.append(
                        f"{self._where(sheet, row.number)}: no column headed {', '.join(missing)}"
                    )
                continue
            yield SheetRow(
                self._where(sheet, row.number), dict(zip(header, row.values, strict=False))
            )

    def cell(self, row: SheetRow, column: str, read: Callable[[CellValue], Any]) -> Any:
        """The cell read with ``read``; a problem (and None) when it cannot be."""
        try:
            return read(row[column])
        except CellError as error:
            self.problems.append(f"{row.place}, column {column}: {error.reason}")
            return None


def _text(value: CellValue) -> str:
    """Free text exactly as written; numbers without a spurious ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _optional(value: CellValue) -> str | None:
    return _text(value) or None


def _iso_date(value: CellValue) -> str | None:
    day = cell_date(value)
    return day.isoformat() if day else None


def _integer(value: CellValue) -> int | None:
    number = cell_number(value)
    if number is None:
        return None
    if not number.is_integer():
        raise CellError(f"“{_text(value)}” is not a whole number.")
    return int(number)


def _evidence(value: CellValue) -> list[dict[str, str]]:
    links = []
    for item in cell_list(value):
        title, _, url = item.rpartition(" <")
        if not url.endswith(">"):
            title, url = "", f"{item}>"
        links.append({"title": title.strip(), "url": url[:-1].strip()})
    return links


def programme_workbook_document(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The programme document in the sheets of ``path``, and each document place's sheet row
    (``"commitments[3]"`` → ``"man.xlsx, sheet commitments, row 5"``)."""
    reader = _Reader(path)
    try:
        sheets = reader.sheets()
    except FileUnreadableError as error:
        raise ProgrammeImportError(path.name, [error.reason]) from error
    document, places = _Document(reader, sheets).build()
    if reader.problems:
        raise ProgrammeImportError(path.name, reader.problems)
    return document, places


@dataclass
class _Document:
    reader: _Reader
    sheets: dict[str, list[SheetRow]]
    places: dict[str, str] = field(default_factory=dict)

    def build(self) -> tuple[dict[str, Any], dict[str, str]]:
        fields = {_text(row["field"]): row["value"] for row in self.sheets.get(PROGRAMME_SHEET, [])}
        people = self._people()
        document = {
            "schema_version": _text(fields.get("schema_version")),
            "programme": {
                key: (
                    _iso_date(fields.get(key))
                    if key.endswith("_date")
                    else _optional(fields.get(key))
                    if key in ("organisation", "area")
                    else self._published(fields.get(key))
                    if key == "published"
                    else _text(fields.get(key))
                )
                for key in PROGRAMME_FIELDS
            },
            "scales": self._scales(),
            "organisations": self._coded("organisations", "kind"),
            "people": list(people.values()),
            "commitments": self._commitments(people),
            "areas": self._coded("areas", "level"),
            "measures": self._measures(),
            "observations": self._observations(),
        }
        return document, self.places

    def _published(self, value: CellValue) -> bool:
        """The programme's published flag: yes or no (empty, in older files: no)."""
        try:
            return bool(cell_bool(value))
        except CellError as error:
            self.reader.problems.append(f"Sheet {PROGRAMME_SHEET}, field published: {error.reason}")
            return False

    def _rows(self, sheet: str, place: str) -> Iterator[tuple[int, SheetRow]]:
        for index, row in enumerate(self.sheets.get(sheet, [])):
            self.places[f"{place}[{index}]"] = row.place
            yield index, row

    def _scales(self) -> list[dict[str, Any]]:
        scales: dict[str, dict[str, Any]] = {}
        for row in self.sheets.get("scales", []):
            scale = scales.setdefault(
                _text(row["scale"]),
                {
                    "code": _text(row["scale"]),
                    "name": _text(row["scale_name"]),
                    "kind": _text(row["scale_kind"]),
                    "description": _text(row["scale_description"]),
                    "levels": [],
                },
            )
            scale["levels"].append(
                {
                    "code": _text(row["code"]),
                    "label": _text(row["label"]),
                    "rank": self.reader.cell(row, "rank", _integer),
                    "colour": _text(row["colour"]),
                    "description": _text(row["description"]),
                }
            )
        return list(scales.values())

    def _coded(self, sheet: str, kind: str) -> list[dict[str, Any]]:
        return [
            {
                "code": _text(row["code"]),
                "name": _text(row["name"]),
                kind: _text(row[kind]),
                "parent": _optional(row["parent"]),
            }
            for _, row in self._rows(sheet, sheet)
        ]

    def _people(self) -> dict[str, dict[str, Any]]:
        people: dict[str, dict[str, Any]] = {}
        for _, row in self._rows("people", "people"):
            name, organisation = _text(row["name"]), _optional(row["organisation"])
            key = f"{name} ({organisation})" if organisation else name
            people[key] = {
                "key": key,
                "name": name,
                "role": _text(row["role"]),
                "kind": _text(row["kind"]),
                "organisation": organisation,
                "email": _text(row["email"]),
            }
        return people

    def _person_keys(self, row: SheetRow, column: str, people: dict[str, dict]) -> list[str]:
        keys = []
        for name in cell_list(row[column]):
            found = [key for key, person in people.items() if name in (key, person["name"])]
            if len(found) == 1:
                keys.append(found[0])
            else:
                which = (
                    "is not on the people sheet" if not found else "is on the people sheet twice"
                )
                self.reader.problems.append(f"{row.place}, column {column}: “{name}” {which}")
        return keys

    def _commitments(self, people: dict[str, dict]) -> list[dict[str, Any]]:
        nested = {name: self._nested(name) for name in ("milestones", "updates")}
        commitments = []
        for index, row in self._rows("commitments", "commitments"):
            code = _text(row["code"])
            themes = cell_list(row["themes"]) or cell_list(row["section"])
            commitment = {
                "code": code,
                "title": _text(row["title"]),
                "text": _text(row["text"]),
                "section": themes[0] if themes else "",
                "themes": themes,
                "parent": _optional(row["parent"]),
                "source": {
                    "document": "",
                    "page": _text(row["source_page"]),
                    "paragraph": _text(row["source_paragraph"]),
                },
                "deadline": {"phrase": _text(row["deadline"])},
                "lead_organisations": cell_list(row["lead_organisations"]),
                "supporting_organisations": cell_list(row["supporting_organisations"]),
                "lead_people": self._person_keys(row, "lead_people", people),
                "supporting_people": self._person_keys(row, "supporting_people", people),
                "priority_tier": self.reader.cell(row, "priority_tier", _integer),
                "government_response": _optional(row["government_response"]),
                "published": bool(self.reader.cell(row, "published", cell_bool)),
                "milestones": [],
                "updates": [],
            }
            for name, by_commitment in nested.items():
                for number, (item, place) in enumerate(by_commitment.pop(code, [])):
                    commitment[name].append(item)
                    self.places[f"commitments[{index}].{name}[{number}]"] = place
            commitments.append(commitment)
        for left in nested.values():
            for code, items in left.items():
                for _, place in items:
                    self.reader.problems.append(
                        f"{place}: there is no commitment “{code}” on the commitments sheet"
                    )
        return commitments

    def _nested(self, sheet: str) -> dict[str, list[tuple[dict[str, Any], str]]]:
        """Milestones or updates by their commitment's code, in the sheet's order."""
        by_commitment: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
        for row in self.sheets.get(sheet, []):
            item = self._milestone(row) if sheet == "milestones" else self._update(row)
            by_commitment[_text(row["commitment"])].append((item, row.place))
        return by_commitment

    def _milestone(self, row: SheetRow) -> dict[str, Any]:
        return {
            "code": _text(row["code"]),
            "title": _text(row["title"]),
            **{
                key: self.reader.cell(row, key, _iso_date)
                for key in ("baseline_due", "due", "completed_on")
            },
        }

    def _update(self, row: SheetRow) -> dict[str, Any]:
        created = row["created"]
        return {
            "period": self.reader.cell(row, "period", _iso_date),
            "status": _text(row["status"]),
            "confidence": _optional(row["confidence"]),
            "narrative": _text(row["narrative"]),
            "evidence": _evidence(row["evidence"]),
            "author": _text(row["author"]),
            "created": created.isoformat() if isinstance(created, dt.datetime) else _text(created),
            "judgement": {
                "planning": _optional(row["planning"]),
                "capacity": _optional(row["capacity"]),
                "stage": self.reader.cell(row, "stage", _integer),
            }
            if self.reader.cell(row, "judgement", cell_bool)
            else None,
        }

    def _measures(self) -> list[dict[str, Any]]:
        measures = []
        for _, row in self._rows("measures", "measures"):
            codes = cell_list(row["commitment"])
            weights = cell_list(row["weights"]) or ["1"] * len(codes)
            if len(weights) != len(codes):
                self.reader.problems.append(
                    f"{row.place}, column weights: give one weight for each commitment"
                )
            measures.append(
                {
                    "code": _text(row["code"]),
                    "name": _text(row["name"]),
                    "definition": _text(row["definition"]),
                    "unit": _text(row["unit"]),
                    "direction": _text(row["direction"]),
                    "frequency": _text(row["frequency"]),
                    "source": _text(row["source"]),
                    "area_levels": cell_list(row["area_levels"]),
                    "tolerance_pct": self.reader.cell(row, "tolerance_pct", cell_number),
                    "commitments": [
                        {"code": code, "weight": float(weight)}
                        for code, weight in zip(codes, weights, strict=False)
                    ],
                }
            )
        return measures

    def _observations(self) -> list[dict[str, Any]]:
        return [
            {
                "measure": _text(row["measure"]),
                "area": _text(row["area"]),
                "period": self.reader.cell(row, "period", _iso_date),
                "value": self.reader.cell(row, "value", cell_number),
                "denominator": self.reader.cell(row, "denominator", cell_number),
                "provisional": bool(self.reader.cell(row, "provisional", cell_bool)),
            }
            for _, row in self._rows("observations", "observations")
        ]


def programme_workbook_import(*, path: Path, dry_run: bool = False) -> ProgrammeImportReport:
    """Import the programme exported to ``path`` (a workbook, or the register CSV file with its
    companions beside it): all of it, or nothing."""
    document, places = programme_workbook_document(path)
    try:
        return programme_import(document=document, source=path.name, dry_run=dry_run)
    except ProgrammeImportError as error:
        raise ProgrammeImportError(
            path.name, [_placed(problem, places) for problem in error.problems]
        ) from error


def _placed(problem: str, places: dict[str, str]) -> str:
    """ "commitments[3].milestones[0]: …" → "man.xlsx, sheet milestones, row 9: …"."""
    where, separator, reason = problem.partition(": ")
    return f"{places[where]}{separator}{reason}" if where in places else problem
