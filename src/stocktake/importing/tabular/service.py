"""Importing a CSV, XLSX or ODS file of one kind of row: all of it, or nothing.

Pass 1 reads and checks every row, writing nothing, and collects every problem with its file,
sheet, row and column. Only a file without problems goes on to pass 2, which reads the file again
and writes it in batches inside one transaction, so an import stopped half-way leaves nothing.
(Observations, by the million, are kept aside as they are checked and written from there in
pass 2, without reading the file again.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stocktake.importing.tabular.cleaning import CellValue
from stocktake.importing.tabular.kinds import KINDS, Kind
from stocktake.importing.tabular.kinds.base import Outcome, Row, Table
from stocktake.importing.tabular.mapping import (
    ColumnMapping,
    Header,
    MappingFileError,
    header_find,
    header_problems,
    mapping_load,
)
from stocktake.importing.tabular.readers import (
    FileUnreadableError,
    rows_read,
    sheet_names,
)
from stocktake.importing.tabular.report import ImportReport
from stocktake.register.models import Programme, ProgrammeKind, Scale

KIND_NAMES = tuple(KINDS)
NEW_PROGRAMME_SCALES = ("delivery-status", "confidence-5")
PROGRESS_EVERY = 1000


class ImportRejected(Exception):  # noqa: N818 - the name callers know it by
    """The file has problems (all of them in ``report.problems``); nothing was written."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(report.summary())
        self.report = report


def tabular_import(
    *,
    path: Path,
    kind: str,
    programme_code: str | None = None,
    title: str | None = None,
    mapping_path: Path | None = None,
    dry_run: bool = False,
    create_missing: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import the rows of ``path`` as ``kind`` (one of ``KIND_NAMES``), upserting by natural key.

    ``programme_code`` names the programme (created, titled ``title``, if new) that commitments,
    milestones and updates belong to; ``create_missing`` creates organisations a file names but
    the register lacks. A dry run checks everything and counts what would change, writing nothing.
    ``progress`` is called with the number of rows handled so far: each row counts once when
    checked and once when written. Raises ``ImportRejected`` listing every problem found.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown kind “{kind}”: choose from {', '.join(KIND_NAMES)}.")
    kind_class = KINDS[kind]
    report = ImportReport(file=path.name, kind=kind, dry_run=dry_run)
    counter = _Counter(progress)
    try:
        source = _source(path=path, kind=kind_class, mapping_path=mapping_path, report=report)
        programme = _programme(code=programme_code, title=title, kind=kind_class, report=report)
        if source is None or (kind_class.needs_programme and programme is None):
            raise ImportRejected(report)
        importer = kind_class(
            table=source.table, programme=programme, create_missing=create_missing
        )
        try:
            _check(importer, source=source, counter=counter, writing=not dry_run)
            _outcomes_report(importer, source, report)
            if not dry_run:
                _write(importer, source=source, programme=programme, counter=counter)
        finally:
            importer.close()
    except FileUnreadableError as error:
        report.file_problem(f"The file {error.reason}")
        raise ImportRejected(report) from error
    except (ValidationError, IntegrityError) as error:  # the register changed during the import
        reason = "; ".join(getattr(error, "messages", [str(error)]))
        report.file_problem(f"Nothing was written: {reason}")
        raise ImportRejected(report) from error
    return report


@dataclass
class _Source:
    """The table in the file: its sheet, its header, and its data rows read afresh on demand."""

    path: Path
    sheet: str | None
    header: Header
    table: Table
    notes: list[int] = field(default_factory=list)

    def rows(self) -> Iterator[Row]:
        """The data rows under the header. Blank rows are passed over, and so are rows with
        text in a single cell above or below the data: units, "Source: ONS", footnotes."""
        held: list[tuple[int, list[CellValue]]] = []  # rows with one cell, by number
        started = False
        self.notes = []
        table = self.table
        for _, number, values in islice(
            rows_read(self.path, sheet=self.sheet), self.header.number, None
        ):
            filled = len(values) - values.count(None) - values.count("")
            if filled == 0:
                continue
            if filled == 1:
                held.append((number, values))
                continue
            if started:  # inside the table, a row with one cell is a row with gaps
                yield from (Row(table=table, number=n, values=v) for n, v in held)
            else:
                self.notes += [held_number for held_number, _ in held]
            held, started = [], True
            yield Row(table=table, number=number, values=values)
        self.notes += [held_number for held_number, _ in held]


def _source(
    *, path: Path, kind: type[Kind], mapping_path: Path | None, report: ImportReport
) -> _Source | None:
    """The table to read: the mapping file's sheet, else the first with a header row. None
    (with the problem reported) when there is no table to read."""
    mapping = ColumnMapping()
    if mapping_path is not None:
        try:
            mapping = mapping_load(path=mapping_path, fields=kind.fields)
        except MappingFileError as error:
            for reason in error.reasons:
                report.file_problem(reason, file=mapping_path.name)
            return None
    sheets = sheet_names(path=path)
    if mapping.sheet is not None and sheets and mapping.sheet not in sheets:
        report.file_problem(
            f"There is no sheet “{mapping.sheet}”: the sheets are {', '.join(sheets)}."
        )
        return None
    for sheet in [mapping.sheet] if mapping.sheet else sheets or [None]:
        header = header_find(rows_read(path, sheet=sheet), fields=kind.fields, mapping=mapping)
        if header is not None:
            break
    else:
        report.file_problem(_no_header(kind, mapping))
        return None
    table = Table(report=report, sheet=sheet, columns=header.columns, labels=header.labels)
    for name, reason in header_problems(header=header, fields=kind.fields):
        table.problem(row=header.number, field=name, reason=reason)
    return _Source(path=path, sheet=sheet, header=header, table=table)


def _no_header(kind: type[Kind], mapping: ColumnMapping) -> str:
    required = ", ".join(item.name for item in kind.fields if item.required)
    where = f"row {mapping.header_row}" if mapping.header_row else "the first rows"
    return (
        f"No header row found in {where}: {kind.name} need columns headed {required} "
        "(in any case), or a mapping file naming yours."
    )


def _programme(
    *, code: str | None, title: str | None, kind: type[Kind], report: ImportReport
) -> Programme | None:
    """The programme named, or a new one (saved only when writing) if there is none yet."""
    if code is None:
        if kind.needs_programme:
            report.file_problem(f"Name the programme these {kind.name} belong to.")
        return None
    if not kind.uses_programme:
        report.notes.append(f"The programme is not used: {kind.name} do not belong to one.")
        return None
    programme = (
        Programme.objects.select_related("status_scale", "confidence_scale")
        .filter(code=code)
        .first()
    )
    if programme is not None:
        return programme
    scales = {scale.code: scale for scale in Scale.objects.filter(code__in=NEW_PROGRAMME_SCALES)}
    programme = Programme(
        code=code,
        title=title or code,
        kind=ProgrammeKind.OTHER,
        status_scale=scales.get(NEW_PROGRAMME_SCALES[0]),
        confidence_scale=scales.get(NEW_PROGRAMME_SCALES[1]),
    )
    try:
        programme.full_clean()
    except ValidationError as error:
        for message in error.messages:
            report.file_problem(f"Programme “{code}”: {message}")
        return None
    report.notes.append(f"New programme {code}: {programme.title}.")
    return programme


def _outcomes_report(importer: Kind, source: _Source, report: ImportReport) -> None:
    report.created = importer.outcomes[Outcome.CREATED]
    report.updated = importer.outcomes[Outcome.UPDATED]
    report.unchanged = importer.outcomes[Outcome.UNCHANGED]
    report.skipped = importer.outcomes[Outcome.SKIPPED]
    report.notes += importer.notes
    if source.header.ignored:
        report.notes.append(f"Columns not read: {', '.join(source.header.ignored)}.")
    if source.notes:
        rows = ", ".join(str(number) for number in source.notes)
        plural = "s" if len(source.notes) > 1 else ""
        report.notes.append(f"Notes above or below the table passed over (row{plural} {rows}).")


def _check(importer: Kind, *, source: _Source, counter: _Counter, writing: bool) -> None:
    report, check = source.table.report, importer.check
    importer.check_start(writing=writing)
    for row in source.rows():
        check(row)
        report.rows += 1
        if not report.rows % PROGRESS_EVERY:
            counter.tick(PROGRESS_EVERY)
    counter.tick(report.rows % PROGRESS_EVERY)
    counter.finish()
    importer.check_end()
    if report.problem_count:
        raise ImportRejected(report)


def _write(
    importer: Kind, *, source: _Source, programme: Programme | None, counter: _Counter
) -> None:
    with transaction.atomic():
        if programme is not None and programme.pk is None:
            programme.save()
        importer.write_start()
        if importer.rereads:
            rows = source.rows()
            while batch := list(islice(rows, importer.batch_size)):
                importer.write(batch)
                counter.tick(len(batch))
        importer.write_end()
        if not importer.rereads:
            counter.tick(source.table.report.rows)
        counter.finish()
        if source.table.report.problem_count:  # the register changed between the passes
            raise ImportRejected(source.table.report)


class _Counter:
    """Tells ``progress`` the rows handled, every ``PROGRESS_EVERY`` rows and after each pass."""

    def __init__(self, progress: Callable[[int], None] | None) -> None:
        self.progress = progress
        self.done = 0

    def tick(self, rows: int = 1) -> None:
        before, self.done = self.done, self.done + rows
        if self.progress is not None and before // PROGRESS_EVERY != self.done // PROGRESS_EVERY:
            self.progress(self.done)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.done)
