"""Measures and their values through the API; values are added or replaced in bulk."""

import datetime as dt
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from stocktake.access.policy import Action, allowed, measures_visible
from stocktake.api.auth import via_api
from stocktake.api.common import changes_of, found_or_404, narrowed, require
from stocktake.api.paging import Page, responses
from stocktake.api.register import Filter, PathId
from stocktake.api.schemas import (
    MAX_ID,
    MeasureOut,
    MeasurePatch,
    ObservationOut,
    ObservationsIn,
    UpsertOut,
)
from stocktake.measures.models import Measure, Observation
from stocktake.measures.services import (
    ObservationsRefusedError,
    measure_update,
    observations_problems,
    observations_upsert,
)
from stocktake.register.models import Area

measures = Router(tags=["measures"])
observations = Router(tags=["observations"])


class MeasureQuery(Schema):
    code: Filter = None
    commitment: Annotated[int | None, Field(None, ge=1, le=MAX_ID)] = None
    programme: Filter = Field(None, description="Measures of this programme's commitments.")


def _measures(request: HttpRequest) -> QuerySet[Measure]:
    return measures_visible(request.auth).prefetch_related("commitments").order_by("name", "pk")


@measures.get("/", response=responses(list[MeasureOut]), summary="Measures")
@paginate(Page)
def measure_list(request: HttpRequest, filters: Query[MeasureQuery]) -> Any:
    found = narrowed(_measures(request), filters, {"code": "code", "commitment": "commitments__pk"})
    if filters.programme:
        found = found.filter(commitments__programme__code=filters.programme).distinct()
    return found


@measures.get("/{id}/", response=responses(MeasureOut), summary="One measure")
def measure_detail(request: HttpRequest, id: PathId) -> Any:
    return found_or_404(request, _measures(request), id, "measure")


@measures.patch(
    "/{id}/",
    response=responses(MeasureOut, conflict=True),
    summary="Change a measure (central unit)",
)
def measure_change(request: HttpRequest, id: PathId, body: MeasurePatch) -> Any:
    """Send the ``version`` you read with the fields to change. If someone changed the measure
    since, nothing is saved and the answer is 409 with both versions."""
    measure = found_or_404(request, _measures(request), id, "measure")
    require(request, Action.CHANGE, measure)
    with via_api(request):
        measure_update(measure=measure, expected_version=body.version, changes=changes_of(body))
    return _measures(request).get(pk=id)


class ObservationQuery(Schema):
    measure: Filter = Field(None, description="The measure's code.")
    area: Filter = Field(None, description="The area's official code.")
    period_from: dt.date | None = Field(None, description="Periods from this date on.")
    period_to: dt.date | None = Field(None, description="Periods up to this date.")
    provisional: bool | None = None


@observations.get("/", response=responses(list[ObservationOut]), summary="Observed values")
@paginate(Page)
def observation_list(request: HttpRequest, filters: Query[ObservationQuery]) -> Any:
    found = Observation.objects.filter(
        measure__in=measures_visible(request.auth).values("pk")
    ).select_related("measure", "area")
    found = narrowed(
        found,
        filters,
        {
            "measure": "measure__code",
            "area": "area__code",
            "period_from": "period__gte",
            "period_to": "period__lte",
            "provisional": "provisional",
        },
    )
    return found.order_by("measure__code", "area__code", "period", "pk")


@observations.post(
    "/", response=responses(UpsertOut), summary="Add or replace values, all or nothing"
)
def observation_upsert(request: HttpRequest, body: ObservationsIn) -> Any:
    """Each item adds a value, or replaces the stored one for the same measure, area and
    period. If any item will not do, nothing is saved and each problem is named by its item's
    position and field (``["body", "items", 3, "period"]``)."""
    if not request.auth.is_authenticated:
        require(request, Action.REPORT)
    visible = {
        m.code: m
        for m in measures_visible(request.auth).filter(
            code__in={item.measure for item in body.items}
        )
    }
    found_areas = {a.code: a for a in Area.objects.filter(code__in={i.area for i in body.items})}
    problems, forbidden, reportable, values = [], [], {}, []
    for index, item in enumerate(body.items):
        measure, area = visible.get(item.measure), found_areas.get(item.area)
        if measure is None:
            problems.append((index, "measure", f"There is no measure “{item.measure}”."))
        elif not reportable.setdefault(measure.code, allowed(request.auth, Action.REPORT, measure)):
            forbidden.append(f"item {index} ({measure.code})")
        if area is None:
            problems.append((index, "area", f"There is no area with the code “{item.area}”."))
        if measure is not None and area is not None:
            values.append(
                (
                    index,
                    Observation(
                        measure=measure, area=area, **item.dict(exclude={"measure", "area"})
                    ),
                )
            )
    if forbidden:
        raise PermissionDenied(
            "You may report values only for measures of commitments your organisation leads or "
            f"supports; nothing was saved. Not yours: {', '.join(forbidden[:20])}."
        )
    problems = sorted(problems + observations_problems(values))
    if problems:
        raise ObservationsRefusedError(problems)
    with via_api(request):
        added, replaced = observations_upsert(observations=[value for _, value in values])
    return {"added": added, "replaced": replaced}
