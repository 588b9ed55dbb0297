"""The demo loads a realistic register, twice without harm, and the national volumes."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.test import Client

from stocktake.demo.loader import _reported_at, demo_load
from stocktake.progress.models import Update
from stocktake.progress.selectors import programme_summaries
from stocktake.register.models import (
    Area,
    Commitment,
    Milestone,
    Organisation,
    OwnershipRole,
    Programme,
)

pytestmark = pytest.mark.django_db(transaction=False)

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def demo_today() -> dt.date:
    return TODAY


@pytest.fixture
def demo(demo_register: None) -> None:
    """The demo register, loaded once for the module (see ``stocktake/conftest.py``)."""


def test_demo_holds_the_seed_commitments_with_their_owners(demo: None) -> None:
    manifesto = Commitment.objects.filter(programme__code="MAN2015")
    assert 35 <= manifesto.count() <= 45
    titles = " ".join(manifesto.values_list("title", flat=True)).lower()
    for promise in ("apprenticeships", "free schools", "starter homes", "seven-day"):
        assert promise in titles
    departments = Organisation.objects.filter(
        ownerships__role=OwnershipRole.LEAD, ownerships__commitment__programme__code="MAN2015"
    ).distinct()
    assert departments.count() >= 10
    joint = [c for c in manifesto if c.ownerships.filter(role=OwnershipRole.LEAD).count() > 1]
    assert len(joint) >= 5


def test_demo_has_a_year_of_monthly_updates_to_last_month(demo: None) -> None:
    periods = sorted(set(Update.objects.values_list("period", flat=True)))
    assert len(periods) == 13
    assert periods[-2] == dt.date(2026, 10, 1)
    # This month's round so far (demo/frontline.py): a few updates, one judged.
    assert periods[-1] == dt.date(2026, 11, 1)
    this_month = Update.objects.filter(period=periods[-1])
    assert 0 < this_month.returns().count() < 10
    assert this_month.filter(judgement__isnull=False).count() == 1
    statuses = set(
        Update.objects.filter(commitment__code="M01").values_list("status__code", flat=True)
    )
    assert len(statuses) > 1, "ratings should move over the year"


def test_last_months_updates_are_never_dated_after_today() -> None:
    # Early in a month, the previous month's round is still coming in: none from the future.
    today = dt.date(2026, 12, 2)
    reported = [
        _reported_at(dt.date(2026, 11, 1), random.Random(seed), today=today) for seed in range(50)
    ]
    assert max(reported).date() == today
    assert min(reported).date() == today


def test_demo_dates_are_moved_to_the_present(demo: None) -> None:
    apprenticeships = Commitment.objects.get(programme__code="MAN2015", code="M01")
    assert apprenticeships.deadline_phrase == "by 2030"
    assert apprenticeships.deadline_latest == dt.date(2030, 12, 31)
    assert Milestone.objects.filter(completed_on__gt=TODAY).count() == 0
    upcoming = Milestone.objects.filter(
        completed_on__isnull=True,
        current_due_date__range=(TODAY, TODAY + dt.timedelta(days=90)),
    )
    assert upcoming.exists()


def test_demo_has_areas_with_real_codes_and_the_council_plan(demo: None) -> None:
    assert Area.objects.get(code="E09000014").name == "Haringey"
    assert Area.objects.filter(level="region").count() == 9
    assert Area.objects.filter(level="local_authority").count() >= 30
    council = Commitment.objects.filter(programme__code="HGY-CP")
    assert council.count() >= 10


def test_running_the_demo_twice_adds_nothing(demo: None) -> None:
    before = Update.objects.count(), Commitment.objects.count()
    report = demo_load(today=TODAY)
    assert (Update.objects.count(), Commitment.objects.count()) == before
    assert "already loaded" in report.summary()


def test_home_page_shows_the_demo_programmes_with_real_numbers(demo: None, client: Client) -> None:
    page = client.get("/").content.decode()
    for summary in programme_summaries(
        programmes=Programme.objects.all(), commitments=Commitment.objects.all()
    ):
        assert summary.programme.title in page
        assert summary.total > 0
        assert sum(row.count for row in summary.by_status) == summary.total


def test_national_scale_volumes() -> None:
    report = demo_load(scale="national", today=TODAY)
    created = report.created
    assert created["commitments"] == 517
    assert created["organisations"] == 20
    assert 2_500 <= created["milestones"] <= 3_500
    assert created["updates"] == 517 * 60
    assert report.totals["areas"] == 350
