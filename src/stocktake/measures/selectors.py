"""Reads about measures: the analysis's input frames, built from the database in a fixed number
of queries (one per frame), whatever the number of measures, areas or periods."""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.db.models import Max, Q, QuerySet

from stocktake.measures.analysis.frames import (
    LAST_UPDATES,
    LINKS,
    MEASURES,
    MILESTONES,
    OBSERVATIONS,
    TARGETS,
    TRAJECTORIES,
)
from stocktake.measures.models import (
    CommitmentMeasure,
    Measure,
    Observation,
    Target,
    TrajectoryPoint,
)
from stocktake.progress.models import Update
from stocktake.register.models import Area, AreaLevel, Commitment, Milestone, Programme

NATIONAL = "national"  # the area code of a national target when the register has no one nation
AREAS: dict[str, pl.DataType] = {
    "area": pl.String(),
    "name": pl.String(),
    "level": pl.String(),
    "parent": pl.String(),
}


class UnknownCodeError(LookupError):
    """A programme or measure code that is not in the register."""


@dataclass(frozen=True)
class MeasureFrames:
    """The frames the analysis reads for a set of measures (contracts in
    :mod:`stocktake.measures.analysis.frames`), and every area (``area``, ``name``, ``level``,
    ``parent``)."""

    measures: pl.DataFrame
    observations: pl.DataFrame
    trajectories: pl.DataFrame
    targets: pl.DataFrame
    areas: pl.DataFrame

    def only(self, measure: str) -> MeasureFrames:
        """The same frames for one measure."""
        mine = pl.col("measure") == measure
        return MeasureFrames(
            measures=self.measures.filter(mine),
            observations=self.observations.filter(mine),
            trajectories=self.trajectories.filter(mine),
            targets=self.targets.filter(mine),
            areas=self.areas,
        )


def measures_select(
    *, programme_code: str | None = None, measure_code: str | None = None
) -> QuerySet[Measure]:
    """The measures of a programme (linked to its commitments, or carrying its targets), one
    measure, or all; raises :class:`UnknownCodeError` for a code the register lacks."""
    measures = Measure.objects.order_by("code")
    if programme_code is not None:
        if not Programme.objects.filter(code=programme_code).exists():
            raise UnknownCodeError(f"There is no programme with the code '{programme_code}'.")
        measures = measures.filter(
            Q(commitments__programme__code=programme_code)
            | Q(targets__programme__code=programme_code)
        ).distinct()
    if measure_code is not None:
        measures = measures.filter(code=measure_code)
        if not measures.exists():
            where = f" in the programme '{programme_code}'" if programme_code else ""
            raise UnknownCodeError(f"There is no measure with the code '{measure_code}'{where}.")
    return measures


def _frame(rows: list[tuple], contract: dict[str, pl.DataType]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=dict(contract), orient="row")


def areas_frame() -> pl.DataFrame:
    """Every area: ``area`` (code), ``name``, ``level`` and ``parent`` (code). One query."""
    rows = Area.objects.order_by("code").values_list("code", "name", "level", "parent__code")
    return _frame(list(rows), AREAS)


def national_code(areas: pl.DataFrame) -> str:
    """The code a national target stands for: the one nation's, if the register has one."""
    nations = areas.filter((pl.col("level") == AreaLevel.NATION) & pl.col("parent").is_null())
    return nations["area"].item() if nations.height == 1 else NATIONAL


def measure_frames(*, measures: QuerySet[Measure]) -> MeasureFrames:
    """The analysis's frames for ``measures``: five queries."""
    measure_rows = [
        (code, direction, frequency, float(tolerance))
        for code, direction, frequency, tolerance in measures.order_by("code").values_list(
            "code", "direction", "frequency", "tolerance_pct"
        )
    ]
    areas = areas_frame()
    nation = national_code(areas)
    chosen = Q(measure__in=measures.values("pk"))
    observations = (
        Observation.objects.filter(chosen)
        .order_by()
        .values_list("measure__code", "area__code", "period", "value", "denominator", "provisional")
    )
    targets = [
        (measure, area or nation, *rest)
        for measure, area, *rest in Target.objects.filter(chosen)
        .order_by()
        .values_list(
            "measure__code",
            "area__code",
            "baseline_date",
            "baseline_value",
            "target_date",
            "target_value",
            "reward_amount",
        )
    ]
    points = [
        (measure, area or nation, period, value, target_date)
        for measure, area, period, value, target_date in TrajectoryPoint.objects.filter(
            trajectory__target__measure__in=measures.values("pk")
        )
        .order_by()
        .values_list(
            "trajectory__target__measure__code",
            "trajectory__target__area__code",
            "period",
            "value",
            "trajectory__target__target_date",
        )
    ]
    # Where two targets' trajectories meet, the later target's point stands.
    trajectories = (
        _frame(points, {**TRAJECTORIES, "target_date": pl.Date()})
        .sort("measure", "area", "period", "target_date")
        .unique(subset=["measure", "area", "period"], keep="last", maintain_order=True)
        .drop("target_date")
    )
    return MeasureFrames(
        measures=_frame(measure_rows, MEASURES),
        observations=_frame(list(observations), OBSERVATIONS).sort("measure", "area", "period"),
        trajectories=trajectories,
        targets=_frame(
            [(*row[:6], float(row[6]) if row[6] is not None else None) for row in targets],
            TARGETS,
        ),
        areas=areas,
    )


@dataclass(frozen=True)
class CommitmentFrames:
    """What the roll-up reads besides the assessment: measure weights, milestones and the
    period of the latest update, keyed by the commitment's id (as text)."""

    links: pl.DataFrame
    milestones: pl.DataFrame
    last_updates: pl.DataFrame


def commitment_frames(*, commitments: QuerySet[Commitment]) -> CommitmentFrames:
    """The roll-up's frames for ``commitments``: three queries."""
    ids = commitments.values("pk")
    links = [
        (str(commitment), measure, float(weight))
        for commitment, measure, weight in CommitmentMeasure.objects.filter(commitment__in=ids)
        .order_by()
        .values_list("commitment_id", "measure__code", "weight")
    ]
    milestones = [
        (str(commitment), *rest)
        for commitment, *rest in Milestone.objects.filter(commitment__in=ids)
        .order_by()
        .values_list(
            "commitment_id", "code", "baseline_due_date", "current_due_date", "completed_on"
        )
    ]
    updates = [
        (str(commitment), period)
        for commitment, period in Update.objects.filter(commitment__in=ids)
        .values("commitment_id")
        .annotate(period=Max("period"))
        .order_by()
        .values_list("commitment_id", "period")
    ]
    return CommitmentFrames(
        links=_frame(links, LINKS),
        milestones=_frame(milestones, MILESTONES),
        last_updates=_frame(updates, LAST_UPDATES),
    )
