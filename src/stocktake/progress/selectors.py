"""Reads about progress: each commitment's latest status and confidence, and counts of them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, When

from stocktake.periods import add_months, month_start
from stocktake.progress.models import Action, ActionStatus, Note, Update
from stocktake.register.models import Commitment, Organisation, Programme, ScaleLevel

# A commitment is stale when its latest update is for a period this many months or more before
# the current month: it missed the last two monthly rounds.
STALE_AFTER_MONTHS = 2


def latest_update(
    field: str,
    *,
    rated_only: bool = False,
    commitment: str = "pk",
    before: dt.date | None = None,
) -> Subquery:
    """The ``field`` of the latest update of the commitment ``OuterRef(commitment)``: the latest
    with a confidence judgement when ``rated_only``, the latest for a period before ``before``."""
    updates = Update.objects.filter(commitment=OuterRef(commitment))
    if rated_only:
        updates = updates.filter(confidence__isnull=False)
    if before is not None:
        updates = updates.filter(period__lt=before)
    return Subquery(updates.order_by("-period", "-created_at", "-id").values(field)[:1])


def commitments_with_latest(
    queryset: QuerySet[Commitment] | None = None, *, ranks: bool = False
) -> QuerySet[Commitment]:
    """Annotate commitments with ``latest_status_id``, ``latest_period`` and
    ``latest_confidence_id`` (from the latest update that carried a confidence judgement);
    with ``ranks``, also ``latest_status_rank`` and ``latest_confidence_rank`` for sorting."""
    commitments = Commitment.objects.all() if queryset is None else queryset
    commitments = commitments.annotate(
        latest_status_id=latest_update("status"),
        latest_period=latest_update("period"),
        latest_confidence_id=latest_update("confidence", rated_only=True),
    )
    if ranks:
        commitments = commitments.annotate(
            latest_status_rank=latest_update("status__rank"),
            latest_confidence_rank=latest_update("confidence__rank", rated_only=True),
        )
    return commitments


def stale_before(as_of: dt.date) -> dt.date:
    """Updates for periods before this date are stale on ``as_of``."""
    return add_months(month_start(as_of), -STALE_AFTER_MONTHS)


def commitments_stale(queryset: QuerySet[Commitment], *, as_of: dt.date) -> QuerySet[Commitment]:
    """The commitments with no update, or none since :func:`stale_before`."""
    return queryset.alias(last_period=latest_update("period")).filter(
        Q(last_period__lt=stale_before(as_of)) | Q(last_period__isnull=True)
    )


def latest_levels_attach(commitments: list[Commitment]) -> list[Commitment]:
    """Set ``latest_status`` and ``latest_confidence`` (ScaleLevel or None) on commitments
    annotated by :func:`commitments_with_latest`, in one query."""
    ids = {c.latest_status_id for c in commitments} | {c.latest_confidence_id for c in commitments}
    levels = ScaleLevel.objects.in_bulk(ids - {None})
    for commitment in commitments:
        commitment.latest_status = levels.get(commitment.latest_status_id)
        commitment.latest_confidence = levels.get(commitment.latest_confidence_id)
    return commitments


@dataclass(frozen=True)
class LevelCount:
    """How many commitments stand at one level (``level`` None: no rating yet)."""

    level: ScaleLevel | None
    count: int


@dataclass(frozen=True)
class ProgrammeSummary:
    programme: Programme
    total: int
    by_status: tuple[LevelCount, ...]
    by_confidence: tuple[LevelCount, ...]


def _counts(
    levels: list[ScaleLevel], counts: Counter[int | None], total: int
) -> tuple[LevelCount, ...]:
    rows = [LevelCount(level, counts.get(level.pk, 0)) for level in levels]
    return (*rows, LevelCount(None, total - sum(row.count for row in rows)))


def programme_summaries(
    *, programmes: QuerySet[Programme], commitments: QuerySet[Commitment]
) -> list[ProgrammeSummary]:
    """``programmes`` with their ``commitments`` counted by latest status and by confidence.

    Four queries whatever the size of the register.
    """
    programmes = list(programmes.order_by("title"))
    scale_ids = {p.status_scale_id for p in programmes} | {
        p.confidence_scale_id for p in programmes
    }
    levels: dict[int, list[ScaleLevel]] = {scale_id: [] for scale_id in scale_ids}
    for level in ScaleLevel.objects.filter(scale_id__in=scale_ids).order_by("-rank"):
        levels[level.scale_id].append(level)

    latest = commitments_with_latest(commitments)
    status_counts: dict[int, Counter[int | None]] = {p.pk: Counter() for p in programmes}
    for row in latest.values("programme_id", "latest_status_id").annotate(n=Count("id")):
        status_counts[row["programme_id"]][row["latest_status_id"]] = row["n"]
    confidence_counts: dict[int, Counter[int | None]] = {p.pk: Counter() for p in programmes}
    for row in latest.values("programme_id", "latest_confidence_id").annotate(n=Count("id")):
        confidence_counts[row["programme_id"]][row["latest_confidence_id"]] = row["n"]

    summaries = []
    for programme in programmes:
        total = sum(status_counts[programme.pk].values())
        summaries.append(
            ProgrammeSummary(
                programme=programme,
                total=total,
                by_status=_counts(
                    levels[programme.status_scale_id], status_counts[programme.pk], total
                ),
                by_confidence=_counts(
                    levels[programme.confidence_scale_id], confidence_counts[programme.pk], total
                ),
            )
        )
    return summaries


def commitment_timeline(*, commitment: Commitment) -> list[Update]:
    """A commitment's updates, newest first, with their ratings and authors."""
    return list(
        commitment.updates.select_related("status", "confidence", "author").order_by(
            "-period", "-created_at", "-id"
        )
    )


# Frontline notes and actions.


def commitment_notes(*, commitment: Commitment) -> list[Note]:
    """A commitment's frontline notes, newest first, with their areas and authors. One query."""
    return list(commitment.notes.select_related("area", "author").order_by("-noted_on", "-pk"))


def commitment_actions(*, commitment: Commitment) -> list[Action]:
    """A commitment's actions: open ones first by due date, then the closed. Two queries."""
    actions = commitment.actions.select_related("owner_person", "owner_organisation")
    return sorted(
        actions.order_by("due_date", "pk"),
        key=lambda action: action.status != ActionStatus.OPEN,
    )


def actions_for_list(actions: QuerySet[Action]) -> QuerySet[Action]:
    """Actions with their owners and commitments loaded: three queries for a page of them."""
    return actions.select_related("owner_person", "owner_organisation").prefetch_related(
        Prefetch(
            "commitments",
            queryset=Commitment.objects.select_related("programme").order_by(
                "programme__code", "code"
            ),
        )
    )


def actions_open(actions: QuerySet[Action] | None = None) -> QuerySet[Action]:
    """Open actions, soonest due first."""
    actions = Action.objects.all() if actions is None else actions
    return actions.open().order_by("due_date", "pk")


def actions_overdue(actions: QuerySet[Action] | None = None, *, as_of: dt.date) -> QuerySet[Action]:
    """Open actions whose due date passed before ``as_of``, longest overdue first."""
    actions = Action.objects.all() if actions is None else actions
    return actions.overdue(as_of=as_of).order_by("due_date", "pk")


def actions_filtered(
    actions: QuerySet[Action],
    *,
    as_of: dt.date,
    organisation: Organisation | None = None,
    status: str = "",
    overdue: bool = False,
) -> QuerySet[Action]:
    """``actions`` owned by ``organisation`` (directly or through the person owning them), in
    ``status`` (any when empty), only the overdue on ``as_of`` when ``overdue``; the open
    first, soonest due first."""
    if organisation is not None:
        actions = actions.filter(
            Q(owner_organisation=organisation) | Q(owner_person__organisation=organisation)
        )
    if status:
        actions = actions.filter(status=status)
    if overdue:
        actions = actions.overdue(as_of=as_of)
    open_first = Case(When(status=ActionStatus.OPEN, then=0), default=1)
    return actions.order_by(open_first, "due_date", "pk")
