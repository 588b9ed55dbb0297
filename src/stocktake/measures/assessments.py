"""Assessment from the database: the selectors' frames through the pure analysis, as of a date.

A measure whose data the analysis cannot use (a period off its frequency's grid, say) is set
aside with the analysis's message naming the measure, area and period; the others are assessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import polars as pl
from django.db.models import QuerySet

from stocktake.measures.analysis import AnalysisInputError, assess, commitment_rollup
from stocktake.measures.analysis.assessment import COLUMNS
from stocktake.measures.analysis.shares import trajectories_by_share
from stocktake.measures.models import Measure
from stocktake.measures.selectors import MeasureFrames, commitment_frames, measure_frames
from stocktake.register.models import Commitment

# The figures `stocktake assess` prints and the measure page downloads, in this order.
FIELDS = COLUMNS[: COLUMNS.index("stale") + 1]


@dataclass(frozen=True)
class MeasureProblem:
    measure: str
    message: str


@dataclass(frozen=True)
class Assessment:
    """Every (measure, area) at ``as_of``: :func:`.analysis.assess`'s columns plus
    ``area_name``, ``area_level`` and ``derived_from`` (the name of the area whose trajectory
    an area's was derived from by share, else null). ``frames`` include derived trajectories."""

    as_of: dt.date
    rows: pl.DataFrame
    problems: tuple[MeasureProblem, ...]
    frames: MeasureFrames

    def records(self) -> list[dict[str, Any]]:
        """One dict per row with the :data:`FIELDS`: dates as ISO text, numbers to 6 places."""
        if not self.rows.height:
            return []
        frame = self.rows.select(FIELDS).with_columns(
            pl.col("period").dt.to_string("%Y-%m-%d"), pl.col(pl.Float64).round(6)
        )
        return frame.to_dicts()


def _with_derived(frames: MeasureFrames) -> tuple[MeasureFrames, pl.DataFrame]:
    points, targets, derived = trajectories_by_share(
        observations=frames.observations,
        trajectories=frames.trajectories,
        targets=frames.targets,
        areas=frames.areas,
    )
    return (
        MeasureFrames(
            measures=frames.measures,
            observations=frames.observations,
            # In series order, as the analysis wants them: it would otherwise sort and check again.
            trajectories=pl.concat([frames.trajectories, points]).sort("measure", "area", "period"),
            targets=pl.concat([frames.targets, targets]),
            areas=frames.areas,
        ),
        derived,
    )


def _assess(frames: MeasureFrames, *, as_of: dt.date) -> pl.DataFrame:
    return assess(
        observations=frames.observations,
        trajectories=frames.trajectories,
        targets=frames.targets,
        measures=frames.measures,
        as_of=as_of,
    )


def _assess_each(frames: MeasureFrames, *, as_of: dt.date) -> tuple[pl.DataFrame, list]:
    """All measures at once; when that fails, one at a time, to set the bad ones aside."""
    try:
        return _assess(frames, as_of=as_of), []
    except AnalysisInputError:
        pass
    assessed, problems = [], []
    for measure in frames.measures["measure"]:
        try:
            assessed.append(_assess(frames.only(measure), as_of=as_of))
        except AnalysisInputError as error:
            problems.append(MeasureProblem(measure=measure, message=str(error)))
    return pl.concat(assessed, how="vertical_relaxed") if assessed else pl.DataFrame(), problems


def _with_area_names(
    rows: pl.DataFrame, *, areas: pl.DataFrame, derived: pl.DataFrame
) -> pl.DataFrame:
    """``rows`` with ``area_name``, ``area_level`` and ``derived_from``: one lazy plan on the
    in-memory engine, cheaper than its steps one by one on frames this small."""
    names = areas.lazy().select("area", area_name="name", area_level="level")
    sources = (
        derived.lazy()
        .join(names.select(source="area", derived_from="area_name"), on="source", how="left")
        .select("measure", "area", "derived_from")
    )
    return (
        rows.lazy()
        .join(names, on="area", how="left", maintain_order="left")
        .join(sources, on=["measure", "area"], how="left", maintain_order="left")
        .with_columns(pl.col("area_name").fill_null(pl.lit("National")))
        .collect(engine="in-memory")
    )


def assessment_run(*, measures: QuerySet[Measure], as_of: dt.date) -> Assessment:
    """Assess ``measures`` in every area at ``as_of`` (five queries). With no measures (most
    commitments have none) the analysis is not run: there is nothing to assess."""
    frames = measure_frames(measures=measures)
    if not frames.measures.height:
        return Assessment(as_of=as_of, rows=pl.DataFrame(), problems=(), frames=frames)
    frames, derived = _with_derived(frames)
    rows, problems = _assess_each(frames, as_of=as_of)
    if rows.height:
        rows = _with_area_names(rows, areas=frames.areas, derived=derived)
    return Assessment(as_of=as_of, rows=rows, problems=tuple(problems), frames=frames)


@dataclass(frozen=True)
class Rollup:
    """A commitment's data-driven status suggestion (:data:`.analysis.rollup.SUGGESTIONS`),
    the weighted share of its measures on track (None without one to judge), and why."""

    suggested_status: str
    score: float | None
    reasons: tuple[str, ...]


def commitment_rollup_get(
    *, commitment: Commitment, assessment: Assessment, as_of: dt.date
) -> Rollup:
    """The roll-up of ``commitment`` from the ``assessment`` of its measures (three queries)."""
    frames = commitment_frames(commitments=Commitment.objects.filter(pk=commitment.pk))
    problem_measures = [problem.measure for problem in assessment.problems]
    rows = assessment.rows
    if not rows.height:
        rows = pl.DataFrame(schema={"measure": pl.String, "status": pl.String})
    rolled = commitment_rollup(
        assessment=rows.select("measure", "status"),
        links=frames.links.filter(~pl.col("measure").is_in(problem_measures)),
        milestones=frames.milestones,
        last_updates=frames.last_updates,
        as_of=as_of,
    ).filter(pl.col("commitment") == str(commitment.pk))
    reasons = [f"{measure}: its data could not be assessed" for measure in sorted(problem_measures)]
    if not rolled.height:
        return Rollup(suggested_status="no_data", score=None, reasons=tuple(reasons))
    row = rolled.row(0, named=True)
    return Rollup(
        suggested_status=row["suggested_status"],
        score=row["score"],
        reasons=(*row["reasons"], *reasons),
    )
