"""The dashboard on the demo register: real figures, filters, and links to what they count."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from stocktake.register.models import Commitment, Organisation, Taskforce
from stocktake.register.selectors import commitments_joint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_register")]


def _links(page: str, pattern: str) -> list[str]:
    return [href.replace("&amp;", "&") for href in re.findall(pattern, page)]


def test_dashboard_shows_every_figure_with_the_reporting_period(client: Client) -> None:
    page = client.get("/").content.decode()

    assert "Reporting period:" in page
    for heading in (
        "Latest status by lead organisation",
        "Delivery confidence",
        "Overdue and slipping milestones",
        "Due in the next 90 days",
        "Stale updates",
        "Joint commitments",
    ):
        assert heading in page
    assert "Moved up" in page
    assert "Department for Education" in page


def test_each_heat_cell_links_to_the_commitments_it_counts(client: Client) -> None:
    page = client.get("/").content.decode()
    cells = re.findall(
        r'href="(/commitments/\?[^"]*role=lead[^"]*status=[^"]*)">([\d,]+)<span', page
    )
    assert len(cells) > 10
    for href, count in cells[:8]:
        listed = client.get(href.replace("&amp;", "&")).content.decode()
        assert re.search(rf"\b{count} commitments?\b", listed), href


def test_filtering_by_organisation_counts_only_its_commitments(client: Client) -> None:
    dfe = Organisation.objects.get(code="DfE")
    owned = Commitment.objects.filter(ownerships__organisation=dfe).distinct().count()

    page = client.get("/", {"organisation": "DfE"}).content.decode()

    assert f"List these {owned} commitments" in page
    assert "Clear filters" in page
    # Co-leads' rows show their counts but only DfE's row links (its links keep the filter).
    assert "organisation=DfE&amp;role=lead&amp;status=" in page


def test_filtering_by_taskforce_and_theme(client: Client) -> None:
    taskforce = Taskforce.objects.order_by("code").first()
    expected = taskforce.commitments.count()

    page = client.get("/", {"taskforce": taskforce.code}).content.decode()
    assert f"List these {expected} commitments" in page

    nothing = client.get("/", {"theme": "999999"}).content.decode()
    assert "No commitments match these filters." in nothing


def test_joint_commitments_are_listed_with_their_leads(client: Client) -> None:
    page = client.get("/").content.decode()
    joint = list(commitments_joint(Commitment.objects.select_related("programme")))
    assert joint
    section = page[page.index('id="joint"') :]
    assert any(f"/commitments/{c.programme.code}/{c.code}/" in section for c in joint)
    assert f"{len(joint)}</span> joint" in page
