"""How reports put things into words: owners, ratings, movement, narratives."""

from __future__ import annotations

import datetime as dt

from stocktake.register.models import Commitment, OwnershipRole, ScaleLevel
from stocktake.reports.document import month_name

MOVEMENT = {
    "up": "Improved",
    "down": "Worsened",
    "same": "No change",
    "new": "First judgement",
    "none": "Not yet rated",
}


def organisations(commitment: Commitment, role: OwnershipRole, *, codes: bool = False) -> str:
    """The commitment's lead or supporting organisations (ownerships prefetched)."""
    return ", ".join(
        ownership.organisation.code if codes else ownership.organisation.name
        for ownership in commitment.ownerships.all()
        if ownership.role == role
    )


def people(commitment: Commitment, role: OwnershipRole) -> str:
    return ", ".join(str(owner.person) for owner in commitment.owners.all() if owner.role == role)


def responsibility(commitment: Commitment) -> str:
    """ "Lead: …; supporting: …", organisations then people; empty when no one is named."""
    parts = []
    for role, word in ((OwnershipRole.LEAD, "Lead"), (OwnershipRole.SUPPORTING, "Supporting")):
        named = ", ".join(
            name for name in (organisations(commitment, role), people(commitment, role)) if name
        )
        if named:
            parts.append(f"{word}: {named}")
    return "; ".join(parts)


def rating(level: ScaleLevel | None, period: dt.date | None, *, missing: str) -> str:
    """``Amber/Green (March 2016)``, or ``missing`` when there is no rating."""
    if level is None:
        return missing
    return f"{level.label} ({month_name(period)})" if period else level.label


def narrative_paragraphs(narrative: str) -> list[str]:
    """A narrative's paragraphs: one a line, list dashes dropped, blank lines skipped."""
    return [
        line.strip().removeprefix("- ").strip() for line in narrative.splitlines() if line.strip()
    ]


def heading(commitment: Commitment) -> str:
    return f"{commitment.code}. {commitment.title}"
