"""Measures (upserted by code) and targets with their trajectories (by measure, area and target
period). A target's trajectory points are worked out from its shape, or read from the file for a
custom one."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.core.exceptions import ValidationError

from stocktake.importing.tabular.cleaning import (
    CellError,
    CellValue,
    cell_choice,
    cell_list,
    cell_number,
    cell_period,
)
from stocktake.importing.tabular.kinds.base import Kind, Outcome, Row, Table, differs
from stocktake.importing.tabular.mapping import Field
from stocktake.measures.models import (
    CommitmentMeasure,
    Direction,
    Frequency,
    Measure,
    Target,
    Trajectory,
    TrajectoryKind,
    TrajectoryPoint,
    period_problem,
)
from stocktake.measures.trajectories import trajectory_points
from stocktake.register.models import Area, AreaLevel, Commitment, Programme

_MEASURE_FIELDS = (
    "code",
    "name",
    "definition",
    "unit",
    "direction",
    "frequency",
    "source",
    "area_levels",
    "tolerance_pct",
)
_TARGET_FIELDS = ("baseline_date", "baseline_value", "target_date", "target_value", "reward_amount")
M = TypeVar("M", Measure, Area)
_DEFAULT_TOLERANCE = Measure._meta.get_field("tolerance_pct").default


def _decimal(number: float | None) -> Decimal | None:
    return None if number is None else Decimal(repr(number))


def cell_area_levels(value: CellValue, /) -> list[str]:
    """Area levels separated by semicolons, each as its code or label."""
    return [
        cell_choice(item, choices=AreaLevel.choices, noun="area level") for item in cell_list(value)
    ]


class Measures(Kind):
    name = "measures"
    noun = "measure"
    uses_programme = True
    fields = (
        Field("code", required=True, aliases=("measure_code",)),
        Field("name", required=True, aliases=("measure_name",)),
        Field("unit", required=True),
        Field("direction", required=True, aliases=("polarity",)),
        Field("frequency", required=True),
        Field("tolerance_pct", aliases=("tolerance", "tolerance_percent")),
        Field("commitment", aliases=("commitments", "commitment_code")),
        Field("definition", aliases=("description",)),
        Field("source", aliases=("data_source",)),
        Field("area_levels", aliases=("area_level", "levels")),
    )

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        self._stored = {measure.code.casefold(): measure for measure in Measure.objects.all()}
        programme_id = programme.pk if programme else None
        commitments = Commitment.objects.filter(programme_id=programme_id)
        self._commitments = {commitment.code.casefold(): commitment for commitment in commitments}
        self._links: dict[int, set[int]] = defaultdict(set)
        for measure_id, commitment_id in CommitmentMeasure.objects.filter(
            commitment__in=commitments
        ).values_list("measure_id", "commitment_id"):
            self._links[measure_id].add(commitment_id)

    def _commitments_read(self, row: Row) -> set[int] | None:
        """The ids of the programme's commitments the row names (None: leave links be)."""
        if not row.has("commitment"):
            return None
        codes = row.items("commitment")
        if self.programme is None:
            if codes:
                row.problem(
                    "commitment",
                    "Commitment codes belong to a programme: name the programme to link "
                    "measures to its commitments.",
                )
            return None
        found = set()
        for code in codes:
            if commitment := self._commitments.get(code.casefold()):
                found.add(commitment.pk)
            else:
                row.problem(
                    "commitment", f"There is no commitment “{code}” in {self.programme.code}."
                )
        return found

    def _candidate(self, row: Row) -> tuple[Measure, set[int] | None] | None:
        code = row.text("code", required=True)
        name = row.text("name", required=True)
        unit = row.text("unit", required=True)
        direction = row.choice(
            "direction", choices=Direction.choices, noun="direction", required=True
        )
        frequency = row.choice(
            "frequency", choices=Frequency.choices, noun="frequency", required=True
        )
        tolerance = row.figure("tolerance_pct")
        definition, source = row.text("definition"), row.text("source")
        levels = row.parsed("area_levels", cell_area_levels)
        commitments = self._commitments_read(row)
        if not row.ok:
            return None
        stored = self._stored.get(code.casefold())
        measure = Measure(
            pk=stored.pk if stored else None,
            code=code,
            name=name,
            unit=unit,
            direction=direction,
            frequency=frequency,
            tolerance_pct=row.given(
                "tolerance_pct",
                _decimal(tolerance),
                stored=stored.tolerance_pct if stored else _DEFAULT_TOLERANCE,
                default=_DEFAULT_TOLERANCE,
            ),
            definition=row.given(
                "definition", definition, stored=stored.definition if stored else "", default=""
            ),
            source=row.given("source", source, stored=stored.source if stored else "", default=""),
            area_levels=row.given(
                "area_levels",
                levels or None,
                stored=stored.area_levels if stored else list(AreaLevel.values),
                default=list(AreaLevel.values),
            ),
        )
        row.full_clean(measure)
        return (measure, commitments) if row.ok else None

    def _changes(self, measure: Measure, commitments: set[int] | None) -> bool:
        stored = self._stored[measure.code.casefold()]
        return differs(stored, measure, _MEASURE_FIELDS) or (
            commitments is not None and commitments != self._links[stored.pk]
        )

    def check(self, row: Row) -> None:
        code = row.text("code")
        first = code is None or self.first_row(
            row, (code.casefold(),), field="code", same=f"code “{code}”"
        )
        candidate = self._candidate(row)
        if candidate is None or not first:
            return
        measure, commitments = candidate
        key = measure.code.casefold()
        if key not in self._stored:
            self.outcomes[Outcome.CREATED] += 1
        elif self._changes(measure, commitments):
            self.outcomes[Outcome.UPDATED] += 1
        else:
            self.outcomes[Outcome.UNCHANGED] += 1

    def write(self, rows: Sequence[Row]) -> None:
        new, changed, links = [], [], []
        for row in rows:
            candidate = self._candidate(row)
            if candidate is None:
                continue
            measure, commitments = candidate
            key = measure.code.casefold()
            if key not in self._stored:
                new.append(measure)
            elif self._changes(measure, commitments):
                changed.append(measure)
            if commitments is not None:
                links.append((measure, commitments))
        Measure.objects.bulk_create(new)
        Measure.objects.bulk_update(changed, _MEASURE_FIELDS)
        for measure, commitments in links:
            stored = self._links[measure.pk]
            CommitmentMeasure.objects.filter(
                measure=measure, commitment_id__in=stored - commitments
            ).delete()
            CommitmentMeasure.objects.bulk_create(
                CommitmentMeasure(measure=measure, commitment_id=commitment_id)
                for commitment_id in commitments - stored
            )


@dataclass
class _TargetDraft:
    target: Target
    kind: str
    points: list[tuple[dt.date, float]] | None  # read from the file, for a custom trajectory


def _trajectory(target: Target) -> Trajectory | None:
    try:
        return target.trajectory
    except Trajectory.DoesNotExist:
        return None


def cell_points(value: CellValue, /) -> list[tuple[dt.date, float]]:
    """Custom trajectory points, "period:value" separated by semicolons: "2017-04:120;2017-05:130"."""
    points = []
    for item in cell_list(value):
        period, _, number = item.rpartition(":")
        try:
            point = (cell_period(period), cell_number(number))
        except CellError as error:
            raise CellError(f"In the point “{item}”: {error.reason}") from None
        if None in point:
            raise CellError(f"“{item}” is not a point: write period:value, e.g. 2017-04:120.")
        points.append(point)
    return points


class Targets(Kind):
    name = "targets"
    noun = "target"
    fields = (
        Field("measure", required=True, aliases=("measure_code",)),
        Field("area", aliases=("area_code", "gss_code", "ons_code")),
        Field("baseline_period", required=True, aliases=("baseline_date", "baseline")),
        Field("baseline_value", required=True),
        Field("target_period", required=True, aliases=("target_date",)),
        Field("target_value", required=True, aliases=("target",)),
        Field("shape", aliases=("trajectory", "trajectory_shape")),
        Field("points", aliases=("trajectory_points",)),
        Field("reward", aliases=("reward_amount", "reward_grant")),
    )

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        self._measures = {measure.code.casefold(): measure for measure in Measure.objects.all()}
        self._areas = {area.code.casefold(): area for area in Area.objects.all()}
        self._stored = {
            (target.measure_id, target.area_id, target.target_date): target
            for target in Target.objects.select_related("trajectory")
        }
        self._custom_points: dict[int, list[tuple[dt.date, float]]] = defaultdict(list)
        for trajectory_id, period, value in (
            TrajectoryPoint.objects.filter(trajectory__kind=TrajectoryKind.CUSTOM)
            .order_by("period")
            .values_list("trajectory_id", "period", "value")
        ):
            self._custom_points[trajectory_id].append((period, value))

    def _found(
        self, row: Row, field: str, index: dict[str, M], noun: str, *, required: bool
    ) -> M | None:
        code = row.text(field, required=required)
        found = index.get(code.casefold()) if code else None
        if code and found is None:
            row.problem(field, f"There is no {noun} with the code “{code}”.")
        return found

    def _draft(self, row: Row) -> _TargetDraft | None:
        measure = self._found(row, "measure", self._measures, "measure", required=True)
        area = self._found(row, "area", self._areas, "area", required=False)
        baseline_date = row.period("baseline_period", required=True)
        baseline_value = row.figure("baseline_value", required=True)
        target_date = row.period("target_period", required=True)
        target_value = row.figure("target_value", required=True)
        kind = row.choice("shape", choices=TrajectoryKind.choices, noun="trajectory shape")
        points = row.parsed("points", cell_points) if row.has("points") else None
        reward = row.figure("reward")
        if not row.ok:
            return None
        stored = self._stored.get((measure.pk, area.pk if area else None, target_date))
        trajectory = _trajectory(stored) if stored else None
        target = Target(
            pk=stored.pk if stored else None,
            measure=measure,
            area=area,
            programme_id=stored.programme_id if stored else None,
            baseline_date=baseline_date,
            baseline_value=baseline_value,
            target_date=target_date,
            target_value=target_value,
            reward_amount=row.given(
                "reward",
                _decimal(reward),
                stored=stored.reward_amount if stored else None,
                default=None,
            ),
        )
        row.full_clean(
            target,
            fields={
                "baseline_date": "baseline_period",
                "target_date": "target_period",
                "reward_amount": "reward",
            },
        )
        kind = row.given(
            "shape",
            kind,
            stored=trajectory.kind if trajectory else TrajectoryKind.LINEAR,
            default=TrajectoryKind.LINEAR,
        )
        if row.ok:
            points = self._points_check(row, target, kind, points, trajectory)
        return _TargetDraft(target, kind, points) if row.ok else None

    def _points_check(
        self,
        row: Row,
        target: Target,
        kind: str,
        points: list[tuple[dt.date, float]] | None,
        trajectory: Trajectory | None,
    ) -> list[tuple[dt.date, float]] | None:
        if kind != TrajectoryKind.CUSTOM:
            if points:
                row.problem(
                    "points",
                    f"Points are read only for custom trajectories: a {kind.replace('_', '-')} "
                    "trajectory is worked out from the baseline and target.",
                )
            return None
        if points is None and trajectory is not None and trajectory.kind == TrajectoryKind.CUSTOM:
            return self._custom_points[trajectory.pk]
        if not points:
            row.problem(
                "points", "Enter the points of the custom trajectory, e.g. 2017-04:120;2017-05:130."
            )
            return None
        frequency = target.measure.frequency
        periods = [period for period, _ in points]
        for period in dict.fromkeys(periods):
            point = TrajectoryPoint(trajectory=Trajectory(target=target), period=period, value=0)
            try:
                point.clean()
            except ValidationError as error:
                row.problem("points", f"{period:%Y-%m}: {error.messages[0]}")
            if problem := period_problem(period, frequency):
                row.problem("points", f"{period:%Y-%m}: {problem}")
            if periods.count(period) > 1:
                row.problem("points", f"{period:%Y-%m} has more than one point.")
        return sorted(points)

    def _changes(self, draft: _TargetDraft, stored: Target) -> bool:
        trajectory = _trajectory(stored)
        return (
            differs(stored, draft.target, _TARGET_FIELDS)
            or trajectory is None
            or trajectory.kind != draft.kind
            or (draft.points is not None and draft.points != self._custom_points[trajectory.pk])
        )

    def check(self, row: Row) -> None:
        draft = self._draft(row)
        if draft is None:
            return
        target = draft.target
        key = _key(target)
        if not self.first_row(
            row, key, field="target_period", same="measure, area and target period"
        ):
            return
        stored = self._stored.get(key)
        if stored is None:
            self.outcomes[Outcome.CREATED] += 1
        elif self._changes(draft, stored):
            self.outcomes[Outcome.UPDATED] += 1
        else:
            self.outcomes[Outcome.UNCHANGED] += 1

    def write(self, rows: Sequence[Row]) -> None:
        drafts = [draft for row in rows if (draft := self._draft(row)) is not None]
        new = [draft for draft in drafts if draft.target.pk is None]
        changed = [
            draft
            for draft in drafts
            if draft.target.pk is not None
            and self._changes(draft, self._stored[_key(draft.target)])
        ]
        Target.objects.bulk_create([draft.target for draft in new])
        Target.objects.bulk_update([draft.target for draft in changed], _TARGET_FIELDS)
        reshaped = []  # stored trajectories: new kind (parameters kept), new points
        for draft in changed:
            if trajectory := _trajectory(self._stored[_key(draft.target)]):
                trajectory.kind = draft.kind
                reshaped.append((draft, trajectory))
        Trajectory.objects.bulk_update([trajectory for _, trajectory in reshaped], ["kind"])
        TrajectoryPoint.objects.filter(trajectory__in=[t for _, t in reshaped]).delete()
        reshaped_drafts = {id(draft) for draft, _ in reshaped}
        unshaped = [draft for draft in (*new, *changed) if id(draft) not in reshaped_drafts]
        created = Trajectory.objects.bulk_create(
            Trajectory(target=draft.target, kind=draft.kind) for draft in unshaped
        )
        TrajectoryPoint.objects.bulk_create(
            TrajectoryPoint(trajectory=trajectory, period=period, value=value)
            for draft, trajectory in (*reshaped, *zip(unshaped, created, strict=True))
            for period, value in _points(draft, trajectory)
        )


def _key(target: Target) -> tuple[int, int | None, dt.date]:
    return target.measure_id, target.area_id, target.target_date


def _points(draft: _TargetDraft, trajectory: Trajectory) -> list[tuple[dt.date, float]]:
    """The custom points read, or those the trajectory's shape and parameters give."""
    if draft.points is not None:
        return draft.points
    target = draft.target
    return trajectory_points(
        kind=draft.kind,
        baseline_date=target.baseline_date,
        baseline_value=target.baseline_value,
        target_date=target.target_date,
        target_value=target.target_value,
        frequency=target.measure.frequency,
        parameters=trajectory.parameters,
    )
