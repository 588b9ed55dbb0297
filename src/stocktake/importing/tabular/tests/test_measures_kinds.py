"""Measures, and targets with their trajectories, from files."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from stocktake.importing.tabular.service import tabular_import
from stocktake.importing.tabular.tests.files import csv_write, xlsx_write
from stocktake.measures.models import CommitmentMeasure, Measure, Target, TrajectoryKind
from stocktake.measures.trajectories import trajectory_points
from stocktake.register.models import AreaLevel
from stocktake.register.tests.factories import AreaFactory, CommitmentFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_measures_linked_to_commitments(tmp_path: Path) -> None:
    programme = ProgrammeFactory(code="council-plan")
    first = CommitmentFactory(programme=programme, code="P1")
    second = CommitmentFactory(programme=programme, code="P2")
    path = csv_write(
        tmp_path / "measures.csv",
        [
            [
                "code",
                "name",
                "unit",
                "direction",
                "frequency",
                "tolerance %",
                "commitment",
                "area levels",
            ],
            [
                "recycling",
                "Household waste recycled",
                "percent",
                "Higher is better",
                "quarterly",
                "2.5",
                "P1; P2",
                "Local authority district; region",
            ],
            [
                "delayed-transfers",
                "Delayed transfers of care",
                "days",
                "lower",
                "Monthly",
                "",
                "P2",
                "",
            ],
        ],
    )
    report = tabular_import(path=path, kind="measures", programme_code="council-plan")
    assert report.created == 2
    recycling = Measure.objects.get(code="recycling")
    assert recycling.tolerance_pct == Decimal("2.5")
    assert recycling.area_levels == [AreaLevel.LOCAL_AUTHORITY, AreaLevel.REGION]
    assert set(recycling.commitments.all()) == {first, second}
    assert Measure.objects.get(code="delayed-transfers").area_levels == list(AreaLevel.values)

    csv_write(
        path,
        [
            ["code", "name", "unit", "direction", "frequency", "commitment"],
            ["recycling", "Household waste recycled", "percent", "higher", "quarterly", "P2"],
        ],
    )
    report = tabular_import(path=path, kind="measures", programme_code="council-plan")
    assert (report.updated, Measure.objects.count()) == (1, 2)
    assert list(
        CommitmentMeasure.objects.filter(measure=recycling).values_list(
            "commitment__code", flat=True
        )
    ) == ["P2"]
    assert Measure.objects.get(code="recycling").tolerance_pct == Decimal("2.5")  # no column: kept


@pytest.fixture
def recycling() -> Measure:
    return Measure.objects.create(
        code="recycling",
        name="Recycling",
        unit="percent",
        direction="higher",
        frequency="quarterly",
    )


def test_targets_with_shaped_and_custom_trajectories(tmp_path: Path, recycling: Measure) -> None:
    AreaFactory(code="E09000014", name="Haringey")
    path = xlsx_write(
        tmp_path / "targets.xlsx",
        [
            [
                "measure",
                "area",
                "baseline_period",
                "baseline_value",
                "target_period",
                "target_value",
                "shape",
                "points",
                "reward",
            ],
            ["recycling", "E09000014", "2017 Q1", 25, "2018 Q1", 35, "linear", None, "£1,500,000"],
            [
                "recycling",
                None,
                "Jan 2017",
                40,
                "Jan 2018",
                45,
                "custom",
                "2017-04:41;2017-07:43",
                None,
            ],
        ],
    )
    report = tabular_import(path=path, kind="targets")
    assert report.created == 2
    local = Target.objects.get(area__code="E09000014")
    assert (local.target_date, local.reward_amount) == (dt.date(2018, 1, 1), Decimal("1500000"))
    assert list(local.trajectory.points.values_list("period", "value")) == trajectory_points(
        kind="linear",
        baseline_date=dt.date(2017, 1, 1),
        baseline_value=25,
        target_date=dt.date(2018, 1, 1),
        target_value=35,
        frequency="quarterly",
    )
    national = Target.objects.get(area=None)
    assert national.trajectory.kind == TrajectoryKind.CUSTOM
    assert list(national.trajectory.points.values_list("value", flat=True)) == [41, 43]

    xlsx_write(
        path,
        [
            [
                "measure",
                "area",
                "baseline_period",
                "baseline_value",
                "target_period",
                "target_value",
                "shape",
            ],
            ["recycling", "E09000014", "2017 Q1", 25, "2018 Q1", 38, "stepped"],
            ["recycling", None, "Jan 2017", 40, "Jan 2018", 45, "custom"],
        ],
    )
    report = tabular_import(path=path, kind="targets")
    assert (report.updated, report.unchanged, Target.objects.count()) == (1, 1, 2)
    local.refresh_from_db()
    assert (local.target_value, local.trajectory.kind) == (38, TrajectoryKind.STEPPED)
    assert local.trajectory.points.last().value == 38
