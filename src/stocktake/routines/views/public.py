"""The public tracker in the app: open to everyone, signed in or not, and showing only what the
policy makes public whoever asks (a signed-in user sees the same as a visitor here)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control

from stocktake.routines.public import public_csv, public_json, public_tracker
from stocktake.routines.publishing import (
    DATA_FILES,
    public_index_render,
    public_programme_render,
    web_links,
)

DATA_MIME = {"csv": "text/csv; charset=utf-8", "json": "application/json"}

# The tracker is the same for everyone who asks, and moves with monthly updates: a proxy or a
# browser may keep it for five minutes, so that a crowd reading it costs the server little.
public_cache = cache_control(public=True, max_age=300)


@public_cache
def public_index(_request: HttpRequest) -> HttpResponse:
    tracker = public_tracker(as_of=timezone.localdate())
    return HttpResponse(public_index_render(tracker, web_links()))


@public_cache
def public_programme(_request: HttpRequest, code: str) -> HttpResponse:
    tracker = public_tracker(as_of=timezone.localdate(), programme_code=code)
    if tracker.programme(code) is None:
        raise Http404("No such programme in the public tracker.")
    return HttpResponse(public_programme_render(tracker, code, web_links()))


@public_cache
def public_data(_request: HttpRequest, format: str) -> HttpResponse:
    if format not in DATA_FILES:
        raise Http404("No such format.")
    tracker = public_tracker(as_of=timezone.localdate())
    content = public_csv(tracker) if format == "csv" else public_json(tracker)
    return HttpResponse(
        content,
        content_type=DATA_MIME[format],
        headers={"Content-Disposition": f'attachment; filename="{DATA_FILES[format]}"'},
    )
