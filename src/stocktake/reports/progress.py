"""The progress report, in the shape of a government progress report: each commitment's text,
its deadline as the source phrased it and the progress reported since the report's start,
grouped by section (the commitment's first theme)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from stocktake.progress.models import Update
from stocktake.register.models import Commitment, Programme
from stocktake.reports.document import (
    Block,
    Facts,
    Heading,
    Paragraph,
    Report,
    long_date,
    month_name,
)
from stocktake.reports.grouping import sections_of
from stocktake.reports.selectors import progress_updates, report_commitments
from stocktake.reports.wording import heading, narrative_paragraphs, responsibility


def progress_since(programme: Programme) -> dt.date | None:
    """Where a progress report starts by default: the source's date, else the programme's start."""
    return programme.source_date or programme.start_date


def progress_report_build(
    *,
    programme: Programme,
    commitments: QuerySet[Commitment],
    as_of: dt.date,
    since: dt.date | None,
) -> Report:
    found = report_commitments(commitments=commitments)
    updates = progress_updates(commitments=commitments, since=since, as_of=as_of)
    period = f"{long_date(since)} to {long_date(as_of)}" if since else f"up to {long_date(as_of)}"
    sections = sections_of(found, lambda c: _entry(c, updates.get(c.pk, [])))
    details = [("Programme", programme.title), ("Commitments", f"{len(found):,}")]
    if programme.source_document:
        details.append(("Source", programme.source_document))
    return Report(
        kind="Progress report",
        title=programme.title,
        as_of=as_of,
        period=period,
        sections=sections,
        introduction=(
            Paragraph(
                f"For each of the {len(found):,} commitments: what was committed to, by when, "
                f"and the progress reported {period}."
            ),
        ),
        details=tuple(details),
        filename_stem=f"progress-report-{programme.code}-{as_of.isoformat()}",
    )


def _entry(commitment: Commitment, updates: list[Update]) -> list[Block]:
    blocks: list[Block] = [Heading(heading(commitment))]
    if commitment.text and commitment.text != commitment.title:
        blocks.append(Paragraph(commitment.text))
    facts = [("By when", commitment.deadline_phrase or "No deadline given")]
    if owners := responsibility(commitment):
        facts.append(("Responsibility", owners))
    if commitment.government_response:
        facts.append(("Government response", commitment.get_government_response_display()))
    if updates:
        latest = updates[-1]
        facts.append(("Status", f"{latest.status.label} ({month_name(latest.period)})"))
    blocks.append(Facts(tuple(facts)))
    blocks.append(Heading("Progress", level=4))
    if not updates:
        blocks.append(Paragraph("No progress has been reported in this period."))
    for update in updates:
        for number, text in enumerate(narrative_paragraphs(update.narrative)):
            label = f"{month_name(update.period)}:" if len(updates) > 1 and number == 0 else ""
            blocks.append(Paragraph(text, label=label))
    return blocks
