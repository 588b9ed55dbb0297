"""The monthly round: what is due, requests for more and what answers them, the central unit's
judgement (recorded where every reader of confidence looks), and what changed since last period."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from stocktake.progress.models import AppendOnlyError, DeliveryStage, FrameworkRating, Update
from stocktake.progress.rounds import (
    judgements_latest,
    period_review,
    reporting_period,
    requests_open,
    submissions,
    updates_due,
)
from stocktake.progress.selectors import commitments_with_latest
from stocktake.progress.services import judgement_record, update_request
from stocktake.progress.tests.factories import report
from stocktake.register.models import Commitment
from stocktake.register.tests.factories import CommitmentFactory, scale_level
from stocktake.reports.selectors import progress_updates

pytestmark = pytest.mark.django_db

MAY = dt.date(2016, 5, 1)


def _judge(commitment: Commitment, level: str = "amber", **kwargs) -> object:
    return judgement_record(
        commitment=commitment,
        period=kwargs.pop("period", MAY),
        confidence=scale_level("confidence-5", level),
        rationale=kwargs.pop("rationale", "Because."),
        **kwargs,
    )


def test_the_round_collects_the_month_holding_the_day() -> None:
    assert reporting_period(dt.date(2016, 5, 17)) == MAY


def test_what_is_due_leaves_out_the_updated_and_objectives_that_never_reported() -> None:
    sent, owing = CommitmentFactory(code="A"), CommitmentFactory(code="B")
    objective = CommitmentFactory(code="O")
    CommitmentFactory(code="O1", parent=objective, programme=objective.programme)
    report(sent, 5, "on-track")
    report(owing, 4, "on-track")
    due = updates_due(Commitment.objects.all(), period=MAY)
    assert sorted(c.code for c in due) == ["B", "O1"]


def test_a_judgement_alone_does_not_count_as_the_departments_update() -> None:
    commitment = CommitmentFactory()
    report(commitment, 4, "minor-issues")
    _judge(commitment)
    assert list(updates_due(Commitment.objects.all(), period=MAY)) == [commitment]
    assert list(submissions(Commitment.objects.all(), period=MAY)) == []


def test_a_judgement_is_the_confidence_every_reader_sees() -> None:
    commitment = CommitmentFactory()
    report(commitment, 4, "minor-issues", "green")
    report(commitment, 5, "major-issues")
    judgement = _judge(
        commitment,
        "amber-red",
        rationale="Sites are the constraint.",
        planning=FrameworkRating.AMBER_GREEN,
        stage=DeliveryStage.EARLY,
    )
    assert judgement.update.status.code == "major-issues"  # the department's, unchanged
    latest = commitments_with_latest(Commitment.objects.all()).get()
    assert latest.latest_confidence_id == scale_level("confidence-5", "amber-red").pk
    assert latest.latest_status_id == scale_level("delivery-status", "major-issues").pk
    found = judgements_latest(commitments=Commitment.objects.all(), as_of=MAY)[commitment.pk]
    assert found.confidence.code == "amber-red"
    assert found.rationale == "Sites are the constraint."
    assert found.planning.startswith("Amber/Green")
    assert found.capacity == ""
    assert found.stage == "2. Early stages of delivery"
    before = judgements_latest(commitments=Commitment.objects.all(), as_of=dt.date(2016, 4, 30))
    assert before[commitment.pk].confidence.code == "green"
    assert before[commitment.pk].planning == ""  # came with an imported update


def test_a_judgement_needs_a_reported_status_and_a_rationale() -> None:
    commitment = CommitmentFactory()
    with pytest.raises(ValidationError, match="no update"):
        _judge(commitment)
    report(commitment, 5, "on-track")
    with pytest.raises(ValidationError, match="rationale"):
        _judge(commitment, rationale="  ")
    with pytest.raises(ValidationError, match="confidence scale"):
        judgement_record(
            commitment=commitment,
            period=MAY,
            confidence=scale_level("likelihood-4", "mixed"),
            rationale="Wrong scale.",
        )
    assert commitment.updates.count() == 1


def test_a_judgement_cannot_be_edited() -> None:
    commitment = CommitmentFactory()
    report(commitment, 5, "on-track")
    judgement = _judge(commitment)
    judgement.planning = FrameworkRating.RED
    with pytest.raises(AppendOnlyError):
        judgement.save()


def test_a_request_stays_open_until_a_newer_update_for_the_period() -> None:
    commitment = CommitmentFactory()
    report(commitment, 5, "on-track")
    asked = update_request(commitment=commitment, period=MAY, message="More, please.")
    assert list(requests_open(Commitment.objects.all())) == [asked]
    assert period_review(commitment=commitment, period=MAY).open_request == asked
    _judge(commitment)  # the unit's own judgement answers nothing
    assert list(requests_open(Commitment.objects.all())) == [asked]
    report(commitment, 5, "minor-issues")
    assert list(requests_open(Commitment.objects.all())) == []
    assert period_review(commitment=commitment, period=MAY).open_request is None


def test_what_changed_since_the_last_period() -> None:
    commitment = CommitmentFactory()
    report(commitment, 4, "on-track", "green")
    report(commitment, 5, "major-issues")
    _judge(commitment, "amber")
    review = period_review(commitment=commitment, period=MAY)
    assert review.latest.status.code == "major-issues"
    assert review.status_movement == "down"
    assert review.confidence_movement == "down"
    assert review.narrative_changed
    assert review.judgement.update.confidence.code == "amber"
    sent = submissions(Commitment.objects.all(), period=MAY).get()
    assert sent.judged
    assert not sent.asked


def test_updates_stay_append_only_with_the_round() -> None:
    commitment = CommitmentFactory()
    update = report(commitment, 5, "on-track")
    with pytest.raises(AppendOnlyError):
        Update.objects.filter(pk=update.pk).update(narrative="Rewritten")


def test_the_progress_report_reads_the_departments_updates_not_the_judgements() -> None:
    commitment = CommitmentFactory()
    sent = report(commitment, 5, "on-track")
    _judge(commitment, rationale="The unit's view.")
    found = progress_updates(
        commitments=Commitment.objects.all(), since=None, as_of=dt.date(2016, 5, 31)
    )
    assert found[commitment.pk] == [sent]
