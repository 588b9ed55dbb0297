"""Writes for routines: scheduling a stocktake, recording what it decided and the actions it
raised, recording a priority review, adding to the practice library. Each checks everything
(``full_clean``) before writing anything."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from stocktake.progress.models import Action
from stocktake.progress.services import action_raise
from stocktake.register.models import (
    Area,
    Commitment,
    Organisation,
    Person,
    Taskforce,
    Theme,
)
from stocktake.routines.models import (
    Decision,
    Practice,
    PracticeKind,
    PriorityReview,
    ReviewStatus,
    Stocktake,
    paragraphs,
)


@transaction.atomic
def stocktake_schedule(
    *,
    title: str,
    held_on: dt.date,
    chair: Person,
    attendees: Iterable[Person] = (),
    commitments: Iterable[Commitment] = (),
    taskforce: Taskforce | None = None,
    purpose: str = "",
    by: AbstractBaseUser | None = None,
) -> Stocktake:
    """Schedule a stocktake on ``commitments``, or on ``taskforce``'s commitments when none are
    given (the set is kept as it is on the day of scheduling, so the pack stays the same)."""
    chosen = list(commitments)
    if not chosen and taskforce is not None:
        chosen = list(taskforce.commitments.all())
    stocktake = Stocktake(
        title=title.strip(),
        held_on=held_on,
        chair=chair,
        taskforce=taskforce,
        purpose=purpose.strip(),
        created_by=by,
    )
    stocktake.full_clean()
    if not chosen:
        problem = (
            f"The taskforce {taskforce.name} has no commitments; choose commitments instead."
            if taskforce is not None
            else "Choose the commitments to take stock of, or a taskforce."
        )
        raise ValidationError({"commitments": problem})
    stocktake.save()
    stocktake.commitments.set(chosen)
    stocktake.attendees.set(list(attendees))
    return stocktake


@transaction.atomic
def stocktake_change(
    *,
    stocktake: Stocktake,
    title: str,
    held_on: dt.date,
    chair: Person,
    attendees: Iterable[Person] = (),
    purpose: str = "",
) -> Stocktake:
    """Change when, who and why; what the stocktake covers stays as scheduled."""
    stocktake.title = title.strip()
    stocktake.held_on = held_on
    stocktake.chair = chair
    stocktake.purpose = purpose.strip()
    stocktake.full_clean()
    stocktake.save()
    stocktake.attendees.set(list(attendees))
    return stocktake


DECISION_CODE = re.compile(r"^\s*([A-Za-z0-9][\w.\-/]*)\s*:\s*(.+)$", re.DOTALL)


@transaction.atomic
def stocktake_decisions_record(
    *, stocktake: Stocktake, minutes: str, decisions: str, as_of: dt.date
) -> list[Decision]:
    """Record the meeting: its minutes and its decisions, one per paragraph. A decision that
    starts with one of the stocktake's commitment codes and a colon (``M04: …``) is linked to
    that commitment. Recording again replaces the decisions (a correction of the record)."""
    if stocktake.held_on > as_of:
        raise ValidationError(
            {"decisions": "The stocktake has not happened yet: record decisions after it."}
        )
    codes = {c.code.lower(): c for c in stocktake.commitments.all()}
    found = []
    for text in paragraphs(decisions):
        match = DECISION_CODE.match(text)
        commitment = codes.get(match.group(1).lower()) if match else None
        found.append(
            Decision(
                stocktake=stocktake,
                text=match.group(2).strip() if commitment else text,
                commitment=commitment,
            )
        )
    if not found and not minutes.strip():
        raise ValidationError({"decisions": "Enter the decisions, the minutes or both."})
    stocktake.minutes = minutes.strip()
    stocktake.decisions_recorded_at = timezone.now()
    stocktake.full_clean()
    stocktake.save()
    stocktake.decisions.all().delete()
    for decision in found:
        decision.full_clean()
    Decision.objects.bulk_create(found)
    return found


@transaction.atomic
def stocktake_action_raise(
    *,
    stocktake: Stocktake,
    title: str,
    due_date: dt.date,
    commitments: Sequence[Commitment] = (),
    description: str = "",
    owner_person: Person | None = None,
    owner_organisation: Organisation | None = None,
    by: AbstractBaseUser | None = None,
) -> Action:
    """Raise an action at ``stocktake`` on some of its commitments (all of them when none are
    given), through the progress app's one way of raising actions."""
    ours = set(stocktake.commitments.values_list("pk", flat=True))
    strangers = [c.code for c in commitments if c.pk not in ours]
    if strangers:
        raise ValidationError(
            {"commitments": f"{', '.join(strangers)} is not one of this stocktake's commitments."}
        )
    return _action_raise_at(
        stocktake,
        commitments=list(commitments) or list(stocktake.commitments.all()),
        title=title,
        due_date=due_date,
        description=description,
        owner_person=owner_person,
        owner_organisation=owner_organisation,
        author=by,
    )


def _action_raise_at(
    holder: Stocktake | PriorityReview, *, commitments: list[Commitment], **fields: Any
) -> Action:
    """Raise an action (``fields`` as ``action_raise`` takes them) and record that ``holder``
    raised it."""
    action = action_raise(commitments=commitments, **fields)
    holder.actions.add(action)
    return action


@transaction.atomic
def review_record(
    *,
    title: str,
    scope: str,
    started_on: dt.date,
    commitments: Iterable[Commitment],
    status: str = ReviewStatus.PLANNED,
    reported_on: dt.date | None = None,
    lead: Person | None = None,
    team: Iterable[Person] = (),
    organisations: Iterable[Organisation] = (),
    findings: str = "",
    recommendations: str = "",
    by: AbstractBaseUser | None = None,
) -> PriorityReview:
    """Record a priority review (its findings and recommendations one per paragraph)."""
    review = PriorityReview(
        title=title.strip(),
        scope=scope.strip(),
        status=status,
        started_on=started_on,
        reported_on=reported_on,
        lead=lead,
        findings=findings.strip(),
        recommendations=recommendations.strip(),
        created_by=by,
    )
    review.full_clean()
    chosen = list(commitments)
    if not chosen:
        raise ValidationError({"commitments": "Choose the commitments the review looks at."})
    if status == ReviewStatus.REPORTED and (reported_on is None or not findings.strip()):
        raise ValidationError(
            {"reported_on": "A reported review has the date it reported and its findings."}
        )
    review.save()
    review.commitments.set(chosen)
    review.team.set(list(team))
    review.organisations.set(list(organisations))
    return review


@transaction.atomic
def review_action_raise(
    *,
    review: PriorityReview,
    title: str,
    due_date: dt.date,
    description: str = "",
    owner_person: Person | None = None,
    owner_organisation: Organisation | None = None,
    by: AbstractBaseUser | None = None,
) -> Action:
    """Raise an action from a review's recommendations, on the review's commitments."""
    return _action_raise_at(
        review,
        commitments=list(review.commitments.all()),
        title=title,
        due_date=due_date,
        description=description,
        owner_person=owner_person,
        owner_organisation=owner_organisation,
        author=by,
    )


@transaction.atomic
def practice_add(
    *,
    title: str,
    kind: str,
    summary: str,
    recorded_on: dt.date,
    what_worked: str = "",
    what_did_not: str = "",
    organisation: Organisation | None = None,
    area: Area | None = None,
    themes: Iterable[Theme] = (),
    commitments: Iterable[Commitment] = (),
    source: str = "",
    source_url: str = "",
    author: AbstractBaseUser | None = None,
) -> Practice:
    """Add an entry to the practice library."""
    practice = Practice(
        title=title.strip(),
        kind=kind or PracticeKind.GOOD_PRACTICE,
        summary=summary.strip(),
        what_worked=what_worked.strip(),
        what_did_not=what_did_not.strip(),
        organisation=organisation,
        area=area,
        source=source.strip(),
        source_url=source_url.strip(),
        recorded_on=recorded_on,
        author=author,
    )
    practice.full_clean()
    practice.save()
    practice.themes.set(list(themes))
    practice.commitments.set(list(commitments))
    return practice
