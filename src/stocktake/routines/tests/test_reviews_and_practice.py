"""Priority reviews (record one, raise its actions, read its short report) and the practice
library (add an entry, search and filter it), as the central unit and departments use them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.progress.models import Action
from stocktake.register.models import (
    Area,
    AreaLevel,
    Commitment,
    CommitmentOrganisation,
    OwnershipRole,
    Theme,
)
from stocktake.register.tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)
from stocktake.reports.tests.reading import pdf_pages
from stocktake.routines.models import Practice, PracticeKind, PriorityReview
from stocktake.routines.services import practice_add

pytestmark = pytest.mark.django_db


def _client(username: str, role: Role, organisations: tuple = ()) -> Client:
    client = Client()
    client.force_login(
        user_create(
            username=username,
            password="Lamp-Post-Sorting-42",
            role=role,
            organisations=list(organisations),
        )
    )
    return client


@pytest.fixture
def programme() -> None:
    manifesto = ProgrammeFactory(code="man", title="Manifesto")
    for code, title in (("C1", "Cut waiting times"), ("C2", "More GPs")):
        CommitmentFactory(programme=manifesto, code=code, title=title)


@pytest.mark.usefixtures("programme")
def test_recording_a_review_raising_its_action_and_reading_its_report() -> None:
    analyst = _client("analyst", Role.ANALYST)
    lead = PersonFactory(name="Sam Reviewer")
    refused = analyst.post(
        "/reviews/new/",
        {
            "title": "Waiting times",
            "status": "reported",
            "started_on": "1/3/2016",
            "programme": "man",
            "codes": "C1",
        },
    ).content.decode()
    assert "Enter the review&#39;s scope" in refused
    assert "A reported review has the date it reported and its findings." in refused
    assert not PriorityReview.objects.exists()

    response = analyst.post(
        "/reviews/new/",
        {
            "title": "Waiting times",
            "scope": "Why A&E waits rose in the winter.",
            "status": "reported",
            "started_on": "1/3/2016",
            "reported_on": "30/4/2016",
            "lead": lead.pk,
            "team": [lead.pk],
            "programme": "man",
            "codes": "C1, C2",
            "findings": "Discharge is the blockage.\n\nData arrive late.",
            "recommendations": "Fund discharge teams.",
        },
    )
    review = PriorityReview.objects.get()
    assert response["Location"] == f"/reviews/{review.pk}/"
    response = analyst.post(
        f"/reviews/{review.pk}/actions/new/",
        {"title": "Fund discharge teams", "owner_person": lead.pk, "due_date": "31/5/2016"},
    )
    assert response.status_code == 302
    assert set(Action.objects.get().commitments.values_list("code", flat=True)) == {"C1", "C2"}

    page = analyst.get(f"/reviews/{review.pk}/").content.decode()
    assert "Discharge is the blockage." in page
    assert "Fund discharge teams" in page
    assert "Waiting times" in analyst.get("/reviews/").content.decode()
    pages = pdf_pages(analyst.get(f"/reviews/{review.pk}/report.pdf").content)
    text = "\n".join(pages)
    for expected in ("Priority review", "Findings", "Data arrive late.", "Fund discharge teams"):
        assert expected in text
    assert Client().get("/reviews/").status_code == 302  # visitors are asked to sign in


@pytest.mark.usefixtures("programme")
def test_departments_add_to_the_practice_library_and_everyone_signed_in_searches_it() -> None:
    health = OrganisationFactory(code="DH", name="Department of Health")
    CommitmentOrganisation.objects.create(
        commitment=Commitment.objects.get(code="C1"), organisation=health, role=OwnershipRole.LEAD
    )
    editor = _client("dh-editor", Role.EDITOR, (health,))
    refused = editor.post(
        "/practice/new/",
        {"title": "", "summary": "x", "source_url": "not a link", "codes": "C1"},
    ).content.decode()
    assert "Enter a title" in refused
    assert "Choose what kind of entry this is" in refused
    assert "Enter the link as a full web address" in refused
    assert "Choose the programme the codes belong to" in refused
    assert not Practice.objects.exists()

    response = editor.post(
        "/practice/new/",
        {
            "title": "Discharge to assess",
            "kind": "innovation",
            "summary": "Patients go home first and are assessed there.",
            "what_worked": "Fewer delayed days.",
            "organisation": "DH",
            "themes": "Hospitals, Social care",
            "programme": "man",
            "codes": "C1",
            "source": "Visit to Leeds",
        },
    )
    entry = Practice.objects.get()
    assert response["Location"] == f"/practice/{entry.pk}/"
    assert sorted(entry.themes.values_list("name", flat=True)) == ["Hospitals", "Social care"]
    leeds = Area.objects.create(code="E08000035", name="Leeds", level=AreaLevel.LOCAL_AUTHORITY)
    practice_add(
        title="Street triage",
        kind=PracticeKind.LESSON,
        summary="Police and nurses together on patrol.",
        what_did_not="Night cover was thin.",
        area=leeds,
        themes=[Theme.objects.create(name="Policing")],
        recorded_on=dt.date(2016, 5, 1),
    )

    viewer = _client("reader", Role.READER)
    everything = viewer.get("/practice/").content.decode()
    assert "2 entries" in everything
    found = viewer.get("/practice/?q=assessed+home").content.decode()
    assert "Discharge to assess" in found
    assert "Street triage" not in found
    assert "1 entry matches" in found
    assert "Street triage" in viewer.get("/practice/?kind=lesson&area=E08000035").content.decode()
    assert "Discharge" not in viewer.get("/practice/?theme=Policing").content.decode()
    page = viewer.get(f"/practice/{entry.pk}/").content.decode()
    assert "Fewer delayed days." in page
    assert "C1. Cut waiting times" in page
    assert viewer.get("/practice/new/").status_code == 403  # readers only read
    assert Client().get("/practice/").status_code == 302
