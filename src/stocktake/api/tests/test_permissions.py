"""The permission matrix through the API: every role, every commitment, each kind of write;
what is allowed and what is refused (401 without a token, 404 out of sight, 403 in sight but not
theirs), and nothing changed when refused."""

from __future__ import annotations

import pytest

from stocktake.access.tests.conftest import CENTRAL, REPORTABLE, ROLES, VISIBLE, World
from stocktake.measures.models import Observation
from stocktake.progress.models import Update
from stocktake.register.models import Commitment, Milestone

pytestmark = pytest.mark.django_db


def _refusal(role: str, name: str) -> int:
    """How the API refuses ``role`` a write on commitment ``name``."""
    if name not in VISIBLE[role]:
        return 404
    return 401 if role == "anonymous" else 403


@pytest.mark.parametrize("role", ROLES)
def test_reading_and_reporting_on_each_commitment(as_role, world: World, role: str) -> None:
    api = as_role(role)
    for name, commitment in world.commitments.items():
        seen = api.get(f"/commitments/{commitment.pk}/")
        assert seen.status_code == (200 if name in VISIBLE[role] else 404), name
        before = Update.objects.filter(commitment=commitment).count()
        added = api.post(
            f"/commitments/{commitment.pk}/updates/",
            {"period": "2016-07-01", "status": "on-track", "narrative": "On track."},
        )
        reportable = name in REPORTABLE[role]
        assert added.status_code == (201 if reportable else _refusal(role, name))
        after = Update.objects.filter(commitment=commitment).count()
        assert after == before + (1 if reportable else 0), name


@pytest.mark.parametrize("role", ROLES)
def test_changing_commitments_milestones_and_values(as_role, world: World, role: str) -> None:
    api = as_role(role)
    commitment = world.commitments["open/DFE"]
    changed = api.patch(f"/commitments/{commitment.pk}/", {"version": 1, "title": "Renamed"})
    central = role in CENTRAL
    assert changed.status_code == (200 if central else _refusal(role, "open/DFE"))
    assert (Commitment.objects.get(pk=commitment.pk).title == "Renamed") is central

    milestone = world.objects["milestone of open/EFA"]
    moved = api.patch(f"/milestones/{milestone.pk}/", {"version": 1, "title": "Agreed"})
    mine = "open/EFA" in REPORTABLE[role]
    assert moved.status_code == (200 if mine else _refusal(role, "open/EFA"))
    assert (Milestone.objects.get(pk=milestone.pk).title == "Agreed") is mine

    values = {
        "items": [{"measure": "waits", "area": "E92000001", "period": "2016-07-01", "value": 9}]
    }
    sent = api.post("/observations/", values)
    mine = "open/DH" in REPORTABLE[role]
    # A measure out of sight is named as unknown in the item (422), not revealed as forbidden.
    expected = (
        200 if mine else 401 if role == "anonymous" else 403 if "open/DH" in VISIBLE[role] else 422
    )
    assert sent.status_code == expected
    assert Observation.objects.filter(value=9).exists() is mine
