"""Measure pages: the list of measures, one measure's analysis, and its numbers as CSV."""

from __future__ import annotations

import csv
import io

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from stocktake.access.policy import Action, allowed, measures_visible
from stocktake.audit.selectors import measure_history
from stocktake.measures.assessments import FIELDS, assessment_run
from stocktake.measures.models import Measure
from stocktake.register.models import Area, AreaLevel
from stocktake.web.charts.png import chart_png
from stocktake.web.measure_pages import MeasureView, measure_list_rows, measure_view
from stocktake.web.views.refusals import refused_response

IMAGE_FORMATS = ("png", "svg")


class MeasureOptionsForm(forms.Form):
    """What the measure page compares and when: read from the query string."""

    as_of = forms.DateField(
        required=False,
        label="Assess as of",
        help_text="A date such as 2026-11-30. Leave empty for today.",
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "Enter the date as year-month-day, for example 2026-11-30."},
    )
    level = forms.ChoiceField(
        required=False, label="Compare areas at", choices=[("", "Most areas"), *AreaLevel.choices]
    )
    area = forms.ChoiceField(required=False, label="Control chart for")

    def __init__(self, *args: object, measure: Measure, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        areas = Area.objects.filter(observations__measure=measure).distinct().order_by("name")
        self.fields["area"].choices = [
            ("", "The headline area"),
            *areas.values_list("code", "name"),
        ]


def measure_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "web/measure_list.html",
        {
            "rows": measure_list_rows(measures=measures_visible(request.user), as_of=today),
            "as_of": today,
        },
    )


def _measure_page(request: HttpRequest, code: str) -> tuple[MeasureOptionsForm, MeasureView]:
    """The measure the user may see, with the page's options read from the query string."""
    measure = get_object_or_404(
        measures_visible(request.user, Measure.objects.prefetch_related("commitments__programme")),
        code=code,
    )
    form = MeasureOptionsForm(request.GET or None, measure=measure)
    options = form.cleaned_data if form.is_bound and form.is_valid() else {}
    view = measure_view(
        measure=measure,
        as_of=options.get("as_of") or timezone.localdate(),
        level=options.get("level") or None,
        area=options.get("area") or None,
    )
    return form, view


def measure_detail(request: HttpRequest, code: str) -> HttpResponse:
    form, view = _measure_page(request, code)
    valid = not form.is_bound or form.is_valid()
    return render(
        request,
        "web/measure_detail.html",
        {
            "view": view,
            "form": form,
            "query": request.GET.urlencode(),
            "history": measure_history(measure=view.measure)
            if allowed(request.user, Action.VIEW_HISTORY, view.measure)
            else None,
        },
        status=200 if valid else 400,
    )


def measure_chart(request: HttpRequest, code: str, key: str, format: str) -> HttpResponse:
    """One chart of the measure page as an image for documents and slides: PNG or SVG."""
    if format not in IMAGE_FORMATS:
        raise Http404(f"Charts come as {' or '.join(IMAGE_FORMATS)}, not {format!r}.")
    _, view = _measure_page(request, code)
    chart = view.charts().get(key)
    if chart is None:
        raise Http404(f"The measure page has no chart {key!r}.")
    if format == "png":
        response = HttpResponse(chart_png(chart), content_type="image/png")
    else:
        response = HttpResponse(str(chart.svg), content_type="image/svg+xml")
    response["Content-Disposition"] = (
        f'attachment; filename="{view.measure.code}-{key}-{view.as_of:%Y-%m-%d}.{format}"'
    )
    return response


def measure_download(request: HttpRequest, code: str) -> HttpResponse:
    """Where every area stands, as CSV: the columns of ``stocktake assess --format csv``."""
    measure = get_object_or_404(measures_visible(request.user), code=code)
    if refused := refused_response(request, Action.EXPORT):
        return refused
    form = MeasureOptionsForm(request.GET or None, measure=measure)
    as_of = (form.cleaned_data.get("as_of") if form.is_valid() else None) or timezone.localdate()
    assessment = assessment_run(measures=Measure.objects.filter(pk=measure.pk), as_of=as_of)
    names = (
        dict(zip(assessment.rows["area"], assessment.rows["area_name"], strict=True))
        if (assessment.rows.height)
        else {}
    )
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*FIELDS, "area_name"], lineterminator="\n")
    writer.writeheader()
    for record in assessment.records():
        writer.writerow({**record, "area_name": names.get(record["area"], "")})
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{measure.code}-assessment-{as_of:%Y-%m-%d}.csv"'
    )
    return response
