"""Writes to the register. Each validates in full before anything is saved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from stocktake.editing import changes_check, edit_save
from stocktake.register.deadlines import deadline_parse
from stocktake.register.models import (
    Commitment,
    CommitmentOrganisation,
    CommitmentPerson,
    GovernmentResponse,
    Milestone,
    Organisation,
    OwnershipRole,
    Person,
    Programme,
    Theme,
)


def _overlap_error(
    leads: Sequence[Organisation | Person], supporting: Sequence[Organisation | Person], field: str
) -> dict[str, str]:
    both = sorted({str(item) for item in leads} & {str(item) for item in supporting})
    if both:
        return {field: f"{', '.join(both)} cannot be both lead and supporting."}
    return {}


def commitment_deadline_set(*, commitment: Commitment, phrase: str) -> None:
    """Keep the deadline phrase verbatim and store how it parses (not saved here)."""
    programme = commitment.programme
    deadline = deadline_parse(
        phrase, programme_start=programme.start_date, parliament_end=programme.end_date
    )
    commitment.deadline_phrase = phrase
    commitment.deadline_kind = deadline.kind.value if phrase else ""
    commitment.deadline_earliest = deadline.earliest
    commitment.deadline_latest = deadline.latest
    commitment.deadline_event = deadline.event


@transaction.atomic
def commitment_create(
    *,
    programme: Programme,
    code: str,
    title: str,
    text: str = "",
    parent: Commitment | None = None,
    lead_organisations: Sequence[Organisation] = (),
    supporting_organisations: Sequence[Organisation] = (),
    lead_people: Sequence[Person] = (),
    supporting_people: Sequence[Person] = (),
    themes: Iterable[str] = (),
    deadline: str = "",
    priority_tier: int | None = None,
    published: bool = False,
    government_response: GovernmentResponse | str = "",
    source_page: str = "",
    source_paragraph: str = "",
) -> Commitment:
    """Create a commitment with its owners and themes, parsing its deadline phrase."""
    commitment = Commitment(
        programme=programme,
        code=code,
        title=title,
        text=text,
        parent=parent,
        priority_tier=priority_tier,
        published=published,
        government_response=government_response,
        source_page=source_page,
        source_paragraph=source_paragraph,
    )
    commitment_deadline_set(commitment=commitment, phrase=deadline)
    errors: dict[str, list[str]] = {}
    try:
        commitment.full_clean()
    except ValidationError as error:
        errors.update(error.message_dict)
    for field, message in {
        **_overlap_error(lead_organisations, supporting_organisations, "supporting_organisations"),
        **_overlap_error(lead_people, supporting_people, "supporting_people"),
    }.items():
        errors.setdefault(field, []).append(message)
    if errors:
        raise ValidationError(errors)
    commitment.save()
    CommitmentOrganisation.objects.bulk_create(
        [
            CommitmentOrganisation(commitment=commitment, organisation=org, role=role)
            for role, orgs in (
                (OwnershipRole.LEAD, lead_organisations),
                (OwnershipRole.SUPPORTING, supporting_organisations),
            )
            for org in orgs
        ]
    )
    CommitmentPerson.objects.bulk_create(
        [
            CommitmentPerson(commitment=commitment, person=person, role=role)
            for role, people in (
                (OwnershipRole.LEAD, lead_people),
                (OwnershipRole.SUPPORTING, supporting_people),
            )
            for person in people
        ]
    )
    commitment.themes.set([Theme.objects.get_or_create(name=name)[0] for name in themes])
    return commitment


def milestone_create(
    *,
    commitment: Commitment,
    code: str,
    title: str,
    baseline_due_date: dt.date,
    current_due_date: dt.date | None = None,
    completed_on: dt.date | None = None,
) -> Milestone:
    """Create a milestone; its current due date starts as the baseline unless given."""
    milestone = Milestone(
        commitment=commitment,
        code=code,
        title=title,
        baseline_due_date=baseline_due_date,
        current_due_date=current_due_date or baseline_due_date,
        completed_on=completed_on,
    )
    milestone.full_clean()
    milestone.save()
    return milestone


# Edits: each takes the version the editor read, and refuses to overwrite a newer one
# (``EditConflictError``, see stocktake/editing.py).

PROGRAMME_EDITABLE = frozenset(
    {
        "title",
        "kind",
        "description",
        "source_document",
        "source_url",
        "source_date",
        "start_date",
        "end_date",
        "organisation",
        "area",
        "published",
    }
)
COMMITMENT_EDITABLE = frozenset(
    {
        "title",
        "text",
        "source_document",
        "source_page",
        "source_paragraph",
        "parent",
        "deadline",
        "priority_tier",
        "published",
        "government_response",
    }
)
MILESTONE_EDITABLE = frozenset(
    {"code", "title", "baseline_due_date", "current_due_date", "completed_on"}
)


def programme_update(
    *, programme: Programme, expected_version: int, changes: Mapping[str, Any]
) -> Programme:
    """Change a programme's fields, if nobody changed it since ``expected_version``."""
    changes_check(changes, editable=PROGRAMME_EDITABLE)
    return edit_save(programme, expected_version=expected_version, changes=changes)


def _commitment_apply(commitment: Commitment, changes: Mapping[str, Any]) -> None:
    for name, value in changes.items():
        if name == "deadline":
            commitment_deadline_set(commitment=commitment, phrase=value or "")
        else:
            setattr(commitment, name, value)


def commitment_update(
    *, commitment: Commitment, expected_version: int, changes: Mapping[str, Any]
) -> Commitment:
    """Change a commitment's fields, if nobody changed it since ``expected_version``.

    ``deadline`` is the phrase, kept verbatim and parsed again."""
    changes_check(changes, editable=COMMITMENT_EDITABLE)
    return edit_save(
        commitment,
        expected_version=expected_version,
        changes=changes,
        apply=_commitment_apply,
    )


def milestone_update(
    *, milestone: Milestone, expected_version: int, changes: Mapping[str, Any]
) -> Milestone:
    """Change a milestone (its current due date, its completion), if nobody changed it since
    ``expected_version``."""
    changes_check(changes, editable=MILESTONE_EDITABLE)
    return edit_save(milestone, expected_version=expected_version, changes=changes)
