"""The portfolio figures: status by lead organisation, confidence movement, late milestones,
what falls due, stale updates and joint commitments, on a small register with known answers."""

from __future__ import annotations

import datetime as dt

import pytest

from stocktake.progress.portfolio import portfolio_summary
from stocktake.progress.tests.factories import report
from stocktake.register.models import Commitment
from stocktake.register.services import commitment_create, milestone_create
from stocktake.register.tests.factories import (
    OrganisationFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2016, 6, 15)


@pytest.fixture
def commitments() -> dict[str, Commitment]:
    programme = ProgrammeFactory(code="man2015")
    bis = OrganisationFactory(code="BIS", name="Business")
    dfe = OrganisationFactory(code="DfE", name="Education")
    made = {
        code: commitment_create(programme=programme, code=code, title=code, **owners)
        for code, owners in {
            "UP": {"lead_organisations": [bis, dfe], "deadline": "July 2016"},
            "DOWN": {"lead_organisations": [dfe]},
            "NEW": {"lead_organisations": [dfe], "supporting_organisations": [bis]},
            "STALE": {"lead_organisations": [bis]},
            "SILENT": {},
        }.items()
    }
    report(made["UP"], 4, "minor-issues", "amber")
    report(made["UP"], 5, "on-track", "green")
    report(made["DOWN"], 4, "on-track", "green")
    report(made["DOWN"], 5, "major-issues", "amber-red")
    report(made["NEW"], 5, "on-track", "amber")
    report(made["STALE"], 3, "off-track", "red")
    milestone_create(
        commitment=made["UP"],
        code="late",
        title="Levy in force",
        baseline_due_date=dt.date(2016, 4, 1),
        current_due_date=dt.date(2016, 5, 1),
    )
    milestone_create(
        commitment=made["DOWN"],
        code="soon",
        title="Sites chosen",
        baseline_due_date=dt.date(2016, 7, 1),
        current_due_date=dt.date(2016, 7, 1),
    )
    return made


def test_status_by_lead_organisation_counts_joint_commitments_under_each_lead(
    commitments: dict,
) -> None:
    (table,) = portfolio_summary(commitments=Commitment.objects.all(), as_of=AS_OF).status_tables

    codes = [level.code for level in table.levels]
    rows = {row.organisation.code if row.organisation else None: row for row in table.rows}
    assert set(rows) == {"BIS", "DfE", None}
    assert rows["BIS"].counts[codes.index("on-track")] == 1  # UP, led jointly
    assert rows["BIS"].counts[codes.index("off-track")] == 1  # STALE
    assert rows["DfE"].counts[codes.index("on-track")] == 2  # UP and NEW
    assert rows["DfE"].counts[codes.index("major-issues")] == 1
    assert rows[None].counts[-1] == 1  # SILENT: no lead, no update
    assert table.largest == 2


def test_confidence_movement_since_the_last_period(commitments: dict) -> None:
    portfolio = portfolio_summary(commitments=Commitment.objects.all(), as_of=AS_OF)

    (table,) = portfolio.confidence_tables
    assert table.moved == {"up": 1, "down": 1, "same": 1, "new": 1}
    rows = {row.level.code if row.level else None: row for row in table.rows}
    assert (rows["green"].count, rows["green"].up) == (1, 1)
    assert (rows["amber-red"].count, rows["amber-red"].down) == (1, 1)
    assert (rows["amber"].count, rows["amber"].new) == (1, 1)
    assert (rows["red"].count, rows["red"].same) == (1, 1)  # STALE: no judgement since March
    assert rows[None].count == 1
    assert portfolio.freshness.period == dt.date(2016, 5, 1)


def test_late_milestones_what_falls_due_stale_and_joint(commitments: dict) -> None:
    portfolio = portfolio_summary(commitments=Commitment.objects.all(), as_of=AS_OF)

    assert portfolio.total == 5
    assert (portfolio.overdue_count, portfolio.slipping_count) == (1, 1)
    assert [m.title for m in portfolio.late_milestones] == ["Levy in force"]
    assert [(item.commitment.code, bool(item.milestone)) for item in portfolio.due] == [
        ("DOWN", True),
        ("UP", False),
    ]
    assert portfolio.due_count == 2
    assert [c.code for c in portfolio.stale] == ["SILENT", "STALE"]
    assert [c.code for c in portfolio.joint] == ["UP"]


def test_a_portfolio_is_any_set_of_commitments(commitments: dict) -> None:
    portfolio = portfolio_summary(
        commitments=Commitment.objects.filter(ownerships__organisation__code="BIS"), as_of=AS_OF
    )

    assert portfolio.total == 3  # UP and STALE lead, NEW supporting: each once
    assert portfolio.joint_count == 1
    assert portfolio.stale_count == 1
