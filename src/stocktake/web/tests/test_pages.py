"""The programmes page: counts that link to the matching commitments; the commitment page."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from stocktake.progress.tests.factories import report
from stocktake.register.models import Commitment
from stocktake.register.services import commitment_create, milestone_create
from stocktake.register.tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def register() -> dict[str, Commitment]:
    programme = ProgrammeFactory(code="man2015", title="Manifesto commitments 2015")
    bis = OrganisationFactory(code="BIS", name="Department for Business, Innovation and Skills")
    dfe = OrganisationFactory(code="DfE", name="Department for Education")
    apprenticeships = commitment_create(
        programme=programme,
        code="M01",
        title="Three million apprenticeships",
        lead_organisations=[bis, dfe],
        deadline="by 2020",
    )
    milestone_create(
        commitment=apprenticeships,
        code="MS1",
        title="Levy in force",
        baseline_due_date=dt.date(2017, 4, 1),
        current_due_date=dt.date(2017, 6, 1),
    )
    free_schools = commitment_create(
        programme=programme, code="M02", title="500 new free schools", lead_organisations=[dfe]
    )
    CommitmentFactory(programme=programme, code="M03", title="Starter homes")
    report(apprenticeships, 4, "minor-issues", "amber")
    report(apprenticeships, 5, "on-track", None)  # latest status on track, confidence still amber
    report(free_schools, 5, "on-track", "green")
    return {"apprenticeships": apprenticeships, "free_schools": free_schools}


def test_home_counts_commitments_by_latest_status_and_confidence(
    client: Client, register: dict
) -> None:
    page = client.get("/programmes/").content.decode()

    assert "Manifesto commitments 2015" in page
    assert (
        '<a class="govuk-link app-count-link" href="/commitments/?programme=man2015&amp;status=on-track">2'
        in page
    )
    assert "/commitments/?programme=man2015&amp;status=none" in page
    assert "/commitments/?programme=man2015&amp;confidence=amber" in page
    assert "/commitments/?programme=man2015&amp;confidence=green" in page


def test_each_count_links_to_exactly_the_commitments_counted(
    client: Client, register: dict
) -> None:
    def listed(**query: str) -> list[str]:
        page = client.get("/commitments/", {"programme": "man2015", **query}).content.decode()
        return re.findall(r'href="/commitments/man2015/([^/]+)/"', page)

    assert listed(status="on-track") == ["M01", "M02"]
    assert listed(confidence="amber") == ["M01"]
    assert listed(status="none") == ["M03"]
    assert listed() == ["M01", "M02", "M03"]


def test_home_page_query_count_does_not_grow_with_the_register(
    client: Client, register: dict, django_assert_max_num_queries
) -> None:
    # Signed in: the session, the user and their roles, then the page's own queries.
    with django_assert_max_num_queries(7):
        client.get("/programmes/")
    programme = register["apprenticeships"].programme
    for number in range(40):
        report(CommitmentFactory(programme=programme), 1 + number % 12, "on-track", "green")
    ProgrammeFactory()
    with django_assert_max_num_queries(7):
        client.get("/programmes/")


def test_commitment_page_shows_owners_deadline_milestones_and_updates(
    client: Client, register: dict
) -> None:
    page = client.get("/commitments/man2015/M01/").content.decode()

    assert "Joint commitment" in page
    assert "Department for Business, Innovation and Skills; Department for Education" in page
    assert "by 2020" in page
    assert "Levy in force" in page
    assert "61 days late" in page
    assert page.index("Month 5: on-track.") < page.index("Month 4: minor-issues.")


def test_unknown_commitment_is_a_404(client: Client, register: dict) -> None:
    assert client.get("/commitments/man2015/NOPE/").status_code == 404


def test_empty_register_explains_how_to_start(client: Client) -> None:
    assert "stocktake demo" in client.get("/").content.decode()
