"""The register through the API: organisations, areas, programmes, commitments, milestones."""

from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from stocktake.access.policy import (
    Action,
    commitments_visible,
    programmes_visible,
)
from stocktake.api.auth import via_api
from stocktake.api.common import (
    by_code,
    changes_of,
    found_or_404,
    narrowed,
    require,
    searched,
)
from stocktake.api.paging import Page, responses
from stocktake.api.schemas import (
    MAX_ID,
    NO_NUL,
    AreaOut,
    CommitmentOut,
    CommitmentPatch,
    MilestoneIn,
    MilestoneOut,
    MilestonePatch,
    OrganisationOut,
    ProgrammeOut,
    ProgrammePatch,
)
from stocktake.progress.selectors import latest_update
from stocktake.register.models import Area, Commitment, Milestone, Organisation, Programme
from stocktake.register.selectors import owners_prefetch
from stocktake.register.services import (
    commitment_update,
    milestone_create,
    milestone_update,
    programme_update,
)
from stocktake.web.filters import NO, YES, CommitmentFilters

PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
Filter = Annotated[str | None, Field(None, max_length=200, pattern=NO_NUL)]

organisations = Router(tags=["organisations"])
areas = Router(tags=["areas"])
programmes = Router(tags=["programmes"])
commitments = Router(tags=["commitments"])
milestones = Router(tags=["milestones"])


# Reference data: open to everyone, as on the web.


class OrganisationQuery(Schema):
    code: Filter = None
    kind: Filter = None
    parent: Filter = Field(None, description="The parent organisation's code.")
    search: Filter = Field(None, description="Words in the name or code.")


class AreaQuery(Schema):
    code: Filter = None
    level: Filter = Field(None, description="nation, region, county, local_authority or ward")
    parent: Filter = Field(None, description="The parent area's code.")
    search: Filter = Field(None, description="Words in the name or code.")


def _reference(model: type[Organisation | Area], filters: Any, category: str) -> QuerySet:
    found = model.objects.select_related("parent").order_by("name", "pk")
    found = narrowed(found, filters, {"code": "code", category: category, "parent": "parent__code"})
    return searched(found, filters.search, "name", "code")


@organisations.get("/", response=responses(list[OrganisationOut]), summary="Organisations")
@paginate(Page)
def organisation_list(request: HttpRequest, filters: Query[OrganisationQuery]) -> Any:
    return _reference(Organisation, filters, "kind")


@organisations.get("/{id}/", response=responses(OrganisationOut), summary="One organisation")
def organisation_detail(request: HttpRequest, id: PathId) -> Any:
    return found_or_404(request, Organisation.objects.select_related("parent"), id, "organisation")


@areas.get("/", response=responses(list[AreaOut]), summary="Areas")
@paginate(Page)
def area_list(request: HttpRequest, filters: Query[AreaQuery]) -> Any:
    return _reference(Area, filters, "level")


@areas.get("/{id}/", response=responses(AreaOut), summary="One area")
def area_detail(request: HttpRequest, id: PathId) -> Any:
    return found_or_404(request, Area.objects.select_related("parent"), id, "area")


# Programmes.


def _programmes() -> QuerySet[Programme]:
    return Programme.objects.select_related(
        "organisation", "area", "status_scale", "confidence_scale"
    )


class ProgrammeQuery(Schema):
    published: bool | None = None
    search: Filter = Field(None, description="Words in the title or code.")


@programmes.get("/", response=responses(list[ProgrammeOut]), summary="Programmes")
@paginate(Page)
def programme_list(request: HttpRequest, filters: Query[ProgrammeQuery]) -> Any:
    found = programmes_visible(request.auth, _programmes()).order_by("title", "pk")
    found = narrowed(found, filters, {"published": "published"})
    return searched(found, filters.search, "title", "code")


@programmes.get("/{id}/", response=responses(ProgrammeOut), summary="One programme")
def programme_detail(request: HttpRequest, id: PathId) -> Any:
    return found_or_404(request, _programmes(), id, "programme")


@programmes.patch(
    "/{id}/",
    response=responses(ProgrammeOut, conflict=True),
    summary="Change a programme (central unit)",
)
def programme_change(request: HttpRequest, id: PathId, body: ProgrammePatch) -> Any:
    """Send the ``version`` you read with the fields to change (such as ``published``). If
    someone changed the programme since, nothing is saved and the answer is 409 with both."""
    programme = found_or_404(request, _programmes(), id, "programme")
    require(request, Action.CHANGE, programme)
    changes = changes_of(body)
    for field, model, noun in (
        ("organisation", Organisation, "organisation"),
        ("area", Area, "area"),
    ):
        if changes.get(field) is not None:
            changes[field] = by_code(model, changes[field], field, noun)
    with via_api(request):
        programme_update(programme=programme, expected_version=body.version, changes=changes)
    return _programmes().get(pk=id)


# Commitments.


class CommitmentQuery(Schema):
    programme: Filter = Field(None, description="The programme's code.")
    organisation: Filter = Field(None, description="A lead or supporting organisation's code.")
    status: Filter = Field(
        None, description="The latest status's code (e.g. on-track), or 'none' for not yet rated."
    )
    published: bool | None = None
    search: Filter = Field(None, description="Words in the title or text, or the code.")


def _with_everything(queryset: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return queryset.select_related("programme").prefetch_related(*owners_prefetch(), "themes")


def _with_latest(queryset: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return queryset.annotate(
        latest_status_code=latest_update("status__code"),
        latest_confidence_code=latest_update("confidence__code", rated_only=True),
    )


@commitments.get("/", response=responses(list[CommitmentOut]), summary="Commitments")
@paginate(Page)
def commitment_list(request: HttpRequest, filters: Query[CommitmentQuery]) -> Any:
    """Filtered as the commitment list on the web is; in programme and code order."""
    values = {
        "programme": filters.programme or "",
        "organisation": filters.organisation or "",
        "status": filters.status or "",
        "published": "" if filters.published is None else YES if filters.published else NO,
        "q": filters.search or "",
    }
    chosen = CommitmentFilters(values=values, as_of=timezone.localdate(), user=request.auth)
    return _with_everything(_with_latest(chosen.commitments())).order_by(
        "programme__title", "code", "pk"
    )


def commitment_found(request: HttpRequest, pk: int) -> Commitment:
    return found_or_404(
        request,
        _with_everything(_with_latest(commitments_visible(request.auth))).annotate(
            latest_period=latest_update("period")
        ),
        pk,
        "commitment",
    )


@commitments.get("/{id}/", response=responses(CommitmentOut), summary="One commitment")
def commitment_detail(request: HttpRequest, id: PathId) -> Any:
    return commitment_found(request, id)


@commitments.patch(
    "/{id}/",
    response=responses(CommitmentOut, conflict=True),
    summary="Change a commitment (central unit)",
)
def commitment_change(request: HttpRequest, id: PathId, body: CommitmentPatch) -> Any:
    """Send the ``version`` you read with the fields to change. If someone changed the
    commitment since, nothing is saved and the answer is 409 with both versions."""
    commitment = commitment_found(request, id)
    require(request, Action.CHANGE, commitment)
    changes = changes_of(body)
    if changes.get("parent") is not None:
        parent = commitments_visible(request.auth).filter(pk=changes["parent"]).first()
        if parent is None:
            raise ValidationError(
                {"parent": f"There is no commitment with id {changes['parent']}."}
            )
        changes["parent"] = parent
    with via_api(request):
        commitment_update(commitment=commitment, expected_version=body.version, changes=changes)
    return commitment_found(request, id)


# Milestones.


class MilestoneQuery(Schema):
    commitment: Annotated[int | None, Field(None, ge=1, le=MAX_ID)] = None
    programme: Filter = Field(None, description="The programme's code.")
    open: bool | None = Field(None, description="true: not yet completed; false: completed.")


def _milestones(request: HttpRequest) -> QuerySet[Milestone]:
    return Milestone.objects.filter(
        commitment__in=commitments_visible(request.auth).values("pk")
    ).order_by("commitment__programme__title", "commitment__code", "current_due_date", "code")


@milestones.get("/", response=responses(list[MilestoneOut]), summary="Milestones")
@paginate(Page)
def milestone_list(request: HttpRequest, filters: Query[MilestoneQuery]) -> Any:
    return narrowed(
        _milestones(request),
        filters,
        {
            "commitment": "commitment_id",
            "programme": "commitment__programme__code",
            "open": "completed_on__isnull",
        },
    )


@milestones.get("/{id}/", response=responses(MilestoneOut), summary="One milestone")
def milestone_detail(request: HttpRequest, id: PathId) -> Any:
    return found_or_404(request, _milestones(request), id, "milestone")


@milestones.post(
    "/", response=responses(MilestoneOut, status=201), summary="Add a milestone to a commitment"
)
def milestone_add(request: HttpRequest, body: MilestoneIn) -> Any:
    commitment = commitments_visible(request.auth).filter(pk=body.commitment).first()
    if commitment is None:
        raise ValidationError({"commitment": f"There is no commitment with id {body.commitment}."})
    require(request, Action.REPORT, commitment)
    with via_api(request):
        milestone = milestone_create(
            commitment=commitment,
            code=body.code,
            title=body.title,
            baseline_due_date=body.baseline_due_date,
            current_due_date=body.current_due_date,
            completed_on=body.completed_on,
        )
    return Status(201, milestone)


@milestones.patch(
    "/{id}/", response=responses(MilestoneOut, conflict=True), summary="Change a milestone"
)
def milestone_change(request: HttpRequest, id: PathId, body: MilestonePatch) -> Any:
    """Send the ``version`` you read with the fields to change (a new current due date, the
    date it was completed). If someone changed it since, nothing is saved: 409 with both."""
    milestone = found_or_404(request, _milestones(request), id, "milestone")
    require(request, Action.REPORT, milestone)
    changes = changes_of(body)
    with via_api(request):
        milestone_update(milestone=milestone, expected_version=body.version, changes=changes)
    milestone.refresh_from_db()
    return milestone
