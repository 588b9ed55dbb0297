"""The one entry point for reports, used by ``stocktake report`` and the download pages: find
what the report is about, build its content from the commitments the caller may see, and
render it in a format."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db.models import QuerySet

from stocktake.ops.files import written_whole
from stocktake.register.models import Commitment, Organisation, Person, Programme
from stocktake.reports.delivery import delivery_report_build
from stocktake.reports.document import Report
from stocktake.reports.progress import progress_report_build, progress_since
from stocktake.reports.review import review_report_build
from stocktake.reports.stocktake import stocktake_pack_build
from stocktake.reports.summary import delivery_summary_build
from stocktake.reports.writers import FORMATS, MIME, WRITERS
from stocktake.routines.models import PriorityReview, Stocktake

KINDS = ("progress", "delivery", "summary", "stocktake", "review")


class ReportError(Exception):
    """The report cannot be made: an unknown code, or a missing or contradictory choice."""


@dataclass(frozen=True)
class ReportFile:
    content: bytes
    filename: str
    mime: str


def report_build(
    *,
    kind: str,
    as_of: dt.date,
    programme_code: str | None = None,
    organisation_code: str | None = None,
    person_id: int | None = None,
    since: dt.date | None = None,
    stocktake_id: int | None = None,
    review_id: int | None = None,
    commitments: QuerySet[Commitment] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """The report's content. ``commitments`` is what the reader may see (all by default)."""
    if kind not in KINDS:
        raise ReportError(f"There is no {kind!r} report; choose one of {', '.join(KINDS)}.")
    scope = Commitment.objects.all() if commitments is None else commitments
    if kind == "review":
        return review_report_build(review=_review(review_id), commitments=scope, as_of=as_of)
    if kind == "stocktake":
        return stocktake_pack_build(
            stocktake=_stocktake(stocktake_id), commitments=scope, as_of=as_of, progress=progress
        )
    programme = _programme(programme_code) if programme_code else None
    if programme is not None:
        scope = scope.filter(programme=programme)
    if kind == "summary":
        return delivery_summary_build(
            owner=_owner(organisation_code, person_id), commitments=scope, as_of=as_of
        )
    if programme is None:
        raise ReportError(f"The {kind} report is about one programme: give its code.")
    if kind == "progress":
        since = since or progress_since(programme)
        return progress_report_build(
            programme=programme, commitments=scope, as_of=as_of, since=since
        )
    return delivery_report_build(programme=programme, commitments=scope, as_of=as_of)


def report_render(*, report: Report, format: str) -> ReportFile:
    if format not in WRITERS:
        raise ReportError(f"There is no {format!r} format; choose one of {', '.join(FORMATS)}.")
    return ReportFile(
        content=WRITERS[format](report),
        filename=f"{report.filename_stem}.{format}",
        mime=MIME[format],
    )


def report_write(
    *,
    out: Path,
    format: str,
    progress: Callable[[str], None] | None = None,
    **choices: object,
) -> Path:
    """Build the report ``choices`` describe (see :func:`report_build`) and write it to ``out``,
    telling ``progress`` each step as it starts."""
    tell = progress or (lambda _step: None)
    tell("Reading the register")
    report = report_build(progress=tell, **choices)
    tell(f"Writing {format.upper()} ({len(report.sections)} sections)")
    rendered = report_render(report=report, format=format)
    with written_whole(out) as partial:  # a killed run leaves no half-written report
        partial.write_bytes(rendered.content)
    return out


def _review(pk: int | None) -> PriorityReview:
    found = PriorityReview.objects.select_related("lead").filter(pk=pk).first() if pk else None
    if found is None:
        raise ReportError(f"There is no priority review number {pk}.")
    return found


def _stocktake(pk: int | None) -> Stocktake:
    if pk is None:
        raise ReportError("A stocktake pack is for one stocktake: give its number.")
    found = Stocktake.objects.select_related("chair", "taskforce").filter(pk=pk).first()
    if found is None:
        raise ReportError(f"There is no stocktake number {pk}.")
    return found


def _programme(code: str) -> Programme:
    found = Programme.objects.select_related("confidence_scale").filter(code=code).first()
    if found is None:
        raise ReportError(f"There is no programme with the code {code!r}.")
    return found


def _owner(organisation_code: str | None, person_id: int | None) -> Organisation | Person:
    if (organisation_code is None) == (person_id is None):
        raise ReportError("A delivery summary is for one organisation or one person: give one.")
    if organisation_code is not None:
        organisation = Organisation.objects.filter(code=organisation_code).first()
        if organisation is None:
            raise ReportError(f"There is no organisation with the code {organisation_code!r}.")
        return organisation
    person = Person.objects.select_related("organisation").filter(pk=person_id).first()
    if person is None:
        raise ReportError(f"There is no person with the id {person_id}.")
    return person
