"""Changing a milestone's current due date and completion, for who reports on the commitment;
a stale form shows both versions and saves nothing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse

from stocktake.access.policy import Action, visible_or_404
from stocktake.register.models import Milestone
from stocktake.register.selectors import commitment_get
from stocktake.register.services import milestone_update
from stocktake.web.conflicts import versioned_edit
from stocktake.web.milestone_forms import MilestoneChangeForm
from stocktake.web.views.refusals import refused_response


def milestone_edit(request: HttpRequest, programme: str, code: str, milestone: str) -> HttpResponse:
    commitment = visible_or_404(request.user, commitment_get(programme_code=programme, code=code))
    found = get_object_or_404(Milestone, commitment=commitment, code=milestone)
    if refused := refused_response(request, Action.REPORT, found):
        return refused
    form = MilestoneChangeForm(request.POST) if request.method == "POST" else None
    return versioned_edit(
        request,
        form=form or MilestoneChangeForm.for_milestone(found),
        model=Milestone,
        save=lambda valid: milestone_update(
            milestone=found,
            expected_version=valid.cleaned_data["version"],
            changes=valid.changes(),
        ),
        template="web/milestone_form.html",
        context={"commitment": commitment, "milestone": found},
        success_url=reverse("commitment-detail", args=[programme, code])
        + "?added=milestone#milestones",
    )
