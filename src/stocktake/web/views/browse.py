"""Browse: every part of Stocktake beyond the daily work in the navigation, on one page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def browse(request: HttpRequest) -> HttpResponse:
    return render(request, "web/browse.html")
