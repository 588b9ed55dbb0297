"""Assessment from the database: frames in a fixed number of queries, national targets,
trajectories derived by share, bad data set aside with a message, and the roll-up."""

from __future__ import annotations

import datetime as dt

import pytest

from stocktake.measures.assessments import assessment_run, commitment_rollup_get
from stocktake.measures.models import (
    CommitmentMeasure,
    Direction,
    Frequency,
    Measure,
    Observation,
    Target,
    Trajectory,
    TrajectoryKind,
    TrajectoryPoint,
)
from stocktake.measures.selectors import UnknownCodeError, measure_frames, measures_select
from stocktake.register.models import Area, AreaLevel
from stocktake.register.tests.factories import AreaFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2024, 7, 15)
MONTHS = [dt.date(2024, month, 1) for month in range(1, 7)]


@pytest.fixture
def areas() -> dict[str, Area]:
    england = AreaFactory(code="E92000001", name="England", level=AreaLevel.NATION)
    london = AreaFactory(code="E12000007", name="London", level=AreaLevel.REGION, parent=england)
    haringey = AreaFactory(code="E09000014", name="Haringey", parent=london)
    return {"england": england, "london": london, "haringey": haringey}


def _measure(code: str, *, frequency: str = Frequency.MONTHLY) -> Measure:
    return Measure.objects.create(
        code=code,
        name=code.title(),
        unit="count",
        direction=Direction.HIGHER,
        frequency=frequency,
        tolerance_pct=5,
    )


def _observe(measure: Measure, area: Area, values: list[float]) -> None:
    Observation.objects.bulk_create(
        Observation(measure=measure, area=area, period=period, value=value)
        for period, value in zip(MONTHS, values, strict=False)
    )


def _plan(measure: Measure, area: Area | None, values: list[float]) -> Target:
    target = Target.objects.create(
        measure=measure,
        area=area,
        baseline_date=MONTHS[0],
        baseline_value=values[0],
        target_date=dt.date(2024, 12, 1),
        target_value=values[-1],
    )
    trajectory = Trajectory.objects.create(target=target, kind=TrajectoryKind.CUSTOM)
    TrajectoryPoint.objects.bulk_create(
        TrajectoryPoint(trajectory=trajectory, period=dt.date(2024, month, 1), value=value)
        for month, value in zip(range(1, 13), values, strict=False)
    )
    return target


@pytest.fixture
def starts(areas: dict[str, Area]) -> Measure:
    """Apprenticeship starts: a national target (no area) and figures for all three areas."""
    measure = _measure("starts")
    _plan(measure, None, [100, 110, 120, 130, 140, 150, 160])
    _observe(measure, areas["england"], [100, 110, 118, 131, 139, 150])
    _observe(measure, areas["london"], [20, 22, 24, 26, 28, 29])
    _observe(measure, areas["haringey"], [2, 2, 2, 2, 2, 2])
    return measure


def test_the_frames_cost_five_queries_however_many_measures(
    starts: Measure, areas: dict[str, Area], django_assert_num_queries
) -> None:
    with django_assert_num_queries(5):
        frames = measure_frames(measures=Measure.objects.all())
    assert frames.observations.height == 18
    for number in range(3):
        other = _measure(f"other-{number}")
        _plan(other, areas["haringey"], [1, 2, 3])
        _observe(other, areas["haringey"], [1, 2])
    with django_assert_num_queries(5):
        frames = measure_frames(measures=Measure.objects.all())
    assert frames.measures["measure"].to_list() == [
        "other-0",
        "other-1",
        "other-2",
        "starts",
    ]
    assert frames.observations.height == 24


def test_a_national_target_stands_for_the_nation_and_areas_below_follow_it_by_share(
    starts: Measure,
) -> None:
    assessment = assessment_run(measures=Measure.objects.all(), as_of=AS_OF)
    by_area = {row["area_name"]: row for row in assessment.rows.to_dicts()}
    assert set(by_area) == {"England", "London", "Haringey"}
    assert (by_area["England"]["trajectory"], by_area["England"]["status"]) == (150, "on_track")
    assert by_area["England"]["derived_from"] is None
    # London is a fifth of England in January: its trajectory for June is 150 / 5 = 30.
    assert by_area["London"]["trajectory"] == pytest.approx(30)
    assert by_area["London"]["derived_from"] == "England"
    assert by_area["London"]["status"] == "on_track"  # 29 is within 5% of 30
    # Haringey stood still at 2, a fiftieth of England, against a trajectory rising to 3.
    assert by_area["Haringey"]["trajectory"] == pytest.approx(3)
    assert by_area["Haringey"]["status"] == "off_track"
    assert by_area["Haringey"]["target_value"] == pytest.approx(160 / 50)


def test_a_measure_with_bad_data_is_set_aside_and_the_rest_assessed(
    starts: Measure, areas: dict[str, Area]
) -> None:
    quarterly = _measure("openings", frequency=Frequency.QUARTERLY)
    # Saved without full_clean, as a raw load might: February is not a quarter's start.
    Observation.objects.create(
        measure=quarterly, area=areas["haringey"], period=dt.date(2024, 2, 1), value=3
    )
    assessment = assessment_run(measures=Measure.objects.all(), as_of=AS_OF)
    assert set(assessment.rows["measure"]) == {"starts"}
    [problem] = assessment.problems
    assert problem.measure == "openings"
    assert "measure 'openings', area 'E09000014', period 2024-02-01" in problem.message
    assert "a quarterly period starts in January, April, July or October" in problem.message


def test_no_measures_at_all_give_empty_frames_and_no_error(starts: Measure) -> None:
    # A filter Django knows matches nothing (an empty list of measures) is still a query.
    for measures in (Measure.objects.none(), Measure.objects.filter(pk__in=[])):
        frames = measure_frames(measures=measures)
        assert frames.measures.is_empty()
        assert frames.observations.is_empty()
        assert frames.trajectories.is_empty()
        assert assessment_run(measures=measures, as_of=AS_OF).rows.is_empty()


def test_a_measure_without_observations_gives_no_rows_and_no_error(areas: dict) -> None:
    _measure("empty")
    assessment = assessment_run(measures=Measure.objects.all(), as_of=AS_OF)
    assert assessment.rows.is_empty()
    assert assessment.records() == []
    assert assessment.problems == ()


def test_measures_are_chosen_by_programme_or_code_and_unknown_codes_are_named(
    starts: Measure,
) -> None:
    commitment = CommitmentFactory(programme__code="man2015")
    CommitmentMeasure.objects.create(commitment=commitment, measure=starts)
    _measure("unlinked")
    assert list(measures_select(programme_code="man2015")) == [starts]
    assert measures_select(measure_code="unlinked").get().code == "unlinked"
    with pytest.raises(UnknownCodeError, match="no programme with the code 'nope'"):
        measures_select(programme_code="nope")
    with pytest.raises(UnknownCodeError, match="no measure with the code 'unlinked' in the"):
        measures_select(programme_code="man2015", measure_code="unlinked")


def test_the_rollup_weighs_the_commitments_measures_and_gives_its_reasons(
    starts: Measure, django_assert_max_num_queries
) -> None:
    commitment = CommitmentFactory()
    CommitmentMeasure.objects.create(commitment=commitment, measure=starts)
    assessment = assessment_run(measures=commitment.measures.all(), as_of=AS_OF)
    with django_assert_max_num_queries(3):
        rollup = commitment_rollup_get(commitment=commitment, assessment=assessment, as_of=AS_OF)
    # Two of three areas on track: the measure counts as on track (score 2/3).
    assert rollup.suggested_status == "at_risk"
    assert rollup.score == pytest.approx(2 / 3)
    assert rollup.reasons == ("1 of 1 measure on track (weighted 67%)", "no update on record")
