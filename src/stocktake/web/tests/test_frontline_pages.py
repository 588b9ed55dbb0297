"""Frontline notes, actions and milestones in the browser's terms: adding a note and raising an
action from a commitment's page (with their errors), the list of actions with its filters, an
action's page, changing an action or a milestone and the stale form that loses neither version,
the dashboard's overdue actions. Without JavaScript: plain form posts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from stocktake.progress.models import Action, ActionStatus, Note
from stocktake.progress.services import action_change
from stocktake.register.models import Milestone, Organisation
from stocktake.register.services import milestone_update
from stocktake.web.presenters import govuk_date

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo_register: None) -> None:
    """Every test here reads the demo register."""


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}-day": str(day.day),
        f"{prefix}-month": str(day.month),
        f"{prefix}-year": str(day.year),
    }


def test_the_commitment_page_shows_notes_and_actions_to_signed_in_users(client: Client) -> None:
    page = client.get("/commitments/MAN2015/M06/").content.decode()
    assert "Frontline notes" in page
    assert "mental health bed" in page
    assert "Agree a joint plan with NHS England" in page
    assert "Overdue" in page
    assert "Add a frontline note" in page
    assert "Raise an action" in page


def test_visitors_see_no_notes_or_actions(db: None) -> None:
    page = Client().get("/commitments/MAN2015/M06/").content.decode()
    assert "Frontline notes" not in page
    assert "mental health bed" not in page
    assert Client().get("/actions/").status_code == 302


def test_a_note_with_errors_names_each_field_and_adds_nothing(dfe_editor: Client) -> None:
    before = Note.objects.count()
    response = dfe_editor.post(
        "/commitments/MAN2015/M03/notes/add/",
        {"noted_on-day": "31", "noted_on-month": "2", "noted_on-year": "2026", "text": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#id_source"' in page or "Select where the note came from" in page
    assert "must be a real date" in page
    assert "Enter what you learned" in page
    assert Note.objects.count() == before


def test_a_department_editor_adds_a_note_to_their_commitment(dfe_editor: Client) -> None:
    today = timezone.localdate()
    response = dfe_editor.post(
        "/commitments/MAN2015/M03/notes/add/",
        {"source": "visit", **_date("noted_on", today), "text": "Nursery in Leeds is full."},
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/commitments/MAN2015/M03/?added=note#notes")
    note = Note.objects.get(text="Nursery in Leeds is full.")
    assert list(note.commitments.values_list("code", flat=True)) == ["M03"]
    assert note.author.username == "page-dfe-editor"
    assert "Your note has been added" in dfe_editor.get(response["Location"]).content.decode()


def test_a_department_editor_may_not_add_notes_to_others_commitments(dfe_editor: Client) -> None:
    assert dfe_editor.get("/commitments/MAN2015/M06/notes/add/").status_code == 403
    assert dfe_editor.get("/commitments/MAN2015/M06/actions/add/").status_code == 403


def test_raising_an_action_needs_an_owner_and_a_due_date(dfe_editor: Client) -> None:
    before = Action.objects.count()
    response = dfe_editor.post("/commitments/MAN2015/M03/actions/add/", {"title": "Do it"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Choose who owns the action" in page
    assert "Enter the due date" in page
    assert 'href="#id_due_date-day"' in page
    assert Action.objects.count() == before


def test_raising_an_action_shows_its_page(dfe_editor: Client) -> None:
    due = timezone.localdate() + dt.timedelta(days=10)
    organisation = Organisation.objects.get(code="DfE")
    response = dfe_editor.post(
        "/commitments/MAN2015/M03/actions/add/",
        {
            "title": "Publish the provider rates",
            "owner_organisation": organisation.pk,
            **_date("due_date", due),
        },
    )
    assert response.status_code == 302
    page = dfe_editor.get(response["Location"]).content.decode()
    assert "Publish the provider rates" in page
    assert "The action has been saved" in page
    assert "History of changes" in page


def test_the_action_list_filters_by_organisation_status_and_overdue(client: Client) -> None:
    page = client.get("/actions/").content.decode()
    assert "Agree a joint plan with NHS England" in page
    assert "Clear the three fly-tipping hot spots" not in page  # done: not open
    done = client.get("/actions/?status=done").content.decode()
    assert "Clear the three fly-tipping hot spots" in done
    overdue = client.get("/actions/?status=open&overdue=on&organisation=DfE").content.decode()
    assert "Review the funded hourly rate" in overdue
    assert "Agree a joint plan with NHS England" not in overdue
    assert "Publish the list of apprenticeship standards" not in overdue


def test_the_dashboard_shows_overdue_actions_to_signed_in_users(client: Client) -> None:
    page = client.get("/").content.decode()
    assert "Overdue actions" in page
    assert "Review the funded hourly rate" in page
    assert "Overdue actions" not in Client().get("/").content.decode()


def test_a_stale_action_form_shows_both_versions_and_saves_nothing(client: Client) -> None:
    action = Action.objects.get(title__startswith="Publish the list of apprenticeship")
    form = client.get(f"/actions/{action.pk}/change/").content.decode()
    assert f'name="version" value="{action.version}"' in form
    opened_at = action.version
    action_change(
        action=action, expected_version=opened_at, changes={"title": "Theirs: publish the list"}
    )
    response = client.post(
        f"/actions/{action.pk}/change/",
        {
            "title": "Mine: publish the list",
            "owner_organisation": action.owner_organisation_id,
            "owner_person": action.owner_person_id or "",
            **_date("due_date", action.due_date),
            "status": "open",
            "version": opened_at,
        },
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this since you opened it" in page
    assert "Theirs: publish the list" in page
    assert "Mine: publish the list" in page
    assert f'name="version" value="{opened_at + 1}"' in page
    action.refresh_from_db()
    assert action.title == "Theirs: publish the list"


def test_completing_an_action_needs_the_date_it_was_done(client: Client) -> None:
    action = Action.objects.get(title__startswith="Fund a construction skills academy")
    data = {
        "title": action.title,
        "owner_organisation": action.owner_organisation_id,
        **_date("due_date", action.due_date),
        "status": "done",
        "version": action.version,
    }
    response = client.post(f"/actions/{action.pk}/change/", data)
    assert response.status_code == 400
    assert "Enter the date the action was completed" in response.content.decode()
    today = timezone.localdate()
    response = client.post(
        f"/actions/{action.pk}/change/", {**data, **_date("completed_on", today)}
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.completed_on) == (ActionStatus.DONE, today)


def _milestone_url(milestone: Milestone) -> str:
    commitment = milestone.commitment
    return (
        f"/commitments/{commitment.programme.code}/{commitment.code}/milestones/"
        f"{milestone.code}/change/"
    )


def test_a_department_editor_moves_a_milestone_of_their_commitment(dfe_editor: Client) -> None:
    milestone = Milestone.objects.filter(
        commitment__programme__code="MAN2015", commitment__code="M03"
    ).first()
    page = dfe_editor.get("/commitments/MAN2015/M03/").content.decode()
    assert _milestone_url(milestone) in page
    later = milestone.current_due_date + dt.timedelta(days=30)
    response = dfe_editor.post(
        _milestone_url(milestone),
        {**_date("current_due_date", later), "version": milestone.version},
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.current_due_date == later
    assert "The milestone has been saved" in dfe_editor.get(response["Location"]).content.decode()
    other = Milestone.objects.filter(commitment__code="M06").first()
    assert dfe_editor.get(_milestone_url(other)).status_code == 403


def test_a_stale_milestone_form_shows_both_versions_and_saves_nothing(dfe_editor: Client) -> None:
    milestone = Milestone.objects.filter(
        commitment__programme__code="MAN2015", commitment__code="M04"
    ).first()
    opened_at = milestone.version
    theirs = milestone.current_due_date + dt.timedelta(days=10)
    mine = milestone.current_due_date + dt.timedelta(days=60)
    milestone_update(
        milestone=milestone, expected_version=opened_at, changes={"current_due_date": theirs}
    )
    response = dfe_editor.post(
        _milestone_url(milestone), {**_date("current_due_date", mine), "version": opened_at}
    )
    page = response.content.decode()
    assert response.status_code == 409
    assert "Someone else changed this since you opened it" in page
    assert govuk_date(theirs) in page
    assert govuk_date(mine) in page
    milestone.refresh_from_db()
    assert milestone.current_due_date == theirs
