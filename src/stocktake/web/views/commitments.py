"""The commitment list (with its download) and the commitment page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from stocktake.access.policy import Action, allowed, practices_visible, visible_or_404
from stocktake.audit.selectors import commitment_history
from stocktake.funding.selectors import commitment_funding
from stocktake.progress.portfolio import portfolio_freshness
from stocktake.progress.rounds import reporting_period
from stocktake.progress.selectors import (
    commitment_actions,
    commitment_notes,
    commitment_timeline,
    latest_levels_attach,
)
from stocktake.register.models import Commitment
from stocktake.register.selectors import commitment_get
from stocktake.routines.selectors import commitment_routines
from stocktake.web.downloads import LIST_FORMATS, commitment_list_file
from stocktake.web.filters import CommitmentFilters
from stocktake.web.measure_pages import commitment_measures
from stocktake.web.views.refusals import refused_response

PAGE_SIZE = 50


def commitment_list(request: HttpRequest) -> HttpResponse:
    filters = CommitmentFilters.from_query(
        request.GET, as_of=timezone.localdate(), user=request.user
    )
    commitments = filters.commitments()
    page = Paginator(commitments, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = latest_levels_attach(list(page.object_list))
    return render(
        request,
        "web/commitment_list.html",
        {
            "filters": filters,
            "page": page,
            "freshness": portfolio_freshness(commitments=filters.scope()),
            "formats": LIST_FORMATS,
        },
    )


def commitment_list_download(request: HttpRequest, format: str) -> HttpResponse:
    if refused := refused_response(request, Action.EXPORT):
        return refused
    filters = CommitmentFilters.from_query(
        request.GET, as_of=timezone.localdate(), user=request.user
    )

    def link(commitment: Commitment) -> str:
        return request.build_absolute_uri(
            reverse("commitment-detail", args=[commitment.programme.code, commitment.code])
        )

    download = commitment_list_file(
        commitments=latest_levels_attach(list(filters.commitments())), format=format, link=link
    )
    return FileResponse(
        download.content, as_attachment=True, filename=download.filename, content_type=download.mime
    )


def commitment_detail(request: HttpRequest, programme: str, code: str) -> HttpResponse:
    commitment = visible_or_404(request.user, commitment_get(programme_code=programme, code=code))
    return render(
        request,
        "web/commitment_detail.html",
        {
            "commitment": commitment,
            "updates": commitment_timeline(commitment=commitment),
            "as_of": timezone.localdate(),
            "measures_data": commitment_measures(commitment=commitment, as_of=timezone.localdate()),
            "funding": commitment_funding(commitment=commitment, as_of=timezone.localdate()),
            "history": commitment_history(commitment=commitment)
            if allowed(request.user, Action.VIEW_HISTORY, commitment)
            else None,
            **_frontline(request, commitment),
        },
    )


def _frontline(request: HttpRequest, commitment: Commitment) -> dict[str, object]:
    """The commitment's frontline notes and actions, its monthly round and the routines that
    looked at it, for who may read them (signed-in users)."""
    if not allowed(request.user, Action.VIEW_FRONTLINE):
        return {"notes": None, "actions": None, "round_period": None, "routines": None}
    return {
        "notes": commitment_notes(commitment=commitment),
        "actions": commitment_actions(commitment=commitment),
        "may_note": allowed(request.user, Action.NOTE, commitment),
        "may_report": allowed(request.user, Action.REPORT, commitment),
        "may_rate": allowed(request.user, Action.RATE, commitment),
        "round_period": reporting_period(timezone.localdate()),
        "added": request.GET.get("added", ""),
        "routines": commitment_routines(
            commitment=commitment, practices=practices_visible(request.user)
        )
        if allowed(request.user, Action.VIEW_ROUTINES)
        else None,
    }
