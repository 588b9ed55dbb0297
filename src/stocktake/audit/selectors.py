"""Reads of the history of changes."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Model, Q, QuerySet
from django.db.models.functions import Cast

from stocktake.audit.models import Change
from stocktake.measures.models import CommitmentMeasure, Measure, Observation, Target, Trajectory
from stocktake.register.models import Commitment, Programme


def commitment_history(*, commitment: Commitment) -> list[Change]:
    """Every recorded change to the commitment and what hangs off it (owners, milestones,
    measures linked, funding), newest first. Two queries, whatever the length."""
    return list(
        Change.objects.filter(commitment_id=commitment.pk)
        .select_related("content_type", "actor")
        .order_by("-at", "-id")
    )


def object_history(*, obj: Model) -> list[Change]:
    """Every recorded change to one object, newest first."""
    return list(
        Change.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )
        .select_related("content_type", "actor")
        .order_by("-at", "-id")
    )


# Pages show at most this many changes, newest first, and say when there are more.
HISTORY_SHOWN = 100


@dataclass(frozen=True)
class History:
    changes: list[Change]
    more: bool  # there are older changes than these


def _of(model: type[Model], queryset: QuerySet) -> Q:
    """The changes to the records of ``queryset`` (a subquery: no list of ids in Python)."""
    return Q(
        content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
        object_id__in=queryset.annotate(key=Cast("pk", CharField())).values("key"),
    )


def _history(condition: Q, *, limit: int) -> History:
    """The newest ``limit`` changes, and whether there are more: one query."""
    changes = list(
        Change.objects.filter(condition)
        .select_related("content_type", "actor")
        .order_by("-at", "-id")[: limit + 1]
    )
    return History(changes=changes[:limit], more=len(changes) > limit)


def programme_history(*, programme: Programme, limit: int = HISTORY_SHOWN) -> History:
    """The changes to a programme itself (each commitment's are on its own page)."""
    return _history(_of(Programme, Programme.objects.filter(pk=programme.pk)), limit=limit)


def measure_history(*, measure: Measure, limit: int = HISTORY_SHOWN) -> History:
    """The changes to a measure and what hangs off it: the commitments it evidences, its
    targets and their trajectories, and its observed values. One query."""
    return _history(
        _of(Measure, Measure.objects.filter(pk=measure.pk))
        | _of(CommitmentMeasure, CommitmentMeasure.objects.filter(measure=measure))
        | _of(Target, Target.objects.filter(measure=measure))
        | _of(Trajectory, Trajectory.objects.filter(target__measure=measure))
        | _of(Observation, Observation.objects.filter(measure=measure)),
        limit=limit,
    )
