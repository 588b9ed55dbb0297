"""What every kind of row shares: reading a row's cells by field, and the steps of an import."""

from __future__ import annotations

import datetime as dt
import enum
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import ClassVar, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

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
from stocktake.importing.tabular.mapping import Field
from stocktake.importing.tabular.report import ImportReport, Problem
from stocktake.register.models import Programme

T = TypeVar("T")


class Outcome(enum.StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"


class Table:
    """The table being read: which column holds each field, and where problems are reported."""

    def __init__(
        self,
        *,
        report: ImportReport,
        sheet: str | None,
        columns: Mapping[str, int],
        labels: Mapping[str, str],
    ) -> None:
        self.report = report
        self.sheet = sheet
        self.columns = columns
        self.labels = labels

    def problem(self, *, reason: str, row: int | None = None, field: str | None = None) -> None:
        column = self.labels.get(field, field) if field else None
        self.report.problem_add(Problem(self.report.file, self.sheet, row, column, reason))


class Row:
    """One data row. Parsers return None for an empty or unreadable cell; a problem found is
    reported at the cell's row and column and marks the row not ``ok``."""

    __slots__ = ("number", "ok", "table", "values")

    def __init__(self, *, table: Table, number: int, values: Sequence[CellValue]) -> None:
        self.table = table
        self.number = number
        self.values = values
        self.ok = True

    def has(self, field: str) -> bool:
        """Whether the file has a column for ``field`` (absent columns leave stored values be)."""
        return field in self.table.columns

    def value(self, field: str) -> CellValue:
        index = self.table.columns.get(field)
        if index is None or index >= len(self.values):
            return None
        return self.values[index]

    def problem(self, field: str | None, reason: str) -> None:
        self.ok = False
        self.table.problem(row=self.number, field=field, reason=reason)

    def parsed(
        self, field: str, parser: Callable[[CellValue], T | None], *, required: bool = False
    ) -> T | None:
        value = self.value(field)
        try:
            result = parser(value)
        except CellError as error:
            self.problem(field, error.reason)
            return None
        if result is None and required and not self.has(field):
            self.ok = False  # the missing column is one problem, reported at the header
        elif result is None and required:
            label = field.replace("_", " ")
            shown = value.strip() if isinstance(value, str) else ""
            self.problem(
                field,
                f"Enter the {label}: “{shown}” means no value." if shown else f"Enter the {label}.",
            )
        return result

    def given(self, field: str, value: T | None, *, stored: T, default: T) -> T:
        """What to store: the cell's value, or ``default`` for an empty cell; the ``stored``
        value when the file has no such column (pass ``default`` for a new object)."""
        if not self.has(field):
            return stored
        return default if value is None else value

    def text(self, field: str, *, required: bool = False) -> str | None:
        return self.parsed(field, cell_text, required=required)

    def figure(self, field: str, *, required: bool = False) -> float | None:
        return self.parsed(field, cell_number, required=required)

    def date(self, field: str, *, required: bool = False) -> dt.date | None:
        return self.parsed(field, cell_date, required=required)

    def period(self, field: str, *, required: bool = False) -> dt.date | None:
        return self.parsed(field, cell_period, required=required)

    def flag(self, field: str) -> bool | None:
        return self.parsed(field, cell_bool)

    def items(self, field: str) -> list[str]:
        return self.parsed(field, cell_list) or []

    def choice(
        self,
        field: str,
        *,
        choices: Iterable[tuple[str, str]],
        noun: str,
        required: bool = False,
    ) -> str | None:
        options = list(choices)
        return self.parsed(
            field, lambda value: cell_choice(value, choices=options, noun=noun), required=required
        )

    def full_clean(
        self,
        instance: models.Model,
        *,
        fields: Mapping[str, str | None] | None = None,
    ) -> None:
        """Validate with the model's own rules (so the messages are the admin's), reporting each
        message at the column of its field (``fields`` maps model fields to ours where the
        names differ).

        References are not checked again (each was found among preloaded rows, and checking
        would cost a query per row), nor is uniqueness: the import upserts by natural key.
        """
        references = {field.name for field in instance._meta.concrete_fields if field.is_relation}
        try:
            instance.full_clean(
                exclude=references, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                field = (fields or {}).get(name, name if self.has(name) else None)
                for message in messages:
                    self.problem(field, message)


class Kind(ABC):
    """One kind of row (organisations, observations …): its columns, its checks and its writes.

    An import makes one instance, then: ``check_start``, ``check`` every row (pass 1, nothing
    written) and ``check_end``; if there were no problems, inside one transaction:
    ``write_start``, ``write`` each batch of rows (pass 2, reading the file again, for a kind
    that ``rereads``), ``write_end``; and ``close`` whatever happened. ``outcomes``
    counts what the rows do (or would do) and ``notes`` tells the user anything else done.
    """

    name: ClassVar[str]
    noun: ClassVar[str]
    fields: ClassVar[tuple[Field, ...]]
    uses_programme: ClassVar[bool] = False  # links rows to the programme named, if any
    needs_programme: ClassVar[bool] = False  # only makes sense within a programme
    batch_size: ClassVar[int] = 500
    rereads: ClassVar[bool] = True  # False: the checks keep the rows to write (observations)

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        self.table = table
        self.programme = programme
        self.create_missing = create_missing
        self.outcomes: Counter[Outcome] = Counter()
        self.notes: list[str] = []
        self._first_rows: dict[tuple[object, ...], int] = {}

    def first_row(self, row: Row, key: tuple[object, ...], *, field: str, same: str) -> bool:
        """Whether ``row`` is the first with this natural key; a repeat is a problem naming the
        first row (``same`` says what the two share, e.g. "code “M01”")."""
        first = self._first_rows.setdefault(key, row.number)
        if first != row.number:
            row.problem(field, f"Row {first} has the same {same}: give each {self.noun} one row.")
        return first == row.number

    def in_file(self, key: tuple[object, ...]) -> bool:
        """Whether a row checked so far has this natural key."""
        return key in self._first_rows

    def check_start(self, *, writing: bool) -> None:  # noqa: B027 - most kinds need nothing here
        """Pass 1, before the first row; ``writing`` is False in a dry run."""

    @abstractmethod
    def check(self, row: Row) -> None:
        """Pass 1: report the row's problems and count what writing it would do."""

    def check_end(self) -> None:  # noqa: B027 - most kinds need nothing here
        """Pass 1, after the last row: problems only the whole file shows."""

    def write_start(self) -> None:  # noqa: B027 - most kinds need nothing here
        """Pass 2, before the first row: what the rows need written first."""

    def write(self, rows: Sequence[Row]) -> None:
        """Pass 2: write a batch of rows that passed the checks (a kind that ``rereads``)."""
        raise NotImplementedError

    def write_end(self) -> None:  # noqa: B027 - most kinds need nothing here
        """Pass 2, after the last row: links between rows, such as parents."""

    def close(self) -> None:  # noqa: B027 - most kinds need nothing here
        """After the import, written, rejected or failed: let go of what the checks held."""


def differs(stored: models.Model, candidate: models.Model, names: Iterable[str]) -> bool:
    """Whether any of the named attributes differ between a stored object and its new version."""
    return any(getattr(stored, name) != getattr(candidate, name) for name in names)


def own_parent_message(model: type[models.Model]) -> str:
    """The model's own message for an object named as its own parent."""
    return next(
        str(constraint.violation_error_message)
        for constraint in model._meta.constraints
        if constraint.name.endswith("_not_own_parent")
    )
