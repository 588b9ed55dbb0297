"""Money beside results: each fund's and funding line's position at a date, read in two queries
and worked out by the analysis (``measures/analysis/money.py``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import polars as pl

from stocktake.funding.models import Fund, FundingLine, Spend
from stocktake.measures.analysis.frames import LINES, SPENDS
from stocktake.measures.analysis.money import funding_position
from stocktake.register.models import Commitment

_FIGURES = (
    "allocated",
    "spent",
    "elapsed_share",
    "expected_spend",
    "spend_variance",
    "forecast",
    "forecast_variance",
)


@dataclass(frozen=True)
class FundingPosition:
    """Where a fund, or one of its lines, stands at a date. Money in pounds; ``forecast`` (the
    outturn at the current run rate) is None before the fund starts."""

    fund: Fund
    commitment: Commitment | None
    allocated: float
    spent: float
    elapsed_share: float
    expected_spend: float
    spend_variance: float
    forecast: float | None
    forecast_variance: float | None

    @property
    def spent_share(self) -> float | None:
        return self.spent / self.allocated if self.allocated else None


@dataclass(frozen=True)
class FundPosition:
    """A fund's total and each of its lines."""

    total: FundingPosition
    lines: list[FundingPosition]


def fund_positions(*, funds: Iterable[Fund], as_of: dt.date) -> list[FundPosition]:
    """The funds' positions at ``as_of``, in the order given: two queries (none, and no
    analysis, without funds: most commitments have none)."""
    funds = list(funds)
    if not funds:
        return []
    lines = list(
        FundingLine.objects.filter(fund__in=funds)
        .select_related("commitment__programme")
        .order_by("fund_id", "commitment__programme__code", "commitment__code")
    )
    spends = Spend.objects.filter(line__in=lines, period__lte=as_of).values_list(
        "line_id", "period", "amount"
    )
    by_fund = {fund.pk: fund for fund in funds}
    by_line = {line.pk: line for line in lines}
    frame = funding_position(
        lines=pl.DataFrame(
            [
                (
                    str(line.fund_id),
                    str(line.pk),
                    float(line.allocated),
                    fund.start_date,
                    fund.end_date,
                )
                for line in lines
                for fund in [by_fund[line.fund_id]]
            ],
            schema=dict(LINES),
            orient="row",
        ),
        spends=pl.DataFrame(
            [
                (str(by_line[line_id].fund_id), str(line_id), period, float(amount))
                for line_id, period, amount in spends
            ],
            schema=dict(SPENDS),
            orient="row",
        ),
        as_of=as_of,
    )
    totals: dict[int, FundingPosition] = {}
    by_line_position: dict[int, FundingPosition] = {}
    for row in frame.iter_rows(named=True):
        fund = by_fund[int(row["fund"])]
        figures = {key: row[key] for key in _FIGURES}
        if row["level"] == "fund":
            totals[fund.pk] = FundingPosition(fund=fund, commitment=None, **figures)
        else:
            line = by_line[int(row["commitment"])]
            by_line_position[line.pk] = FundingPosition(
                fund=fund, commitment=line.commitment, **figures
            )
    return [
        FundPosition(
            total=totals[fund.pk],
            lines=[by_line_position[line.pk] for line in lines if line.fund_id == fund.pk],
        )
        for fund in funds
        if fund.pk in totals
    ]


def commitment_funding(*, commitment: Commitment, as_of: dt.date) -> list[FundingPosition]:
    """The commitment's funding lines at ``as_of``, each against its fund's time elapsed."""
    funds = Fund.objects.filter(lines__commitment=commitment).distinct().order_by("name")
    return [
        line
        for position in fund_positions(funds=funds, as_of=as_of)
        for line in position.lines
        if line.commitment.pk == commitment.pk
    ]
