"""Reads about the register."""

from __future__ import annotations

from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from stocktake.register.models import (
    Area,
    AreaLevel,
    Commitment,
    CommitmentOrganisation,
    CommitmentPerson,
    Organisation,
    OwnershipRole,
    Person,
    Programme,
    Taskforce,
)


def owners_prefetch() -> tuple[Prefetch, Prefetch]:
    """A commitment's organisations and people with their roles, leads first, by name."""
    return (
        Prefetch(
            "ownerships",
            queryset=CommitmentOrganisation.objects.select_related("organisation").order_by(
                "role", "organisation__name"
            ),
        ),
        Prefetch(
            "owners",
            queryset=CommitmentPerson.objects.select_related("person").order_by(
                "role", "person__name"
            ),
        ),
    )


def commitment_get(*, programme_code: str, code: str) -> Commitment:
    """One commitment with everything its page shows, or a 404."""
    queryset = Commitment.objects.select_related("programme", "parent").prefetch_related(
        *owners_prefetch(),
        "themes",
        "taskforces",
        "milestones",
        "children",
    )
    return get_object_or_404(queryset, programme__code=programme_code, code=code)


def commitments_for_list(queryset: QuerySet[Commitment]) -> QuerySet[Commitment]:
    """What a list of commitments shows beside each one: programme and lead organisations."""
    return queryset.select_related("programme").prefetch_related(
        Prefetch(
            "ownerships",
            queryset=CommitmentOrganisation.objects.filter(role=OwnershipRole.LEAD)
            .select_related("organisation")
            .order_by("organisation__code"),
            to_attr="lead_ownerships",
        )
    )


def commitments_joint(queryset: QuerySet[Commitment]) -> QuerySet[Commitment]:
    """The joint commitments: more than one lead organisation or more than one lead person."""
    lead_organisations = Count(
        "ownerships", filter=Q(ownerships__role=OwnershipRole.LEAD), distinct=True
    )
    lead_people = Count("owners", filter=Q(owners__role=OwnershipRole.LEAD), distinct=True)
    return queryset.alias(lead_organisations=lead_organisations, lead_people=lead_people).filter(
        Q(lead_organisations__gt=1) | Q(lead_people__gt=1)
    )


def organisation_get(*, code: str) -> Organisation:
    return get_object_or_404(Organisation.objects.select_related("parent"), code=code)


def person_get(*, pk: int) -> Person:
    return get_object_or_404(Person.objects.select_related("organisation"), pk=pk)


def taskforce_get(*, code: str) -> Taskforce:
    return get_object_or_404(
        Taskforce.objects.select_related("chair").prefetch_related("organisations", "people"),
        code=code,
    )


def programme_get(*, code: str) -> Programme:
    return get_object_or_404(
        Programme.objects.select_related(
            "organisation", "area", "status_scale", "confidence_scale"
        ),
        code=code,
    )


def area_get(*, code: str) -> Area:
    return get_object_or_404(Area.objects.select_related("parent"), code=code)


def area_within(*, area: Area) -> list[int]:
    """The ids of ``area`` and every area inside it, in one query."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Area.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    within, todo = [], [area.pk]
    while todo:
        pk = todo.pop()
        within.append(pk)
        todo.extend(children.get(pk, []))
    return within


def _owned(role_path: str) -> dict[str, Count]:
    """Counts of the commitments someone leads and supports, through ``role_path``."""
    return {
        "lead_count": Count(
            role_path, filter=Q(**{f"{role_path}__role": OwnershipRole.LEAD}), distinct=True
        ),
        "supporting_count": Count(
            role_path, filter=Q(**{f"{role_path}__role": OwnershipRole.SUPPORTING}), distinct=True
        ),
    }


def organisations_for_index() -> QuerySet[Organisation]:
    """Every organisation with how many commitments it leads and supports. One query."""
    return Organisation.objects.select_related("parent").annotate(**_owned("ownerships"))


def people_for_index() -> QuerySet[Person]:
    """Every person with how many commitments they lead and support. One query."""
    return Person.objects.select_related("organisation").annotate(**_owned("ownerships"))


def taskforces_for_index() -> QuerySet[Taskforce]:
    """Every taskforce with its chair and how many commitments and members it has. One query."""
    return Taskforce.objects.select_related("chair").annotate(
        commitment_count=Count("commitments", distinct=True),
        organisation_count=Count("organisations", distinct=True),
    )


AREA_LEVEL_ORDER = Case(
    *(When(level=level, then=Value(rank)) for rank, level in enumerate(AreaLevel.values)),
    default=Value(len(AreaLevel.values)),
)


def areas_for_index(*, level: str = "") -> QuerySet[Area]:
    """Areas, largest level first, with their parent and how many programmes are for them."""
    areas = Area.objects.select_related("parent").annotate(programme_count=Count("programmes"))
    if level in AreaLevel.values:
        areas = areas.filter(level=level)
    return areas.order_by(AREA_LEVEL_ORDER, "name")
