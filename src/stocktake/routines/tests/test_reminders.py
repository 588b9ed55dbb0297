"""Reminders: each person's daily digest says what needs them, goes out by email once a day,
and a dry run sends and records nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner
from django.core import mail

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.cli import main
from stocktake.progress.services import action_raise
from stocktake.progress.tests.factories import report
from stocktake.register.models import CommitmentOrganisation, OwnershipRole
from stocktake.register.tests.factories import (
    CommitmentFactory,
    MilestoneFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)
from stocktake.routines.models import ReminderSent

pytestmark = pytest.mark.django_db
AS_OF = "2016-06-15"  # May's update is due; April's or earlier is overdue


@pytest.fixture
def register() -> None:
    """Four Department for Education commitments: C1 reported for May (nothing due), C2 for
    April (due), C3 for February and C4 never (overdue); a milestone and a deadline coming up,
    an overdue action; one editor with an email, one without, and a health viewer with nothing
    to hear about."""
    programme = ProgrammeFactory(code="man", title="Manifesto")
    schools = OrganisationFactory(code="DfE", name="Department for Education")
    health = OrganisationFactory(code="DH", name="Department of Health")
    commitments = {}
    for code in ("C1", "C2", "C3", "C4"):
        commitments[code] = CommitmentFactory(programme=programme, code=code, title=f"Goal {code}")
        CommitmentOrganisation.objects.create(
            commitment=commitments[code], organisation=schools, role=OwnershipRole.LEAD
        )
    report(commitments["C1"], 5, "on-track")
    report(commitments["C2"], 4, "on-track")
    report(commitments["C3"], 2, "on-track")
    MilestoneFactory(
        commitment=commitments["C1"],
        title="Sites agreed",
        baseline_due_date=dt.date(2016, 6, 20),
        current_due_date=dt.date(2016, 6, 20),
    )
    MilestoneFactory(  # far off: not in the digest
        commitment=commitments["C1"],
        title="Schools open",
        baseline_due_date=dt.date(2016, 9, 1),
        current_due_date=dt.date(2016, 9, 1),
    )
    commitments["C2"].deadline_phrase = "By July 2016"
    commitments["C2"].deadline_latest = dt.date(2016, 7, 1)
    commitments["C2"].save()
    action_raise(
        title="Agree the data-sharing protocol",
        due_date=dt.date(2016, 6, 1),
        owner_organisation=schools,
        owner_person=PersonFactory(),
        commitments=[commitments["C3"]],
    )
    user_create(
        username="dfe",
        password="Lamp-Post-Sorting-42",
        email="dfe@example.gov.uk",
        role=Role.EDITOR,
        organisations=[schools],
    )
    user_create(
        username="dfe-no-email",
        password="Lamp-Post-Sorting-42",
        role=Role.EDITOR,
        organisations=[schools],
    )
    user_create(
        username="dh",
        password="Lamp-Post-Sorting-42",
        email="dh@example.gov.uk",
        role=Role.VIEWER,
        organisations=[health],
    )


@pytest.mark.usefixtures("register")
def test_a_dry_run_shows_the_digest_and_sends_nothing() -> None:
    result = CliRunner().invoke(main, ["remind", "--dry-run", "--as-of", AS_OF])
    assert result.exit_code == 0, result.output
    assert "Would send to dfe@example.gov.uk: Stocktake: 6 things need you today" in result.output
    assert "1 digest to send; 0 already sent today; 1 with nothing to say." in result.output
    assert not mail.outbox
    assert not ReminderSent.objects.exists()


@pytest.mark.usefixtures("register")
def test_each_person_gets_one_digest_a_day_however_often_remind_runs() -> None:
    first = CliRunner().invoke(main, ["remind", "--as-of", AS_OF])
    assert first.exit_code == 0, first.output
    assert "1 digest sent" in first.output
    (message,) = mail.outbox
    assert message.to == ["dfe@example.gov.uk"]
    body = message.body
    sections = [
        ("Updates overdue (2)", ["man C3. Goal C3: last update February 2016", "none yet"]),
        ("Updates due for May 2016 (1)", ["man C2. Goal C2: no update yet"]),
        ("Actions overdue (1)", ["Agree the data-sharing protocol: due 1 June 2016"]),
        ("Milestones due in the next 14 days (1)", ["Sites agreed due 20 June 2016"]),
        ("Deadlines in the next 30 days (1)", ["deadline “By July 2016”"]),
    ]
    for heading, lines in sections:
        assert heading in body
        for line in lines:
            assert line in body
    assert "Schools open" not in body
    assert "Goal C1: no update" not in body
    assert "http://127.0.0.1:8000/commitments/man/C3/" in body
    assert "http://127.0.0.1:8000/actions/" in body
    html = message.alternatives[0][0]
    assert '<a href="http://127.0.0.1:8000/commitments/man/C2/"' in html
    assert ReminderSent.objects.get().items == 6

    again = CliRunner().invoke(main, ["remind", "--as-of", AS_OF])
    assert "0 digests sent; 1 already sent today" in again.output
    assert len(mail.outbox) == 1
    next_day = CliRunner().invoke(main, ["remind", "--as-of", "2016-06-16"])
    assert "1 digest sent" in next_day.output
    assert len(mail.outbox) == 2
