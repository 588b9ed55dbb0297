"""A priority review's short report: its scope and team, the commitments it looked at with
their latest judgements, its findings and recommendations, and the actions it raised."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from stocktake.register.models import Commitment
from stocktake.reports.document import Paragraph, Report, Section, Table, long_date
from stocktake.reports.selectors import judgements_as_of, report_commitments
from stocktake.reports.wording import heading, organisations
from stocktake.routines.models import PriorityReview


def review_report_build(
    *, review: PriorityReview, commitments: QuerySet[Commitment], as_of: dt.date
) -> Report:
    scope = commitments.filter(pk__in=review.commitments.values("pk"))
    found = report_commitments(commitments=scope)
    judgements = judgements_as_of(commitments=scope, as_of=as_of)
    rows = []
    for commitment in found:
        judgement = judgements.of(commitment)
        rows.append(
            (
                heading(commitment),
                organisations(commitment, "lead", codes=True) or "None",
                judgement.status.label if judgement.status else "No update yet",
                judgement.confidence.label if judgement.confidence else "Not yet rated",
            )
        )
    actions = list(
        review.actions.select_related("owner_person", "owner_organisation").order_by("due_date")
    )
    sections = [
        Section("Scope", tuple(Paragraph(text) for text in review.scope.split("\n\n") if text)),
        Section(
            "Commitments reviewed",
            (
                Table(
                    caption="The commitments the review looked at, as of the report",
                    head=("Commitment", "Lead", "Status", "Confidence"),
                    rows=tuple(rows),
                ),
            ),
        ),
        _numbered("Findings", review.finding_list, "No findings recorded yet."),
        _numbered(
            "Recommendations", review.recommendation_list, "No recommendations recorded yet."
        ),
        Section(
            "Actions",
            (
                Table(
                    caption="Actions raised by the review",
                    head=("Action", "Owner", "Due", "Status"),
                    rows=tuple(
                        (
                            a.title,
                            a.owner_display,
                            long_date(a.due_date),
                            "Overdue" if a.is_overdue(as_of) else a.get_status_display(),
                        )
                        for a in actions
                    ),
                )
                if actions
                else Paragraph("No actions raised yet."),
            ),
        ),
    ]
    details = [("Status", review.get_status_display()), ("Started", long_date(review.started_on))]
    if review.reported_on:
        details.append(("Reported", long_date(review.reported_on)))
    if review.lead_id:
        details.append(("Lead", str(review.lead)))
    team = ", ".join(str(person) for person in review.team.all())
    if team:
        details.append(("Team", team))
    bodies = ", ".join(o.name for o in review.organisations.all())
    if bodies:
        details.append(("Organisations", bodies))
    return Report(
        kind="Priority review",
        title=review.title,
        as_of=as_of,
        period=f"up to {long_date(as_of)}",
        sections=tuple(sections),
        details=tuple(details),
        filename_stem=f"priority-review-{review.pk}",
    )


def _numbered(title: str, items: list[str], empty: str) -> Section:
    if not items:
        return Section(title, (Paragraph(empty),))
    return Section(
        title, tuple(Paragraph(text, label=f"{n}.") for n, text in enumerate(items, start=1))
    )
