"""Funding positions from the database: the figures a fund page and a commitment page show."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from stocktake.funding.models import Fund
from stocktake.funding.selectors import commitment_funding, fund_positions
from stocktake.funding.services import funding_line_create, spend_record
from stocktake.register.tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund() -> Fund:
    """£1.2m over 2016-17 (365 days), £800k to one commitment and £400k to another."""
    fund = Fund.objects.create(
        code="ccf",
        name="Cross-cutting fund",
        total=Decimal("1200000"),
        start_date=dt.date(2016, 4, 1),
        end_date=dt.date(2017, 3, 31),
    )
    first, second = CommitmentFactory(code="M01"), CommitmentFactory(code="M02")
    one = funding_line_create(fund=fund, commitment=first, allocated=Decimal("800000"))
    funding_line_create(fund=fund, commitment=second, allocated=Decimal("400000"))
    for month in (4, 5, 6):
        spend_record(line=one, period=dt.date(2016, month, 1), amount=Decimal("50000"))
    spend_record(line=one, period=dt.date(2016, 10, 1), amount=Decimal("99999"))  # after as_of
    return fund


def test_a_fund_and_its_lines_against_the_time_elapsed(
    fund: Fund, django_assert_num_queries: object
) -> None:
    as_of = dt.date(2016, 9, 30)  # 183 of 365 days
    with django_assert_num_queries(2):
        (position,) = fund_positions(funds=[fund], as_of=as_of)

    share = 183 / 365
    assert position.total.allocated == 1_200_000
    assert position.total.spent == 150_000
    assert position.total.elapsed_share == pytest.approx(share)
    assert position.total.expected_spend == pytest.approx(1_200_000 * share)
    assert position.total.forecast == pytest.approx(150_000 / share)
    assert [line.commitment.code for line in position.lines] == ["M01", "M02"]
    first, second = position.lines
    assert (first.spent, second.spent) == (150_000, 0)
    assert first.spend_variance == pytest.approx(150_000 - 800_000 * share)
    assert first.spent_share == pytest.approx(150_000 / 800_000)


def test_a_commitment_sees_its_own_lines(fund: Fund) -> None:
    line = fund.lines.get(commitment__code="M02")

    (position,) = commitment_funding(commitment=line.commitment, as_of=dt.date(2016, 3, 1))

    assert (position.fund, position.allocated, position.spent) == (fund, 400_000, 0)
    assert position.elapsed_share == 0
    assert position.forecast is None  # before the fund starts
