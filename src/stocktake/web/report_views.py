"""Reports as downloads: a programme's progress and delivery reports, and the delivery summary
of an organisation or a person. Built from the commitments the reader may see; the policy's
export permission decides who may download (visitors are asked to sign in)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone

from stocktake.access.policy import Action, commitments_visible, visible_or_404
from stocktake.register.selectors import organisation_get, person_get, programme_get
from stocktake.reports.service import ReportFile, report_build, report_render
from stocktake.reports.writers import FORMATS
from stocktake.web.views.refusals import refused_response

PROGRAMME_REPORTS = ("progress", "delivery")


def file_response(rendered: ReportFile) -> HttpResponse:
    """HTML opens in the browser as a page of its own; the other formats download."""
    disposition = "inline" if rendered.filename.endswith(".html") else "attachment"
    return HttpResponse(
        rendered.content,
        content_type=rendered.mime,
        headers={"Content-Disposition": f'{disposition}; filename="{rendered.filename}"'},
    )


def programme_report_download(
    request: HttpRequest, programme: str, kind: str, format: str
) -> HttpResponse:
    if kind not in PROGRAMME_REPORTS or format not in FORMATS:
        raise Http404("No such report.")
    found = visible_or_404(request.user, programme_get(code=programme))
    if refused := refused_response(request, Action.EXPORT, found):
        return refused
    report = report_build(
        kind=kind,
        programme_code=found.code,
        as_of=timezone.localdate(),
        commitments=commitments_visible(request.user),
    )
    return file_response(report_render(report=report, format=format))


def organisation_summary_download(request: HttpRequest, code: str, format: str) -> HttpResponse:
    organisation = organisation_get(code=code)
    return _summary_response(request, format, organisation_code=organisation.code)


def person_summary_download(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    person = person_get(pk=pk)
    return _summary_response(request, format, person_id=person.pk)


def _summary_response(request: HttpRequest, format: str, **owner: str | int) -> HttpResponse:
    if format not in FORMATS:
        raise Http404("No such format.")
    if refused := refused_response(request, Action.EXPORT):
        return refused
    report = report_build(
        kind="summary",
        as_of=timezone.localdate(),
        commitments=commitments_visible(request.user),
        **owner,
    )
    return file_response(report_render(report=report, format=format))
