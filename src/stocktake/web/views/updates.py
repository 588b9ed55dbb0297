"""The monthly update journey.

A department official sees the updates due from their organisations (``updates_due``), sends
one through the form, the check-your-answers page and the confirmation (``update_start``,
``update_check``, ``update_done``). The central unit sees the period's submissions
(``update_submissions``) and, on a commitment's page for the period (``period_review``), asks
for more (``update_ask``) or records its delivery-confidence judgement (``judgement_add``).
Both see what changed since the last period there."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from stocktake.access.policy import (
    Action,
    allowed,
    commitments_reportable,
    commitments_visible,
    visible_or_404,
)
from stocktake.progress.rounds import (
    movement,
    period_review,
    previous_levels_attach,
    reporting_period,
    requests_open,
    submissions,
    updates_due,
)
from stocktake.progress.selectors import latest_levels_attach
from stocktake.progress.services import judgement_record, update_create, update_request
from stocktake.register.models import Commitment, ScaleLevel
from stocktake.register.selectors import commitment_get
from stocktake.web.update_forms import (
    JudgementForm,
    UpdateDraft,
    UpdateForm,
    UpdateRequestForm,
)
from stocktake.web.views.refusals import refused_response

PAGE_SIZE = 50


def _draft_key(commitment: Commitment) -> str:
    return f"update-draft-{commitment.pk}"


def _period_url(commitment: Commitment, period: dt.date, **query: str) -> str:
    url = reverse(
        "period-review", args=[commitment.programme.code, commitment.code, f"{period:%Y-%m}"]
    )
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def updates_due_list(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_FRONTLINE):
        return refused
    period = reporting_period(timezone.localdate())
    reportable = commitments_reportable(request.user)
    due = updates_due(reportable, period=period)
    page = Paginator(due, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = latest_levels_attach(list(page.object_list))
    return render(
        request,
        "web/updates_due.html",
        {
            "period": period,
            "page": page,
            "requests": list(requests_open(reportable)),
            "submitted": submissions(reportable, period=period).count(),
            "reports": reportable.exists(),
        },
    )


def update_submissions(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.VIEW_FRONTLINE):
        return refused
    period = reporting_period(timezone.localdate())
    sent = submissions(commitments_visible(request.user), period=period)
    page = Paginator(sent, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = previous_levels_attach(list(page.object_list))
    return render(request, "web/update_submissions.html", {"period": period, "page": page})


def _reportable_commitment(request: HttpRequest, programme: str, code: str) -> Commitment:
    return visible_or_404(request.user, commitment_get(programme_code=programme, code=code))


def update_start(request: HttpRequest, programme: str, code: str) -> HttpResponse:
    commitment = _reportable_commitment(request, programme, code)
    if refused := refused_response(request, Action.REPORT, commitment):
        return refused
    period = reporting_period(timezone.localdate())
    if request.method == "POST":
        form = UpdateForm(request.POST, commitment=commitment)
        if form.is_valid():
            request.session[_draft_key(commitment)] = UpdateDraft.from_form(form).as_session()
            return redirect("update-check", programme, code)
    else:
        draft = UpdateDraft.from_session(request.session.get(_draft_key(commitment)))
        form = UpdateForm(draft.as_form_data() if draft else None, commitment=commitment)
    review = period_review(commitment=commitment, period=period)
    return render(
        request,
        "web/update_form.html",
        {"form": form, "commitment": commitment, "period": period, "review": review},
        status=400 if request.method == "POST" else 200,
    )


def update_check(request: HttpRequest, programme: str, code: str) -> HttpResponse:
    commitment = _reportable_commitment(request, programme, code)
    if refused := refused_response(request, Action.REPORT, commitment):
        return refused
    draft = UpdateDraft.from_session(request.session.get(_draft_key(commitment)))
    status = ScaleLevel.objects.filter(
        pk=draft.status_id if draft else None, scale_id=commitment.programme.status_scale_id
    ).first()
    if draft is None or status is None:
        return redirect("update-start", programme, code)
    period = reporting_period(timezone.localdate())
    if request.method == "POST":
        update_create(
            commitment=commitment,
            period=period,
            status=status,
            narrative=draft.narrative,
            evidence=draft.evidence,
            author=request.user,
            submission=draft.submission,
        )
        request.session.pop(_draft_key(commitment), None)
        return redirect("update-done", programme, code)
    review = period_review(commitment=commitment, period=period)
    return render(
        request,
        "web/update_check.html",
        {
            "commitment": commitment,
            "period": period,
            "draft": draft,
            "status": status,
            "status_movement": movement(
                status, review.previous.status if review.previous else None
            ),
            "review": review,
        },
    )


def update_done(request: HttpRequest, programme: str, code: str) -> HttpResponse:
    commitment = _reportable_commitment(request, programme, code)
    if refused := refused_response(request, Action.REPORT, commitment):
        return refused
    period = reporting_period(timezone.localdate())
    review = period_review(commitment=commitment, period=period)
    if review.latest is None:
        return redirect("update-start", programme, code)
    return render(
        request,
        "web/update_done.html",
        {"commitment": commitment, "period": period, "review": review},
    )


def _period(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise Http404("No such period.") from None


def period_review_page(
    request: HttpRequest,
    programme: str,
    code: str,
    period: str,
    *,
    judgement_form: JudgementForm | None = None,
    request_form: UpdateRequestForm | None = None,
    status: int = 200,
) -> HttpResponse:
    commitment = _reportable_commitment(request, programme, code)
    if refused := refused_response(request, Action.VIEW_HISTORY, commitment):
        return refused
    month = _period(period)
    may_rate = allowed(request.user, Action.RATE, commitment)
    return render(
        request,
        "web/period_review.html",
        {
            "commitment": commitment,
            "period": month,
            "review": period_review(commitment=commitment, period=month),
            "may_rate": may_rate,
            "may_report": allowed(request.user, Action.REPORT, commitment),
            "current": month == reporting_period(timezone.localdate()),
            "judgement_form": judgement_form or JudgementForm(commitment=commitment),
            "request_form": request_form or UpdateRequestForm(),
            "done": request.GET.get("done", ""),
        },
        status=status,
    )


def _round_post(
    request: HttpRequest, programme: str, code: str, period: str
) -> tuple[Commitment, dt.date] | HttpResponse:
    """The commitment and month a central unit's form on the round page posts about, or the
    response that refuses it (a sign-in page, 403, 404) or sends a GET back to the page."""
    commitment = _reportable_commitment(request, programme, code)
    if refused := refused_response(request, Action.RATE, commitment):
        return refused
    month = _period(period)
    if request.method != "POST":
        return redirect(_period_url(commitment, month))
    return commitment, month


def judgement_add(request: HttpRequest, programme: str, code: str, period: str) -> HttpResponse:
    found = _round_post(request, programme, code, period)
    if isinstance(found, HttpResponse):
        return found
    commitment, month = found
    form = JudgementForm(request.POST, commitment=commitment)
    if form.is_valid():
        try:
            judgement_record(
                commitment=commitment, period=month, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    form.add_error(field if field in form.fields else None, message)
        else:
            return redirect(_period_url(commitment, month, done="judgement"))
    return period_review_page(request, programme, code, period, judgement_form=form, status=400)


def update_ask(request: HttpRequest, programme: str, code: str, period: str) -> HttpResponse:
    found = _round_post(request, programme, code, period)
    if isinstance(found, HttpResponse):
        return found
    commitment, month = found
    form = UpdateRequestForm(request.POST)
    if form.is_valid():
        update_request(
            commitment=commitment,
            period=month,
            message=form.cleaned_data["message"],
            author=request.user,
        )
        return redirect(_period_url(commitment, month, done="asked"))
    return period_review_page(request, programme, code, period, request_form=form, status=400)
