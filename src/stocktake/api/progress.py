"""Progress through the API: a commitment's updates, read and added (never changed)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from stocktake.access.policy import Action
from stocktake.api.auth import via_api
from stocktake.api.common import require
from stocktake.api.paging import Page, responses
from stocktake.api.register import PathId, commitment_found
from stocktake.api.schemas import UpdateIn, UpdateOut
from stocktake.progress.models import Update
from stocktake.progress.services import update_create
from stocktake.register.models import ScaleLevel

updates = Router(tags=["updates"])


@updates.get(
    "/{id}/updates/", response=responses(list[UpdateOut]), summary="A commitment's updates"
)
@paginate(Page)
def update_list(request: HttpRequest, id: PathId) -> Any:
    """Oldest first; a correction is a later update for the same period."""
    commitment = commitment_found(request, id)
    return (
        Update.objects.filter(commitment=commitment)
        .select_related("status", "confidence", "author", "commitment")
        .order_by("period", "created_at", "pk")
    )


def _level(scale_id: int, code: str | None, field: str) -> ScaleLevel | None:
    if code is None:
        return None
    level = ScaleLevel.objects.filter(scale_id=scale_id, code=code).first()
    if level is None:
        choices = ", ".join(
            ScaleLevel.objects.filter(scale_id=scale_id).values_list("code", flat=True)
        )
        raise ValidationError({field: f"“{code}” is not on the programme's scale: {choices}."})
    return level


@updates.post(
    "/{id}/updates/",
    response=responses(UpdateOut, status=201),
    summary="Add an update to a commitment",
)
def update_add(request: HttpRequest, id: PathId, body: UpdateIn) -> Any:
    """Updates are append-only: to correct one, add a newer update for the same period. Send a
    ``submission`` id to make a retry safe: the same id stores the update once."""
    commitment = commitment_found(request, id)
    require(request, Action.REPORT, commitment)
    if body.confidence is not None:
        require(request, Action.RATE, commitment)
    programme = commitment.programme
    status = _level(programme.status_scale_id, body.status, "status")
    confidence = _level(programme.confidence_scale_id, body.confidence, "confidence")
    with via_api(request):
        update = update_create(
            commitment=commitment,
            period=body.period,
            status=status,
            confidence=confidence,
            narrative=body.narrative,
            evidence=[link.model_dump() for link in body.evidence],
            author=request.auth,
            submission=body.submission,
        )
    return Status(201, update)
