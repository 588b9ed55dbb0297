"""A small register with one user for each role, to test who may see and change what.

Organisations: DfE with its agency EFA below it, DH, BIS. Programme ``open`` is published and
holds four commitments; programme ``closed`` is not published and holds one:

| commitment | leads | supporting | published |
| --- | --- | --- | --- |
| open/DFE | DfE | | yes |
| open/JOINT | BIS | DfE | yes |
| open/EFA | EFA | | no |
| open/DH | DH | | no |
| closed/DH2 | DH | | yes (but its programme is not) |
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.funding.models import Fund
from stocktake.funding.services import funding_line_create
from stocktake.measures.models import Direction, Frequency, Measure, Target
from stocktake.measures.services import observation_record
from stocktake.progress.services import update_create
from stocktake.register.models import AreaLevel, Commitment, OrganisationKind
from stocktake.register.services import commitment_create, milestone_create
from stocktake.register.tests.factories import (
    AreaFactory,
    OrganisationFactory,
    ProgrammeFactory,
    scale_level,
)

PASSWORD = "Lamp-Post-Sorting-42"

# Who sees which commitments, and who may report on which.
EVERYTHING = {"open/DFE", "open/JOINT", "open/EFA", "open/DH", "closed/DH2"}
PUBLIC = {"open/DFE", "open/JOINT"}
DFE_SCOPE = PUBLIC | {"open/EFA"}
DH_SCOPE = PUBLIC | {"open/DH", "closed/DH2"}

ROLES = (
    "anonymous",
    "no role",
    "administrator",
    "analyst",
    "editor",
    "viewer",
    "reader",
    "dh reader",
)
VISIBLE = {
    "anonymous": PUBLIC,
    "no role": PUBLIC,
    "administrator": EVERYTHING,
    "analyst": EVERYTHING,
    "editor": DFE_SCOPE,
    "viewer": DFE_SCOPE,
    "reader": EVERYTHING,
    "dh reader": DH_SCOPE,
}
REPORTABLE = {
    role: EVERYTHING if role in ("administrator", "analyst") else set() for role in ROLES
} | {"editor": {"open/DFE", "open/JOINT", "open/EFA"}}
CENTRAL = {"administrator", "analyst"}


@dataclass
class World:
    users: dict[str, AbstractBaseUser | AnonymousUser]
    commitments: dict[str, Commitment]
    objects: dict[str, object]


def name_of(commitment: Commitment) -> str:
    return f"{commitment.programme.code}/{commitment.code}"


@pytest.fixture
def world(db: None) -> World:
    dfe = OrganisationFactory(code="DfE", name="Department for Education")
    efa = OrganisationFactory(
        code="EFA", name="Education Funding Agency", kind=OrganisationKind.AGENCY, parent=dfe
    )
    dh = OrganisationFactory(code="DH", name="Department of Health")
    bis = OrganisationFactory(code="BIS", name="Department for Business")
    open_programme = ProgrammeFactory(code="open", title="Open programme", published=True)
    closed = ProgrammeFactory(code="closed", title="Closed programme", published=False)

    def commit(programme, code, leads, supporting=(), published=False) -> Commitment:
        return commitment_create(
            programme=programme,
            code=code,
            title=f"Commitment {code}",
            lead_organisations=leads,
            supporting_organisations=supporting,
            published=published,
        )

    commitments = {
        name_of(c): c
        for c in (
            commit(open_programme, "DFE", [dfe], published=True),
            commit(open_programme, "JOINT", [bis], [dfe], published=True),
            commit(open_programme, "EFA", [efa]),
            commit(open_programme, "DH", [dh]),
            commit(closed, "DH2", [dh], published=True),
        )
    }
    area = AreaFactory(code="E92000001", name="England", level=AreaLevel.NATION)
    measure = Measure.objects.create(
        code="waits",
        name="Waiting times",
        unit="days",
        direction=Direction.LOWER,
        frequency=Frequency.MONTHLY,
        area_levels=[AreaLevel.NATION],
    )
    measure.commitments.add(commitments["open/DH"])
    fund = Fund.objects.create(
        code="shared",
        name="Shared fund",
        total=Decimal("1000000"),
        start_date=dt.date(2016, 4, 1),
        end_date=dt.date(2020, 3, 31),
    )
    objects = {
        "milestone of open/EFA": milestone_create(
            commitment=commitments["open/EFA"],
            code="MS1",
            title="Funding formula agreed",
            baseline_due_date=dt.date(2016, 4, 1),
        ),
        "update of open/DH": update_create(
            commitment=commitments["open/DH"],
            period=dt.date(2016, 5, 1),
            status=scale_level("delivery-status", "on-track"),
            confidence=scale_level("confidence-5", "amber"),
            narrative="On track.",
        ),
        "ownership of open/JOINT": commitments["open/JOINT"].ownerships.get(organisation=dfe),
        "funding line of open/DFE": funding_line_create(
            fund=fund, commitment=commitments["open/DFE"], allocated=Decimal("1000")
        ),
        "measure of open/DH": measure,
        "observation of open/DH": observation_record(
            measure=measure, area=area, period=dt.date(2016, 5, 1), value=18.0
        ),
        "target of open/DH": Target.objects.create(
            measure=measure,
            baseline_value=20,
            baseline_date=dt.date(2016, 1, 1),
            target_value=10,
            target_date=dt.date(2018, 1, 1),
        ),
    }
    users: dict[str, AbstractBaseUser | AnonymousUser] = {
        "anonymous": AnonymousUser(),
        "no role": user_create(username="nobody", password=PASSWORD),
        "administrator": user_create(username="admin", password=PASSWORD, role=Role.ADMINISTRATOR),
        "analyst": user_create(username="analyst", password=PASSWORD, role=Role.ANALYST),
        "editor": user_create(
            username="dfe-editor", password=PASSWORD, role=Role.EDITOR, organisations=[dfe]
        ),
        "viewer": user_create(
            username="dfe-viewer", password=PASSWORD, role=Role.VIEWER, organisations=[dfe]
        ),
        "reader": user_create(username="minister", password=PASSWORD, role=Role.READER),
        "dh reader": user_create(
            username="dh-reader", password=PASSWORD, role=Role.READER, organisations=[dh]
        ),
    }
    return World(users=users, commitments=commitments, objects=objects)
