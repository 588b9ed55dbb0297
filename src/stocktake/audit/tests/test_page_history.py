"""The history of changes on the programme and measure pages: who changed what, for signed-in
users who may see the page; nothing of it for visitors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.audit.recording import acting
from stocktake.audit.selectors import measure_history
from stocktake.measures.models import Direction, Frequency, Measure, Target
from stocktake.measures.services import measure_update, observation_record
from stocktake.register.models import AreaLevel
from stocktake.register.services import programme_update
from stocktake.register.tests.factories import AreaFactory, CommitmentFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst_client() -> Client:
    analyst = user_create(username="analyst", password="Lamp-Post-Sorting-42", role=Role.ANALYST)
    browser = Client()
    browser.force_login(analyst)
    return browser


def test_the_programme_page_shows_the_programme_history(analyst_client: Client) -> None:
    programme = ProgrammeFactory(code="man", title="Manifesto", published=False)
    CommitmentFactory(programme=programme, published=True)
    with acting(name="Ada", via="web"):
        programme_update(programme=programme, expected_version=1, changes={"published": True})
    page = analyst_client.get("/programmes/man/").content.decode()
    assert "History of changes" in page
    assert "By Ada (web)" in page
    assert "Published" in page
    public = Client().get("/programmes/man/")
    assert public.status_code == 200
    assert "History of changes" not in public.content.decode()


def test_the_measure_page_shows_the_measure_and_what_hangs_off_it(analyst_client: Client) -> None:
    commitment = CommitmentFactory()
    area = AreaFactory(code="E92000001", name="England", level=AreaLevel.NATION)
    with acting(name="Grace", via="API"):
        measure = Measure.objects.create(
            code="waits",
            name="Waiting times",
            unit="days",
            direction=Direction.LOWER,
            frequency=Frequency.MONTHLY,
        )
        measure.commitments.add(commitment)
        measure_update(measure=measure, expected_version=1, changes={"unit": "weeks"})
        Target.objects.create(
            measure=measure,
            baseline_value=20,
            baseline_date=dt.date(2016, 1, 1),
            target_value=10,
            target_date=dt.date(2018, 1, 1),
        )
        observation_record(measure=measure, area=area, period=dt.date(2016, 5, 1), value=18.0)
    found = measure_history(measure=measure, limit=3)
    assert (len(found.changes), found.more) == (3, True)
    assert not measure_history(measure=measure, limit=5).more
    assert {change.object_kind for change in measure_history(measure=measure).changes} == {
        "measure",
        "commitment measure",
        "target",
        "observation",
    }
    page = analyst_client.get("/measures/waits/").content.decode()
    assert "History of changes" in page
    assert "By Grace (API)" in page
    assert "weeks" in page
