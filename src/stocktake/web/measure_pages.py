"""What the measure pages and the commitment page show about measures: the assessment, charts
and tables, built from one assessment run. Formatting is in :mod:`.measure_presenters`, the
drawing in :mod:`.charts`; the figures come from :mod:`stocktake.measures.assessments`."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl
from django.db.models import QuerySet

from stocktake.measures.analysis import AnalysisInputError, funnel_limits, league_table, xmr
from stocktake.measures.analysis.money import rewards_earned
from stocktake.measures.assessments import (
    Assessment,
    Rollup,
    assessment_run,
    commitment_rollup_get,
)
from stocktake.measures.models import Measure
from stocktake.register.models import AreaLevel, Commitment
from stocktake.web.charts.control import ControlPoint, control_chart
from stocktake.web.charts.funnel import FunnelArea, FunnelLimits, funnel_chart
from stocktake.web.charts.league import LeagueRow, league_chart
from stocktake.web.charts.svg import Chart
from stocktake.web.charts.trajectory import Projection, SeriesView, trajectory_chart

# Units the funnel plot understands: the kind of limits and what a value is per.
_RATE_UNIT = re.compile(r"per\s+([\d,]+)", re.IGNORECASE)


def funnel_kind(unit: str) -> tuple[str, float] | None:
    """What a funnel plot compares for a measure in ``unit``, and the value's scale: a
    proportion for "percent" (per 100) or "proportion", a rate for "rate per 1,000" or
    "per 100,000 population"; None for counts, days and other units."""
    text = unit.strip().lower()
    if text in ("percent", "%"):
        return "proportion", 100.0
    if text == "proportion":
        return "proportion", 1.0
    if match := _RATE_UNIT.search(text):
        return "rate", float(match[1].replace(",", ""))
    return None


FUNNEL_GRID = 60


@dataclass(frozen=True)
class AreaStanding:
    """One row of the assessment table."""

    area: str
    name: str
    level: str
    row: dict
    derived_from: str | None


@dataclass
class MeasureView:
    """Everything about one measure that its page shows."""

    measure: Measure
    as_of: dt.date
    levels: list[tuple[str, str]]
    level: str
    headline_area: str | None = None
    standings: list[AreaStanding] = field(default_factory=list)
    status_counts: Counter = field(default_factory=Counter)
    headline: Chart | None = None
    small_multiples: list[tuple[Chart, str]] = field(default_factory=list)  # with status
    league: Chart | None = None
    funnel: Chart | None = None
    funnel_note: str = ""
    control: Chart | None = None
    rewards: list[dict] = field(default_factory=list)  # reward grants earned, by area
    problems: list[str] = field(default_factory=list)
    areas: list[tuple[str, str]] = field(default_factory=list)

    def charts(self) -> dict[str, Chart]:
        """Every chart on the page by its key."""
        drawn = [self.headline, *(chart for chart, _ in self.small_multiples)]
        drawn += [self.league, self.funnel, self.control]
        return {chart.key: chart for chart in drawn if chart is not None}


def series_view(assessment: Assessment, *, measure: Measure, area: str) -> SeriesView:
    """One area's series, trajectory, target and projection, for a trajectory chart."""
    return series_views(assessment, measure=measure, areas=[area])[area]


def series_views(
    assessment: Assessment, *, measure: Measure, areas: list[str]
) -> dict[str, SeriesView]:
    """Each of ``areas``' series views, the measure's frames read once (a page of small
    multiples would otherwise filter every frame once per area)."""
    frames = assessment.frames
    own = pl.col("measure") == measure.code
    rows: dict[str, dict[str, Any]] = {}
    if assessment.rows.height:
        for row in assessment.rows.filter(own).to_dicts():
            rows.setdefault(row["area"], row)
    actuals = _points_by_area(
        frames.observations.filter(own & (pl.col("period") <= assessment.as_of))
    )
    planned = _points_by_area(frames.trajectories.filter(own))
    views = {}
    for area in areas:
        row = rows.get(area, {})
        target = None
        if row.get("target_date") is not None:
            target = (row["target_date"], row["target_value"])
        projection = None
        if row.get("projection") is not None:
            projection = Projection(
                row["projection"], row["projection_low"], row["projection_high"]
            )
        views[area] = SeriesView(
            measure=measure.name,
            area=row.get("area_name") or area,
            unit=measure.unit,
            status=row.get("status", "no_data"),
            actuals=actuals.get(area, []),
            planned=planned.get(area, []),
            target=target,
            projection=projection,
        )
    return views


def _points_by_area(frame: pl.DataFrame) -> dict[str, list[tuple[Any, Any]]]:
    """Each area's (period, value) points, in the frame's order."""
    points: dict[str, list[tuple[Any, Any]]] = defaultdict(list)
    for area, period, value in frame.select("area", "period", "value").iter_rows():
        points[area].append((period, value))
    return points


def _headline_area(rows: pl.DataFrame) -> str | None:
    """The nation when it has figures, else the area with most observed (the first of them)."""
    if not rows.height:
        return None
    nations = rows.filter(pl.col("area_level") == AreaLevel.NATION)
    chosen = nations if nations.height else rows
    return chosen.sort("area_name")["area"][0]


def measure_view(
    *, measure: Measure, as_of: dt.date, level: str | None = None, area: str | None = None
) -> MeasureView:
    """The measure page, assessed at ``as_of``, comparing the areas at ``level`` (default: the
    level with most areas), with the control chart for ``area`` (default: the headline area)."""
    assessment = assessment_run(measures=Measure.objects.filter(pk=measure.pk), as_of=as_of)
    rows = assessment.rows
    present = Counter(rows["area_level"].to_list()) if rows.height else Counter()
    labels = dict(AreaLevel.choices)
    levels = [(code, labels.get(code, code)) for code in AreaLevel.values if code in present]
    if level not in present:
        level = present.most_common(1)[0][0] if present else ""
    view = MeasureView(measure=measure, as_of=as_of, levels=levels, level=level)
    view.problems = [problem.message for problem in assessment.problems]
    if not rows.height:
        return view
    view.headline_area = _headline_area(rows)
    view.areas = sorted(zip(rows["area"], rows["area_name"], strict=True), key=lambda a: a[1])
    at_level = rows.filter(pl.col("area_level") == level)
    view.standings = [
        AreaStanding(
            area=row["area"],
            name=row["area_name"],
            level=row["area_level"],
            row=row,
            derived_from=row["derived_from"],
        )
        for row in at_level.sort("area_name").to_dicts()
    ]
    view.status_counts = Counter(at_level["status"].to_list())
    series = series_views(
        assessment,
        measure=measure,
        areas=[view.headline_area, *(standing.area for standing in view.standings)],
    )
    view.headline = trajectory_chart(series[view.headline_area], key="headline")
    order = {"off_track": 0, "on_track": 1, "ahead": 2, "no_data": 3}
    view.small_multiples = [
        (
            trajectory_chart(
                series[standing.area],
                key=f"area-{standing.area}",
                compact=True,
            ),
            standing.row["status"],
        )
        for standing in sorted(
            view.standings, key=lambda s: (order.get(s.row["status"], 4), s.name)
        )
    ]
    names = dict(view.areas)
    level_areas = at_level["area"].to_list()
    view.league = _league(assessment, measure=measure, areas=level_areas, names=names)
    view.funnel, view.funnel_note = _funnel(
        assessment, measure=measure, areas=level_areas, names=names
    )
    chosen = area if area in names else view.headline_area
    view.control = _control(assessment, measure=measure, area=chosen, name=names[chosen])
    view.rewards = [
        {**reward, "area_name": names.get(reward["area"], reward["area"])}
        for reward in rewards_earned(assessment=rows, targets=assessment.frames.targets).to_dicts()
    ]
    return view


def _observations_in(assessment: Assessment, areas: list[str]) -> pl.DataFrame:
    return assessment.frames.observations.filter(
        pl.col("area").is_in(areas) & (pl.col("period") <= assessment.as_of)
    )


def _league(
    assessment: Assessment, *, measure: Measure, areas: list[str], names: dict[str, str]
) -> Chart | None:
    table = league_table(
        observations=_observations_in(assessment, areas),
        measures=assessment.frames.measures,
        measure=measure.code,
        as_of=assessment.as_of,
    )
    if table.height < 2:
        return None
    rows = [
        LeagueRow(
            area=names.get(row["area"], row["area"]),
            value=row["value"],
            rank=row["rank"],
            quartile=row["quartile"],
            rank_change=row["rank_change"],
            improvement=row["improvement"],
        )
        for row in table.to_dicts()
    ]
    return league_chart(
        key="league",
        measure=measure.name,
        unit=measure.unit,
        period=f"{table['period'][0]:%B %Y}",
        direction=measure.direction,
        rows=rows,
    )


def _funnel(
    assessment: Assessment, *, measure: Measure, areas: list[str], names: dict[str, str]
) -> tuple[Chart | None, str]:
    """The funnel plot of the latest period, or why there is none."""
    scale = funnel_kind(measure.unit)
    if scale is None:
        return None, (
            f"A funnel plot compares rates and proportions; {measure.name} is measured as a "
            f"{measure.unit}, so the league table and control chart compare its areas instead."
        )
    kind, per = scale
    observed = _observations_in(assessment, areas)
    if not observed.height:
        return None, "There are no values to compare yet."
    latest = observed.filter(pl.col("period") == observed["period"].max())
    counted = latest.filter(pl.col("denominator").is_not_null() & (pl.col("denominator") > 0))
    if counted.height < 2:
        return None, (
            "A funnel plot needs the number of people counted (the denominator) beside each "
            "value; the latest period does not have them."
        )
    numerators = counted.select("area", value=(pl.col("value") / per * pl.col("denominator")))
    denominators = counted.select("area", value=pl.col("denominator").round())
    try:
        limits = funnel_limits(numerators=numerators, denominators=denominators, kind=kind)
        target = float(limits["target"][0])
        grid = np.unique(
            np.round(np.geomspace(10, denominators["value"].max() * 1.05, FUNNEL_GRID))
        )
        curve = funnel_limits(
            numerators=pl.DataFrame({"area": [str(i) for i in range(len(grid))], "value": 0.0}),
            denominators=pl.DataFrame({"area": [str(i) for i in range(len(grid))], "value": grid}),
            kind=kind,
            target=target,
        )
    except AnalysisInputError as error:
        return None, f"The funnel plot cannot be drawn: {error}"
    included = limits.filter(pl.col("excluded").is_null())
    chart = funnel_chart(
        key="funnel",
        measure=measure.name,
        unit=measure.unit,
        period=f"{latest['period'][0]:%B %Y}",
        target=target * per,
        areas=[
            FunnelArea(
                area=names.get(row["area"], row["area"]),
                numerator=row["numerator"],
                denominator=row["denominator"],
                value=row["value"] * per,
                outlier=row["outlier"],
                alert=row["alert"],
            )
            for row in included.to_dicts()
        ],
        curve=[
            FunnelLimits(
                denominator=row["denominator"],
                lower_998=row["lower_998"] * per,
                lower_95=row["lower_95"] * per,
                upper_95=row["upper_95"] * per,
                upper_998=row["upper_998"] * per,
            )
            for row in curve.sort("denominator").to_dicts()
        ],
    )
    return chart, ""


def _control(assessment: Assessment, *, measure: Measure, area: str, name: str) -> Chart | None:
    series = _observations_in(assessment, [area]).select("period", "value")
    if series.height < 2:
        return None
    chart = xmr(series=series)
    first = chart.row(0, named=True)
    return control_chart(
        key="control",
        measure=measure.name,
        area=name,
        unit=measure.unit,
        points=[
            ControlPoint(period=row["period"], value=row["value"], rules=tuple(row["rules"]))
            for row in chart.to_dicts()
        ],
        centre=first["centre"],
        lower=first["lnpl"],
        upper=first["unpl"],
    )


@dataclass(frozen=True)
class CommitmentMeasureView:
    """A commitment's measure: its headline chart and how many areas stand where."""

    measure: Measure
    chart: Chart | None
    status_counts: Counter
    problem: str | None = None  # why its data could not be assessed


def commitment_measure_views(
    *, measures: QuerySet[Measure], assessment: Assessment
) -> list[CommitmentMeasureView]:
    """Each measure's headline chart (the nation, or its one area) from one assessment."""
    problems = {problem.measure: problem.message for problem in assessment.problems}
    views = []
    for measure in measures:
        # With every measure set aside as unassessable, the rows have no columns at all.
        rows = assessment.rows
        if rows.height:
            rows = rows.filter(pl.col("measure") == measure.code)
        chart = None
        if rows.height:
            area = _headline_area(rows)
            chart = trajectory_chart(
                series_view(assessment, measure=measure, area=area), key=f"measure-{measure.code}"
            )
        views.append(
            CommitmentMeasureView(
                measure=measure,
                chart=chart,
                status_counts=Counter(rows["status"].to_list()) if rows.height else Counter(),
                problem=problems.get(measure.code),
            )
        )
    return views


@dataclass(frozen=True)
class MeasureListRow:
    measure: Measure
    latest_period: dt.date | None
    status_counts: Counter


def measure_list_rows(*, measures: QuerySet[Measure], as_of: dt.date) -> list[MeasureListRow]:
    """``measures`` with their latest period and how many areas stand where, from one run."""
    assessment = assessment_run(measures=measures, as_of=as_of)
    measures = list(measures.order_by("name"))
    rows = assessment.rows
    counts: dict[str, Counter] = {}
    latest: dict[str, dt.date] = {}
    if rows.height:
        for measure, status, period in rows.select("measure", "status", "period").iter_rows():
            counts.setdefault(measure, Counter())[status] += 1
            if period is not None and period > latest.get(measure, dt.date.min):
                latest[measure] = period
    return [
        MeasureListRow(
            measure=measure,
            latest_period=latest.get(measure.code),
            status_counts=counts.get(measure.code, Counter()),
        )
        for measure in measures
    ]


@dataclass(frozen=True)
class CommitmentMeasures:
    """What the commitment page shows about data: the roll-up beside its measures' charts."""

    as_of: dt.date
    rollup: Rollup
    measures: list[CommitmentMeasureView]


def commitment_measures(*, commitment: Commitment, as_of: dt.date) -> CommitmentMeasures:
    """The commitment's measures assessed at ``as_of``, and its data-driven roll-up."""
    measures = commitment.measures.order_by("name")
    assessment = assessment_run(measures=measures, as_of=as_of)
    return CommitmentMeasures(
        as_of=as_of,
        rollup=commitment_rollup_get(commitment=commitment, assessment=assessment, as_of=as_of),
        measures=commitment_measure_views(measures=measures, assessment=assessment),
    )
