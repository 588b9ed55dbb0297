"""The one way the routines' form pages work: show the form; on a valid post, save through a
service and go where it says; a service's refusal comes back onto the form's fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from stocktake.routines.forms import errors_apply


def form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    save: Callable[[dict[str, Any]], str],
    title: str,
    caption: str,
    back: str,
    submit: str,
    intro: str = "",
) -> HttpResponse:
    """``save`` takes the cleaned data, writes, and returns the address to go to next."""
    if request.method == "POST" and form.is_valid():
        try:
            return redirect(save(form.cleaned_data))
        except ValidationError as error:
            errors_apply(form, error)
    return render(
        request,
        "routines/form.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "back": back,
            "submit": submit,
            "intro": intro,
        },
    )
