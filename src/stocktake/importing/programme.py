"""Importing a whole programme from the JSON document that ``stocktake export --format json``
writes (docs/export-schema.md): scales, organisations, people, commitments with milestones and
updates, measures, areas and observations. All or nothing; a problem names its place in the
document (``commitments[3].deadline``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.dateparse import parse_datetime

from stocktake.exporting.programme import SCHEMA_VERSION
from stocktake.measures.models import CommitmentMeasure, Measure, Observation
from stocktake.measures.services import observations_bulk_create
from stocktake.progress.models import Judgement, Update
from stocktake.progress.services import updates_bulk_create
from stocktake.register.models import (
    Area,
    Commitment,
    Organisation,
    Person,
    Programme,
    Scale,
    ScaleLevel,
)
from stocktake.register.services import commitment_create, milestone_create


class ProgrammeImportError(Exception):
    """The document cannot be imported; ``problems`` says where and why."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass
class ProgrammeImportReport:
    programme: str
    counts: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def summary(self) -> str:
        parts = ", ".join(f"{count:,} {name}" for name, count in self.counts.items())
        if self.dry_run:
            return (
                f"The file is good: importing it would add programme '{self.programme}': {parts}."
            )
        return f"Imported programme '{self.programme}': {parts}."


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@contextmanager
def _at(problems: list[str], where: str) -> Iterator[None]:
    """Collect a problem at ``where`` instead of stopping at the first."""
    try:
        yield
    except ValidationError as error:
        messages = (
            [f"{name}: {'; '.join(texts)}" for name, texts in error.message_dict.items()]
            if hasattr(error, "error_dict")
            else error.messages
        )
        problems.extend(f"{where}: {message}" for message in messages)
    except KeyError as error:
        problems.append(f"{where}: missing or unknown {error}")
    except ObjectDoesNotExist as error:
        problems.append(f"{where}: {error}")
    except (TypeError, ValueError, AttributeError) as error:
        problems.append(f"{where}: wrong type or value ({error})")


def programme_file_import(*, path: Path, dry_run: bool = False) -> ProgrammeImportReport:
    """Import a programme document from a file, refusing anything unreadable."""
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProgrammeImportError(str(path), [f"cannot be read as JSON ({error})"]) from error
    return programme_import(document=document, source=path.name, dry_run=dry_run)


@transaction.atomic
def programme_import(
    *, document: dict[str, Any], source: str, dry_run: bool = False
) -> ProgrammeImportReport:
    """Import a programme document; with ``dry_run``, check everything and keep nothing."""
    if not isinstance(document, dict) or document.get("schema_version") != SCHEMA_VERSION:
        raise ProgrammeImportError(
            source, [f"schema_version must be '{SCHEMA_VERSION}' (is this a Stocktake export?)"]
        )
    problems: list[str] = []
    spec = document.get("programme") or {}
    if Programme.objects.filter(code=spec.get("code")).exists():
        raise ProgrammeImportError(source, [f"programme '{spec.get('code')}' already exists"])
    with _at(problems, "scales"):
        _scales_ensure(document.get("scales", []))
    organisations = _coded_ensure(
        Organisation, "kind", document.get("organisations", []), problems, "organisations"
    )
    people = _people_ensure(document.get("people", []), organisations, problems)
    areas = _coded_ensure(Area, "level", document.get("areas", []), problems, "areas")
    programme = None
    with _at(problems, "programme"):
        programme = _programme_create(spec, organisations, areas)
    counts = {"commitments": 0, "milestones": 0, "updates": 0, "observations": 0}
    if programme is not None:
        counts.update(_commitments_create(programme, document, organisations, people, problems))
        counts["observations"] = _measures_create(document, areas, problems)
    if problems:
        transaction.set_rollback(True)
        raise ProgrammeImportError(source, problems)
    if dry_run:
        transaction.set_rollback(True)
    return ProgrammeImportReport(programme=programme.code, counts=counts, dry_run=dry_run)


def _scales_ensure(specs: list[dict[str, Any]]) -> None:
    for spec in specs:
        scale, _ = Scale.objects.get_or_create(
            code=spec["code"],
            defaults={
                "name": spec["name"],
                "kind": spec["kind"],
                "description": spec["description"],
            },
        )
        for level in spec["levels"]:
            ScaleLevel.objects.get_or_create(
                scale=scale,
                code=level["code"],
                defaults={k: level[k] for k in ("label", "rank", "colour", "description")},
            )


def _coded_ensure(
    model: type[Organisation] | type[Area],
    field: str,
    specs: list[dict[str, Any]],
    problems: list[str],
    name: str,
) -> dict[str, Any]:
    """Organisations or areas by code: existing ones kept, new ones created (parents first)."""
    found: dict[str, Any] = {}
    for index, spec in enumerate(specs):
        with _at(problems, f"{name}[{index}]"):
            obj = model.objects.filter(code=spec["code"]).first()
            if obj is None:
                obj = model(
                    code=spec["code"],
                    name=spec["name"],
                    parent=found.get(spec["parent"] or ""),
                    **{field: spec[field]},
                )
                obj.full_clean()
                obj.save()
            found[obj.code] = obj
    return found


def _people_ensure(
    specs: list[dict[str, Any]], organisations: dict[str, Organisation], problems: list[str]
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for index, spec in enumerate(specs):
        with _at(problems, f"people[{index}]"):
            organisation = organisations.get(spec["organisation"] or "")
            person = Person.objects.filter(name=spec["name"], organisation=organisation).first()
            if person is None:
                person = Person(
                    name=spec["name"],
                    role=spec["role"],
                    kind=spec["kind"],
                    organisation=organisation,
                    email=spec["email"],
                )
                person.full_clean()
                person.save()
            people[spec["key"]] = person
    return people


def _programme_create(
    spec: dict[str, Any], organisations: dict[str, Organisation], areas: dict[str, Area]
) -> Programme:
    programme = Programme(
        code=spec["code"],
        title=spec["title"],
        kind=spec["kind"],
        description=spec["description"],
        source_document=spec["source"],
        source_url=spec["source_url"],
        source_date=_date(spec["source_date"]),
        start_date=_date(spec["start_date"]),
        end_date=_date(spec["end_date"]),
        organisation=organisations.get(spec["organisation"] or ""),
        area=areas.get(spec["area"] or ""),
        status_scale=Scale.objects.get(code=spec["status_scale"]),
        confidence_scale=Scale.objects.get(code=spec["confidence_scale"]),
        # Documents from before programmes could be published carry no flag: not published.
        published=spec.get("published") is True,
    )
    programme.full_clean()
    programme.save()
    return programme


def _commitments_create(
    programme: Programme,
    document: dict[str, Any],
    organisations: dict[str, Organisation],
    people: dict[str, Person],
    problems: list[str],
) -> dict[str, int]:
    levels = {
        (level.scale_id, level.code): level
        for level in ScaleLevel.objects.filter(
            scale__in=[programme.status_scale_id, programme.confidence_scale_id]
        )
    }
    created: dict[str, Commitment] = {}
    milestones = 0
    updates: list[Update] = []
    judged: list[tuple[str, Update, dict[str, Any]]] = []  # where, the update, its ratings
    specs = list(enumerate(document.get("commitments", [])))
    for index, spec in sorted(specs, key=lambda pair: pair[1].get("parent") is not None):
        where = f"commitments[{index}]"
        with _at(problems, where):
            commitment = commitment_create(
                programme=programme,
                code=spec["code"],
                title=spec["title"],
                text=spec["text"],
                parent=created[spec["parent"]] if spec["parent"] else None,
                lead_organisations=[organisations[code] for code in spec["lead_organisations"]],
                supporting_organisations=[
                    organisations[code] for code in spec["supporting_organisations"]
                ],
                lead_people=[people[key] for key in spec["lead_people"]],
                supporting_people=[people[key] for key in spec["supporting_people"]],
                themes=spec["themes"],
                deadline=spec["deadline"]["phrase"],
                priority_tier=spec["priority_tier"],
                published=spec["published"],
                government_response=spec["government_response"] or "",
                source_page=spec["source"]["page"],
                source_paragraph=spec["source"]["paragraph"],
            )
            created[commitment.code] = commitment
            for number, milestone in enumerate(spec["milestones"]):
                with _at(problems, f"{where}.milestones[{number}]"):
                    milestone_create(
                        commitment=commitment,
                        code=milestone["code"],
                        title=milestone["title"],
                        baseline_due_date=_date(milestone["baseline_due"]),
                        current_due_date=_date(milestone["due"]),
                        completed_on=_date(milestone["completed_on"]),
                    )
                    milestones += 1
            for number, update in enumerate(spec["updates"]):
                with _at(problems, f"{where}.updates[{number}]"):
                    updates.append(_update(commitment, update, levels))
                    if update.get("judgement") is not None:
                        judged.append(
                            (
                                f"{where}.updates[{number}].judgement",
                                updates[-1],
                                update["judgement"],
                            )
                        )
    if not problems:
        updates_bulk_create(updates=updates)
        for place, update, ratings in judged:
            with _at(problems, place):
                _judgement_create(update, ratings)
    return {"commitments": len(created), "milestones": milestones, "updates": len(updates)}


def _update(commitment: Commitment, spec: dict[str, Any], levels: dict) -> Update:
    programme = commitment.programme
    return Update(
        commitment=commitment,
        period=_date(spec["period"]),
        status=levels[(programme.status_scale_id, spec["status"])],
        confidence=levels[(programme.confidence_scale_id, spec["confidence"])]
        if spec["confidence"]
        else None,
        narrative=spec["narrative"],
        evidence=spec["evidence"],
        author_name=spec["author"],
        created_at=parse_datetime(spec["created"]),
    )


def _judgement_create(update: Update, ratings: dict[str, Any]) -> None:
    """Mark a stored update as the central unit's judgement, with its framework ratings."""
    judgement = Judgement(
        update=update,
        planning=ratings["planning"] or "",
        capacity=ratings["capacity"] or "",
        stage=ratings["stage"],
    )
    judgement.full_clean()
    judgement.save()


def _measures_create(document: dict[str, Any], areas: dict[str, Area], problems: list[str]) -> int:
    measures: dict[str, Measure] = {}
    for index, spec in enumerate(document.get("measures", [])):
        with _at(problems, f"measures[{index}]"):
            measure = Measure.objects.filter(code=spec["code"]).first()
            if measure is None:
                measure = Measure(
                    **{k: spec[k] for k in ("code", "name", "definition", "unit", "direction")},
                    **{k: spec[k] for k in ("frequency", "source", "area_levels")},
                    tolerance_pct=Decimal(str(spec["tolerance_pct"])),
                )
                measure.full_clean()
                measure.save()
            measures[measure.code] = measure
            commitments = Commitment.objects.filter(
                programme__code=document["programme"]["code"],
                code__in=[link["code"] for link in spec["commitments"]],
            )
            weights = {link["code"]: Decimal(str(link["weight"])) for link in spec["commitments"]}
            CommitmentMeasure.objects.bulk_create(
                [
                    CommitmentMeasure(commitment=c, measure=measure, weight=weights[c.code])
                    for c in commitments
                ],
                ignore_conflicts=True,
            )
    observations = []
    for index, spec in enumerate(document.get("observations", [])):
        with _at(problems, f"observations[{index}]"):
            observations.append(
                Observation(
                    measure=measures[spec["measure"]],
                    area=areas[spec["area"]],
                    period=_date(spec["period"]),
                    value=spec["value"],
                    denominator=spec["denominator"],
                    provisional=spec["provisional"],
                )
            )
    if problems:
        return 0
    existing = set(
        Observation.objects.filter(measure__in=measures.values()).values_list(
            "measure__code", "area__code", "period"
        )
    )
    new = [o for o in observations if (o.measure.code, o.area.code, o.period) not in existing]
    with _at(problems, "observations"):
        return observations_bulk_create(observations=new)
    return 0
