"""A stale form, shown: the record as someone else saved it beside what this user submitted,
field by field, so neither version is lost. From ``stocktake.editing.EditConflictError``;
``versioned_edit`` is the flow every edit page follows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render

from stocktake.editing import EditConflictError
from stocktake.web.presenters import govuk_date


@dataclass(frozen=True)
class ConflictRow:
    label: str
    theirs: str
    yours: str

    @property
    def differs(self) -> bool:
        return self.theirs != self.yours


@dataclass(frozen=True)
class Conflict:
    message: str
    rows: tuple[ConflictRow, ...]
    deleted: bool


def _shown(field: models.Field, value: Any) -> str:
    """A stored or submitted value in words: a related record by name, a choice by its label."""
    if value in (None, ""):
        return "(empty)"
    if isinstance(value, models.Model):
        return str(value)
    if field.is_relation:
        found = field.related_model._base_manager.filter(pk=value).first()
        return str(found) if found is not None else "(deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, dt.date):
        return govuk_date(value)
    return str(value)


def conflict_present(
    error: EditConflictError, *, model: type[models.Model], form: forms.Form
) -> Conflict:
    """Rows of field label, the stored value (theirs) and the submitted one (yours), in the
    form's order, for every field the form changes."""
    rows = []
    for name, value in error.submitted.items():
        field = model._meta.get_field(name)
        label = str(form.fields[name].label) if name in form.fields else str(field.verbose_name)
        theirs = _shown(field, error.current.get(name)) if not error.deleted else "(deleted)"
        rows.append(ConflictRow(label=label, theirs=theirs, yours=_shown(field, value)))
    return Conflict(message=str(error), rows=tuple(rows), deleted=error.deleted)


def form_at_current_version(form: forms.Form, error: EditConflictError) -> forms.Form:
    """The same form, keeping what the user typed, but at the version now stored: submitting
    it again deliberately saves theirs over the other change."""
    data: QueryDict = form.data.copy()
    if error.current_version is not None:
        data["version"] = str(error.current_version)
    return type(form)(data, **getattr(form, "init_kwargs", {}))


def versioned_edit(
    request: HttpRequest,
    *,
    form: forms.Form,
    model: type[models.Model],
    save: Callable[[forms.Form], object],
    template: str,
    context: dict[str, Any],
    success_url: str,
) -> HttpResponse:
    """The edit pages' one flow: save a valid form through ``save`` (a service that refuses a
    stale version with ``EditConflictError``); on a conflict show both versions, keep what the
    user typed and save nothing (409); on errors show them (400)."""
    conflict = None
    if form.is_bound and form.is_valid():
        try:
            save(form)
        except EditConflictError as error:
            conflict = conflict_present(error, model=model, form=form)
            form = form_at_current_version(form, error)
        else:
            return redirect(success_url)
    status = 409 if conflict else (400 if form.is_bound and form.errors else 200)
    return render(request, template, {**context, "form": form, "conflict": conflict}, status=status)
