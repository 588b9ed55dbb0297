"""Frontline notes and actions through the API, for signed-in callers as on the web."""

import datetime as dt
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.access.policy import Action, actions_visible, commitments_visible, notes_visible
from stocktake.api.auth import via_api
from stocktake.api.common import by_code, changes_of, found_or_404, narrowed, require
from stocktake.api.paging import Page, responses
from stocktake.api.register import Filter, PathId
from stocktake.api.schemas import MAX_ID, ActionIn, ActionOut, ActionPatch, NoteIn, NoteOut
from stocktake.progress.models import Action as ActionItem
from stocktake.progress.services import action_change, action_raise, note_add
from stocktake.register.models import Area, Commitment, Organisation, Person

notes = Router(tags=["notes"])
actions = Router(tags=["actions"])

CommitmentId = Annotated[int | None, Field(None, ge=1, le=MAX_ID)]


def _commitments_for(request: HttpRequest, ids: list[int]) -> list[Commitment]:
    """The commitments a note or action is about: each one seen, and open to the caller's
    notes and actions (as the commitment page's buttons are)."""
    found = {c.pk: c for c in commitments_visible(request.auth).filter(pk__in=ids)}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise ValidationError(
            {"commitments": f"There is no commitment with id {', '.join(map(str, missing))}."}
        )
    for commitment in found.values():
        require(request, Action.NOTE, commitment)
    return list(found.values())


def _person(pk: int | None) -> Person | None:
    if pk is None:
        return None
    found = Person.objects.filter(pk=pk).first()
    if found is None:
        raise ValidationError({"owner_person": f"There is no person with id {pk}."})
    return found


# Notes.


class NoteQuery(Schema):
    commitment: CommitmentId = None
    area: Filter = Field(None, description="The area's official code.")
    source: Filter = None
    noted_from: dt.date | None = None
    noted_to: dt.date | None = None


@notes.get("/", response=responses(list[NoteOut]), summary="Frontline notes")
@paginate(Page)
def note_list(request: HttpRequest, filters: Query[NoteQuery]) -> Any:
    """Newest first. Signed-in callers only see notes; the public sees none."""
    found = notes_visible(request.auth).select_related("area", "author")
    found = narrowed(
        found,
        filters,
        {
            "commitment": "commitments__pk",
            "area": "area__code",
            "source": "source",
            "noted_from": "noted_on__gte",
            "noted_to": "noted_on__lte",
        },
    )
    return found.prefetch_related("commitments").order_by("-noted_on", "-created_at", "-pk")


@notes.post("/", response=responses(NoteOut, status=201), summary="Add a frontline note")
def note_create(request: HttpRequest, body: NoteIn) -> Any:
    require(request, Action.VIEW_FRONTLINE)
    commitments = _commitments_for(request, body.commitments)
    area = by_code(Area, body.area, "area", "area")
    with via_api(request):
        note = note_add(
            source=body.source,
            noted_on=body.noted_on,
            text=body.text,
            commitments=commitments,
            area=area,
            author=request.auth,
        )
    return Status(201, note)


# Actions.


class ActionQuery(Schema):
    status: Filter = Field(None, description="open, done or dropped")
    commitment: CommitmentId = None
    organisation: Filter = Field(None, description="The owning organisation's code.")
    overdue: bool | None = Field(None, description="true: open and past the due date.")


def _actions(request: HttpRequest) -> QuerySet[ActionItem]:
    return (
        actions_visible(request.auth)
        .select_related("owner_organisation", "author")
        .prefetch_related("commitments")
        .order_by("due_date", "pk")
    )


@actions.get("/", response=responses(list[ActionOut]), summary="Actions")
@paginate(Page)
def action_list(request: HttpRequest, filters: Query[ActionQuery]) -> Any:
    """Soonest due first. Signed-in callers only see actions; the public sees none."""
    found = narrowed(
        _actions(request),
        filters,
        {
            "status": "status",
            "commitment": "commitments__pk",
            "organisation": "owner_organisation__code",
        },
    )
    if filters.overdue is not None:
        overdue = ActionItem.objects.overdue(as_of=timezone.localdate()).values("pk")
        found = found.filter(pk__in=overdue) if filters.overdue else found.exclude(pk__in=overdue)
    return found


@actions.get("/{id}/", response=responses(ActionOut), summary="One action")
def action_detail(request: HttpRequest, id: PathId) -> Any:
    return found_or_404(request, _actions(request), id, "action")


@actions.post("/", response=responses(ActionOut, status=201), summary="Raise an action")
def action_create(request: HttpRequest, body: ActionIn) -> Any:
    require(request, Action.VIEW_FRONTLINE)
    commitments = _commitments_for(request, body.commitments)
    with via_api(request):
        action = action_raise(
            title=body.title,
            description=body.description,
            due_date=body.due_date,
            commitments=commitments,
            owner_person=_person(body.owner_person),
            owner_organisation=by_code(
                Organisation, body.owner_organisation, "owner_organisation", "organisation"
            ),
            author=request.auth,
        )
    return Status(201, _actions(request).get(pk=action.pk))


@actions.patch("/{id}/", response=responses(ActionOut, conflict=True), summary="Change an action")
def action_update(request: HttpRequest, id: PathId, body: ActionPatch) -> Any:
    """Send the ``version`` you read with the fields to change (its status, due date, owner).
    If someone changed it since, nothing is saved and the answer is 409 with both versions."""
    action = found_or_404(request, _actions(request), id, "action")
    require(request, Action.REPORT, action)
    changes = changes_of(body)
    if "owner_person" in changes:
        changes["owner_person"] = _person(changes["owner_person"])
    if "owner_organisation" in changes:
        changes["owner_organisation"] = by_code(
            Organisation, changes["owner_organisation"], "owner_organisation", "organisation"
        )
    with via_api(request):
        action_change(action=action, expected_version=body.version, changes=changes)
    return _actions(request).get(pk=id)
