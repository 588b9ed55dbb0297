"""Fund pages: each fund's money against the time elapsed, and its lines by commitment.

A fund's totals are public reference data; its lines name only the commitments the user may
see (a visitor: the published ones)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from stocktake.access.policy import Action, allowed, commitments_visible, visible_or_404
from stocktake.funding.models import Fund
from stocktake.funding.selectors import fund_positions


def fund_list(request: HttpRequest) -> HttpResponse:
    funds = [
        fund
        for fund in Fund.objects.select_related("managing_organisation").order_by("name")
        if allowed(request.user, Action.VIEW, fund)
    ]
    today = timezone.localdate()
    positions = {
        position.total.fund.pk: position for position in fund_positions(funds=funds, as_of=today)
    }
    return render(
        request,
        "web/fund_list.html",
        {"rows": [(fund, positions.get(fund.pk)) for fund in funds], "as_of": today},
    )


def fund_detail(request: HttpRequest, code: str) -> HttpResponse:
    fund = get_object_or_404(
        Fund.objects.select_related("managing_organisation").prefetch_related(
            "contributions__organisation"
        ),
        code=code,
    )
    visible_or_404(request.user, fund)
    today = timezone.localdate()
    positions = fund_positions(funds=[fund], as_of=today)
    position = positions[0] if positions else None
    visible = set(
        commitments_visible(request.user)
        .filter(funding_lines__fund=fund)
        .values_list("pk", flat=True)
    )
    lines = [line for line in position.lines if line.commitment.pk in visible] if position else []
    return render(
        request,
        "web/fund_detail.html",
        {
            "fund": fund,
            "position": position,
            "lines": lines,
            "unpublished_lines": len(position.lines) - len(lines) if position else 0,
            "as_of": today,
        },
    )
