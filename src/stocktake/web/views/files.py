"""Files in and out: a programme's export as a download, and the upload page."""

from __future__ import annotations

from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render

from stocktake.access.policy import Action, visible_or_404
from stocktake.register.selectors import programme_get
from stocktake.web.downloads import programme_download_file
from stocktake.web.imports import ImportForm, upload_import
from stocktake.web.views.refusals import refused_response


def programme_download(request: HttpRequest, programme: str, format: str) -> HttpResponse:
    found = visible_or_404(request.user, programme_get(code=programme))
    if refused := refused_response(request, Action.EXPORT, found):
        return refused
    download = programme_download_file(programme_code=programme, format=format)
    return FileResponse(
        download.content, as_attachment=True, filename=download.filename, content_type=download.mime
    )


def import_file(request: HttpRequest) -> HttpResponse:
    if refused := refused_response(request, Action.IMPORT):
        return refused
    form = ImportForm(request.POST or None, request.FILES or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        outcome = upload_import(
            upload=form.cleaned_data["file"],
            kind=form.cleaned_data["kind"],
            programme_code=form.cleaned_data["programme"] or None,
            title=form.cleaned_data["title"] or None,
            create_missing=form.cleaned_data["create_missing"],
            dry_run=form.cleaned_data["dry_run"],
            by=request.user,
        )
    status = (
        400 if (form.is_bound and not form.is_valid()) or (outcome and outcome.problems) else 200
    )
    return render(request, "web/import.html", {"form": form, "outcome": outcome}, status=status)
