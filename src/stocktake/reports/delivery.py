"""The delivery report: every priority of a programme with its latest judgement on the
programme's confidence scale, its movement since the last report period and the reasons.

Where the central unit gave the assessment framework's ratings with its judgement (quality of
planning, capacity to drive progress, stage of delivery), each priority shows them and the
summary counts the priorities at each stage of delivery."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import QuerySet

from stocktake.register.models import Commitment, OwnershipRole, Programme
from stocktake.reports.document import (
    Block,
    Facts,
    Heading,
    Paragraph,
    Report,
    Section,
    Table,
    long_date,
    month_name,
)
from stocktake.reports.grouping import sections_of
from stocktake.reports.selectors import (
    FRAMEWORK_ASPECTS,
    Judgement,
    Judgements,
    judgements_as_of,
    report_commitments,
    scale_levels,
)
from stocktake.reports.wording import MOVEMENT, heading, organisations, rating

DIRECTIONS = ("up", "down", "same", "new")


def delivery_report_build(
    *, programme: Programme, commitments: QuerySet[Commitment], as_of: dt.date
) -> Report:
    found = report_commitments(commitments=commitments)
    judgements = judgements_as_of(commitments=commitments, as_of=as_of)
    scale_name = programme.confidence_scale.name
    period = month_name(judgements.period) or f"no updates up to {long_date(as_of)}"
    summary = Section(
        "Summary",
        (
            Paragraph(
                f"The latest judgement on each of the {len(found):,} priorities on the "
                f"{scale_name} scale, for periods up to {long_date(as_of)}, and how it moved "
                "since the judgement for the period before the latest reported on."
            ),
            _movement_table(programme, found, judgements),
            *_framework_tables(found, judgements),
            _overview_table(found, judgements),
        ),
    )
    details = sections_of(found, lambda c: _entry(c, judgements.of(c)))
    return Report(
        kind="Delivery report",
        title=programme.title,
        as_of=as_of,
        period=period,
        sections=(summary, *details),
        details=(
            ("Programme", programme.title),
            ("Priorities", f"{len(found):,}"),
            ("Scale", scale_name),
            ("Report period", period),
        ),
        filename_stem=f"delivery-report-{programme.code}-{as_of.isoformat()}",
    )


def _movement_table(programme: Programme, found: list[Commitment], judgements: Judgements) -> Table:
    counts: Counter[tuple[int | None, str]] = Counter()
    for commitment in found:
        judgement = judgements.of(commitment)
        level_id = judgement.confidence.pk if judgement.confidence else None
        counts[level_id, judgement.movement] += 1
    rows = []
    for level in scale_levels(scale_id=programme.confidence_scale_id):
        moved = [counts[level.pk, direction] for direction in DIRECTIONS]
        rows.append((level.label, f"{sum(moved):,}", *(f"{n:,}" for n in moved)))
    rows.append(("Not yet rated", f"{counts[None, 'none']:,}", "", "", "", ""))
    return Table(
        caption=f"Priorities by judgement on the {programme.confidence_scale.name} scale",
        head=("Judgement", "Priorities", *(MOVEMENT[d] for d in DIRECTIONS)),
        rows=tuple(rows),
    )


def _framework_tables(found: list[Commitment], judgements: Judgements) -> tuple[Table, ...]:
    """The assessment framework's breakdown: priorities by stage of delivery, and each rated
    priority's ratings. Nothing when no judgement carried the ratings."""
    rated = [(c, dict(judgements.of(c).framework)) for c in found if judgements.of(c).framework]
    if not rated:
        return ()
    stages = Counter(ratings.get("Stage of delivery", "Not given") for _c, ratings in rated)
    aspects = [label for _field, label in FRAMEWORK_ASPECTS]
    return (
        Table(
            caption="Assessment framework: priorities by stage of delivery",
            head=("Stage of delivery", "Priorities"),
            rows=tuple((stage, f"{count:,}") for stage, count in sorted(stages.items())),
        ),
        Table(
            caption="Assessment framework: each rated priority",
            head=("Priority", *aspects),
            rows=tuple(
                (heading(c), *(ratings.get(a, "Not given").split(":")[0] for a in aspects))
                for c, ratings in rated
            ),
        ),
    )


def _overview_table(found: list[Commitment], judgements: Judgements) -> Table:
    return Table(
        caption="Every priority: judgement now and in the last report period",
        head=("Priority", "Lead", "Judgement", "Last period", "Movement"),
        rows=tuple(
            (
                heading(commitment),
                organisations(commitment, OwnershipRole.LEAD, codes=True),
                judgement.confidence.label if judgement.confidence else "Not yet rated",
                judgement.previous.label if judgement.previous else "",
                MOVEMENT[judgement.movement],
            )
            for commitment in found
            for judgement in (judgements.of(commitment),)
        ),
    )


def _entry(commitment: Commitment, judgement: Judgement) -> list[Block]:
    facts = [
        ("Lead", organisations(commitment, OwnershipRole.LEAD) or "No lead organisation"),
        (
            "Judgement",
            rating(judgement.confidence, judgement.confidence_period, missing="Not yet rated"),
        ),
        (
            "Last period",
            rating(judgement.previous, judgement.previous_period, missing="No judgement"),
        ),
        ("Movement", MOVEMENT[judgement.movement]),
        ("Status", rating(judgement.status, judgement.status_period, missing="No update yet")),
    ]
    facts.extend(judgement.framework)
    if commitment.deadline_phrase:
        facts.append(("Deadline", commitment.deadline_phrase))
    reasons = judgement.reasons or "No update has been recorded."
    return [Heading(heading(commitment)), Facts(tuple(facts)), Paragraph(reasons, label="Reasons:")]
