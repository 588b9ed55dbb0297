"""Actions: the list of open and overdue actions, an action's page, raising one from a
commitment, and changing one (refused, showing both versions, when someone else changed it
since the form was opened)."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from stocktake.access.policy import Action, actions_visible, allowed, visible_or_404
from stocktake.audit.selectors import object_history
from stocktake.progress.models import Action as ActionItem
from stocktake.progress.models import ActionStatus
from stocktake.progress.selectors import actions_filtered, actions_for_list
from stocktake.progress.services import action_change, action_raise
from stocktake.register.models import Organisation
from stocktake.register.selectors import commitment_get
from stocktake.web.conflicts import versioned_edit
from stocktake.web.frontline_forms import ActionChangeForm, ActionRaiseForm
from stocktake.web.views.refusals import refused_response

PAGE_SIZE = 50


class ActionFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Owning organisation",
        queryset=Organisation.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label="Any organisation",
    )
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Any status"), *ActionStatus.choices],
        required=False,
    )
    overdue = forms.BooleanField(label="Only overdue actions", required=False)


def action_list(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_FRONTLINE):
        return refused
    as_of = timezone.localdate()
    query = request.GET.copy()
    if "status" not in query:
        query["status"] = ActionStatus.OPEN
    form = ActionFilterForm(query)
    chosen = form.cleaned_data if form.is_valid() else {}
    actions = actions_filtered(
        actions_visible(request.user),
        as_of=as_of,
        organisation=chosen.get("organisation"),
        status=chosen.get("status", ActionStatus.OPEN),
        overdue=chosen.get("overdue", False),
    )
    page = Paginator(actions_for_list(actions), PAGE_SIZE).get_page(request.GET.get("page"))
    overdue_count = actions_visible(request.user).overdue(as_of=as_of).count()
    return render(
        request,
        "web/action_list.html",
        {"form": form, "page": page, "as_of": as_of, "overdue_count": overdue_count},
        status=200 if form.is_valid() else 400,
    )


def _action_get(request: HttpRequest, pk: int) -> ActionItem:
    queryset = actions_for_list(ActionItem.objects.select_related("author"))
    return visible_or_404(request.user, get_object_or_404(queryset, pk=pk))


def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_get(request, pk)
    return render(
        request,
        "web/action_detail.html",
        {
            "action": action,
            "as_of": timezone.localdate(),
            "history": object_history(obj=action),
            "may_change": allowed(request.user, Action.REPORT, action),
            "saved": request.GET.get("saved") == "1",
        },
    )


def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    action = _action_get(request, pk)
    if refused := refused_response(request, Action.REPORT, action):
        return refused
    form = ActionChangeForm(request.POST) if request.method == "POST" else None
    return versioned_edit(
        request,
        form=form or ActionChangeForm.for_action(action),
        model=ActionItem,
        save=lambda valid: action_change(
            action=action,
            expected_version=valid.cleaned_data["version"],
            changes=valid.changes(),
        ),
        template="web/action_form.html",
        context={"action": action},
        success_url=reverse("action-detail", args=[action.pk]) + "?saved=1",
    )


def commitment_action_raise(request: HttpRequest, programme: str, code: str) -> HttpResponse:
    commitment = visible_or_404(request.user, commitment_get(programme_code=programme, code=code))
    if refused := refused_response(request, Action.NOTE, commitment):
        return refused
    form = ActionRaiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = action_raise(**form.cleaned_data, commitments=[commitment], author=request.user)
        return redirect(reverse("action-detail", args=[action.pk]) + "?saved=1")
    return render(
        request,
        "web/action_form.html",
        {"form": form, "commitment": commitment, "action": None, "conflict": None},
        status=400 if form.is_bound else 200,
    )
