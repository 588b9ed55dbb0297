"""Priority reviews: the list, a review's page and short report, recording one and raising
its actions. Visible to signed-in users on the policy's terms; recorded by the central unit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from stocktake.access.policy import Action, commitments_visible, reviews_visible, visible_or_404
from stocktake.reports.service import report_build, report_render
from stocktake.reports.writers import FORMATS
from stocktake.routines.forms import ActionForm, ReviewForm
from stocktake.routines.models import PriorityReview
from stocktake.routines.selectors import (
    actions_of,
    review_get,
    reviews_for_index,
    stocktake_commitments,
)
from stocktake.routines.services import review_action_raise, review_record
from stocktake.routines.views.pages import form_page
from stocktake.web.report_views import file_response
from stocktake.web.views.refusals import refused_response


def _review(request: HttpRequest, pk: int) -> PriorityReview:
    return visible_or_404(request.user, review_get(pk=pk))


def review_list(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    reviews = reviews_for_index(reviews=reviews_visible(request.user))
    return render(request, "routines/review_list.html", {"reviews": reviews})


def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    review = _review(request, pk)
    return render(
        request,
        "routines/review_detail.html",
        {
            "review": review,
            "as_of": timezone.localdate(),
            "commitments": stocktake_commitments(
                stocktake=review, visible=commitments_visible(request.user)
            ),
            "actions": actions_of(review),
        },
    )


def review_report(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    if format not in FORMATS:
        raise Http404("No such format.")
    if refused := refused_response(request, Action.VIEW_ROUTINES):
        return refused
    review = _review(request, pk)
    report = report_build(
        kind="review",
        review_id=review.pk,
        as_of=timezone.localdate(),
        commitments=commitments_visible(request.user),
    )
    return file_response(report_render(report=report, format=format))


def review_new(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.RUN_ROUTINES):
        return refused
    form = ReviewForm(request.POST or None, visible=commitments_visible(request.user))

    def save(data: dict[str, Any]) -> str:
        review = review_record(
            title=data["title"],
            scope=data["scope"],
            status=data["status"],
            started_on=data["started_on"],
            reported_on=data["reported_on"],
            lead=data["lead"],
            team=data["team"],
            commitments=form.chosen,
            findings=data["findings"],
            recommendations=data["recommendations"],
            by=request.user,
        )
        return reverse("review-detail", args=[review.pk])

    return form_page(
        request,
        form,
        save=save,
        title="Record a priority review",
        caption="Priority reviews",
        back=reverse("review-list"),
        submit="Save the review",
    )


def review_action_new(request: HttpRequest, pk: int) -> HttpResponse:
    if refused := refused_response(request, Action.RUN_ROUTINES):
        return refused
    review = _review(request, pk)

    def save(data: dict[str, Any]) -> str:
        review_action_raise(
            review=review,
            title=data["title"],
            due_date=data["due_date"],
            description=data["description"],
            owner_person=data["owner_person"],
            owner_organisation=data["owner_organisation"],
            by=request.user,
        )
        return reverse("review-detail", args=[review.pk]) + "#actions"

    return form_page(
        request,
        ActionForm(request.POST or None),
        save=save,
        title="Raise an action",
        caption=review.title,
        intro="The action is linked to every commitment the review looked at.",
        back=reverse("review-detail", args=[review.pk]),
        submit="Raise the action",
    )
