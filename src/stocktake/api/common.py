"""What every endpoint does the same way: ask the policy, and find records or refuse."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest
from ninja.errors import AuthenticationError

from stocktake.access.policy import Action, allowed, visible_or_404

ModelT = TypeVar("ModelT", bound=Model)

REFUSALS = {
    Action.CHANGE: "Only the central unit may change this.",
    Action.REPORT: "You may report only on commitments your organisation leads or supports.",
    Action.RATE: "Only the central unit may record a delivery-confidence judgement.",
}


def found_or_404(request: HttpRequest, queryset: QuerySet[ModelT], pk: int, noun: str) -> ModelT:
    """The record ``pk`` if it exists and the caller may see it; otherwise 404 either way."""
    record = queryset.filter(pk=pk).first()
    if record is None:
        raise Http404(f"There is no {noun} with id {pk} that you may see.")
    try:
        return visible_or_404(request.auth, record)
    except Http404:
        raise Http404(f"There is no {noun} with id {pk} that you may see.") from None


def require(request: HttpRequest, action: Action, obj: Model | None = None) -> None:
    """Refuse (403) unless the policy allows ``action``; anonymous callers are told to sign in."""
    if allowed(request.auth, action, obj):
        return
    if not request.auth.is_authenticated:
        raise AuthenticationError(
            message="Send an API token (Authorization: Bearer <token>) to write; see /api/docs."
        )
    raise PermissionDenied(REFUSALS.get(action, "You may not do this."))


def narrowed(queryset: QuerySet[ModelT], filters: Any, lookups: dict[str, str]) -> QuerySet[ModelT]:
    """``queryset`` narrowed by each filter given: ``lookups`` maps a filter's name to the field
    lookup it sets (``{"area": "area__code"}``); a filter left out narrows nothing."""
    for name, lookup in lookups.items():
        value = getattr(filters, name)
        if value is not None and value != "":
            queryset = queryset.filter(**{lookup: value})
    return queryset


def searched(queryset: QuerySet[ModelT], search: str | None, *fields: str) -> QuerySet[ModelT]:
    """Records with every word of ``search`` in one of ``fields``."""
    for word in (search or "").split():
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def changes_of(body: Any) -> dict[str, Any]:
    """The fields a PATCH body sent, but its ``version``."""
    return {name: getattr(body, name) for name in body.model_fields_set - {"version"}}


def by_code(model: type[ModelT], code: str | None, field: str, noun: str) -> ModelT | None:
    """The record with ``code``, None for None; a clear error at ``field`` when there is none."""
    if code is None:
        return None
    found = model.objects.filter(code=code).first()
    if found is None:
        raise ValidationError({field: f"There is no {noun} with the code “{code}”."})
    return found
