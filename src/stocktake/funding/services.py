"""Writes about funds: allocations to commitments and spend by period."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction

from stocktake.funding.models import Fund, FundingLine, Spend
from stocktake.register.models import Commitment


@transaction.atomic
def funding_line_create(*, fund: Fund, commitment: Commitment, allocated: Decimal) -> FundingLine:
    """Allocate part of a fund to a commitment, within the fund's total."""
    Fund.objects.select_for_update().get(pk=fund.pk)
    line = FundingLine(fund=fund, commitment=commitment, allocated=allocated)
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def spend_record(*, line: FundingLine, period: dt.date, amount: Decimal) -> Spend:
    """Record (or correct) what a funding line spent in a period, within the fund's total."""
    Fund.objects.select_for_update().get(pk=line.fund_id)
    spend = Spend.objects.filter(line=line, period=period).first() or Spend(
        line=line, period=period
    )
    spend.amount = amount
    spend.full_clean()
    spend.save()
    return spend
