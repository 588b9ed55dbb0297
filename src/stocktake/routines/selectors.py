"""Reads for routines' pages and packs, each a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from stocktake.progress.models import Action, ActionStatus
from stocktake.progress.selectors import commitments_with_latest, latest_levels_attach
from stocktake.register.models import Commitment
from stocktake.register.selectors import commitments_for_list
from stocktake.routines.models import Practice, PriorityReview, Stocktake


@dataclass(frozen=True)
class StocktakeIndex:
    upcoming: list[Stocktake]
    past: list[Stocktake]


def stocktakes_for_index(*, stocktakes: QuerySet[Stocktake], as_of: dt.date) -> StocktakeIndex:
    """Upcoming stocktakes soonest first, past ones latest first, each with ``commitment_count``
    and ``action_count``. One query."""
    found = list(
        stocktakes.select_related("chair", "taskforce").annotate(
            commitment_count=Count("commitments", distinct=True),
            action_count=Count("actions", distinct=True),
        )
    )
    upcoming = sorted((s for s in found if s.held_on >= as_of), key=lambda s: (s.held_on, s.pk))
    past = [s for s in found if s.held_on < as_of]
    return StocktakeIndex(upcoming=upcoming, past=past)


def stocktake_get(*, pk: int) -> Stocktake:
    """One stocktake with its chair, taskforce, attendees and decisions, or a 404."""
    return get_object_or_404(
        Stocktake.objects.select_related("chair", "taskforce", "created_by").prefetch_related(
            "attendees", "decisions__commitment__programme"
        ),
        pk=pk,
    )


def stocktake_commitments(
    *, stocktake: Stocktake | PriorityReview, visible: QuerySet[Commitment]
) -> list[Commitment]:
    """The stocktake's (or review's) commitments the reader may see, with their latest status and
    confidence and lead organisations, in programme and code order. Three queries."""
    commitments = commitments_for_list(
        commitments_with_latest(visible.filter(pk__in=stocktake.commitments.values("pk")))
    )
    return latest_levels_attach(list(commitments.order_by("programme__title", "code")))


def actions_of(owner: Stocktake | PriorityReview) -> list[Action]:
    """The actions a stocktake or review raised, with owners and commitments. Three queries."""
    return list(
        owner.actions.select_related("owner_person", "owner_organisation")
        .prefetch_related("commitments")
        .order_by("due_date", "pk")
    )


def actions_carried(*, stocktake: Stocktake, as_of: dt.date) -> list[Action]:
    """Open actions overdue on ``as_of`` that the stocktake should see again: those raised at an
    earlier stocktake of the same taskforce, and those on any of its commitments (raised at a
    stocktake, a review or anywhere else), not counting its own. Three queries."""
    on_ours = Q(commitments__in=stocktake.commitments.values("pk"))
    earlier = Stocktake.objects.filter(held_on__lt=stocktake.held_on).exclude(pk=stocktake.pk)
    if stocktake.taskforce_id:
        on_ours |= Q(stocktakes__in=earlier.filter(taskforce_id=stocktake.taskforce_id))
    overdue = Action.objects.filter(status=ActionStatus.OPEN, due_date__lt=as_of).filter(on_ours)
    overdue = overdue.exclude(stocktakes=stocktake)
    return list(
        Action.objects.filter(pk__in=overdue.values("pk"))
        .select_related("owner_person", "owner_organisation")
        .prefetch_related("commitments")
        .order_by("due_date", "pk")
    )


@dataclass(frozen=True)
class CommitmentRoutines:
    """The routines that looked at one commitment: stocktakes and priority reviews (latest
    first), and the practice recorded about it (newest first)."""

    stocktakes: list[Stocktake]
    reviews: list[PriorityReview]
    practices: list[Practice]

    def __bool__(self) -> bool:
        return bool(self.stocktakes or self.reviews or self.practices)


def commitment_routines(
    *, commitment: Commitment, practices: QuerySet[Practice]
) -> CommitmentRoutines:
    """Three queries: the stocktakes, reviews and practice entries (of ``practices``, those the
    reader may see) that name ``commitment``."""
    return CommitmentRoutines(
        stocktakes=list(commitment.stocktakes.select_related("chair").order_by("-held_on", "-pk")),
        reviews=list(commitment.reviews.order_by("-started_on", "-pk")),
        practices=list(
            practices.filter(commitments=commitment)
            .select_related("organisation")
            .order_by("-recorded_on", "-pk")
        ),
    )


def reviews_for_index(*, reviews: QuerySet[PriorityReview]) -> list[PriorityReview]:
    """Reviews latest first with their lead and ``commitment_count``. One query."""
    return list(
        reviews.select_related("lead").annotate(
            commitment_count=Count("commitments", distinct=True)
        )
    )


def review_get(*, pk: int) -> PriorityReview:
    return get_object_or_404(
        PriorityReview.objects.select_related("lead").prefetch_related("team", "organisations"),
        pk=pk,
    )


PRACTICE_SEARCH_FIELDS = ("title", "summary", "what_worked", "what_did_not", "source")


def practices_filtered(
    practices: QuerySet[Practice],
    *,
    search: str = "",
    kind: str = "",
    theme: str = "",
    organisation: str = "",
    area: str = "",
) -> QuerySet[Practice]:
    """The library filtered: every word of ``search`` in some text field; ``theme`` a theme's
    name, ``organisation`` and ``area`` codes. Newest first, with what the list shows."""
    for word in search.split():
        matches = Q()
        for field in PRACTICE_SEARCH_FIELDS:
            matches |= Q(**{f"{field}__icontains": word})
        matches |= Q(themes__name__icontains=word)
        practices = practices.filter(pk__in=Practice.objects.filter(matches).values("pk"))
    if kind:
        practices = practices.filter(kind=kind)
    if theme:
        practices = practices.filter(themes__name=theme)
    if organisation:
        practices = practices.filter(organisation__code=organisation)
    if area:
        practices = practices.filter(area__code=area)
    return (
        practices.distinct()
        .select_related("organisation", "area")
        .prefetch_related("themes")
        .order_by("-recorded_on", "-pk")
    )


def practice_get(*, pk: int) -> Practice:
    return get_object_or_404(
        Practice.objects.select_related("organisation", "area", "author").prefetch_related(
            "themes"
        ),
        pk=pk,
    )
