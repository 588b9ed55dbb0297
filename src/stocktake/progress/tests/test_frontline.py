"""Frontline notes and actions: the services' rules, the selectors, who may do what, and the
history of changes they leave."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from stocktake.access.models import Role
from stocktake.access.policy import Action as Do
from stocktake.access.policy import actions_visible, allowed, notes_visible
from stocktake.access.services import user_create
from stocktake.audit.models import Change
from stocktake.editing import EditConflictError
from stocktake.progress.models import Action, ActionStatus, NoteSource
from stocktake.progress.selectors import (
    actions_filtered,
    actions_open,
    actions_overdue,
    commitment_actions,
    commitment_notes,
)
from stocktake.progress.services import action_change, action_complete, action_raise, note_add
from stocktake.register.services import commitment_create
from stocktake.register.tests.factories import OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 15)
PASSWORD = "Lamp-Post-Sorting-42"


@pytest.fixture
def world() -> dict:
    dfe, dh = OrganisationFactory(code="DfE"), OrganisationFactory(code="DH")
    programme = ProgrammeFactory(published=True)
    schools = commitment_create(
        programme=programme, code="S1", title="Schools", lead_organisations=[dfe], published=True
    )
    hospitals = commitment_create(
        programme=programme, code="H1", title="Hospitals", lead_organisations=[dh]
    )
    return {
        "dfe": dfe,
        "dh": dh,
        "schools": schools,
        "hospitals": hospitals,
        "editor": user_create(
            username="editor", password=PASSWORD, role=Role.EDITOR, organisations=[dfe]
        ),
        "analyst": user_create(username="analyst", password=PASSWORD, role=Role.ANALYST),
    }


def _action(world: dict, *, due: int = -3, **kwargs) -> Action:
    return action_raise(
        title=kwargs.pop("title", "Unblock the funding"),
        due_date=TODAY + dt.timedelta(days=due),
        commitments=kwargs.pop("commitments", [world["hospitals"]]),
        owner_organisation=kwargs.pop("owner_organisation", world["dh"]),
        **kwargs,
    )


def test_a_note_keeps_its_commitments_and_is_listed_newest_first(world: dict) -> None:
    older = note_add(
        source=NoteSource.CALL, noted_on=TODAY, text="Call.", commitments=[world["schools"]]
    )
    newer = note_add(
        source=NoteSource.VISIT,
        noted_on=TODAY + dt.timedelta(days=1),
        text="  Visit.  ",
        commitments=[world["schools"], world["hospitals"]],
    )
    assert newer.text == "Visit."
    assert commitment_notes(commitment=world["schools"]) == [newer, older]
    assert commitment_notes(commitment=world["hospitals"]) == [newer]


def test_a_note_from_an_unknown_source_is_refused(world: dict) -> None:
    with pytest.raises(ValidationError) as error:
        note_add(source="rumour", noted_on=TODAY, text="Heard it.")
    assert "source" in error.value.message_dict


def test_an_action_needs_an_owner(world: dict) -> None:
    with pytest.raises(ValidationError, match="owner"):
        _action(world, owner_organisation=None)
    assert not Action.objects.exists()


def test_open_and_overdue_actions_as_of_a_day(world: dict) -> None:
    late = _action(world, due=-3)
    soon = _action(world, due=5, title="Soon")
    done = action_complete(action=_action(world, due=-9, title="Done"), completed_on=TODAY)
    assert list(actions_open()) == [late, soon]
    assert list(actions_overdue(as_of=TODAY)) == [late]
    assert list(actions_overdue(as_of=TODAY + dt.timedelta(days=6))) == [late, soon]
    assert late.is_overdue(TODAY)
    assert not done.is_overdue(TODAY)
    assert commitment_actions(commitment=world["hospitals"])[-1] == done
    assert list(actions_filtered(Action.objects.all(), as_of=TODAY, status="done")) == [done]
    assert (
        list(actions_filtered(Action.objects.all(), as_of=TODAY, organisation=world["dfe"])) == []
    )


def test_changing_an_action_bumps_its_version_and_records_the_change(world: dict) -> None:
    action = _action(world)
    assert action.version == 1
    action_change(action=action, expected_version=1, changes={"due_date": TODAY})
    action.refresh_from_db()
    assert (action.version, action.due_date) == (2, TODAY)
    changes = Change.objects.filter(object_id=str(action.pk), kind="changed")
    assert [c.changes["due_date"][1] for c in changes if "due_date" in c.changes] == [
        TODAY.isoformat()
    ]


def test_a_change_from_a_stale_version_is_refused_with_both_versions(world: dict) -> None:
    action = _action(world)
    action_change(action=action, expected_version=1, changes={"title": "Theirs"})
    with pytest.raises(EditConflictError) as error:
        action_change(action=action, expected_version=1, changes={"title": "Mine"})
    assert error.value.current["title"] == "Theirs"
    assert error.value.submitted["title"] == "Mine"
    action.refresh_from_db()
    assert (action.title, action.version) == ("Theirs", 2)


def test_reopening_an_action_clears_its_completion_date(world: dict) -> None:
    action = action_complete(action=_action(world), completed_on=TODAY)
    action_change(action=action, expected_version=action.version, changes={"status": "open"})
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.OPEN, None)


def test_a_done_action_must_say_when(world: dict) -> None:
    action = _action(world)
    with pytest.raises(ValidationError):
        action_change(action=action, expected_version=1, changes={"status": ActionStatus.DONE})


def test_who_may_add_notes_and_change_actions(world: dict) -> None:
    editor, analyst = world["editor"], world["analyst"]
    assert allowed(editor, Do.NOTE, world["schools"])
    assert not allowed(editor, Do.NOTE, world["hospitals"])
    assert allowed(analyst, Do.NOTE, world["hospitals"])
    on_hospitals = _action(world)
    owned_by_dfe = _action(world, title="DfE's", owner_organisation=world["dfe"])
    assert not allowed(editor, Do.REPORT, on_hospitals)
    assert allowed(editor, Do.REPORT, owned_by_dfe)
    assert allowed(analyst, Do.REPORT, on_hospitals)


def test_who_sees_notes_and_actions(world: dict) -> None:
    note = note_add(
        source=NoteSource.DATA, noted_on=TODAY, text="Data.", commitments=[world["hospitals"]]
    )
    action = _action(world)
    editor = world["editor"]
    assert list(notes_visible(None)) == []
    assert list(actions_visible(None)) == []
    assert list(notes_visible(editor)) == []
    assert list(actions_visible(editor)) == []
    assert not allowed(editor, Do.VIEW, action)
    assert list(notes_visible(world["analyst"])) == [note]
    assert allowed(world["analyst"], Do.VIEW, action)
    public = note_add(
        source=NoteSource.DATA, noted_on=TODAY, text="On schools.", commitments=[world["schools"]]
    )
    assert list(notes_visible(editor)) == [public]
    assert not allowed(None, Do.VIEW, public)
