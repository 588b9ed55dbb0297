"""Money beside results on the demo: fund pages, and reward grants on a measure page."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client

from stocktake.funding.models import Fund

pytestmark = pytest.mark.usefixtures("demo_register")
MAX_QUERIES = 12


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_funds_list_shows_each_fund_against_the_time_elapsed(
    client: Client, django_assert_max_num_queries: object
) -> None:
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/funds/")

    html = page.content.decode()
    assert page.status_code == 200
    assert 'href="/funds/"' in client.get("/browse/").content.decode()
    text = _text(html)
    for fund in Fund.objects.all():
        assert f'href="/funds/{fund.code}/"' in html
        assert f"£{fund.total:,.0f}" in text
    assert "Forecast outturn" in text


def test_a_fund_page_lists_the_commitments_it_pays_for(
    client: Client, django_assert_max_num_queries: object
) -> None:
    fund = Fund.objects.get(code="lgf")
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/funds/lgf/")

    text = _text(page.content.decode())
    assert page.status_code == 200
    assert "Local Growth Fund" in text
    for line in fund.lines.select_related("commitment"):
        assert f"{line.commitment.code}: {line.commitment.title}" in text
        assert f"£{line.allocated:,.0f}" in text
    allocated = sum(line.allocated for line in fund.lines.all())
    assert f"Allocated £{allocated:,.0f} to 3 commitments" in text
    assert "Spent against expected" in text


def test_visitors_see_fund_totals_but_only_published_commitments(client: Client) -> None:
    assert client.get("/funds/no-such-fund/").status_code == 404
    fund = Fund.objects.get(code="lgf")
    hidden = fund.lines.select_related("commitment").first().commitment
    hidden.published = False
    hidden.save()

    page = Client().get("/funds/lgf/")

    text = _text(page.content.decode())
    assert page.status_code == 200
    assert f"£{fund.total:,.0f}" in text
    assert f"{hidden.code}: {hidden.title}" not in text
    assert "1 further line for commitments not published yet is counted" in text


def test_a_measure_page_shows_the_reward_grants_earned(client: Client) -> None:
    page = client.get("/measures/hgy-repairs/")

    text = _text(page.content.decode())
    assert page.status_code == 200
    assert "Reward grants" in text
    assert "£600,000" in text
    earned = re.search(r"£600,000 £([\d,]+)", text)
    assert earned, text[text.index("Reward grants") :][:600]
    assert 0 < int(earned[1].replace(",", "")) <= 600_000


def test_a_commitment_page_shows_its_funding_lines(client: Client) -> None:
    line = Fund.objects.get(code="lgf").lines.select_related("commitment__programme").first()
    commitment = line.commitment

    page = client.get(f"/commitments/{commitment.programme.code}/{commitment.code}/")

    text = _text(page.content.decode())
    assert page.status_code == 200
    assert "Money" in text
    assert f"Local Growth Fund £{line.allocated:,.0f}" in text
