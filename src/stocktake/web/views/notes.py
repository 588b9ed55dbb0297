"""Frontline notes: adding one from a commitment's page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from stocktake.access.policy import Action, visible_or_404
from stocktake.progress.services import note_add
from stocktake.register.selectors import commitment_get
from stocktake.web.frontline_forms import NoteForm
from stocktake.web.views.refusals import refused_response


def commitment_note_add(request: HttpRequest, programme: str, code: str) -> HttpResponse:
    commitment = visible_or_404(request.user, commitment_get(programme_code=programme, code=code))
    if refused := refused_response(request, Action.NOTE, commitment):
        return refused
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note_add(**form.cleaned_data, commitments=[commitment], author=request.user)
        url = reverse("commitment-detail", args=[programme, code])
        return redirect(f"{url}?added=note#notes")
    status = 400 if form.is_bound else 200
    return render(
        request, "web/note_form.html", {"form": form, "commitment": commitment}, status=status
    )
