"""National-scale volumes for benchmarks: 517 commitments across 20 departments, ~3,000
milestones, five years of monthly updates and 350 areas. Generated, clearly labelled, and written
in bulk (each row still checked against its programme's scales by the bulk service)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from django.db import transaction

from stocktake.demo.paths import SHAPES, level_for, narrative, path_months
from stocktake.periods import add_months
from stocktake.progress.models import Update
from stocktake.progress.services import updates_bulk_create
from stocktake.register.models import (
    Area,
    AreaLevel,
    Commitment,
    CommitmentOrganisation,
    Milestone,
    Organisation,
    OrganisationKind,
    OwnershipRole,
    Programme,
    ProgrammeKind,
    Scale,
)

PROGRAMME_CODE = "national-scale"
COMMITMENTS = 517
MONTHS = 60
AREAS = 350
MILESTONES_PER_COMMITMENT = (4, 8)

DEPARTMENTS = (
    ("NS-CO", "Cabinet Office"),
    ("NS-HMT", "HM Treasury"),
    ("NS-DH", "Department of Health"),
    ("NS-DFE", "Department for Education"),
    ("NS-BIS", "Department for Business, Innovation and Skills"),
    ("NS-DCLG", "Department for Communities and Local Government"),
    ("NS-DWP", "Department for Work and Pensions"),
    ("NS-HO", "Home Office"),
    ("NS-MOJ", "Ministry of Justice"),
    ("NS-DFT", "Department for Transport"),
    ("NS-DECC", "Department of Energy and Climate Change"),
    ("NS-DEFRA", "Department for Environment, Food and Rural Affairs"),
    ("NS-DCMS", "Department for Culture, Media and Sport"),
    ("NS-FCO", "Foreign and Commonwealth Office"),
    ("NS-MOD", "Ministry of Defence"),
    ("NS-DFID", "Department for International Development"),
    ("NS-HMRC", "HM Revenue and Customs"),
    ("NS-NIO", "Northern Ireland Office"),
    ("NS-SO", "Scotland Office"),
    ("NS-WO", "Wales Office"),
)

TOPICS = (
    "apprenticeship starts",
    "free school openings",
    "starter homes",
    "seven-day hospital services",
    "childcare places",
    "superfast broadband coverage",
    "troubled families turned around",
    "police workforce reform",
    "prison places modernised",
    "rail electrification",
    "flood defence schemes",
    "digital public services",
)


def national_load(*, advance: Callable[[int], None], as_of: dt.date) -> Programme:
    """Generate the national-scale programme (once). ``advance`` reports progress in rows."""
    rng = random.Random(517)
    with transaction.atomic():
        departments = [
            Organisation.objects.get_or_create(
                code=code,
                defaults={"name": f"{name} (generated)", "kind": OrganisationKind.DEPARTMENT},
            )[0]
            for code, name in DEPARTMENTS
        ]
        _areas_load()
        end = add_months(dt.date(as_of.year, as_of.month, 1), -1)
        start = add_months(end, -(MONTHS - 1))
        programme = Programme.objects.create(
            code=PROGRAMME_CODE,
            title="National-scale programme (generated for benchmarks)",
            kind=ProgrammeKind.MANIFESTO,
            description="Generated data at the volumes of a national delivery unit.",
            start_date=start,
            end_date=add_months(start, 12 * 5) - dt.timedelta(days=1),
            status_scale=Scale.objects.get(code="delivery-status"),
            confidence_scale=Scale.objects.get(code="confidence-5"),
            published=True,
        )
        commitments = Commitment.objects.bulk_create(
            [
                Commitment(
                    programme=programme,
                    code=f"N{number:03d}",
                    title=f"Deliver {TOPICS[number % len(TOPICS)]}: priority {number}",
                    text=f"Generated commitment {number} for benchmarks.",
                    deadline_phrase="by the end of this Parliament",
                    deadline_kind="date",
                    deadline_latest=programme.end_date,
                    priority_tier=1 + number % 3,
                    published=number % 7 != 0,
                )
                for number in range(1, COMMITMENTS + 1)
            ]
        )
        advance(len(commitments))
        _owners_load(commitments, departments, rng)
        advance(_milestones_load(commitments, start, rng))
        advance(_updates_load(programme, commitments, start, rng))
    return programme


def _areas_load() -> None:
    england, _ = Area.objects.get_or_create(
        code="E92000001", defaults={"name": "England", "level": AreaLevel.NATION}
    )
    existing = Area.objects.count()
    Area.objects.bulk_create(
        [
            Area(
                code=f"X{number:08d}",
                name=f"Generated district {number}",
                level=AreaLevel.LOCAL_AUTHORITY,
                parent=england,
            )
            for number in range(1, max(AREAS - existing, 0) + 1)
        ],
        ignore_conflicts=True,
    )


def _owners_load(
    commitments: list[Commitment], departments: list[Organisation], rng: random.Random
) -> None:
    ownerships = []
    for commitment in commitments:
        chosen = rng.sample(departments, 3)
        joint = rng.random() < 0.15
        roles = [OwnershipRole.LEAD, OwnershipRole.LEAD if joint else OwnershipRole.SUPPORTING]
        roles.append(OwnershipRole.SUPPORTING)
        ownerships += [
            CommitmentOrganisation(commitment=commitment, organisation=org, role=role)
            for org, role in zip(chosen, roles, strict=True)
        ]
    CommitmentOrganisation.objects.bulk_create(ownerships)


def _milestones_load(commitments: list[Commitment], start: dt.date, rng: random.Random) -> int:
    milestones = []
    for commitment in commitments:
        for number in range(1, rng.randint(*MILESTONES_PER_COMMITMENT) + 1):
            baseline = add_months(start, rng.randint(1, MONTHS + 6))
            current = add_months(baseline, rng.choice((0, 0, 0, 1, 2, 4)))
            milestones.append(
                Milestone(
                    commitment=commitment,
                    code=f"MS{number}",
                    title=f"Milestone {number} of {commitment.code}",
                    baseline_due_date=baseline,
                    current_due_date=current,
                    completed_on=current if current < start.replace(year=start.year + 4) else None,
                )
            )
    return len(Milestone.objects.bulk_create(milestones, batch_size=2000))


def _updates_load(
    programme: Programme, commitments: list[Commitment], start: dt.date, rng: random.Random
) -> int:
    statuses = list(programme.status_scale.levels.order_by("-rank"))
    confidences = list(programme.confidence_scale.levels.order_by("-rank"))
    updates = []
    for commitment in commitments:
        commitment.programme = programme
        months = path_months(rng.choice(list(SHAPES)), months=MONTHS, rng=rng)
        for index, month in enumerate(months):
            updates.append(
                Update(
                    commitment=commitment,
                    period=add_months(start, index),
                    status=level_for(statuses, month),
                    confidence=level_for(confidences, month) if index % 3 == 2 else None,
                    narrative=narrative(
                        month, lead="the lead department", next_step="", done="", rng=rng
                    ),
                    author_name="Generated",
                )
            )
    return updates_bulk_create(updates=updates)
