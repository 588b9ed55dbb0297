"""The commitment list on the demo register: every filter, search, sort, pages and downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from stocktake.progress.selectors import commitments_stale
from stocktake.register.models import Commitment, Person, Taskforce, Theme
from stocktake.register.selectors import commitments_joint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_register")]


def listed(client: Client, **query: str) -> list[str]:
    """Programme/code of every commitment the list shows, across all its pages."""
    found, number = [], 1
    while True:
        page = client.get("/commitments/", {**query, "page": number}).content.decode()
        found += re.findall(r'href="/commitments/([^/"]+/[^/"]+)/"', page)
        pages = re.search(r"page (\d+) of (\d+)", page)
        if not pages or pages[1] == pages[2]:
            return found
        number += 1


def codes(commitments) -> list[str]:
    return sorted(f"{c.programme.code}/{c.code}" for c in commitments)


def test_each_register_filter_selects_exactly_its_commitments(client: Client) -> None:
    person = Person.objects.filter(ownerships__role="lead").first()
    taskforce = Taskforce.objects.first()
    theme = Theme.objects.filter(commitments__isnull=False).first()
    everything = Commitment.objects.select_related("programme")
    cases = {
        (("programme", "HGY-CP"),): everything.filter(programme__code="HGY-CP"),
        (("organisation", "DfE"), ("role", "lead")): everything.filter(
            ownerships__organisation__code="DfE", ownerships__role="lead"
        ),
        (("organisation", "DfE"), ("role", "supporting")): everything.filter(
            ownerships__organisation__code="DfE", ownerships__role="supporting"
        ),
        (("person", str(person.pk)),): everything.filter(owners__person=person),
        (("taskforce", taskforce.code),): everything.filter(taskforces=taskforce),
        (("theme", str(theme.pk)),): everything.filter(themes=theme),
        (("published", "no"),): everything.filter(published=False),
        (("joint", "yes"),): commitments_joint(everything),
    }
    for query, expected in cases.items():
        assert sorted(listed(client, **dict(query))) == codes(expected.distinct()), query


def test_ratings_deadline_staleness_and_milestone_filters(client: Client) -> None:
    today = timezone.localdate()
    everything = Commitment.objects.select_related("programme")
    soon = everything.filter(
        deadline_latest__gte=today, deadline_latest__lte=today + dt.timedelta(days=90)
    )
    assert sorted(listed(client, deadline="90-days")) == codes(soon)
    assert sorted(listed(client, stale="yes")) == codes(commitments_stale(everything, as_of=today))
    overdue = everything.filter(
        milestones__completed_on__isnull=True, milestones__current_due_date__lt=today
    ).distinct()
    assert sorted(listed(client, milestones="overdue")) == codes(overdue)
    off_track = listed(client, status="off-track")
    assert off_track
    for key in off_track[:3]:
        page = client.get(f"/commitments/{key}/").content.decode()
        assert "Off track" in page


def test_search_matches_words_in_titles_and_text(client: Client) -> None:
    found = listed(client, q="apprenticeships")
    assert found
    assert all(
        "apprenticeship" in (c.title + c.text).lower()
        for c in Commitment.objects.filter(code__in=[key.split("/")[1] for key in found])
    )
    assert listed(client, q="apprenticeships zebra-crossing-xyzzy") == []


def test_sort_by_deadline_puts_the_soonest_first(client: Client) -> None:
    page = client.get("/commitments/", {"sort": "deadline"}).content.decode()
    first = re.search(r'href="/commitments/([^/"]+)/([^/"]+)/"', page).groups()
    soonest = (
        Commitment.objects.filter(deadline_latest__isnull=False)
        .order_by("deadline_latest", "programme__title", "code")
        .first()
    )
    assert first == (soonest.programme.code, soonest.code)


def test_pages_keep_the_filters(client: Client) -> None:
    page = client.get("/commitments/", {"programme": "MAN2015", "page": 1}).content.decode()
    total = Commitment.objects.filter(programme__code="MAN2015").count()
    assert f"{total} commitments" in page
    assert "Reporting period:" in page


def test_downloads_hold_exactly_what_is_listed(client: Client) -> None:
    query = {"programme": "MAN2015", "sort": "title", "q": "school"}
    shown = listed(client, **query)

    response = client.get("/commitments/download.csv", query)
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [f"{row['programme']}/{row['code']}" for row in rows] == shown
    assert rows[0]["link"].startswith("http://testserver/commitments/MAN2015/")

    workbook = load_workbook(
        io.BytesIO(b"".join(client.get("/commitments/download.xlsx", query).streaming_content))
    )
    sheet = workbook["commitments"]
    assert [f"{a}/{b}" for a, b in sheet.iter_rows(min_row=2, max_col=2, values_only=True)] == shown

    assert client.get("/commitments/download.pdf").status_code == 404
