"""One entry point for every file import, used by the CLI and the upload page alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied

from stocktake.access.policy import SYSTEM, Action, allowed
from stocktake.audit.recording import acting_for
from stocktake.importing.programme import ProgrammeImportError, programme_file_import
from stocktake.importing.workbook import is_programme_workbook, programme_workbook_import

PROGRAMME = "programme"


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with a file: where (sheet, row, column or place) and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" if self.where else self.reason


@dataclass
class ImportOutcome:
    imported: bool
    summary: str
    problems: list[ImportProblem] = field(default_factory=list)
    more_problems: int = 0


def file_import(
    *,
    path: Path,
    kind: str,
    programme_code: str | None = None,
    title: str | None = None,
    mapping_path: Path | None = None,
    create_missing: bool = False,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    display_name: str | None = None,
    by: Any = SYSTEM,
) -> ImportOutcome:
    """Import ``path`` as ``kind``: all of it, or (with any problem, or a dry run) nothing.

    ``by`` is who imports: a user of the upload page, who needs the import permission, or the
    system operator at the command line. Every change is recorded in the history as theirs,
    "import of <file name>"."""
    name = display_name or path.name
    if not allowed(by, Action.IMPORT):
        raise PermissionDenied("Importing files is for the central unit.")
    with acting_for(f"import of {name}"):
        return _file_import(
            path=path,
            kind=kind,
            programme_code=programme_code,
            title=title,
            mapping_path=mapping_path,
            create_missing=create_missing,
            dry_run=dry_run,
            progress=progress,
            name=name,
        )


def _file_import(
    *,
    path: Path,
    kind: str,
    programme_code: str | None,
    title: str | None,
    mapping_path: Path | None,
    create_missing: bool,
    dry_run: bool,
    progress: Callable[[int], None] | None,
    name: str,
) -> ImportOutcome:
    if kind == PROGRAMME:
        read = (
            programme_file_import if path.suffix.lower() == ".json" else programme_workbook_import
        )
        try:
            report = read(path=path, dry_run=dry_run)
        except ProgrammeImportError as error:
            return ImportOutcome(
                imported=False,
                summary=f"{name} was not imported; nothing was changed.",
                problems=[ImportProblem(*_split(problem)) for problem in error.problems],
            )
        return ImportOutcome(imported=not dry_run, summary=report.summary())

    from stocktake.importing.tabular.service import ImportRejected, tabular_import

    try:
        report = tabular_import(
            path=path,
            kind=kind,
            programme_code=programme_code,
            title=title,
            mapping_path=mapping_path,
            dry_run=dry_run,
            create_missing=create_missing,
            progress=progress,
        )
    except ImportRejected as rejected:
        report = rejected.report
        return ImportOutcome(
            imported=False,
            summary=f"{name} was not imported; nothing was changed.",
            problems=[
                ImportProblem(_where(problem, name), problem.reason) for problem in report.problems
            ],
            more_problems=getattr(report, "more_problems", 0),
        )
    return ImportOutcome(imported=not dry_run, summary=report.summary())


def kind_guessed(path: Path) -> str | None:
    """ "programme" for a programme export (JSON, or a workbook or CSV files with a programme
    sheet); None when the user must say what the file holds."""
    if path.suffix.lower() == ".json" or is_programme_workbook(path):
        return PROGRAMME
    return None


def _split(problem: str) -> tuple[str, str]:
    where, _, reason = problem.partition(": ")
    return (where, reason) if reason else ("", where)


def _where(problem: object, name: str) -> str:
    parts = [name]
    sheet = getattr(problem, "sheet", None)
    if sheet:
        parts.append(f"sheet {sheet}")
    if getattr(problem, "row", None):
        parts.append(f"row {problem.row}")
    if getattr(problem, "column", None):
        parts.append(f"column {problem.column}")
    return ", ".join(parts)
