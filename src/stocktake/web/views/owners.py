"""Who owns or covers commitments: programmes, organisations, people, taskforces and areas.

Each has an index and a page showing what it owns or covers, with the dashboard's figures.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stocktake.access.policy import (
    Action,
    allowed,
    commitments_visible,
    programmes_visible,
    visible_or_404,
)
from stocktake.audit.selectors import programme_history
from stocktake.progress.portfolio import portfolio_summary
from stocktake.progress.selectors import latest_levels_attach, programme_summaries
from stocktake.register.models import AreaLevel
from stocktake.register.selectors import (
    area_get,
    areas_for_index,
    organisation_get,
    organisations_for_index,
    people_for_index,
    person_get,
    programme_get,
    taskforce_get,
    taskforces_for_index,
)
from stocktake.web.filters import CommitmentFilters
from stocktake.web.views.commitments import PAGE_SIZE

AREAS_PAGE_SIZE = 100


def _owner_page(
    request: HttpRequest, template: str, *, fixed: dict[str, str], **context: Any
) -> HttpResponse:
    """An owner's page: its commitments (a page of them) and the figures about them all."""
    as_of = timezone.localdate()
    filters = CommitmentFilters.from_query(
        request.GET, as_of=as_of, fields=(), fixed=fixed, user=request.user
    )
    page = Paginator(filters.commitments(), PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = latest_levels_attach(list(page.object_list))
    portfolio = portfolio_summary(commitments=filters.scope(), as_of=as_of)
    return render(
        request,
        template,
        {**context, "filters": filters, "page": page, "portfolio": portfolio, "as_of": as_of},
    )


def programme_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/programme_list.html",
        {
            "summaries": programme_summaries(
                programmes=programmes_visible(request.user),
                commitments=commitments_visible(request.user),
            )
        },
    )


def programme_detail(request: HttpRequest, programme: str) -> HttpResponse:
    found = visible_or_404(request.user, programme_get(code=programme))
    return _owner_page(
        request,
        "web/programme_detail.html",
        fixed={"programme": found.code},
        programme=found,
        history=programme_history(programme=found)
        if allowed(request.user, Action.VIEW_HISTORY, found)
        else None,
    )


def organisation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "web/organisation_list.html", {"organisations": organisations_for_index()}
    )


def organisation_detail(request: HttpRequest, code: str) -> HttpResponse:
    organisation = organisation_get(code=code)
    return _owner_page(
        request,
        "web/organisation_detail.html",
        fixed={"organisation": organisation.code},
        organisation=organisation,
    )


def person_list(request: HttpRequest) -> HttpResponse:
    return render(request, "web/person_list.html", {"people": people_for_index()})


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_get(pk=pk)
    return _owner_page(
        request, "web/person_detail.html", fixed={"person": str(person.pk)}, person=person
    )


def taskforce_list(request: HttpRequest) -> HttpResponse:
    return render(request, "web/taskforce_list.html", {"taskforces": taskforces_for_index()})


def taskforce_detail(request: HttpRequest, code: str) -> HttpResponse:
    taskforce = taskforce_get(code=code)
    return _owner_page(
        request,
        "web/taskforce_detail.html",
        fixed={"taskforce": taskforce.code},
        taskforce=taskforce,
    )


def area_list(request: HttpRequest) -> HttpResponse:
    level = request.GET.get("level", "")
    page = Paginator(areas_for_index(level=level), AREAS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "web/area_list.html",
        {"page": page, "level": level, "levels": AreaLevel.choices},
    )


def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    area = area_get(code=code)
    return _owner_page(
        request,
        "web/area_detail.html",
        fixed={"area": area.code},
        area=area,
        children=list(area.children.order_by("name")),
        programmes=list(area.programmes.order_by("title")),
    )
