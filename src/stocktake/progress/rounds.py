"""The monthly round: which commitments still owe an update for the period, what the departments
submitted, what the central unit asked for and judged, and what changed since the last period.

The period a round collects is the month holding ``as_of`` (:func:`reporting_period`). A
department's update is a *return*; the central unit's judgement is an update too, marked by a
``Judgement`` row (see ``models.Judgement``), so ``Update.objects.returns()`` leaves it out.
Every function runs a fixed number of queries, whatever the number of commitments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from stocktake.periods import month_start
from stocktake.progress.models import Judgement, Update, UpdateRequest
from stocktake.progress.selectors import commitments_with_latest
from stocktake.register.models import Commitment, ScaleLevel
from stocktake.register.selectors import commitments_for_list


def reporting_period(as_of: dt.date) -> dt.date:
    """The period the round running on ``as_of`` collects: the month holding it."""
    return month_start(as_of)


def _newest(updates: QuerySet[Update]) -> QuerySet[Update]:
    return updates.order_by("-period", "-created_at", "-id")


def updates_due(commitments: QuerySet[Commitment], *, period: dt.date) -> QuerySet[Commitment]:
    """``commitments`` with no department update for ``period``, ready for a list (owners,
    latest status and period). An objective whose sub-commitments report is left out unless
    it has reported itself before."""
    returned = Update.objects.returns().filter(commitment=OuterRef("pk"), period=period)
    reported_before = Update.objects.filter(commitment=OuterRef("pk"))
    has_children = Commitment.objects.filter(parent=OuterRef("pk"))
    due = commitments.filter(~Exists(returned)).filter(
        ~Exists(has_children) | Exists(reported_before)
    )
    return commitments_with_latest(commitments_for_list(due)).order_by("programme__title", "code")


def requests_open(commitments: QuerySet[Commitment]) -> QuerySet[UpdateRequest]:
    """Requests for more on ``commitments`` that no department update has answered yet (none
    for the period or later sent after the request), newest first."""
    answered = Update.objects.returns().filter(
        commitment=OuterRef("commitment_id"),
        period__gte=OuterRef("period"),
        created_at__gt=OuterRef("created_at"),
    )
    return (
        UpdateRequest.objects.filter(commitment__in=commitments.values("pk"))
        .filter(~Exists(answered))
        .select_related("commitment__programme", "author")
        .order_by("-created_at", "-id")
    )


def submissions(commitments: QuerySet[Commitment], *, period: dt.date) -> QuerySet[Update]:
    """Each commitment's latest department update for ``period`` (newest first), with
    ``previous_status_id`` (its latest status for a period before), ``judged`` (the central
    unit has judged it for the period) and ``asked`` (a request for more is open)."""
    returns = Update.objects.returns()
    newer = returns.filter(
        commitment=OuterRef("commitment_id"), period=period, created_at__gt=OuterRef("created_at")
    )
    previous = _newest(returns.filter(commitment=OuterRef("commitment_id"), period__lt=period))
    judged = Update.objects.filter(
        commitment=OuterRef("commitment_id"), period=period, judgement__isnull=False
    )
    asked = UpdateRequest.objects.filter(
        commitment=OuterRef("commitment_id"),
        period=period,
        created_at__gt=OuterRef("created_at"),
    )
    return (
        returns.filter(commitment__in=commitments.values("pk"), period=period)
        .filter(~Exists(newer))
        .annotate(
            previous_status_id=Subquery(previous.values("status_id")[:1]),
            judged=Exists(judged),
            asked=Exists(asked),
        )
        .select_related("commitment__programme", "status", "author")
        .order_by("-created_at", "-id")
    )


def previous_levels_attach(updates: list[Update]) -> list[Update]:
    """Set ``previous_status`` and ``movement`` on updates from :func:`submissions`; one query."""
    levels = ScaleLevel.objects.in_bulk({u.previous_status_id for u in updates} - {None})
    for update in updates:
        update.previous_status = levels.get(update.previous_status_id)
        update.movement = movement(update.status, update.previous_status)
    return updates


def movement(now: ScaleLevel | None, before: ScaleLevel | None) -> str:
    """``up``, ``down``, ``same``, ``new`` (nothing before) or ``none`` (nothing now)."""
    if now is None:
        return "none"
    if before is None:
        return "new"
    if now.rank == before.rank:
        return "same"
    return "up" if now.rank > before.rank else "down"


@dataclass(frozen=True)
class PeriodReview:
    """One commitment's round for a period, and what changed since the period before."""

    period: dt.date
    returns: list[Update]  # the departments' updates for the period, newest first
    previous: Update | None  # the latest department update for a period before
    confidence: Update | None  # the latest update carrying a confidence, up to the period
    confidence_before: Update | None  # the same, for a period before
    judgement: Judgement | None  # the central unit's latest judgement for the period
    requests: list[UpdateRequest]  # requests for more about the period, newest first
    open_request: UpdateRequest | None  # the request no update has answered yet

    @property
    def latest(self) -> Update | None:
        return self.returns[0] if self.returns else None

    @property
    def status_movement(self) -> str:
        return movement(
            self.latest.status if self.latest else None,
            self.previous.status if self.previous else None,
        )

    @property
    def confidence_movement(self) -> str:
        return movement(
            self.confidence.confidence if self.confidence else None,
            self.confidence_before.confidence if self.confidence_before else None,
        )

    @property
    def narrative_changed(self) -> bool:
        """The latest update says something new, not last period's narrative again."""
        if self.latest is None:
            return False
        before = self.previous.narrative.strip() if self.previous else ""
        return self.latest.narrative.strip() != before


def period_review(*, commitment: Commitment, period: dt.date) -> PeriodReview:
    """Everything about ``commitment``'s round for ``period``: six queries."""
    updates = commitment.updates.select_related("status", "confidence", "author")
    returns = updates.returns()
    rated = _newest(updates.filter(confidence__isnull=False))
    requests = list(
        commitment.update_requests.filter(period=period)
        .select_related("author")
        .order_by("-created_at", "-id")
    )
    judgement = (
        Judgement.objects.filter(update__commitment=commitment, update__period=period)
        .select_related("update__confidence", "update__author")
        .order_by("-update__created_at", "-update_id")
        .first()
    )
    found = list(_newest(returns.filter(period=period)))
    latest_return_at = found[0].created_at if found else None
    open_request = next(
        (
            request
            for request in requests
            if latest_return_at is None or request.created_at > latest_return_at
        ),
        None,
    )
    return PeriodReview(
        period=period,
        returns=found,
        previous=_newest(returns.filter(period__lt=period)).first(),
        confidence=rated.filter(period__lte=period).first(),
        confidence_before=rated.filter(period__lt=period).first(),
        judgement=judgement,
        requests=requests,
        open_request=open_request,
    )


@dataclass(frozen=True)
class LatestJudgement:
    """A commitment's latest delivery-confidence judgement up to a date, for reports."""

    commitment_id: int
    period: dt.date
    confidence: ScaleLevel
    rationale: str
    recorded_at: dt.datetime
    author: str
    # The assessment framework's ratings, as labels ("" when not given, or when the
    # confidence came with an imported update rather than a judgement recorded here).
    planning: str
    capacity: str
    stage: str


def judgements_latest(
    *, commitments: QuerySet[Commitment], as_of: dt.date
) -> dict[int, LatestJudgement]:
    """Each commitment's latest delivery-confidence judgement for a period up to ``as_of``:
    confidence, rationale, who and when, and the assessment framework's ratings. One query.

    The delivery report reads this; ``Update.confidence`` stays the one place confidence is
    kept, so it agrees with the dashboard and the commitment list."""
    rated = Update.objects.filter(confidence__isnull=False, period__lte=as_of)
    newer = rated.filter(commitment=OuterRef("commitment_id")).filter(
        Q(period__gt=OuterRef("period"))
        | Q(period=OuterRef("period"), created_at__gt=OuterRef("created_at"))
        | Q(period=OuterRef("period"), created_at=OuterRef("created_at"), pk__gt=OuterRef("pk"))
    )
    latest = (
        rated.filter(commitment__in=commitments.values("pk"))
        .filter(~Exists(newer))
        .select_related("confidence", "author", "judgement")
    )
    found = {}
    for update in latest:
        judgement = getattr(update, "judgement", None)
        found[update.commitment_id] = LatestJudgement(
            commitment_id=update.commitment_id,
            period=update.period,
            confidence=update.confidence,
            rationale=update.narrative,
            recorded_at=update.created_at,
            author=update.author_display,
            planning=judgement.get_planning_display() if judgement else "",
            capacity=judgement.get_capacity_display() if judgement else "",
            stage=judgement.get_stage_display() or "" if judgement else "",
        )
    return found
