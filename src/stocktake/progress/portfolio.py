"""Selectors for a portfolio of commitments: the figures the dashboard and every owner's page show.

A portfolio is any set of commitments (a programme, an organisation's, a taskforce's, or what the
dashboard's filters choose). :func:`portfolio_summary` reads it in a fixed number of queries,
whatever its size: counts are grouped in the database, lists are cut to ``LIST_LENGTH``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet

from stocktake.periods import add_months
from stocktake.progress.models import Action, Update
from stocktake.progress.selectors import actions_overdue, commitments_stale, latest_update
from stocktake.register.models import (
    Commitment,
    CommitmentOrganisation,
    Milestone,
    Organisation,
    OwnershipRole,
    Scale,
    ScaleLevel,
)
from stocktake.register.selectors import commitments_for_list, commitments_joint

LIST_LENGTH = 10
UPCOMING_DAYS = 90


@dataclass(frozen=True)
class Freshness:
    """The latest reporting period in a portfolio and when its latest update was recorded."""

    period: dt.date | None
    updated_at: dt.datetime | None

    @property
    def previous_period(self) -> dt.date | None:
        """The period before the latest: movement is measured since its judgements."""
        return add_months(self.period, -1) if self.period else None


@dataclass(frozen=True)
class HeatRow:
    """One lead organisation's commitments by latest status (``None``: no lead organisation)."""

    organisation: Organisation | None
    counts: tuple[int, ...]  # one per level of the table, then 'no update yet'
    total: int


@dataclass(frozen=True)
class HeatTable:
    """Commitments by lead organisation and latest status, for one status scale."""

    scale: Scale
    levels: tuple[ScaleLevel, ...]
    rows: tuple[HeatRow, ...]
    largest: int


@dataclass(frozen=True)
class Movement:
    """Commitments at one confidence level now, and how they moved since the last period."""

    level: ScaleLevel | None  # None: not yet rated
    count: int
    up: int
    down: int
    same: int
    new: int


@dataclass(frozen=True)
class ConfidenceTable:
    scale: Scale
    rows: tuple[Movement, ...]

    @property
    def moved(self) -> dict[str, int]:
        return {
            direction: sum(getattr(row, direction) for row in self.rows)
            for direction in ("up", "down", "same", "new")
        }


@dataclass(frozen=True)
class Due:
    """A date in the coming days: a milestone's due date or a commitment's deadline."""

    on: dt.date
    commitment: Commitment
    milestone: Milestone | None


@dataclass(frozen=True)
class Portfolio:
    total: int
    freshness: Freshness
    status_tables: tuple[HeatTable, ...]
    confidence_tables: tuple[ConfidenceTable, ...]
    overdue_count: int
    slipping_count: int
    late_milestones: list[Milestone]
    due_count: int
    due: list[Due]
    stale_count: int
    stale: list[Commitment]
    joint_count: int
    joint: list[Commitment]
    # Open actions on these commitments past their due date; None when not asked for (a
    # visitor's dashboard, the owner pages).
    overdue_actions_count: int | None = None
    overdue_actions: list[Action] = field(default_factory=list)


def portfolio_freshness(*, commitments: QuerySet[Commitment]) -> Freshness:
    """One query: the latest period reported on and the latest update's time."""
    latest = Update.objects.filter(commitment__in=commitments.values("pk")).aggregate(
        period=Max("period"), updated_at=Max("created_at")
    )
    return Freshness(period=latest["period"], updated_at=latest["updated_at"])


def portfolio_summary(
    *,
    commitments: QuerySet[Commitment],
    as_of: dt.date,
    actions: QuerySet[Action] | None = None,
) -> Portfolio:
    """Everything the dashboard shows about ``commitments``, on ``as_of``: 17 queries; two more
    with ``actions`` (those the user may see), for the overdue ones on these commitments."""
    scope = Commitment.objects.filter(pk__in=commitments.values("pk"))
    levels = {level.pk: level for level in ScaleLevel.objects.select_related("scale")}
    freshness = portfolio_freshness(commitments=scope)
    groups = _rating_groups(scope, before=freshness.period)
    milestones = Milestone.objects.filter(commitment__in=scope, completed_on__isnull=True)
    late = Q(current_due_date__lt=as_of) | Q(current_due_date__gt=F("baseline_due_date"))
    counts = milestones.aggregate(
        overdue=Count("pk", filter=Q(current_due_date__lt=as_of)),
        slipping=Count("pk", filter=Q(current_due_date__gt=F("baseline_due_date"))),
        due=Count("pk", filter=_due_soon("current_due_date", as_of)),
    )
    deadlines = scope.filter(_due_soon("deadline_latest", as_of))
    stale = commitments_stale(scope, as_of=as_of)
    joint = commitments_joint(scope)
    return Portfolio(
        total=sum(groups.values()),
        freshness=freshness,
        status_tables=_status_tables(scope, levels),
        confidence_tables=_confidence_tables(levels, groups),
        overdue_count=counts["overdue"],
        slipping_count=counts["slipping"],
        late_milestones=list(
            _with_commitment(milestones.filter(late)).order_by("current_due_date", "pk")[
                :LIST_LENGTH
            ]
        ),
        due_count=counts["due"] + deadlines.count(),
        due=_due(milestones, deadlines, as_of),
        stale_count=stale.count(),
        stale=list(
            commitments_for_list(stale)
            .annotate(latest_period=latest_update("period"))
            .order_by(F("latest_period").asc(nulls_first=True), "programme__title", "code")[
                :LIST_LENGTH
            ]
        ),
        joint_count=joint.count(),
        joint=list(commitments_for_list(joint).order_by("programme__title", "code")[:LIST_LENGTH]),
        **(_overdue_actions(actions, scope, as_of) if actions is not None else {}),
    )


def _overdue_actions(
    actions: QuerySet[Action], scope: QuerySet[Commitment], as_of: dt.date
) -> dict[str, object]:
    """Two queries: how many open actions on ``scope`` are overdue, and the longest overdue."""
    linked = Action.commitments.through.objects.filter(commitment__in=scope.values("pk"))
    overdue = actions_overdue(actions.filter(pk__in=linked.values("action_id")), as_of=as_of)
    return {
        "overdue_actions_count": overdue.count(),
        "overdue_actions": list(
            overdue.select_related("owner_person", "owner_organisation")[:LIST_LENGTH]
        ),
    }


# (status scale, status, confidence scale, confidence now, confidence last period) → count
RatingKey = tuple[int, int | None, int, int | None, int | None]


def _rating_groups(scope: QuerySet[Commitment], *, before: dt.date | None) -> Counter[RatingKey]:
    """One query: commitments counted by latest status, confidence now and last period."""
    rows = (
        scope.annotate(
            status=latest_update("status"),
            confidence=latest_update("confidence", rated_only=True),
            previous=latest_update("confidence", rated_only=True, before=before),
        )
        .values(
            "programme__status_scale_id",
            "status",
            "programme__confidence_scale_id",
            "confidence",
            "previous",
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter(
        {
            (
                row["programme__status_scale_id"],
                row["status"],
                row["programme__confidence_scale_id"],
                row["confidence"],
                row["previous"],
            ): row["n"]
            for row in rows
        }
    )


def _scale_levels(levels: dict[int, ScaleLevel], scale_id: int) -> tuple[ScaleLevel, ...]:
    return tuple(
        sorted(
            (level for level in levels.values() if level.scale_id == scale_id),
            key=lambda level: -level.rank,
        )
    )


def _status_tables(
    scope: QuerySet[Commitment], levels: dict[int, ScaleLevel]
) -> tuple[HeatTable, ...]:
    """Two queries: lead organisations' commitments grouped by latest status, and the
    organisations. Commitments with no lead organisation make a row of their own."""
    leads = (
        CommitmentOrganisation.objects.filter(commitment__in=scope, role=OwnershipRole.LEAD)
        .annotate(status=latest_update("status", commitment="commitment_id"))
        .values("organisation_id", "commitment__programme__status_scale_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_scale: dict[int, dict[int | None, Counter[int | None]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    for row in leads:
        scale_rows = by_scale[row["commitment__programme__status_scale_id"]]
        scale_rows[row["organisation_id"]][row["status"]] += row["n"]
    for (scale_id, status), count in _unled_counts(scope).items():
        by_scale[scale_id][None][status] += count
    organisations = Organisation.objects.in_bulk(
        {org for rows in by_scale.values() for org in rows} - {None}
    )
    tables = []
    for scale_id, rows in by_scale.items():
        scale_levels = _scale_levels(levels, scale_id)
        heat_rows = []
        for organisation_id, counts in rows.items():
            cells = (*(counts.get(level.pk, 0) for level in scale_levels), counts.get(None, 0))
            heat_rows.append(
                HeatRow(organisations.get(organisation_id), cells, sum(counts.values()))
            )
        heat_rows.sort(key=lambda row: (row.organisation is None, str(row.organisation)))
        tables.append(
            HeatTable(
                scale=scale_levels[0].scale,
                levels=scale_levels,
                rows=tuple(heat_rows),
                largest=max((max(row.counts) for row in heat_rows), default=0),
            )
        )
    return tuple(sorted(tables, key=lambda table: table.scale.name))


def _unled_counts(scope: QuerySet[Commitment]) -> dict[tuple[int, int | None], int]:
    """One query: commitments with no lead organisation, by status scale and latest status."""
    lead = CommitmentOrganisation.objects.filter(commitment=OuterRef("pk"), role=OwnershipRole.LEAD)
    rows = (
        scope.filter(~Exists(lead))
        .annotate(status=latest_update("status"))
        .values("programme__status_scale_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(row["programme__status_scale_id"], row["status"]): row["n"] for row in rows}


def _direction(now: ScaleLevel | None, before: ScaleLevel | None) -> str:
    if before is None:
        return "new"
    if now.rank > before.rank:
        return "up"
    return "down" if now.rank < before.rank else "same"


def _confidence_tables(
    levels: dict[int, ScaleLevel], groups: Counter[RatingKey]
) -> tuple[ConfidenceTable, ...]:
    by_scale: dict[int, dict[int | None, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for (_status_scale, _status, scale_id, now, before), count in groups.items():
        row = by_scale[scale_id][now]
        row["count"] += count
        if now is not None:
            row[_direction(levels[now], levels.get(before))] += count
    tables = []
    for scale_id, rows in by_scale.items():
        scale_levels = _scale_levels(levels, scale_id)
        movements = [
            Movement(
                level=level,
                count=rows[key]["count"],
                up=rows[key]["up"],
                down=rows[key]["down"],
                same=rows[key]["same"],
                new=rows[key]["new"],
            )
            for level, key in (*((level, level.pk) for level in scale_levels), (None, None))
        ]
        tables.append(ConfidenceTable(scale=scale_levels[0].scale, rows=tuple(movements)))
    return tuple(sorted(tables, key=lambda table: table.scale.name))


def _due_soon(field: str, as_of: dt.date) -> Q:
    return Q(**{f"{field}__range": (as_of, as_of + dt.timedelta(days=UPCOMING_DAYS))})


def _with_commitment(milestones: QuerySet[Milestone]) -> QuerySet[Milestone]:
    return milestones.select_related("commitment__programme")


def _due(
    milestones: QuerySet[Milestone], deadlines: QuerySet[Commitment], as_of: dt.date
) -> list[Due]:
    """Two queries: the soonest milestones and commitment deadlines, merged by date."""
    soonest = _with_commitment(milestones.filter(_due_soon("current_due_date", as_of))).order_by(
        "current_due_date", "pk"
    )[:LIST_LENGTH]
    due = [Due(m.current_due_date, m.commitment, m) for m in soonest]
    for commitment in deadlines.select_related("programme").order_by("deadline_latest", "pk")[
        :LIST_LENGTH
    ]:
        due.append(Due(commitment.deadline_latest, commitment, None))
    return sorted(due, key=lambda item: item.on)[:LIST_LENGTH]
