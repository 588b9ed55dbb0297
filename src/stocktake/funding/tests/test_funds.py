"""A fund cannot allocate or spend more than its total."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from stocktake.funding.models import Fund, Spend
from stocktake.funding.services import funding_line_create, spend_record
from stocktake.register.tests.factories import CommitmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def fund() -> Fund:
    return Fund.objects.create(
        code="ppf",
        name="Policy Innovation Fund",
        total=Decimal("150000000"),
        start_date=dt.date(2001, 4, 1),
        end_date=dt.date(2004, 3, 31),
    )


def test_spending_above_the_funds_total_is_refused(fund: Fund) -> None:
    line = funding_line_create(
        fund=fund, commitment=CommitmentFactory(), allocated=Decimal("100000000")
    )
    other = funding_line_create(
        fund=fund, commitment=CommitmentFactory(), allocated=Decimal("50000000")
    )
    spend_record(line=line, period=dt.date(2001, 4, 1), amount=Decimal("120000000"))

    with pytest.raises(ValidationError) as error:
        spend_record(line=other, period=dt.date(2001, 5, 1), amount=Decimal("40000000"))

    assert "exceed the fund's total of £150,000,000.00" in error.value.message_dict["amount"][0]
    assert Spend.objects.count() == 1


def test_correcting_a_periods_spend_replaces_it(fund: Fund) -> None:
    line = funding_line_create(fund=fund, commitment=CommitmentFactory(), allocated=Decimal(10))
    spend_record(line=line, period=dt.date(2001, 4, 1), amount=Decimal("149000000"))
    spend_record(line=line, period=dt.date(2001, 4, 1), amount=Decimal("150000000"))
    assert fund.spent() == Decimal("150000000")


def test_allocating_above_the_funds_total_is_refused(fund: Fund) -> None:
    funding_line_create(fund=fund, commitment=CommitmentFactory(), allocated=Decimal("100000000"))
    with pytest.raises(ValidationError) as error:
        funding_line_create(
            fund=fund, commitment=CommitmentFactory(), allocated=Decimal("60000000")
        )
    assert "allocated" in error.value.message_dict
    assert fund.allocated() == Decimal("100000000")
