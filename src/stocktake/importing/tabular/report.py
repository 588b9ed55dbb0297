"""What an import did, or would do, and every problem that stopped it, each with its place."""

from __future__ import annotations

from dataclasses import dataclass, field

PROBLEM_LIMIT = 1000
_DRY_RUN_WORDS = {"created": "to create", "updated": "to update", "skipped": "to skip"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where the user can find it: file, sheet, row, column (as far as known)."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        place = [self.file]
        if self.sheet:
            place.append(f"sheet {self.sheet}")
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column:
            place.append(f"column {self.column}")
        return f"{', '.join(place)}: {self.reason}"


@dataclass
class ImportReport:
    """Counts of rows by outcome, notes worth telling the user, and problems (the first
    ``PROBLEM_LIMIT`` kept, the rest counted in ``more_problems``)."""

    file: str
    kind: str
    dry_run: bool = False
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    more_problems: int = 0

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.more_problems

    def problem_add(self, problem: Problem) -> None:
        if len(self.problems) < PROBLEM_LIMIT:
            self.problems.append(problem)
        else:
            self.more_problems += 1

    def file_problem(self, reason: str, *, file: str | None = None) -> None:
        """A problem with a whole file: the one imported, unless another (a mapping) is named."""
        self.problem_add(Problem(file or self.file, None, None, None, reason))

    def summary(self) -> str:
        """What was done (in a dry run: what would be), then the notes, e.g.
        "Organisations: 12 rows; 3 created, 8 updated, 1 unchanged."."""
        if self.problem_count:
            plural = "" if self.problem_count == 1 else "s"
            return f"Not imported: {self.problem_count:,} problem{plural}; nothing was changed."
        words = _DRY_RUN_WORDS if self.dry_run else {}
        counts = ", ".join(
            f"{count:,} {words.get(outcome, outcome)}"
            for outcome, count in (
                ("created", self.created),
                ("updated", self.updated),
                ("unchanged", self.unchanged),
                ("skipped", self.skipped),
            )
            if count
        )
        plural = "" if self.rows == 1 else "s"
        lines = [
            f"{self.kind.capitalize()}: {self.rows:,} row{plural}; {counts or 'nothing to do'}."
        ]
        if self.dry_run:
            lines.insert(0, "Dry run: nothing was written.")
        return "\n".join(lines + self.notes)

    def problems_text(self) -> str:
        """One line per problem: ``FILE, sheet S, row N, column C: reason``."""
        lines = [str(problem) for problem in self.problems]
        if self.more_problems:
            lines.append(f"… and {self.more_problems:,} more problems.")
        return "\n".join(lines)
