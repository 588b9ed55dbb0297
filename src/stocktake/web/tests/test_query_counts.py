"""Every page issues a bounded number of SQL queries that does not grow with the data: the
same bound holds on the demo register and with the national-scale volumes added (ten times the
commitments, five years of monthly updates)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.utils import timezone

from stocktake.demo.loader import demo_load
from stocktake.progress.models import Action
from stocktake.progress.rounds import reporting_period
from stocktake.register.models import Area, Organisation, Person, Programme, Taskforce

pytestmark = pytest.mark.django_db

# The most queries each page may issue, whatever the size of the register, for a visitor;
# a signed-in user adds SIGNED_IN (the session, the user, their roles), and some pages what only
# signed-in users see (SIGNED_IN_PAGE): the commitment page its history of changes, frontline
# notes and actions, and the stocktakes, reviews and practice that looked at it; the dashboard its overdue actions (a count and the longest overdue); the
# programme page its history of changes.
SIGNED_IN = 3
SIGNED_IN_PAGE = {"commitment": 6, "dashboard": 2, "dashboard filtered": 2, "programme": 1}
VISITOR_BOUNDS = {
    "dashboard": 21,
    "dashboard filtered": 21,
    "commitment list": 12,
    "commitment list filtered": 12,
    "commitment download": 3,
    "commitment": 20,
    "programmes": 4,
    "programme": 21,
    "organisations": 1,
    "organisation": 21,
    "people": 1,
    "person": 21,
    "taskforces": 1,
    "taskforce": 23,
    "areas": 2,
    "area": 28,
    # Pages for signed-in users only (counted without SIGNED_IN, like the others).
    "actions": 5,
    "action": 4,
    "updates due": 7,
    "updates sent": 3,
    "period review": 16,
}
BOUNDS = {
    page: bound + SIGNED_IN + SIGNED_IN_PAGE.get(page, 0) for page, bound in VISITOR_BOUNDS.items()
}


@pytest.fixture(scope="module", params=["demo", "national"])
def register(request, django_db_setup, django_db_blocker) -> Iterator[str]:
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        if request.param == "national":
            demo_load(scale="national")
        yield request.param
        transaction.set_rollback(True)


def _busiest(model, relation: str):
    return model.objects.annotate(n=Count(relation)).order_by("-n", "pk").first()


def _pages() -> dict[str, str]:
    programme = _busiest(Programme, "commitments")
    commitment = programme.commitments.order_by("code").first()
    organisation = _busiest(Organisation, "ownerships")
    area = Area.objects.filter(programmes__isnull=False).order_by("pk").first()
    return {
        "dashboard": "/",
        "dashboard filtered": f"/?programme={programme.code}&organisation={organisation.code}",
        "commitment list": "/commitments/",
        "commitment list filtered": f"/commitments/?q=deliver&status=on-track&sort=status"
        f"&organisation={organisation.code}&deadline=later&page=2",
        "commitment download": f"/commitments/download.csv?programme={programme.code}",
        "commitment": f"/commitments/{programme.code}/{commitment.code}/",
        "programmes": "/programmes/",
        "programme": f"/programmes/{programme.code}/",
        "organisations": "/organisations/",
        "organisation": f"/organisations/{organisation.code}/",
        "people": "/people/",
        "person": f"/people/{_busiest(Person, 'ownerships').pk}/",
        "taskforces": "/taskforces/",
        "taskforce": f"/taskforces/{_busiest(Taskforce, 'commitments').code}/",
        "areas": "/areas/",
        "area": f"/areas/{area.code}/",
        "actions": "/actions/?status=open",
        "action": f"/actions/{Action.objects.order_by('pk').first().pk}/",
        "updates due": "/updates/",
        "updates sent": "/updates/submitted/",
        "period review": f"/commitments/{programme.code}/{commitment.code}/periods/"
        f"{reporting_period(timezone.localdate()):%Y-%m}/",
    }


@pytest.mark.parametrize("page", BOUNDS)
def test_page_queries_are_bounded(
    register: str, page: str, client: Client, django_assert_max_num_queries
) -> None:
    url = _pages()[page]
    with django_assert_max_num_queries(BOUNDS[page]):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
