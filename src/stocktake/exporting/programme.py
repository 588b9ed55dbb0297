"""A programme as open data: every commitment with its owners, deadline, milestones, updates and
measures, in the versioned JSON document described in ``docs/export-schema.md``. The tabular
formats lay the same document out as sheets (``exporting/sheets.py``)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from stocktake.measures.models import CommitmentMeasure, Measure, Observation
from stocktake.progress.models import Update
from stocktake.register.models import (
    Area,
    Commitment,
    CommitmentOrganisation,
    CommitmentPerson,
    OwnershipRole,
    Person,
    Programme,
    Scale,
)

SCHEMA_VERSION = "1.0"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _person_key(person: Person) -> str:
    """People are named by name, with their organisation's code when they have one."""
    return f"{person.name} ({person.organisation.code})" if person.organisation_id else person.name


def _commitments(programme: Programme) -> QuerySet[Commitment]:
    return (
        programme.commitments.select_related("parent")
        .prefetch_related(
            Prefetch(
                "ownerships",
                queryset=CommitmentOrganisation.objects.select_related("organisation").order_by(
                    "organisation__code"
                ),
            ),
            Prefetch(
                "owners",
                queryset=CommitmentPerson.objects.select_related("person__organisation").order_by(
                    "person__name"
                ),
            ),
            "themes",
            "milestones",
            Prefetch(
                "updates",
                queryset=Update.objects.select_related(
                    "status", "confidence", "author", "judgement"
                ).order_by("period", "created_at", "id"),
            ),
        )
        .order_by("code")
    )


def _codes(rows: Any, role: str, attribute: str) -> list[str]:
    return [getattr(row, attribute) for row in rows if row.role == role]


def _commitment_document(commitment: Commitment) -> dict[str, Any]:
    ownerships = list(commitment.ownerships.all())
    owners = list(commitment.owners.all())
    themes = [theme.name for theme in commitment.themes.all()]
    return {
        "code": commitment.code,
        "title": commitment.title,
        "text": commitment.text,
        "section": themes[0] if themes else "",
        "themes": themes,
        "parent": commitment.parent.code if commitment.parent_id else None,
        "source": {
            "document": commitment.source_document,
            "page": commitment.source_page,
            "paragraph": commitment.source_paragraph,
        },
        "deadline": {
            "phrase": commitment.deadline_phrase,
            "kind": commitment.deadline_kind or None,
            "earliest": _iso(commitment.deadline_earliest),
            "latest": _iso(commitment.deadline_latest),
            "event": commitment.deadline_event or None,
        },
        "lead_organisations": [
            o.organisation.code for o in ownerships if o.role == OwnershipRole.LEAD
        ],
        "supporting_organisations": [
            o.organisation.code for o in ownerships if o.role == OwnershipRole.SUPPORTING
        ],
        "lead_people": [_person_key(o.person) for o in owners if o.role == OwnershipRole.LEAD],
        "supporting_people": [
            _person_key(o.person) for o in owners if o.role == OwnershipRole.SUPPORTING
        ],
        "priority_tier": commitment.priority_tier,
        "government_response": commitment.government_response or None,
        "published": commitment.published,
        "milestones": [
            {
                "code": milestone.code,
                "title": milestone.title,
                "baseline_due": _iso(milestone.baseline_due_date),
                "due": _iso(milestone.current_due_date),
                "completed_on": _iso(milestone.completed_on),
            }
            for milestone in commitment.milestones.all()
        ],
        "updates": [
            {
                "period": _iso(update.period),
                "status": update.status.code,
                "confidence": update.confidence.code if update.confidence_id else None,
                "narrative": update.narrative,
                "evidence": update.evidence,
                "author": update.author_display,
                "created": _iso(update.created_at),
                "judgement": _judgement_document(update),
            }
            for update in commitment.updates.all()
        ],
    }


def _judgement_document(update: Update) -> dict[str, Any] | None:
    """The central unit's framework ratings when the update is its judgement, else None."""
    judgement = getattr(update, "judgement", None)
    if judgement is None:
        return None
    return {
        "planning": judgement.planning or None,
        "capacity": judgement.capacity or None,
        "stage": judgement.stage,
    }


def _scale_document(scale: Scale) -> dict[str, Any]:
    return {
        "code": scale.code,
        "name": scale.name,
        "kind": scale.kind,
        "description": scale.description,
        "levels": [
            {
                "code": level.code,
                "label": level.label,
                "rank": level.rank,
                "colour": level.colour,
                "description": level.description,
            }
            for level in scale.levels.order_by("-rank")
        ],
    }


def _with_ancestors(objects: set[Any]) -> list[Any]:
    """Objects and their parents, parents first, so an import can create them in order."""
    ordered: list[Any] = []
    seen: set[int] = set()

    def visit(obj: Any) -> None:
        if obj.pk in seen:
            return
        if obj.parent_id:
            visit(obj.parent)
        seen.add(obj.pk)
        ordered.append(obj)

    for obj in sorted(objects, key=lambda o: o.code):
        visit(obj)
    return ordered


def programme_document(*, programme: Programme) -> dict[str, Any]:
    """The whole programme as one JSON-ready document (schema in docs/export-schema.md)."""
    commitments = list(_commitments(programme))
    organisations = {
        ownership.organisation for c in commitments for ownership in c.ownerships.all()
    } | {
        owner.person.organisation
        for c in commitments
        for owner in c.owners.all()
        if owner.person.organisation_id
    }
    if programme.organisation_id:
        organisations.add(programme.organisation)
    people = sorted(
        {owner.person for c in commitments for owner in c.owners.all()}, key=_person_key
    )
    links = CommitmentMeasure.objects.filter(commitment__programme=programme).select_related(
        "commitment"
    )
    measures = Measure.objects.filter(pk__in=links.values("measure")).order_by("code")
    observations = (
        Observation.objects.filter(measure__in=measures)
        .select_related("measure", "area")
        .order_by("measure__code", "area__code", "period")
    )
    areas = Area.objects.filter(pk__in=observations.values("area")).select_related("parent")
    if programme.area_id:
        areas = areas | Area.objects.filter(pk=programme.area_id)
    return {
        "schema_version": SCHEMA_VERSION,
        "programme": {
            "code": programme.code,
            "title": programme.title,
            "kind": programme.kind,
            "description": programme.description,
            "source": programme.source_document,
            "source_url": programme.source_url,
            "source_date": _iso(programme.source_date),
            "start_date": _iso(programme.start_date),
            "end_date": _iso(programme.end_date),
            "organisation": programme.organisation.code if programme.organisation_id else None,
            "area": programme.area.code if programme.area_id else None,
            "status_scale": programme.status_scale.code,
            "confidence_scale": programme.confidence_scale.code,
            "published": programme.published,
        },
        "scales": [
            _scale_document(scale) for scale in (programme.status_scale, programme.confidence_scale)
        ],
        "organisations": [
            {
                "code": o.code,
                "name": o.name,
                "kind": o.kind,
                "parent": o.parent.code if o.parent_id else None,
            }
            for o in _with_ancestors(organisations)
        ],
        "people": [
            {
                "key": _person_key(person),
                "name": person.name,
                "role": person.role,
                "kind": person.kind,
                "organisation": person.organisation.code if person.organisation_id else None,
                "email": person.email,
            }
            for person in people
        ],
        "commitments": [_commitment_document(commitment) for commitment in commitments],
        "areas": [
            {
                "code": a.code,
                "name": a.name,
                "level": a.level,
                "parent": a.parent.code if a.parent_id else None,
            }
            for a in _with_ancestors(set(areas.distinct()))
        ],
        "measures": [
            {
                "code": measure.code,
                "name": measure.name,
                "definition": measure.definition,
                "unit": measure.unit,
                "direction": measure.direction,
                "frequency": measure.frequency,
                "source": measure.source,
                "area_levels": measure.area_levels,
                "tolerance_pct": float(measure.tolerance_pct),
                "commitments": [
                    {"code": link.commitment.code, "weight": float(link.weight)}
                    for link in links
                    if link.measure_id == measure.pk
                ],
            }
            for measure in measures
        ],
        "observations": [
            {
                "measure": o.measure.code,
                "area": o.area.code,
                "period": _iso(o.period),
                "value": o.value,
                "denominator": o.denominator,
                "provisional": o.provisional,
            }
            for o in observations
        ],
    }
