"""A small programme whose judgements move every way between two report periods."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from stocktake.progress.services import update_create
from stocktake.register.models import (
    Commitment,
    CommitmentOrganisation,
    CommitmentPerson,
    Organisation,
    OwnershipRole,
    Person,
    Programme,
    Theme,
)
from stocktake.register.tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
    scale_level,
)

FEBRUARY, MARCH, APRIL = dt.date(2016, 2, 1), dt.date(2016, 3, 1), dt.date(2016, 4, 1)
AS_OF = dt.date(2016, 3, 31)


@dataclass
class Register:
    programme: Programme
    commitments: dict[str, Commitment]
    health: Organisation
    schools: Organisation
    minister: Person


def _rate(commitment: Commitment, period: dt.date, confidence: str | None, narrative: str) -> None:
    update_create(
        commitment=commitment,
        period=period,
        status=scale_level("delivery-status", "on-track"),
        confidence=scale_level("confidence-5", confidence) if confidence else None,
        narrative=narrative,
    )


@pytest.fixture
def register(db: None) -> Register:
    """Codes 2 and 10 (source order puts 2 first): up from Amber to Green, down from Green to
    Red; 3 the same (Amber); 4 first judged in March (Amber/Green); 5 reported on but never
    rated; 6 never reported on. An April update after the report's date changes nothing."""
    programme = ProgrammeFactory(code="man", title="Manifesto")
    health = OrganisationFactory(code="DH", name="Department of Health")
    schools = OrganisationFactory(code="DfE", name="Department for Education")
    minister = PersonFactory(name="Jo Minister", role="Secretary of State", organisation=health)
    found = {
        code: CommitmentFactory(programme=programme, code=code, title=f"Promise {code}")
        for code in ("10", "2", "3", "4", "5", "6")
    }
    themes = {name: Theme.objects.create(name=name) for name in ("Health", "Schools")}
    for code in ("10", "2"):
        found[code].themes.add(themes["Health"])
    for code in ("3", "4", "5"):
        found[code].themes.add(themes["Schools"])
    _rate(found["2"], FEBRUARY, "amber", "February: plans agreed.")
    _rate(found["2"], MARCH, "green", "March: funding confirmed, delivery on course.")
    _rate(found["2"], APRIL, "red", "April: after the report.")
    _rate(found["10"], FEBRUARY, "green", "February: going well.")
    _rate(found["10"], MARCH, "red", "March: the contractor failed.")
    _rate(found["3"], FEBRUARY, "amber", "February: as before.")
    _rate(found["3"], MARCH, "amber", "March: as before.")
    _rate(found["4"], MARCH, "amber-green", "March: first look.")
    _rate(found["5"], MARCH, None, "March: a department's return, not yet judged.")
    lead, supporting = OwnershipRole.LEAD, OwnershipRole.SUPPORTING
    for code, organisation, role in (
        ("2", health, lead),
        ("2", schools, lead),
        ("10", health, lead),
        ("3", schools, lead),
        ("4", health, supporting),
    ):
        CommitmentOrganisation.objects.create(
            commitment=found[code], organisation=organisation, role=role
        )
    CommitmentPerson.objects.create(commitment=found["10"], person=minister, role=lead)
    return Register(programme, found, health, schools, minister)
