"""Importing a report as a programme: all of it, or nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from stocktake.importing.documents.service import DocumentImportError, document_import
from stocktake.importing.documents.tests.conftest import SEED_PATH
from stocktake.progress.models import Update
from stocktake.register.models import (
    Commitment,
    Organisation,
    OrganisationKind,
    OwnershipRole,
    Programme,
    ProgrammeKind,
)

pytestmark = pytest.mark.django_db

AS_OF = dt.date(2001, 6, 20)


def _nothing_written() -> bool:
    return not (
        Programme.objects.exists()
        or Commitment.objects.exists()
        or Update.objects.exists()
        or Organisation.objects.exists()
    )


def _leads(commitment: Commitment) -> list[str]:
    return sorted(
        ownership.organisation.code
        for ownership in commitment.ownerships.filter(role=OwnershipRole.LEAD)
    )


def test_the_seed_gives_42_commitments_with_deadlines_and_a_first_update_each() -> None:
    report = document_import(path=SEED_PATH, as_of=AS_OF)

    programme = Programme.objects.get()
    commitments = programme.commitments.all()
    assert (programme.code, programme.title, programme.kind) == (
        "wiring-it-up",
        "Wiring It Up",
        ProgrammeKind.REPORT,
    )
    assert (programme.status_scale.code, programme.confidence_scale.code) == (
        "delivery-status",
        "confidence-5",
    )
    assert programme.source_document == "Wiring It Up"
    assert commitments.count() == 42
    assert Counter(commitments.values_list("deadline_kind", flat=True)) == {
        "date": 17,
        "ongoing": 13,
        "window": 9,
        "event": 2,
        "immediate": 1,
    }
    updates = Update.objects.filter(commitment__programme=programme)
    assert updates.count() == 42
    assert set(updates.values_list("period", "status__code", "author_name")) == {
        (dt.date(2001, 6, 1), "on-track", "Wiring It Up")
    }
    assert len(report.items) == 42


def test_the_seed_keeps_deadline_section_and_progress_on_each_commitment() -> None:
    document_import(path=SEED_PATH, as_of=AS_OF)

    conclusion = Commitment.objects.get(code="7")
    assert conclusion.deadline_phrase == "First element in place. Further modules by April 2000"
    assert (conclusion.deadline_kind, conclusion.deadline_latest) == ("date", dt.date(2000, 4, 30))
    assert [theme.name for theme in conclusion.themes.all()] == [
        "Leadership for cross-cutting policies and services"
    ]
    assert conclusion.updates.get().narrative.startswith("- 3.7.1 This Cabinet Office programme")
    assert Commitment.objects.filter(themes__isnull=False).distinct().count() == 42


def test_bodies_missing_from_the_register_are_warnings_and_not_created() -> None:
    report = document_import(path=SEED_PATH, as_of=AS_OF)

    assert not Organisation.objects.exists()
    assert (
        "HMT (Her Majesty's Treasury) is not in the register, so it is not linked to items "
        "1, 26, 31, 34, 38, 41 (creating missing organisations would add it)." in report.warnings
    )


def test_create_missing_adds_the_bodies_with_their_annex_names() -> None:
    document_import(path=SEED_PATH, as_of=AS_OF, create_missing=True)

    treasury = Organisation.objects.get(code="HMT")
    assert (treasury.name, treasury.kind) == ("Her Majesty's Treasury", OrganisationKind.OTHER)
    assert _leads(Commitment.objects.get(code="1")) == ["DSS", "DfEE", "HMT"]
    assert _leads(Commitment.objects.get(code="41")) == ["CO", "HMT"]


def test_organisations_already_in_the_register_are_linked_by_name_or_code() -> None:
    Organisation.objects.create(code="HMT", name="HM Treasury", kind=OrganisationKind.DEPARTMENT)
    Organisation.objects.create(code="CAB", name="Cabinet Office", kind=OrganisationKind.DEPARTMENT)

    report = document_import(path=SEED_PATH, as_of=AS_OF)

    assert _leads(Commitment.objects.get(code="41")) == ["CAB", "HMT"]
    assert not any(warning.startswith(("HMT", "CO ")) for warning in report.warnings)
    assert "12 with responsible bodies (2 joint); 8 linked" in report.summary()


def test_importing_the_same_programme_code_again_is_refused_and_writes_nothing() -> None:
    document_import(path=SEED_PATH, as_of=AS_OF)

    with pytest.raises(DocumentImportError) as error:
        document_import(path=SEED_PATH, as_of=AS_OF)

    assert str(error.value) == (
        f"{SEED_PATH}: a programme with code 'wiring-it-up' already exists; "
        "choose another code with --programme."
    )
    assert (Programme.objects.count(), Commitment.objects.count(), Update.objects.count()) == (
        1,
        42,
        42,
    )


def test_a_dry_run_writes_nothing_and_lists_what_it_would_create() -> None:
    report = document_import(path=SEED_PATH, dry_run=True, create_missing=True, as_of=AS_OF)

    assert _nothing_written()
    assert report.dry_run
    assert report.as_rows()[40] == (
        "41",
        "The Chief Secretary to HM Treasury and the Minister for the Cabinet Office should "
        "submit a joint report to the Prime Minister on progress with the implementation of "
        "the proposals in this report, by early 2001.",
        "Early 2001",
        "window",
        "Getting the role of the centre right",
        "HMT, CO",
    )
    assert report.summary().splitlines()[:7] == [
        f"Dry run of {SEED_PATH}; nothing was written. It would create programme "
        "'wiring-it-up' (Wiring It Up):",
        "  42 commitments (0 of them sub-items) in 6 sections",
        "  42 with a deadline: 17 date, 13 ongoing, 9 window, 2 event, 1 immediate",
        "  12 with responsible bodies (2 joint); 13 linked to organisations in the register",
        "  0 with a government response",
        "  42 first updates for June 2001",
        "  0 warnings",
    ]


def test_an_unreadable_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4 truncated")

    with pytest.raises(DocumentImportError) as error:
        document_import(path=path)

    assert str(error.value) == f"{path}: it is not a readable PDF."
    assert _nothing_written()


def test_a_document_without_items_is_refused(write_text: Callable[..., Path]) -> None:
    path = write_text("Minutes of the meeting.\n\nNothing was agreed.\n", name="minutes.txt")

    with pytest.raises(DocumentImportError, match=r"minutes\.txt: no numbered conclusions"):
        document_import(path=path)

    assert _nothing_written()


def test_duplicate_item_codes_are_refused_naming_the_lines(
    write_text: Callable[..., Path],
) -> None:
    path = write_text(
        "Recommendation 1: Publish.\nBy when: 2024\n\nRecommendation 1: Train.\nBy when: 2025\n"
    )

    with pytest.raises(DocumentImportError) as error:
        document_import(path=path)

    assert error.value.problems == [
        "item 1 appears more than once (lines 1, 4); each item needs its own number."
    ]
    assert _nothing_written()


def test_problems_with_items_are_all_reported_and_nothing_is_written(
    write_text: Callable[..., Path],
) -> None:
    long_deadline = "by " + "the end of the next spending round " * 10
    path = write_text(
        f"Recommendation 1: Publish.\nBy when: {long_deadline}\n\n"
        "Recommendation 2: Train.\nBy when: 2025\n\n"
        f"Recommendation 3: Consult.\nBy when: {long_deadline}\n",
        name="plan.txt",
    )

    with pytest.raises(DocumentImportError) as error:
        document_import(path=path, programme_code="plan")

    assert [problem[:48] for problem in error.value.problems] == [
        "line 1, item 1: deadline_phrase: Ensure this val",
        "line 7, item 3: deadline_phrase: Ensure this val",
    ]
    assert str(error.value).startswith(f"{path}: 2 problems; nothing was imported.\n  - line 1")
    assert _nothing_written()


def test_an_invalid_programme_code_is_refused(write_text: Callable[..., Path]) -> None:
    path = write_text("Recommendation 1: Publish.\n")

    with pytest.raises(DocumentImportError, match="programme 'not a slug': code: "):
        document_import(path=path, programme_code="not a slug")

    assert _nothing_written()


def test_government_responses_are_recorded_with_the_first_update(
    write_text: Callable[..., Path],
) -> None:
    path = write_text(
        "# Response to the housing review\n\nPublished: 12 May 2023\n\n"
        "Recommendation 1: Build more homes.\n\n"
        "The Government accepts this recommendation in principle.\n\n"
        "Recommendation 2: Abolish planning.\n\nResponse: Rejected.\n\n"
        "Recommendation 2a: Simplify planning.\nBy when: 2025\n\nA bill is being drafted.\n",
        name="housing_review_response.md",
    )

    report = document_import(path=path)

    programme = Programme.objects.get(code="response-to-the-housing-review")
    assert (programme.title, programme.source_date) == (
        "Response to the housing review",
        dt.date(2023, 5, 12),
    )
    first, second, child = programme.commitments.order_by("code")
    assert (first.government_response, second.government_response) == (
        "accepted_in_principle",
        "rejected",
    )
    update = first.updates.get()
    assert (update.period, update.status.code, update.narrative) == (
        dt.date(2023, 5, 1),
        "not-started",
        "Government response: The Government accepts this recommendation in principle.",
    )
    assert child.parent == second
    assert child.updates.get().status.code == "on-track"
    assert "2 with a government response: 1 accepted in principle, 1 rejected" in report.summary()
