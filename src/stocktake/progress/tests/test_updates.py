"""Updates are append-only and must use their programme's scales."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from stocktake.progress.models import AppendOnlyError, Update
from stocktake.progress.services import update_create
from stocktake.register.tests.factories import CommitmentFactory, scale_level

pytestmark = pytest.mark.django_db

APRIL = dt.date(2016, 4, 1)


@pytest.fixture
def update() -> Update:
    return update_create(
        commitment=CommitmentFactory(),
        period=APRIL,
        status=scale_level("delivery-status", "on-track"),
        confidence=scale_level("confidence-5", "amber-green"),
        narrative="Procurement complete; contracts signed with 12 providers.",
        evidence=[{"title": "Board minutes", "url": "https://example.gov.uk/minutes"}],
    )


def test_an_update_cannot_be_edited(update: Update) -> None:
    update.narrative = "Rewritten history"
    with pytest.raises(AppendOnlyError):
        update.save()
    with pytest.raises(AppendOnlyError):
        Update.objects.filter(pk=update.pk).update(narrative="Rewritten history")
    update.refresh_from_db()
    assert update.narrative.startswith("Procurement complete")


def test_an_update_cannot_be_deleted(update: Update) -> None:
    with pytest.raises(AppendOnlyError):
        update.delete()
    with pytest.raises(AppendOnlyError):
        Update.objects.all().delete()
    assert Update.objects.count() == 1


def test_a_correction_is_a_new_update(update: Update) -> None:
    update_create(
        commitment=update.commitment,
        period=APRIL,
        status=scale_level("delivery-status", "minor-issues"),
        narrative="Correction: two contracts are still unsigned.",
    )
    assert update.commitment.updates.count() == 2


def test_status_outside_the_programmes_scale_is_refused_naming_the_field() -> None:
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError) as error:
        update_create(
            commitment=commitment,
            period=APRIL,
            status=scale_level("rag-status", "green"),
            narrative="Fine.",
        )
    assert "status" in error.value.message_dict
    assert "not on the programme's status scale" in error.value.message_dict["status"][0]
    assert not Update.objects.exists()


def test_confidence_outside_the_programmes_scale_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        update_create(
            commitment=CommitmentFactory(),
            period=APRIL,
            status=scale_level("delivery-status", "on-track"),
            confidence=scale_level("likelihood-4", "mixed"),
            narrative="Fine.",
        )
    assert "confidence" in error.value.message_dict


@pytest.mark.parametrize(
    "evidence",
    [
        [{"title": "No link"}],
        [{"url": "javascript:alert(1)"}],
        ["https://example.gov.uk"],
    ],
)
def test_evidence_must_be_web_links(evidence: list) -> None:
    with pytest.raises(ValidationError) as error:
        update_create(
            commitment=CommitmentFactory(),
            period=APRIL,
            status=scale_level("delivery-status", "on-track"),
            narrative="Fine.",
            evidence=evidence,
        )
    assert "evidence" in error.value.message_dict


def test_period_must_be_a_month() -> None:
    with pytest.raises(ValidationError) as error:
        update_create(
            commitment=CommitmentFactory(),
            period=dt.date(2016, 4, 15),
            status=scale_level("delivery-status", "on-track"),
            narrative="Fine.",
        )
    assert "period" in str(error.value)
