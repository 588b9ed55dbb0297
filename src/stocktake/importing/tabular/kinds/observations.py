"""Observations: set-based, for files of millions of rows, read once.

Measures and areas are preloaded; cells that repeat (codes, periods, flags) are parsed once, and
a row whose measure and area, period and flag have all been seen in a good row before is checked
by a few look-ups (any doubt sends it through the full checks, cell by cell, which report each
problem). Each good row is staged as it is checked, in a temporary table without indexes (on
PostgreSQL by ``COPY``, on SQLite by ``executemany``), so the file is read once; if the file has
no problems, one ``INSERT … SELECT`` (``… ON CONFLICT (measure, area, period) DO UPDATE`` when it
replaces stored values) moves the staged rows into place, without a model instance per row.

Memory stays flat: the only state kept per row is one bit, in a set of months per measure and
area, to find a row repeated within the file; staged rows go to the database in batches.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from stocktake.importing.tabular.cleaning import (
    FIRST_YEAR,
    CellError,
    CellValue,
    cell_bool,
    cell_number,
    cell_period,
    cell_text,
)
from stocktake.importing.tabular.kinds.base import Kind, Outcome, Row, Table
from stocktake.importing.tabular.mapping import Field
from stocktake.measures.models import Measure, Observation, period_problem
from stocktake.register.models import Area, Programme

T = TypeVar("T")
Reading = tuple[Measure, Area, dt.date, float | None, bool | None, float | None]
_CELLS = ("measure", "area", "period", "value", "provisional", "denominator")
_ABSENT = sys.maxsize  # the index of a column the file lacks: beyond every row
_MEMO_LIMIT = 10_000
_PAIR_LIMIT = 100_000  # measure and area pairs remembered (each about 250 bytes)
_EMPTY = ("", None)


def _memoised(parser: Callable[[CellValue], T]) -> Callable[[CellValue], T]:
    """``parser`` with its results (and reasons for refusal) remembered per distinct cell, for
    columns whose values repeat; a column of mostly distinct values stops adding past a limit."""
    results: dict[CellValue, T | CellError] = {}

    def parse(value: CellValue) -> T:
        try:
            result = results[value]
        except KeyError:
            try:
                result = parser(value)
            except CellError as error:
                result = error
            if len(results) < _MEMO_LIMIT:
                results[value] = result
        if isinstance(result, CellError):
            raise CellError(result.reason)
        return result

    return parse


def _finder(objects: dict[str, T], noun: str) -> Callable[[CellValue], T | None]:
    def find(value: CellValue) -> T | None:
        code = cell_text(value)
        if code is None:
            return None
        if (found := objects.get(code.casefold())) is None:
            raise CellError(f"There is no {noun} with the code “{code}”.")
        return found

    return find


def _month_number(period: dt.date) -> int:
    return (period.year - FIRST_YEAR) * 12 + period.month - 1


def _month(number: int) -> dt.date:
    return dt.date(FIRST_YEAR + number // 12, number % 12 + 1, 1)


class Observations(Kind):
    name = "observations"
    noun = "observation"
    rereads = False
    batch_size = 10_000  # rows staged at a time
    fields = (
        Field("measure", required=True, aliases=("measure_code", "indicator")),
        Field(
            "area", required=True, aliases=("area_code", "gss_code", "ons_code", "geography_code")
        ),
        Field("period", required=True, aliases=("date", "month", "time_period")),
        Field("value", required=True, aliases=("observation", "obs_value")),
        Field("provisional"),
        Field("denominator", aliases=("population",)),
    )

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        measures = {measure.code.casefold(): measure for measure in Measure.objects.all()}
        areas = {area.code.casefold(): area for area in Area.objects.all()}
        self._measure = _memoised(_finder(measures, "measure"))
        self._area = _memoised(_finder(areas, "area"))
        self._period = _memoised(cell_period)
        self._flag = _memoised(cell_bool)
        self._indexes = [table.columns.get(name, _ABSENT) for name in _CELLS]
        self._required = itemgetter(*self._indexes[:4])
        self._at_flag, self._at_denominator = (table.columns.get(name) for name in _CELLS[4:])
        self._reported: dict[tuple[int, str], bool] = {}  # by measure and area level
        self._months: dict[tuple[int, int], int] = {}  # a bit per month, per measure and area
        # What good rows showed, so that rows like them need only look-ups (see ``check``).
        self._pairs: dict[tuple[CellValue, CellValue], tuple[tuple[int, int], str]] = {}
        self._periods: dict[tuple[CellValue, str], tuple[int, str]] = {}
        self._flags: dict[CellValue, bool] = {}
        self._created = 0
        self._staging: _Staging | None = None
        self._staged: list[tuple] = []

    def check_start(self, *, writing: bool) -> None:
        if writing:
            staging = _CopyStaging if connection.vendor == "postgresql" else _Staging
            self._staging = staging()

    def _read(self, row: Row) -> Reading | None:
        """The row's cells, parsed in one go; on any doubt, cell by cell to report each problem."""
        values, width = row.values, len(row.values)
        cells = [values[index] if index < width else None for index in self._indexes]
        try:
            reading = (
                self._measure(cells[0]),
                self._area(cells[1]),
                self._period(cells[2]),
                cell_number(cells[3]),
                self._flag(cells[4]),
                cell_number(cells[5]),
            )
        except CellError:
            return self._read_cell_by_cell(row)
        if reading[0] is None or reading[1] is None or reading[2] is None:
            return self._read_cell_by_cell(row)
        return reading

    def _read_cell_by_cell(self, row: Row) -> Reading | None:
        reading = (
            row.parsed("measure", self._measure, required=True),
            row.parsed("area", self._area, required=True),
            row.parsed("period", self._period, required=True),
            row.parsed("value", cell_number),
            row.parsed("provisional", self._flag),
            row.parsed("denominator", cell_number),
        )
        return reading if row.ok else None

    def _area_problem(self, measure: Measure, area: Area) -> str:
        """The model's objection to the measure's value for the area (decided once per measure
        and area level), or ''."""
        key = (measure.pk, area.level)
        if self._reported.get(key, False):
            return ""
        try:
            Observation(measure=measure, area=area, period=dt.date(2000, 1, 1), value=0.0).clean()
        except ValidationError as error:
            self._reported[key] = "area" not in error.message_dict
            return error.message_dict.get("area", [""])[0]
        self._reported[key] = True
        return ""

    def check(self, row: Row) -> None:
        """A row like good ones before it (the same measure and area, period and flag cells, a
        plain finite value, no negative denominator, a new month for its measure and area) in a
        few look-ups; any other row through every check, cell by cell."""
        values = row.values
        try:
            measure_cell, area_cell, period_cell, value_cell = self._required(values)
            pair, frequency = self._pairs[measure_cell, area_cell]
            month, period = self._periods[period_cell, frequency]
            value = float(value_cell)
            provisional = False if self._at_flag is None else self._flags[values[self._at_flag]]
            denominator = None
            if self._at_denominator is not None and values[self._at_denominator] not in _EMPTY:
                denominator = float(values[self._at_denominator])
        except (LookupError, ValueError, TypeError):
            self._check_cell_by_cell(row)
            return
        months, bit = self._months.get(pair, 0), 1 << month
        if (
            months & bit
            or value - value != 0  # infinite or not a number
            or (denominator is not None and not 0 <= denominator < math.inf)
        ):
            self._check_cell_by_cell(row)
            return
        self._months[pair] = months | bit
        self._created += 1
        self._stage(pair, period, value, denominator, provisional)

    def _check_cell_by_cell(self, row: Row) -> None:
        reading = self._read(row)
        if reading is None:
            return
        measure, area, period, value, provisional, denominator = reading
        if value is None:
            self.outcomes[Outcome.SKIPPED] += 1
            return
        if problem := self._area_problem(measure, area):
            row.problem("area", problem)
        if problem := period_problem(period, measure.frequency):
            row.problem("period", problem)
        if denominator is not None and denominator < 0:
            row.problem("denominator", "The denominator cannot be negative.")
        pair, month = (measure.pk, area.pk), _month_number(period)
        months = self._months.get(pair, 0)
        if months >> month & 1:
            row.problem(
                "period",
                f"Another row has a value for {measure.code}, {area.code} and "
                f"{period:%B %Y}: give each one row.",
            )
        elif row.ok:
            self._months[pair] = months | 1 << month
            self._created += 1
            self._remember(row, pair=pair, frequency=measure.frequency, month=month)
            self._stage(pair, period.isoformat(), value, denominator, bool(provisional))

    def _remember(self, row: Row, *, pair: tuple[int, int], frequency: str, month: int) -> None:
        """The cells of a good row, for ``check`` to recognise in the rows after it."""
        if len(self._pairs) < _PAIR_LIMIT:
            self._pairs[row.value("measure"), row.value("area")] = (pair, frequency)
        if len(self._periods) < _MEMO_LIMIT:
            self._periods[row.value("period"), frequency] = (month, _month(month).isoformat())
        if self._at_flag is not None and len(self._flags) < _MEMO_LIMIT:
            self._flags[row.value("provisional")] = bool(self._flag(row.value("provisional")))

    def _stage(
        self,
        pair: tuple[int, int],
        period: str,
        value: float,
        denominator: float | None,
        provisional: bool,
    ) -> None:
        if self._staging is not None:
            self._staged.append((*pair, period, value, denominator, provisional))
            if len(self._staged) == self.batch_size:
                self._staging.add(self._staged)
                self._staged = []

    def check_end(self) -> None:
        """Stage the last rows, and count the rows that will replace a stored value, streaming
        the stored keys once."""
        if self._staging is not None and self._staged:
            self._staging.add(self._staged)
            self._staged = []
        self.outcomes[Outcome.CREATED] += self._created
        if skipped := self.outcomes[Outcome.SKIPPED]:
            self.notes.append(
                f"{skipped:,} row{'s' if skipped != 1 else ''} with no value (such as “x”, “..” "
                "or an empty cell) skipped."
            )
        if not self._months:
            return
        first = min((months & -months).bit_length() - 1 for months in self._months.values())
        last = max(months.bit_length() - 1 for months in self._months.values())
        stored = Observation.objects.filter(
            measure_id__in={measure_id for measure_id, _ in self._months},
            period__range=(_month(first), _month(last)),
        ).values_list("measure_id", "area_id", "period")
        replaced = 0
        for measure_id, area_id, period in stored.iterator(chunk_size=20_000):
            months = self._months.get((measure_id, area_id), 0)
            replaced += months >> _month_number(period) & 1
        self.outcomes[Outcome.CREATED] -= replaced
        self.outcomes[Outcome.UPDATED] += replaced

    def write_end(self) -> None:
        # The file's own columns replace stored values; the denominators and flags of a file
        # without such columns leave the stored ones be.
        replaced = [
            "value",
            *(name for name in ("denominator", "provisional") if name in self.table.columns),
            "recorded_at",
        ]
        self._staging.upsert(replaced=replaced, conflicts=self.outcomes[Outcome.UPDATED] > 0)

    def close(self) -> None:
        if self._staging is not None:
            self._staging.drop()
            self._staging = None


class _Staging:
    """Checked rows waiting for the file's end in a temporary table without indexes, then
    written by one ``INSERT … SELECT``.

    SQLite: each batch added by ``executemany`` (one prepared statement, run in C)."""

    names = ("measure", "area", "period", "value", "denominator", "provisional")
    staging = "temp.stocktake_observations_import"

    def __init__(self) -> None:
        meta, quote = Observation._meta, connection.ops.quote_name
        self.table = quote(meta.db_table)
        self.columns = [quote(meta.get_field(name).column) for name in self.names]
        definitions = ", ".join(
            f"{column} {meta.get_field(name).db_type(connection)}"
            for name, column in zip(self.names, self.columns, strict=True)
        )
        # Names from the model, quoted by the backend; values only ever go as parameters.
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.staging}")
            cursor.execute(f"CREATE TABLE {self.staging} ({definitions})")  # temp.: temporary

    def add(self, records: list[tuple]) -> None:
        placeholders = ", ".join(["%s"] * len(self.columns))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {self.staging} VALUES ({placeholders})", records)  # noqa: S608

    def upsert(self, *, replaced: Sequence[str], conflicts: bool) -> None:
        """The staged rows into the observations table, replacing the ``replaced`` columns of
        stored ones. Without ``conflicts`` (no stored row had a staged key when the checks
        ended) a plain ``INSERT``, a quarter cheaper; a row stored since then makes it fail
        on the unique constraint, and nothing is written."""
        recorded_at = connection.ops.adapt_datetimefield_value(timezone.now())
        recorded = connection.ops.quote_name(Observation._meta.get_field("recorded_at").column)
        columns = [*self.columns, recorded]
        updates = ", ".join(
            f"{column} = EXCLUDED.{column}"
            for name, column in zip([*self.names, "recorded_at"], columns, strict=True)
            if name in replaced
        )
        listed, key = ", ".join(self.columns), ", ".join(self.columns[:3])
        conflict = f" WHERE true ON CONFLICT ({key}) DO UPDATE SET {updates}"  # WHERE: SQLite's
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {self.table} ({listed}, {recorded}) "  # noqa: S608
                f"SELECT {listed}, %s FROM {self.staging}{conflict if conflicts else ''}",
                [recorded_at],
            )

    def drop(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {self.staging}")


class _CopyStaging(_Staging):
    """PostgreSQL: each batch copied in (``COPY``), as ``executemany`` with client-side binding
    (Django's default for psycopg) costs a round trip per row."""

    staging = "pg_temp.stocktake_observations_import"

    def add(self, records: list[tuple]) -> None:
        with connection.cursor() as cursor, cursor.copy(f"COPY {self.staging} FROM STDIN") as copy:
            for record in records:
                copy.write_row(record)
