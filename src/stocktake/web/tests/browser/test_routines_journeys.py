"""The routines as the central unit and the public meet them: schedule a stocktake, get its PDF
pack, record an action; open the public tracker. Every page on the way passes the automated
accessibility check."""

from __future__ import annotations

import datetime as dt
import re
from importlib import import_module

import pytest
from django.apps import apps
from django.utils import timezone
from playwright.sync_api import Page, expect

from stocktake.demo.loader import demo_load
from stocktake.progress.models import Action
from stocktake.routines.models import PriorityReview, Stocktake
from stocktake.web.tests.browser.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.django_db(transaction=True)
DEFAULT_SCALES = import_module("stocktake.register.migrations.0002_default_scales")


@pytest.fixture
def site(live_server) -> str:
    DEFAULT_SCALES.add_default_scales(apps, None)  # emptied with the tables by an earlier test
    demo_load()
    return live_server.url


def test_schedule_a_stocktake_get_its_pack_record_an_action_and_open_the_public_tracker(
    site: str, page: Page
) -> None:
    # Given the central unit's analyst on the stocktakes page
    sign_in(page, site, "analyst")
    page.goto(site + "/")
    page.get_by_role("link", name="Stocktakes", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stocktakes")
    assert_accessible(page)

    # When they schedule one without choosing what it covers, they are told what is missing
    page.get_by_role("button", name="Schedule a stocktake").click()
    page.get_by_label("Title").fill("Housing: the autumn stocktake")
    page.get_by_role("button", name="Schedule the stocktake").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose a taskforce, or give commitment codes below"
    )
    assert_accessible(page)

    # And when they complete the form, the stocktake's page shows its commitments
    held_on = timezone.localdate() + dt.timedelta(days=10)
    page.get_by_label("Date of the meeting").fill(held_on.strftime("%d/%m/%Y"))
    page.get_by_label("Chair", exact=True).select_option(label="Edward Marchbank, Prime Minister")
    page.get_by_label("Taskforce").select_option(label="Housing implementation taskforce")
    page.get_by_role("button", name="Schedule the stocktake").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Housing: the autumn stocktake")
    expect(page.locator("#commitments ~ div table")).to_contain_text("200,000 starter homes")
    # the overdue action from the last housing stocktake is carried forward
    expect(page.get_by_text("Overdue actions carried forward")).to_be_visible()
    assert_accessible(page)
    stocktake = Stocktake.objects.get(title="Housing: the autumn stocktake")

    # When they ask for the PDF pack, its status page follows it until it is ready
    page.get_by_role("button", name="Prepare the PDF pack").click()
    expect(page.get_by_role("heading", name="Your pack is ready")).to_be_visible(timeout=60_000)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the PDF pack").click()
    assert download.value.suggested_filename.startswith(f"stocktake-pack-{stocktake.pk}-")
    assert download.value.path().read_bytes().startswith(b"%PDF-")

    # And they raise an action at the stocktake
    page.goto(f"{site}/stocktakes/{stocktake.pk}/")
    page.get_by_role("button", name="Raise an action").click()
    page.get_by_label("Action", exact=True).fill("Publish the brownfield register")
    page.get_by_label("Owning organisation").select_option(
        label="Department for Communities and Local Government"
    )
    page.get_by_label("Due date").fill(held_on.strftime("%d/%m/%Y"))
    assert_accessible(page)
    page.get_by_role("button", name="Raise the action").click()
    expect(page.locator("#actions ~ div table")).to_contain_text("Publish the brownfield register")
    assert Action.objects.get(title="Publish the brownfield register").stocktakes.get() == stocktake

    # The other routines' pages
    review = PriorityReview.objects.filter(status="reported").first()
    for path in (
        f"/stocktakes/{Stocktake.objects.filter(held_on__lt=timezone.localdate()).first().pk}/",
        "/stocktakes/new/",
        "/reviews/",
        f"/reviews/{review.pk}/",
        "/reviews/new/",
        "/practice/",
        "/practice/?q=trajectory&kind=good-practice",
        "/practice/new/",
    ):
        assert page.goto(site + path).status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    page.goto(f"{site}/practice/")
    page.locator(".govuk-summary-card a").first.click()
    expect(page.get_by_role("heading", name="About this entry")).to_be_visible()
    assert_accessible(page)

    # When a visitor opens the public tracker, they see the published programmes
    page.context.clear_cookies()
    page.goto(site + "/public/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Public tracker")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("Manifesto commitments")).click()
    expect(page.locator(".govuk-summary-card").first).to_contain_text("Progress")
    assert_accessible(page)
