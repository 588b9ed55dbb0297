"""Measure pages on the demo register, as a browser without JavaScript sees them."""

from __future__ import annotations

import csv
import datetime as dt
import html as markup
import io
import re
import struct

import pytest
from django.test import Client

from stocktake.measures.models import (
    CommitmentMeasure,
    Direction,
    Frequency,
    Measure,
    Observation,
)
from stocktake.register.models import Area, Programme
from stocktake.register.services import commitment_create
from stocktake.web.measure_pages import funnel_kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_register")]

TODAY = dt.date(2026, 11, 22)
AS_OF = "2026-11-22"
MAX_QUERIES = 20  # a page's queries do not grow with areas, periods or measures


@pytest.fixture(scope="module")
def demo_today() -> dt.date:
    return TODAY


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", markup.unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_measures_are_in_the_navigation_with_where_their_areas_stand(
    client: Client, django_assert_max_num_queries
) -> None:
    home = client.get("/").content.decode()
    assert 'href="/measures/"' in home
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/measures/")
    text = _text(page.content.decode())
    assert page.status_code == 200
    assert Measure.objects.count() == 11
    for measure in Measure.objects.all():
        assert f'href="/measures/{measure.code}/"' in page.content.decode()
    assert "Areas off track" in text


def test_a_measure_page_shows_every_area_against_its_trajectory_with_its_charts(
    client: Client, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/measures/ae-4hr/", {"as_of": AS_OF})
    html = page.content.decode()
    text = _text(html)
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-xl">A&amp;E attendances within four hours</h1>' in html
    assert "Where every area stands" in text
    assert "of 74 areas" in text  # the local authorities: the level with most areas
    statuses = re.findall(r'govuk-tag--(?:red|turquoise|green|grey)">\s*([^<]+?)\s*<', html)
    assert len(statuses) == 74
    assert set(statuses) <= {"Off track", "On track", "Ahead", "No data"}
    # Headline, 74 small multiples, league table, funnel plot and control chart: each an
    # image labelled by its own title and description, with a summary in words.
    assert html.count('role="img"') == 1 + 74 + 3
    assert "Each area against its trajectory" in text
    assert "league table, October 2026" in text
    assert "funnel plot, October 2026" in text
    assert "areas against the average of" in text
    assert "control chart, England" in text
    assert text.count("The numbers behind this chart") == 4
    assert 'href="/measures/ae-4hr/assessment.csv?as_of=2026-11-22"' in html


def test_each_chart_downloads_as_an_image_for_documents_and_slides(client: Client) -> None:
    page = client.get("/measures/ae-4hr/", {"as_of": AS_OF}).content.decode()
    link = f'href="/measures/ae-4hr/charts/league.png?as_of={AS_OF}"'
    assert link in page
    png = client.get("/measures/ae-4hr/charts/league.png", {"as_of": AS_OF})
    assert png["Content-Type"] == "image/png"
    assert png["Content-Disposition"] == 'attachment; filename="ae-4hr-league-2026-11-22.png"'
    width, height = struct.unpack(">II", png.content[16:24])  # the PNG header's IHDR chunk
    assert png.content.startswith(b"\x89PNG")
    assert (width, height > 100) == (1440, True)
    svg = client.get("/measures/ae-4hr/charts/headline.svg", {"as_of": AS_OF})
    assert svg["Content-Type"] == "image/svg+xml"
    assert svg.content.decode().startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert client.get("/measures/ae-4hr/charts/area-E09000014.png").status_code == 200
    assert client.get("/measures/ae-4hr/charts/nope.png").status_code == 404
    assert client.get("/measures/ae-4hr/charts/league.gif").status_code == 404


def test_regions_take_their_trajectory_from_the_nation_by_share(client: Client) -> None:
    page = client.get("/measures/app-starts/", {"as_of": AS_OF, "level": "region"})
    text = _text(page.content.decode())
    assert "of 9 areas" in text
    assert text.count("Trajectory from England’s, by share") == 9
    # A count has no funnel plot: the page says why.
    assert "A funnel plot compares rates and proportions" in text


def test_the_numbers_download_as_the_assess_command_prints_them(client: Client) -> None:
    response = client.get("/measures/cancer-62/assessment.csv", {"as_of": AS_OF})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="cancer-62-assessment-2026-11-22.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 84
    england = next(row for row in rows if row["area_name"] == "England")
    assert england["area"] == "E92000001"
    assert england["period"] == "2026-10-01"
    assert england["status"] in {"on_track", "ahead", "off_track"}
    assert float(england["variance"]) == pytest.approx(
        float(england["actual"]) - float(england["trajectory"]), abs=1e-5
    )


def test_bad_data_and_bad_input_give_a_clear_message_not_a_crash(client: Client) -> None:
    Measure.objects.create(
        code="empty",
        name="A measure still waiting for data",
        unit="count",
        direction=Direction.HIGHER,
        frequency=Frequency.MONTHLY,
    )
    empty = client.get("/measures/empty/")
    assert empty.status_code == 200
    assert "No values have been recorded for A measure still waiting for data" in _text(
        empty.content.decode()
    )
    # A quarterly measure given a February figure (saved without the model's checks).
    Observation.objects.create(
        measure=Measure.objects.get(code="fs-open"),
        area=Area.objects.get(code="E09000014"),
        period=dt.date(2026, 2, 1),
        value=1,
    )
    bad = client.get("/measures/fs-open/", {"as_of": AS_OF})
    text = _text(bad.content.decode())
    assert bad.status_code == 200
    assert "This measure's data could not be assessed." in text
    assert "measure 'fs-open', area 'E09000014', period 2026-02-01" in text
    assert "a quarterly period starts in January, April, July or October" in text
    wrong_date = client.get("/measures/ae-4hr/", {"as_of": "30/11/2026"})
    assert wrong_date.status_code == 400
    assert "Enter the date as year-month-day, for example 2026-11-30." in _text(
        wrong_date.content.decode()
    )
    assert client.get("/measures/nope/").status_code == 404


def test_the_commitment_page_shows_the_data_beside_the_units_judgement(
    client: Client, django_assert_max_num_queries
) -> None:
    with django_assert_max_num_queries(40):
        page = client.get("/commitments/MAN2015/M06/")
    html = page.content.decode()
    text = _text(html)
    assert page.status_code == 200
    assert "What the data says" in text
    assert "Delivery confidence (the unit’s judgement)" in text
    assert re.search(r"Suggested by the data, as of \d+ \w+ \d{4}", text)
    assert "1 of 1 measure on track" in text or "0 of 1 measure on track" in text
    assert 'href="/measures/ae-4hr/"' in html
    assert html.count('role="img"') == 1
    assert "The numbers behind this chart" in text
    image = client.get("/measures/ae-4hr/charts/headline.png")
    assert 'href="/measures/ae-4hr/charts/headline.png"' in html
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"


def test_a_commitment_with_measures_but_no_judgement_yet_says_so(client: Client) -> None:
    commitment = commitment_create(
        programme=Programme.objects.get(code="MAN2015"), code="NEW1", title="A new commitment"
    )
    CommitmentMeasure.objects.create(
        commitment=commitment, measure=Measure.objects.get(code="ae-4hr")
    )
    page = client.get("/commitments/MAN2015/NEW1/")
    assert page.status_code == 200
    assert "Delivery confidence (the unit’s judgement) Not rated" in _text(page.content.decode())


def test_a_commitment_whose_measures_cannot_be_assessed_says_why(client: Client) -> None:
    # A quarterly measure given a February figure (saved without the model's checks).
    Observation.objects.create(
        measure=Measure.objects.get(code="fs-open"),
        area=Area.objects.get(code="E09000014"),
        period=dt.date(2026, 2, 1),
        value=1,
    )
    commitment = commitment_create(
        programme=Programme.objects.get(code="MAN2015"), code="NEW2", title="Free schools"
    )
    CommitmentMeasure.objects.create(
        commitment=commitment, measure=Measure.objects.get(code="fs-open")
    )
    page = client.get("/commitments/MAN2015/NEW2/")
    text = _text(page.content.decode())
    assert page.status_code == 200
    assert "This measure's data could not be assessed:" in text
    assert "a quarterly period starts in January, April, July or October" in text


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("percent", ("proportion", 100.0)),
        ("proportion", ("proportion", 1.0)),
        ("rate per 1,000", ("rate", 1000.0)),
        ("Per 100,000 population", ("rate", 100000.0)),
        ("count", None),
        ("days", None),
    ],
)
def test_funnel_plots_are_for_proportions_and_rates(unit: str, kind: tuple | None) -> None:
    assert funnel_kind(unit) == kind
