"""Writes about progress. Updates are only ever added."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from stocktake.editing import changes_check, edit_save
from stocktake.progress.models import (
    Action,
    ActionStatus,
    Judgement,
    Note,
    NoteSource,
    Update,
    UpdateRequest,
)
from stocktake.register.models import Area, Commitment, Organisation, Person, ScaleLevel


def update_create(
    *,
    commitment: Commitment,
    period: dt.date,
    status: ScaleLevel,
    narrative: str,
    confidence: ScaleLevel | None = None,
    evidence: Sequence[dict[str, str]] = (),
    author: AbstractBaseUser | None = None,
    author_name: str = "",
    created_at: dt.datetime | None = None,
    submission: uuid.UUID | None = None,
) -> Update:
    """Record an update on a commitment for a period (a correction is simply a newer one).

    With ``submission`` (the id of the form or the API call that sent it), sending the same
    again, even at the same moment (a double click), stores nothing more and returns the update
    it stored. The same id for another commitment is refused (``ValidationError``).
    """
    if submission is not None and (sent := Update.objects.filter(submission=submission).first()):
        if sent.commitment_id != commitment.pk:
            raise ValidationError(
                {
                    "submission": "This id was sent with an update to another commitment: make a new one."
                }
            )
        return sent
    update = Update(
        commitment=commitment,
        period=period,
        status=status,
        confidence=confidence,
        narrative=narrative,
        evidence=list(evidence),
        author=author,
        author_name=author_name,
        created_at=created_at or timezone.now(),
        submission=submission,
    )
    update.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            update.save()
    except IntegrityError:
        if submission is None:
            raise
        return Update.objects.get(submission=submission)  # the other send won
    return update


@transaction.atomic
def updates_bulk_create(*, updates: Sequence[Update], batch_size: int = 2000) -> int:
    """Add many updates at once (imports, the demo), checking every one before writing any.

    Each update's commitment must have its programme loaded (``select_related``) so the scale
    check costs no queries.
    """
    problems = []
    for number, update in enumerate(updates, start=1):
        programme = update.commitment.programme
        if update.status.scale_id != programme.status_scale_id:
            problems.append(f"Update {number} ({update.commitment.code}): status not on the scale.")
        if update.confidence is not None and update.confidence.scale_id != (
            programme.confidence_scale_id
        ):
            problems.append(
                f"Update {number} ({update.commitment.code}): confidence not on the scale."
            )
        if update.period.day != 1:
            problems.append(f"Update {number} ({update.commitment.code}): period not a month.")
    if problems:
        raise ValidationError(problems)
    return len(Update.objects.bulk_create(updates, batch_size=batch_size))


# Frontline notes and actions.


@transaction.atomic
def note_add(
    *,
    source: NoteSource | str,
    noted_on: dt.date,
    text: str,
    commitments: Iterable[Commitment] = (),
    area: Area | None = None,
    author: AbstractBaseUser | None = None,
) -> Note:
    """Record what a visit, call, survey, complaint or piece of data showed."""
    note = Note(source=source, noted_on=noted_on, text=text.strip(), area=area, author=author)
    note.full_clean()
    note.save()
    note.commitments.set(list(commitments))
    return note


@transaction.atomic
def action_raise(
    *,
    title: str,
    due_date: dt.date,
    commitments: Iterable[Commitment] = (),
    description: str = "",
    owner_person: Person | None = None,
    owner_organisation: Organisation | None = None,
    author: AbstractBaseUser | None = None,
) -> Action:
    """Raise an open action with an owner (a person, an organisation or both) and a due date."""
    action = Action(
        title=title.strip(),
        description=description.strip(),
        due_date=due_date,
        owner_person=owner_person,
        owner_organisation=owner_organisation,
        author=author,
    )
    action.full_clean()
    action.save()
    action.commitments.set(list(commitments))
    return action


# What a person may change on an action through ``action_change``.
ACTION_EDITABLE = frozenset(
    {
        "title",
        "description",
        "owner_person",
        "owner_organisation",
        "due_date",
        "status",
        "completed_on",
    }
)


def _action_apply(action: Action, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        setattr(action, name, value.strip() if isinstance(value, str) else value)
    if action.status != ActionStatus.DONE:
        action.completed_on = None


def action_change(*, action: Action, expected_version: int, changes: dict[str, Any]) -> Action:
    """Change an action if nobody else changed it since ``expected_version`` was read;
    otherwise raise ``EditConflictError`` (carrying both versions) and change nothing."""
    changes_check(changes, editable=ACTION_EDITABLE)
    return edit_save(
        action, expected_version=expected_version, changes=changes, apply=_action_apply
    )


def action_complete(
    *, action: Action, completed_on: dt.date, expected_version: int | None = None
) -> Action:
    """Mark an action done on ``completed_on``."""
    return action_change(
        action=action,
        expected_version=action.version if expected_version is None else expected_version,
        changes={"status": ActionStatus.DONE, "completed_on": completed_on},
    )


# The monthly round: the central unit's judgement and its requests for more.


class NothingToJudgeError(ValidationError):
    """A judgement needs a status the department reported: there is none yet."""


@transaction.atomic
def judgement_record(
    *,
    commitment: Commitment,
    period: dt.date,
    confidence: ScaleLevel,
    rationale: str,
    planning: str = "",
    capacity: str = "",
    stage: int | None = None,
    author: AbstractBaseUser | None = None,
    created_at: dt.datetime | None = None,
) -> Judgement:
    """Record the central unit's delivery confidence in ``commitment`` for ``period``, with its
    rationale and, optionally, the assessment framework's ratings.

    It is recorded as an update carrying the confidence, the rationale as its narrative and
    the department's latest status for the period (so status readers see no change), marked
    as a judgement by a ``Judgement`` row holding the ratings."""
    status_id = (
        commitment.updates.filter(period__lte=period)
        .order_by("-period", "-created_at", "-id")
        .values_list("status_id", flat=True)
        .first()
    )
    if status_id is None:
        raise NothingToJudgeError(
            {
                "confidence": f"{commitment.code} has no update for {period:%B %Y} or before: "
                "a judgement follows the department's first update."
            }
        )
    if not rationale.strip():
        raise ValidationError({"rationale": "Enter the rationale for the judgement."})
    update = update_create(
        commitment=commitment,
        period=period,
        status=ScaleLevel.objects.get(pk=status_id),
        confidence=confidence,
        narrative=rationale.strip(),
        author=author,
        created_at=created_at,
    )
    judgement = Judgement(update=update, planning=planning, capacity=capacity, stage=stage)
    judgement.full_clean()
    judgement.save()
    return judgement


def update_request(
    *,
    commitment: Commitment,
    period: dt.date,
    message: str,
    author: AbstractBaseUser | None = None,
    created_at: dt.datetime | None = None,
) -> UpdateRequest:
    """Ask the department for more on ``commitment``'s update for ``period``; the request stays
    open on their list until they send a newer update."""
    request = UpdateRequest(
        commitment=commitment,
        period=period,
        message=message.strip(),
        author=author,
        created_at=created_at or timezone.now(),
    )
    request.full_clean()
    request.save()
    return request
