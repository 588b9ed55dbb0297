"""Stocktakes: the list (upcoming and past), a stocktake's page with its pack, scheduling one,
recording its decisions and raising its actions. Who may see and do what is the policy's:
signed-in users see the stocktakes on commitments they may see; the central unit runs them."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from stocktake.access.policy import (
    Action,
    commitments_visible,
    stocktakes_visible,
    visible_or_404,
)
from stocktake.reports.service import ReportFile
from stocktake.reports.writers import FORMATS
from stocktake.routines.forms import (
    ActionForm,
    StocktakeDecisionsForm,
    StocktakeDetailsForm,
    StocktakeScheduleForm,
)
from stocktake.routines.models import PackJob, PackStatus, Stocktake
from stocktake.routines.packs import pack_job_get, pack_job_start, pack_response
from stocktake.routines.selectors import (
    actions_carried,
    actions_of,
    stocktake_commitments,
    stocktake_get,
    stocktakes_for_index,
)
from stocktake.routines.services import (
    stocktake_action_raise,
    stocktake_change,
    stocktake_decisions_record,
    stocktake_schedule,
)
from stocktake.routines.views.pages import form_page
from stocktake.web.report_views import file_response
from stocktake.web.views.refusals import refused_response


def _stocktake(request: HttpRequest, pk: int) -> Stocktake:
    return visible_or_404(request.user, stocktake_get(pk=pk))


def stocktake_list(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    as_of = timezone.localdate()
    index = stocktakes_for_index(stocktakes=stocktakes_visible(request.user), as_of=as_of)
    return render(request, "routines/stocktake_list.html", {"index": index, "as_of": as_of})


def stocktake_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    as_of = timezone.localdate()
    return render(
        request,
        "routines/stocktake_detail.html",
        {
            "stocktake": stocktake,
            "as_of": as_of,
            "commitments": stocktake_commitments(
                stocktake=stocktake, visible=commitments_visible(request.user)
            ),
            "actions": actions_of(stocktake),
            "carried": actions_carried(stocktake=stocktake, as_of=as_of),
            "formats": FORMATS,
        },
    )


def stocktake_pack(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    if format not in FORMATS:
        raise Http404("No such format.")
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    return pack_response(request, stocktake, format)


@require_POST
def stocktake_pack_request(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for the pack in a format; its status page follows its progress."""
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    format = request.POST.get("format", "")
    if format not in FORMATS:
        raise Http404("No such format.")
    job = pack_job_start(stocktake=stocktake, format=format, by=request.user)
    return redirect("stocktake-pack-status", pk=stocktake.pk, job=job.pk)


def stocktake_pack_status(request: HttpRequest, pk: int, job: int) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    found = pack_job_get(job_id=job, stocktake=stocktake, user=request.user)
    if found is None:
        raise Http404("No such pack.")
    return render(request, "routines/pack_status.html", {"stocktake": stocktake, "job": found})


def stocktake_pack_file(request: HttpRequest, pk: int, job: int) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    found = pack_job_get(job_id=job, stocktake=stocktake, user=request.user)
    if found is None or found.status != PackStatus.DONE:
        raise Http404("No such pack.")
    content = PackJob.objects.values_list("content", flat=True).get(pk=found.pk)
    return file_response(ReportFile(bytes(content), found.filename, found.mime))


def stocktake_schedule_view(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.RUN_ROUTINES):
        return refused
    form = StocktakeScheduleForm(request.POST or None, visible=commitments_visible(request.user))

    def save(data: dict[str, Any]) -> str:
        stocktake = stocktake_schedule(
            title=data["title"],
            held_on=data["held_on"],
            chair=data["chair"],
            attendees=data["attendees"],
            taskforce=data["taskforce"],
            commitments=form.chosen,
            purpose=data["purpose"],
            by=request.user,
        )
        return reverse("stocktake-detail", args=[stocktake.pk])

    return form_page(
        request,
        form,
        save=save,
        title="Schedule a stocktake",
        caption="Stocktakes",
        back=reverse("stocktake-list"),
        submit="Schedule the stocktake",
    )


def stocktake_change_view(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.RUN_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    initial = {
        "title": stocktake.title,
        "held_on": stocktake.held_on.strftime("%d/%m/%Y"),
        "chair": stocktake.chair_id,
        "attendees": [person.pk for person in stocktake.attendees.all()],
        "purpose": stocktake.purpose,
    }

    def save(data: dict[str, Any]) -> str:
        stocktake_change(
            stocktake=stocktake,
            title=data["title"],
            held_on=data["held_on"],
            chair=data["chair"],
            attendees=data["attendees"],
            purpose=data["purpose"],
        )
        return reverse("stocktake-detail", args=[stocktake.pk])

    return form_page(
        request,
        StocktakeDetailsForm(request.POST or None, initial=initial),
        save=save,
        title="Change the stocktake's details",
        caption=str(stocktake),
        intro="The commitments it covers stay as scheduled.",
        back=reverse("stocktake-detail", args=[stocktake.pk]),
        submit="Save the changes",
    )


def stocktake_decisions(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.RUN_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    initial = {
        "minutes": stocktake.minutes,
        "decisions": "\n\n".join(
            f"{d.commitment.code}: {d.text}" if d.commitment_id else d.text
            for d in stocktake.decisions.all()
        ),
    }

    def save(data: dict[str, Any]) -> str:
        stocktake_decisions_record(
            stocktake=stocktake,
            minutes=data["minutes"],
            decisions=data["decisions"],
            as_of=timezone.localdate(),
        )
        return reverse("stocktake-detail", args=[stocktake.pk]) + "#decisions"

    return form_page(
        request,
        StocktakeDecisionsForm(request.POST or None, initial=initial),
        save=save,
        title="Record decisions",
        caption=str(stocktake),
        back=reverse("stocktake-detail", args=[stocktake.pk]),
        submit="Save the decisions",
    )


def stocktake_action_new(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.RUN_ROUTINES):
        return refused
    stocktake = _stocktake(request, pk)
    commitments = commitments_visible(request.user, stocktake.commitments.all())

    def save(data: dict[str, Any]) -> str:
        stocktake_action_raise(
            stocktake=stocktake,
            title=data["title"],
            due_date=data["due_date"],
            commitments=list(data["commitments"]),
            description=data["description"],
            owner_person=data["owner_person"],
            owner_organisation=data["owner_organisation"],
            by=request.user,
        )
        return reverse("stocktake-detail", args=[stocktake.pk]) + "#actions"

    return form_page(
        request,
        ActionForm(request.POST or None, commitments=commitments),
        save=save,
        title="Raise an action",
        caption=str(stocktake),
        back=reverse("stocktake-detail", args=[stocktake.pk]),
        submit="Raise the action",
    )
