"""The permission matrix through the policy module: every role, every action, every kind of
object, both what is allowed and what is refused."""

from __future__ import annotations

import pytest

from stocktake.access.policy import (
    SYSTEM,
    Action,
    allowed,
    commitments_reportable,
    commitments_visible,
    measures_visible,
    programmes_visible,
)
from stocktake.access.tests.conftest import (
    CENTRAL,
    EVERYTHING,
    REPORTABLE,
    ROLES,
    VISIBLE,
    World,
    name_of,
)
from stocktake.register.models import Organisation, Programme

# Each object and the commitment whose rules it follows.
BELONGS_TO = {
    "milestone of open/EFA": "open/EFA",
    "update of open/DH": "open/DH",
    "ownership of open/JOINT": "open/JOINT",
    "funding line of open/DFE": "open/DFE",
    "measure of open/DH": "open/DH",
    "observation of open/DH": "open/DH",
    "target of open/DH": "open/DH",
}
# Which objects are department returns (reported by editors); the rest are the register's
# structure, changed by the central unit only.
RETURNS = {
    "milestone of open/EFA",
    "update of open/DH",
    "measure of open/DH",
    "observation of open/DH",
}


@pytest.mark.parametrize("role", ROLES)
def test_querysets_hold_exactly_what_each_role_may_see_and_report_on(
    world: World, role: str
) -> None:
    user = world.users[role]
    assert {name_of(c) for c in commitments_visible(user)} == VISIBLE[role]
    assert {name_of(c) for c in commitments_reportable(user)} == REPORTABLE[role]
    programmes = {p.code for p in programmes_visible(user)}
    assert programmes == {"open"} | ({"closed"} if "closed/DH2" in VISIBLE[role] else set())
    assert set(measures_visible(user).values_list("code", flat=True)) == (
        {"waits"} if "open/DH" in VISIBLE[role] else set()
    )


@pytest.mark.parametrize("role", ROLES)
def test_every_action_on_every_commitment(world: World, role: str) -> None:
    user = world.users[role]
    for name, commitment in world.commitments.items():
        assert allowed(user, Action.VIEW, commitment) == (name in VISIBLE[role]), name
        assert allowed(user, Action.VIEW_HISTORY, commitment) == (
            name in VISIBLE[role] and role != "anonymous"
        ), name
        assert allowed(user, Action.REPORT, commitment) == (name in REPORTABLE[role]), name
        assert allowed(user, Action.CHANGE, commitment) == (role in CENTRAL), name
        assert allowed(user, Action.RATE, commitment) == (role in CENTRAL), name


@pytest.mark.parametrize("role", ROLES)
def test_every_action_on_every_kind_of_object(world: World, role: str) -> None:
    user = world.users[role]
    for label, obj in world.objects.items():
        commitment = BELONGS_TO[label]
        assert allowed(user, Action.VIEW, obj) == (commitment in VISIBLE[role]), label
        assert allowed(user, Action.REPORT, obj) == (
            label in RETURNS and commitment in REPORTABLE[role]
        ), label
        assert allowed(user, Action.CHANGE, obj) == (role in CENTRAL), label
        assert allowed(user, Action.RATE, obj) == (role in CENTRAL), label


@pytest.mark.parametrize("role", ROLES)
def test_actions_without_an_object_and_on_programmes(world: World, role: str) -> None:
    user = world.users[role]
    signed_in = role != "anonymous"
    assert allowed(user, Action.VIEW_REGISTER)
    assert allowed(user, Action.EXPORT) == signed_in
    assert allowed(user, Action.IMPORT) == (role in CENTRAL)
    assert allowed(user, Action.USE_ADMIN) == (role in CENTRAL)
    assert allowed(user, Action.MANAGE_USERS) == (role == "administrator")
    open_programme, closed = (
        Programme.objects.get(code="open"),
        Programme.objects.get(code="closed"),
    )
    assert allowed(user, Action.VIEW, open_programme)
    assert allowed(user, Action.VIEW, closed) == ("closed/DH2" in VISIBLE[role])
    # A programme's export holds every commitment: only for who may see them all.
    assert allowed(user, Action.EXPORT, open_programme) == (
        signed_in and VISIBLE[role] >= {n for n in EVERYTHING if n.startswith("open/")}
    )
    # Reference data is open to all, and changed by the central unit.
    dfe = Organisation.objects.get(code="DfE")
    assert allowed(user, Action.VIEW, dfe)
    assert allowed(user, Action.CHANGE, dfe) == (role in CENTRAL)


def test_an_agency_is_inside_its_department_scope_but_not_the_other_way(world: World) -> None:
    efa_editor_scope = {"open/EFA"}
    assert efa_editor_scope <= {name_of(c) for c in commitments_reportable(world.users["editor"])}
    from stocktake.access.models import Role
    from stocktake.access.services import user_create
    from stocktake.access.tests.conftest import PASSWORD

    agency_editor = user_create(
        username="efa-editor",
        password=PASSWORD,
        role=Role.EDITOR,
        organisations=[Organisation.objects.get(code="EFA")],
    )
    assert {name_of(c) for c in commitments_reportable(agency_editor)} == efa_editor_scope


def test_joint_commitments_are_open_to_every_lead_and_supporting_organisation(
    world: World,
) -> None:
    from stocktake.access.models import Role
    from stocktake.access.services import user_create
    from stocktake.access.tests.conftest import PASSWORD

    bis_editor = user_create(
        username="bis-editor",
        password=PASSWORD,
        role=Role.EDITOR,
        organisations=[Organisation.objects.get(code="BIS")],
    )
    joint = world.commitments["open/JOINT"]
    assert allowed(bis_editor, Action.REPORT, joint)  # lead
    assert allowed(world.users["editor"], Action.REPORT, joint)  # DfE supports


def test_a_user_may_hold_roles_for_several_organisations(world: World) -> None:
    from stocktake.access.models import Role
    from stocktake.access.services import user_create
    from stocktake.access.tests.conftest import PASSWORD

    both = user_create(
        username="two-hats",
        password=PASSWORD,
        role=Role.VIEWER,
        organisations=list(Organisation.objects.filter(code__in=["DfE", "DH"])),
    )
    assert {name_of(c) for c in commitments_visible(both)} == EVERYTHING


def test_a_deactivated_user_is_a_visitor(world: World) -> None:
    analyst = world.users["analyst"]
    analyst.is_active = False
    assert {name_of(c) for c in commitments_visible(analyst)} == VISIBLE["anonymous"]
    assert not allowed(analyst, Action.EXPORT)


def test_the_command_line_acts_as_the_system_operator(world: World) -> None:
    assert allowed(SYSTEM, Action.IMPORT)
    assert {name_of(c) for c in commitments_visible(SYSTEM)} == EVERYTHING
