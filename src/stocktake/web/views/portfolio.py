"""The portfolio dashboard: the figures of every commitment the filters choose."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stocktake.access.policy import Action, actions_visible, allowed
from stocktake.progress.portfolio import portfolio_summary
from stocktake.web.filters import SCOPE_FIELDS, CommitmentFilters


def dashboard(request: HttpRequest) -> HttpResponse:
    as_of = timezone.localdate()
    filters = CommitmentFilters.from_query(
        request.GET, as_of=as_of, fields=SCOPE_FIELDS, user=request.user
    )
    return render(
        request,
        "web/dashboard.html",
        {
            "filters": filters,
            "portfolio": portfolio_summary(
                commitments=filters.scope(),
                as_of=as_of,
                actions=actions_visible(request.user)
                if allowed(request.user, Action.VIEW_FRONTLINE)
                else None,
            ),
            "as_of": as_of,
        },
    )
