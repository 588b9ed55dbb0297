"""Measures refuse impossible targets and observations they cannot hold."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stocktake.measures.models import Direction, Frequency, Measure, Observation, Target
from stocktake.measures.services import observation_record
from stocktake.register.models import AreaLevel
from stocktake.register.tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measure() -> Measure:
    return Measure.objects.create(
        code="recycling",
        name="Household waste recycled",
        unit="percent",
        direction=Direction.HIGHER,
        frequency=Frequency.QUARTERLY,
        area_levels=[AreaLevel.LOCAL_AUTHORITY],
    )


def test_a_target_dated_before_its_baseline_is_refused(measure: Measure) -> None:
    target = Target(
        measure=measure,
        baseline_date=dt.date(2018, 4, 1),
        baseline_value=25,
        target_date=dt.date(2016, 4, 1),
        target_value=40,
    )
    with pytest.raises(ValidationError) as error:
        target.full_clean()
    assert error.value.message_dict["target_date"] == [
        "The target date must be after the baseline date."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        target.save()


def test_observation_for_an_unsupported_area_level_is_refused(measure: Measure) -> None:
    region = AreaFactory(code="E12000007", name="London", level=AreaLevel.REGION)
    with pytest.raises(ValidationError) as error:
        observation_record(measure=measure, area=region, period=dt.date(2016, 4, 1), value=31)
    assert "area" in error.value.message_dict
    assert "not reported for region areas such as London" in error.value.message_dict["area"][0]
    assert not Observation.objects.exists()


def test_observation_period_must_match_the_frequency(measure: Measure) -> None:
    borough = AreaFactory()
    with pytest.raises(ValidationError) as error:
        observation_record(measure=measure, area=borough, period=dt.date(2016, 5, 1), value=31)
    assert error.value.message_dict["period"] == [
        "A quarterly period starts in January, April, July or October."
    ]


def test_recording_again_revises_the_value(measure: Measure) -> None:
    borough = AreaFactory()
    period = dt.date(2016, 4, 1)
    observation_record(measure=measure, area=borough, period=period, value=31, provisional=True)
    observation_record(measure=measure, area=borough, period=period, value=32.5)
    observation = Observation.objects.get()
    assert (observation.value, observation.provisional) == (32.5, False)


def test_a_measure_must_name_known_area_levels() -> None:
    measure = Measure(
        code="x",
        name="X",
        unit="count",
        direction=Direction.LOWER,
        frequency=Frequency.MONTHLY,
        area_levels=["galaxy"],
    )
    with pytest.raises(ValidationError) as error:
        measure.full_clean()
    assert "area_levels" in error.value.message_dict
