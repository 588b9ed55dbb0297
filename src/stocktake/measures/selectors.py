"""Reads about measures: the analysis's input frames, built from the database in a fixed number
of queries (one per frame), whatever the number of measures, areas or periods.

The observations and trajectory points run to tens of thousands of rows, so their frames are
built from the rows as the database driver gives them, keyed by id, with dates as ISO text:
Django converting every row, and Python parsing every date, cost more than the queries; polars
converts whole columns at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import polars as pl
from django.db import connections
from django.db.models import CharField, Func, Max, Q, QuerySet

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

ISO_DATE = "%Y-%m-%d"
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


class IsoDate(Func):
    """A date column as ISO text (``2024-03-01``), which the driver hands over as it is."""

    template = "to_char(%(expressions)s, 'YYYY-MM-DD')"
    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> tuple[str, list]:
        # SQLite stores a date as this text; the cast keeps the driver from parsing it.
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS text)", **extra)


def _columns(rows: Sequence[tuple], *, width: int) -> list[list]:
    """``rows`` turned into ``width`` columns. (``zip(*rows)`` would make an iterator per row:
    enough objects to set off Python's full garbage collection on most requests.)"""
    return [list(map(itemgetter(column), rows)) for column in range(width)]


def _driver_columns(rows: QuerySet) -> list[Sequence]:
    """The columns of the ``values_list`` query ``rows`` as the driver gives them, without
    Django's conversions (``IsoDate`` columns arrive as text). A filter that can match nothing
    (no measures at all) is still sent, as a query that finds no rows."""
    sql, params = rows.query.get_compiler(using=rows.db, elide_empty=False).as_sql()
    with connections[rows.db].cursor() as cursor:
        cursor.execute(sql, params)
        return _columns(cursor.fetchall(), width=len(cursor.description))


def _frame_with_period(columns: list[Sequence], contract: dict[str, pl.DataType]) -> pl.DataFrame:
    """``columns`` as a frame of ``contract``, the ``period`` parsed from ISO text."""
    frame = pl.DataFrame(
        columns,
        schema={**contract, "period": pl.String()},
        orient="col",
        strict=False,  # a boolean may come as 0 or 1
    )
    return frame.with_columns(pl.col("period").str.to_date(ISO_DATE))


def _area_rows() -> list[tuple]:
    """Every area's id, then its row of :data:`AREAS`."""
    return list(
        Area.objects.order_by("code").values_list("pk", "code", "name", "level", "parent__code")
    )


def areas_frame() -> pl.DataFrame:
    """Every area: ``area`` (code), ``name``, ``level`` and ``parent`` (code). One query."""
    return _frame([row[1:] for row in _area_rows()], AREAS)


def national_code(areas: pl.DataFrame) -> str:
    """The code a national target stands for: the one nation's, if the register has one."""
    nations = areas.filter((pl.col("level") == AreaLevel.NATION) & pl.col("parent").is_null())
    return nations["area"].item() if nations.height == 1 else NATIONAL


def _observations_frame(
    chosen: Q, *, measure_codes: dict[int, str], area_codes: dict[int, str]
) -> pl.DataFrame:
    rows = (
        Observation.objects.filter(chosen)
        .order_by()
        .values_list(
            "measure_id", "area_id", IsoDate("period"), "value", "denominator", "provisional"
        )
    )
    measures, areas, *rest = _driver_columns(rows)
    codes = [[measure_codes[pk] for pk in measures], [area_codes[pk] for pk in areas]]
    return _frame_with_period([*codes, *rest], OBSERVATIONS).sort("measure", "area", "period")


def _target_rows(chosen: Q, *, nation: str) -> list[tuple]:
    """Each target's id, then its row of :data:`TARGETS`."""
    rows = (
        Target.objects.filter(chosen)
        .order_by()
        .values_list(
            "pk",
            "measure__code",
            "area__code",
            "baseline_date",
            "baseline_value",
            "target_date",
            "target_value",
            "reward_amount",
        )
    )
    return [
        (pk, measure, area or nation, *rest, None if reward is None else float(reward))
        for pk, measure, area, *rest, reward in rows
    ]


def _trajectories_frame(measure_ids: QuerySet, *, target_rows: list[tuple]) -> pl.DataFrame:
    rows = (
        TrajectoryPoint.objects.filter(trajectory__target__measure__in=measure_ids)
        .order_by()
        .values_list("trajectory__target_id", IsoDate("period"), "value")
    )
    targets, periods, values = _driver_columns(rows)
    series = {pk: (measure, area, due) for pk, measure, area, _, _, due, *_ in target_rows}
    keys = [series[pk] for pk in targets]
    measures, areas, target_dates = _columns(keys, width=3)
    points = _frame_with_period(
        [measures, areas, periods, values, target_dates],
        {**TRAJECTORIES, "target_date": pl.Date()},
    )
    # Where two targets' trajectories meet, the later target's point stands.
    return (
        points.sort("measure", "area", "period", "target_date")
        .unique(subset=["measure", "area", "period"], keep="last", maintain_order=True)
        .drop("target_date")
    )


def measure_frames(*, measures: QuerySet[Measure]) -> MeasureFrames:
    """The analysis's frames for ``measures``: five queries."""
    measure_rows = [
        (pk, code, direction, frequency, float(tolerance))
        for pk, code, direction, frequency, tolerance in measures.order_by("code").values_list(
            "pk", "code", "direction", "frequency", "tolerance_pct"
        )
    ]
    area_rows = _area_rows()
    areas = _frame([row[1:] for row in area_rows], AREAS)
    chosen = Q(measure__in=measures.values("pk"))
    target_rows = _target_rows(chosen, nation=national_code(areas))
    return MeasureFrames(
        measures=_frame([row[1:] for row in measure_rows], MEASURES),
        observations=_observations_frame(
            chosen,
            measure_codes={row[0]: row[1] for row in measure_rows},
            area_codes={row[0]: row[1] for row in area_rows},
        ),
        trajectories=_trajectories_frame(measures.values("pk"), target_rows=target_rows),
        targets=_frame([row[1:] for row in target_rows], TARGETS),
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
