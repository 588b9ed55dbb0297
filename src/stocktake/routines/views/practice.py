"""The practice library: good practice, lessons learned and innovations, searchable and
filtered; an entry's page; adding one (the central unit and departments' editors)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from stocktake.access.policy import Action, commitments_visible, practices_visible, visible_or_404
from stocktake.register.models import Area, Organisation, Theme
from stocktake.routines.forms import PracticeForm
from stocktake.routines.models import PracticeKind
from stocktake.routines.selectors import practice_get, practices_filtered
from stocktake.routines.services import practice_add
from stocktake.routines.views.pages import form_page
from stocktake.web.views.refusals import refused_response

PAGE_SIZE = 20
FILTERS = ("q", "kind", "theme", "organisation", "area")


def practice_list(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    chosen = {name: request.GET.get(name, "").strip() for name in FILTERS}
    library = practices_visible(request.user)
    found = practices_filtered(
        library,
        search=chosen["q"],
        kind=chosen["kind"],
        theme=chosen["theme"],
        organisation=chosen["organisation"],
        area=chosen["area"],
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "routines/practice_list.html",
        {
            "page": page,
            "chosen": chosen,
            "filtering": any(chosen.values()),
            "kinds": PracticeKind.choices,
            "themes": Theme.objects.filter(practices__in=library).distinct().order_by("name"),
            "organisations": Organisation.objects.filter(practices__in=library)
            .distinct()
            .order_by("name"),
            "areas": Area.objects.filter(practices__in=library).distinct().order_by("name"),
        },
    )


def practice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    practice = visible_or_404(request.user, practice_get(pk=pk))
    commitments = commitments_visible(request.user, practice.commitments.all()).select_related(
        "programme"
    )
    return render(
        request,
        "routines/practice_detail.html",
        {"practice": practice, "commitments": commitments.order_by("programme__title", "code")},
    )


def practice_new(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.ADD_PRACTICE):
        return refused
    form = PracticeForm(request.POST or None, visible=commitments_visible(request.user))

    def save(data: dict[str, Any]) -> str:
        themes = [Theme.objects.get_or_create(name=name)[0] for name in form.theme_names()]
        practice = practice_add(
            title=data["title"],
            kind=data["kind"],
            summary=data["summary"],
            what_worked=data["what_worked"],
            what_did_not=data["what_did_not"],
            organisation=data["organisation"],
            area=data["area"],
            themes=themes,
            commitments=form.chosen,
            source=data["source"],
            source_url=data["source_url"],
            recorded_on=timezone.localdate(),
            author=request.user,
        )
        return reverse("practice-detail", args=[practice.pk])

    return form_page(
        request,
        form,
        save=save,
        title="Add to the practice library",
        caption="Practice library",
        back=reverse("practice-list"),
        submit="Add the entry",
    )
