"""Programme, organisation, person, taskforce and area pages: reachable from the Browse page,
showing what each owns or covers, joint commitments included, with the dashboard's figures."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from stocktake.register.models import Commitment, OwnershipRole, Person, Taskforce
from stocktake.register.selectors import commitments_joint

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_register")]

INDEXES = ("/programmes/", "/organisations/", "/people/", "/taskforces/", "/areas/")


def _commitment_count(page: str) -> int:
    return int(re.search(r'role="status">([\d,]+) commitments?', page)[1].replace(",", ""))


def test_every_index_is_on_the_browse_page_and_links_to_its_pages(client: Client) -> None:
    assert 'href="/browse/"' in client.get("/").content.decode()  # in the navigation
    browse = client.get("/browse/").content.decode()
    for index in INDEXES:
        assert f'href="{index}"' in browse
        page = client.get(index).content.decode()
        detail = re.search(rf'href="({index}[^"/]+/)"', page)
        assert detail, index
        assert client.get(detail[1]).status_code == 200


def test_the_browse_page_offers_only_what_its_reader_may_open(client: Client) -> None:
    analyst = client.get("/browse/").content.decode()
    visitor = Client().get("/browse/").content.decode()
    for central in ('href="/import/"', 'href="/admin/"', 'href="/stocktakes/"'):
        assert central in analyst
        assert central not in visitor
    assert 'href="/public/"' in visitor


def test_an_organisation_page_shows_what_it_leads_and_supports(client: Client) -> None:
    owned = Commitment.objects.filter(ownerships__organisation__code="DfE").distinct()
    joint = list(commitments_joint(owned))

    page = client.get("/organisations/DfE/").content.decode()

    assert "Department for Education</h1>" in page
    assert _commitment_count(page) == owned.count()
    assert "Latest status by lead organisation" in page
    assert "Reporting period:" in page
    assert joint
    assert f"{len(joint)}</span> joint" in page
    for commitment in joint:
        assert f"/commitments/{commitment.programme.code}/{commitment.code}/" in page
    assert "/commitments/?organisation=DfE&amp;role=lead" in page


def test_a_person_and_a_taskforce_page(client: Client) -> None:
    person = Person.objects.filter(ownerships__role=OwnershipRole.LEAD).first()
    page = client.get(f"/people/{person.pk}/").content.decode()
    assert person.name in page
    assert _commitment_count(page) == person.ownerships.count()

    taskforce = Taskforce.objects.first()
    page = client.get(f"/taskforces/{taskforce.code}/").content.decode()
    assert taskforce.name in page
    assert taskforce.chair.name in page
    assert _commitment_count(page) == taskforce.commitments.count()


def test_a_programme_page_has_its_figures_and_downloads(client: Client) -> None:
    page = client.get("/programmes/HGY-CP/").content.decode()
    assert _commitment_count(page) == Commitment.objects.filter(programme__code="HGY-CP").count()
    assert "/programmes/HGY-CP/download.xlsx" in page
    assert "RAG" in page or "Likelihood" in page


def test_an_area_page_covers_the_programmes_for_it_and_the_areas_within(client: Client) -> None:
    haringey = client.get("/areas/E09000014/").content.decode()
    assert "Haringey" in haringey
    assert "/programmes/HGY-CP/" in haringey
    council = Commitment.objects.filter(programme__code="HGY-CP").count()
    assert _commitment_count(haringey) == council

    london = re.search(r'href="(/areas/[^"]+/)"', haringey[haringey.index("Part of") :])
    assert london
    assert _commitment_count(client.get(london[1]).content.decode()) >= council


def test_unknown_things_get_the_page_not_found_page(client: Client) -> None:
    for path in (
        "/organisations/NOPE/",
        "/people/999999/",
        "/taskforces/nope/",
        "/areas/NOPE/",
        "/programmes/nope/",
        "/commitments/MAN2015/NOPE/",
        "/no-such-page/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        page = response.content.decode()
        assert "<title>Page not found – Stocktake</title>" in page
        assert "If you typed the web address, check it is correct." in page
