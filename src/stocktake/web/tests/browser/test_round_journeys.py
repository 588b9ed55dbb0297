"""Journeys of the monthly round and of frontline work, in the browser.

Given the demo register, a department official sends a monthly update (with JavaScript off),
getting an error first and correcting it; the central unit records its delivery confidence;
an analyst adds a frontline note and raises an action. Every page on the way passes axe."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from stocktake.demo.loader import demo_load
from stocktake.progress.models import Action, Judgement, Note, Update
from stocktake.web.tests.browser.conftest import assert_accessible, sign_in

# The live server reads committed data, so these tests commit and the tables are emptied after.
pytestmark = pytest.mark.django_db(transaction=True)
DEFAULT_SCALES = import_module("stocktake.register.migrations.0002_default_scales")


def assert_accessible_without_javascript(plain: Page, checker: Page) -> None:
    """axe on what a page without JavaScript shows: its HTML, laid out in ``checker`` (a page
    with JavaScript, at the same address so styles load), since axe itself needs JavaScript."""
    checker.goto(plain.url)
    checker.set_content(plain.content())
    assert_accessible(checker)


@pytest.fixture
def site(live_server) -> str:
    DEFAULT_SCALES.add_default_scales(apps, None)  # emptied with the tables by an earlier test
    demo_load()
    return live_server.url


def test_a_department_sends_its_monthly_update_without_javascript(
    site: str, page_without_javascript: Page, page: Page
) -> None:
    checker = page
    sign_in(checker, site, "dfe-editor")
    page = page_without_javascript
    sign_in(page, site, "dfe-editor")

    # Given the updates due from the department, with what the central unit asked for
    page.get_by_role("link", name="Updates", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Updates due for"))
    expect(page.locator("#asked ~ *").first).to_be_visible()
    assert_accessible_without_javascript(page, checker)

    # When I open the update for the apprenticeships commitment and send it half-filled
    page.get_by_role("link", name="Update M01", exact=True).click()
    page.get_by_label("What has happened since the last update?").fill("")
    page.get_by_label("Evidence (optional)").fill("the board minutes")
    page.get_by_role("button", name="Continue").click()

    # Then the error summary names each problem and links to its field
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Select the status of the commitment")
    expect(summary).to_contain_text("Enter what has happened since the last update")
    expect(summary).to_contain_text("Line 1 of the evidence is not a web link")
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert_accessible_without_javascript(page, checker)

    # When I correct it
    page.get_by_label("Minor issues").check()
    page.get_by_label("What has happened since the last update?").fill(
        "Levy-paying employers have not spent their funds; standards approval is slow."
    )
    page.get_by_label("Evidence (optional)").fill(
        "Approvals tracker https://www.example.gov.uk/standards"
    )
    page.get_by_role("button", name="Continue").click()

    # Then I check my answers before anything is sent
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your update before sending it")
    expect(page.locator(".govuk-summary-list")).to_contain_text("Approvals tracker")
    assert_accessible_without_javascript(page, checker)
    assert not Update.objects.filter(narrative__startswith="Levy-paying").exists()

    # And when I send it, it is confirmed with what changed since last period
    page.get_by_role("button", name="Send update").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Update sent")
    expect(page.get_by_role("heading", name="What changed since the last period")).to_be_visible()
    assert_accessible_without_javascript(page, checker)
    assert Update.objects.filter(narrative__startswith="Levy-paying").count() == 1


def test_the_central_unit_records_its_delivery_confidence(site: str, page: Page) -> None:
    sign_in(page, site, "analyst")

    # Given the updates sent this month
    page.goto(site + "/updates/submitted/")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Updates sent for"))
    assert_accessible(page)

    # When I open the school funding update and record a judgement without a rationale
    page.get_by_role("link", name=re.compile(r"^M04 ")).click()
    expect(page.get_by_role("heading", name="What changed since the last period")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Amber/Red").check()
    page.get_by_role("button", name="Record judgement").click()

    # Then the error summary says what is missing
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the rationale for the judgement"
    )
    assert_accessible(page)

    # When I give the rationale and the framework's ratings
    page.get_by_label("Amber/Red").check()
    page.get_by_label("Rationale").fill("The formula slips again; schools cannot plan budgets.")
    page.get_by_label(re.compile(r"Quality of planning")).select_option("amber_red")
    page.get_by_label(re.compile(r"Stage of delivery")).select_option("2")
    page.get_by_role("button", name="Record judgement").click()

    # Then it is recorded and shown with its rationale
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "The delivery confidence has been recorded"
    )
    expect(page.locator("#judgement ~ .govuk-summary-list").first).to_contain_text(
        "The formula slips again"
    )
    judgement = Judgement.objects.select_related("update__confidence").get(
        update__narrative__startswith="The formula slips again"
    )
    assert judgement.update.confidence.label == "Amber/Red"
    assert judgement.stage == 2


def test_an_analyst_adds_a_note_and_raises_an_action(site: str, page: Page) -> None:
    sign_in(page, site, "analyst")
    page.goto(site + "/commitments/MAN2015/M06/")
    assert_accessible(page)

    # When I add a frontline note from the commitment's page
    page.get_by_role("button", name="Add a frontline note").click()
    page.get_by_role("button", name="Add note").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select where the note came from")
    assert_accessible(page)
    page.get_by_label("Visit").check()
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("What did you learn?").fill("Corridor care at night, again.")
    page.get_by_role("button", name="Add note").click()

    # Then it shows on the commitment's page
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Your note has been added")
    expect(page.locator("#notes ~ div", has_text="Corridor care at night")).to_be_visible()
    assert Note.objects.filter(text="Corridor care at night, again.").count() == 1

    # When I raise an action with an owner and a due date
    page.get_by_role("button", name="Raise an action").click()
    assert_accessible(page)
    page.get_by_label("Action", exact=True).fill("Open a night-time mental health assessment bay")
    page.get_by_label("Owning organisation").select_option(label="NHS England")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill(str(today.year + 1))
    page.get_by_role("button", name="Raise action").click()

    # Then its page shows it, and the list of open actions has it
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Open a night-time mental health assessment bay"
    )
    assert_accessible(page)
    page.get_by_role("link", name="All open actions").click()
    expect(
        page.get_by_role("link", name="Open a night-time mental health assessment bay")
    ).to_be_visible()
    assert_accessible(page)
    assert (
        Action.objects.get(title__startswith="Open a night-time").owner_organisation.code == "NHSE"
    )
