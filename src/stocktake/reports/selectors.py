"""Reads for reports: commitments with their owners and sections, their progress in a period,
and their judgements as of a date. Each function runs a fixed number of queries, whatever the
number of commitments."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max, QuerySet

from stocktake.progress.models import Judgement as FrameworkJudgement
from stocktake.progress.models import Update
from stocktake.register.models import Commitment, OwnershipRole, ScaleLevel
from stocktake.register.selectors import owners_prefetch

NO_SECTION = "Other commitments"


def source_order(code: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting codes in the order a source numbers them: 2 before 10, 4a before 4b."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in re.findall(r"\d+|\D+", code)
    )


def report_commitments(*, commitments: QuerySet[Commitment]) -> list[Commitment]:
    """``commitments`` in source order, each with ``programme``, its ownerships and owners
    (leads first), and ``section``: its first theme's name. Four queries."""
    found = list(commitments.select_related("programme").prefetch_related(*owners_prefetch()))
    first_themes: dict[int, str] = {}
    links = Commitment.themes.through.objects.filter(commitment__in=commitments.values("pk"))
    for commitment_id, name in links.order_by("pk").values_list("commitment_id", "theme__name"):
        first_themes.setdefault(commitment_id, name)
    for commitment in found:
        commitment.section = first_themes.get(commitment.pk, NO_SECTION)
    return sorted(found, key=lambda c: (c.programme.title, source_order(c.code)))


def is_joint(commitment: Commitment) -> bool:
    """More than one lead organisation or lead person (ownerships and owners prefetched)."""
    leads = [o for o in commitment.ownerships.all() if o.role == OwnershipRole.LEAD]
    lead_people = [o for o in commitment.owners.all() if o.role == OwnershipRole.LEAD]
    return len(leads) > 1 or len(lead_people) > 1


def progress_updates(
    *, commitments: QuerySet[Commitment], since: dt.date | None, as_of: dt.date
) -> dict[int, list[Update]]:
    """Each commitment's updates from its departments for periods from ``since`` (all when
    None) to ``as_of``, oldest first; the central unit's judgements are not progress reported,
    so are left out (see ``progress/rounds.py``). One query."""
    updates = Update.objects.returns().filter(
        commitment__in=commitments.values("pk"), period__lte=as_of
    )
    if since is not None:
        updates = updates.filter(period__gte=since.replace(day=1))
    found: dict[int, list[Update]] = defaultdict(list)
    for update in updates.select_related("status").order_by(
        "commitment_id", "period", "created_at", "pk"
    ):
        found[update.commitment_id].append(update)
    return found


@dataclass(frozen=True)
class Judgement:
    """Where a commitment stood in the report's period, and in the period before."""

    status: ScaleLevel | None
    status_period: dt.date | None
    confidence: ScaleLevel | None
    confidence_period: dt.date | None
    previous: ScaleLevel | None  # the latest judgement for a period before the report's
    previous_period: dt.date | None
    reasons: str  # the narrative of the update behind the judgement (else the latest's)
    # The assessment framework's ratings given with the judgement, as (aspect, rating) rows.
    framework: tuple[tuple[str, str], ...] = ()

    @property
    def movement(self) -> str:
        """``up``, ``down``, ``same``, ``new`` (first judgement) or ``none`` (not rated)."""
        if self.confidence is None:
            return "none"
        if self.previous is None:
            return "new"
        if self.confidence.rank == self.previous.rank:
            return "same"
        return "up" if self.confidence.rank > self.previous.rank else "down"


NOT_REPORTED = Judgement(None, None, None, None, None, None, "")


@dataclass(frozen=True)
class Judgements:
    period: dt.date | None  # the latest period reported on, up to ``as_of``
    by_commitment: dict[int, Judgement]

    def of(self, commitment: Commitment) -> Judgement:
        return self.by_commitment.get(commitment.pk, NOT_REPORTED)


@dataclass
class _Latest:
    status: tuple[int, dt.date, int] | None = None  # (update id, period, level id)
    confidence: tuple[int, dt.date, int] | None = None
    previous: tuple[int, dt.date, int] | None = None


def judgements_as_of(*, commitments: QuerySet[Commitment], as_of: dt.date) -> Judgements:
    """Every commitment's latest status and confidence for periods up to ``as_of``, and its
    confidence before the latest period reported on (the movement since the last report).

    Five queries: the latest period, one pass over the updates' ratings (no narratives),
    then the narratives behind the judgements, the scale levels and the assessment
    framework's ratings given with the judgements."""
    updates = Update.objects.filter(commitment__in=commitments.values("pk"), period__lte=as_of)
    period = updates.aggregate(latest=Max("period"))["latest"]
    latest: dict[int, _Latest] = defaultdict(_Latest)
    rows = updates.order_by("commitment_id", "period", "created_at", "pk").values_list(
        "pk", "commitment_id", "period", "status_id", "confidence_id"
    )
    for pk, commitment_id, update_period, status_id, confidence_id in rows.iterator(
        chunk_size=5000
    ):
        found = latest[commitment_id]
        found.status = (pk, update_period, status_id)
        if confidence_id is not None:
            found.confidence = (pk, update_period, confidence_id)
            if update_period < period:
                found.previous = found.confidence
    reason_ids = {
        (found.confidence or found.status)[0]: commitment_id
        for commitment_id, found in latest.items()
    }
    reasons = {
        reason_ids[pk]: narrative
        for pk, narrative in Update.objects.filter(pk__in=list(reason_ids)).values_list(
            "pk", "narrative"
        )
    }
    level_ids = {
        rating[2]
        for found in latest.values()
        for rating in (found.status, found.confidence, found.previous)
        if rating
    }
    levels = ScaleLevel.objects.in_bulk(level_ids)
    frameworks = _frameworks([found.confidence[0] for found in latest.values() if found.confidence])

    def level(rating: tuple[int, dt.date, int] | None) -> ScaleLevel | None:
        return levels[rating[2]] if rating else None

    def when(rating: tuple[int, dt.date, int] | None) -> dt.date | None:
        return rating[1] if rating else None

    return Judgements(
        period=period,
        by_commitment={
            commitment_id: Judgement(
                status=level(found.status),
                status_period=when(found.status),
                confidence=level(found.confidence),
                confidence_period=when(found.confidence),
                previous=level(found.previous),
                previous_period=when(found.previous),
                reasons=reasons.get(commitment_id, ""),
                framework=frameworks.get(found.confidence[0], ()) if found.confidence else (),
            )
            for commitment_id, found in latest.items()
        },
    )


FRAMEWORK_ASPECTS = (
    ("planning", "Quality of planning"),
    ("capacity", "Capacity to drive progress"),
    ("stage", "Stage of delivery"),
)


def _frameworks(update_ids: list[int]) -> dict[int, tuple[tuple[str, str], ...]]:
    """The assessment framework's ratings of the central unit's judgements among
    ``update_ids``, by update. One query."""
    found = {}
    judgements = FrameworkJudgement.objects.filter(update_id__in=update_ids)
    for judgement in judgements.iterator(chunk_size=5000):
        rows = tuple(
            (label, str(getattr(judgement, f"get_{field}_display")()))
            for field, label in FRAMEWORK_ASPECTS
            if getattr(judgement, field) not in ("", None)
        )
        if rows:
            found[judgement.update_id] = rows
    return found


def scale_levels(*, scale_id: int) -> list[ScaleLevel]:
    """A scale's levels, best first. One query."""
    return list(
        ScaleLevel.objects.filter(scale_id=scale_id).select_related("scale").order_by("-rank")
    )
