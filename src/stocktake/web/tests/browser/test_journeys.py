"""Journeys through the pages people use every day, with JavaScript on and off.

Given the demo register, when someone browses, filters and follows links, then they reach what
they were looking for; and every page type passes the automated accessibility check."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from stocktake.demo.loader import demo_load
from stocktake.progress.models import Action
from stocktake.progress.rounds import reporting_period
from stocktake.register.models import Area, Milestone, Person, Taskforce
from stocktake.web.tests.browser.conftest import assert_accessible, sign_in

# The live server reads committed data, so these tests commit and the tables are emptied after.
pytestmark = pytest.mark.django_db(transaction=True)
DEFAULT_SCALES = import_module("stocktake.register.migrations.0002_default_scales")


@pytest.fixture
def site(live_server) -> str:
    DEFAULT_SCALES.add_default_scales(apps, None)  # emptied with the tables by an earlier test
    demo_load()
    return live_server.url


def test_every_page_type_passes_the_accessibility_check(site: str, page: Page) -> None:
    person = Person.objects.filter(ownerships__isnull=False).first()
    paths = [
        "/",
        "/?organisation=DfE",
        "/commitments/",
        "/commitments/?status=on-track&sort=deadline&q=school",
        "/commitments/MAN2015/M01/",
        "/programmes/",
        "/programmes/MAN2015/",
        "/organisations/",
        "/organisations/DfE/",
        "/people/",
        f"/people/{person.pk}/",
        "/taskforces/",
        f"/taskforces/{Taskforce.objects.first().code}/",
        "/areas/",
        "/browse/",
        f"/areas/{Area.objects.filter(programmes__isnull=False).first().code}/",
        "/public/",
        "/public/MAN2015/",
        "/no-such-page/",
    ]
    for path in paths:
        response = page.goto(site + path)
        assert response.status == (404 if path == "/no-such-page/" else 200), path
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)

    # The pages for signed-in users: frontline notes and actions, the monthly round, the edit
    # forms (as the central unit sees them, with every form on the page).
    action = Action.objects.filter(status="open").first()
    milestone = Milestone.objects.filter(commitment__code="M03").first()
    month = f"{reporting_period(timezone.localdate()):%Y-%m}"
    signed_in = [
        "/",
        "/commitments/MAN2015/M03/",
        "/commitments/HGY-CP/P5.2/",  # with its stocktakes, review and practice
        "/actions/",
        "/actions/?status=done&overdue=on",
        f"/actions/{action.pk}/",
        f"/actions/{action.pk}/change/",
        "/commitments/MAN2015/M03/notes/add/",
        "/commitments/MAN2015/M03/actions/add/",
        f"/commitments/MAN2015/M03/milestones/{milestone.code}/change/",
        "/updates/",
        "/updates/submitted/",
        "/commitments/MAN2015/M01/update/",
        f"/commitments/MAN2015/M03/periods/{month}/",
    ]
    sign_in(page, site, "analyst")
    for path in signed_in:
        response = page.goto(site + path)
        assert response.status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)


def test_browse_the_dashboard_filter_it_and_open_a_commitment(
    site: str, page_without_javascript: Page
) -> None:
    page = page_without_javascript
    # Given the dashboard
    page.goto(site + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Delivery dashboard")

    # When I filter it to one department
    page.get_by_label("Organisation").select_option(label="Department for Education")
    page.get_by_role("button", name="Apply filters").click()

    # Then its figures are for that department's commitments
    expect(page).to_have_url(re.compile(r"organisation=DfE"))
    listed = page.get_by_role("link", name=re.compile(r"^List these \d+ commitments"))
    expect(listed).to_be_visible()

    # When I choose a count in the status table
    heat = page.locator(".app-heat-table a.app-count-link").first
    count = heat.inner_text().split()[0]
    heat.click()

    # Then the list shows exactly those commitments
    expect(page).to_have_url(re.compile(r"/commitments/\?.*organisation=DfE.*role=lead"))
    expect(page.locator("#result-count")).to_have_text(re.compile(rf"^{count} commitments?"))

    # And I can open one of them
    first = page.locator("#results table a").first
    title = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def test_the_list_filters_with_javascript_and_without(
    site: str, page: Page, page_without_javascript: Page
) -> None:
    # Without JavaScript: choose filters, then apply them
    plain = page_without_javascript
    plain.goto(site + "/commitments/")
    total = plain.locator("#result-count").inner_text()
    plain.get_by_label("Programme", exact=True).select_option(value="MAN2015")
    plain.get_by_label("Search titles and text").fill("school")
    plain.get_by_role("button", name="Apply filters").click()
    expect(plain).to_have_url(re.compile(r"programme=MAN2015"))
    expect(plain).to_have_url(re.compile(r"q=school"))
    filtered = plain.locator("#result-count").inner_text()
    assert filtered != total

    # With JavaScript, signed in (downloads need it): the results follow each choice without a
    # page load
    sign_in(page, site)
    page.goto(site + "/commitments/")
    page.evaluate("window.stillThisPage = true")
    page.get_by_label("Programme", exact=True).select_option(value="MAN2015")
    expect(page).to_have_url(re.compile(r"programme=MAN2015"))
    page.get_by_label("Search titles and text").fill("school")
    expect(page.locator("#result-count")).to_have_text(filtered)
    expect(page).to_have_url(re.compile(r"q=school"))
    assert page.evaluate("window.stillThisPage") is True
    assert_accessible(page)

    # And the download holds what is shown
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^CSV")).click()
    rows = download.value.path().read_text().splitlines()
    assert len(rows) - 1 == int(filtered.split()[0])
