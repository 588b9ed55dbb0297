"""Bad input is refused by validation (naming the field) and by the database itself."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from stocktake.register.models import (
    CommitmentOrganisation,
    OwnershipRole,
    Programme,
    ProgrammeKind,
    Scale,
)
from stocktake.register.services import commitment_create
from stocktake.register.tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def test_duplicate_code_in_a_programme_is_refused_naming_the_field() -> None:
    programme = ProgrammeFactory()
    commitment_create(programme=programme, code="M01", title="Three million apprenticeships")

    with pytest.raises(ValidationError) as error:
        commitment_create(programme=programme, code="M01", title="Another")

    assert "already exists in the programme" in str(error.value)
    assert programme.commitments.count() == 1


def test_the_same_code_may_appear_in_two_programmes() -> None:
    commitment_create(programme=ProgrammeFactory(), code="1", title="First")
    commitment_create(programme=ProgrammeFactory(), code="1", title="First elsewhere")


def test_database_refuses_duplicate_code_even_without_validation() -> None:
    existing = CommitmentFactory(code="M01")
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentFactory(programme=existing.programme, code="M01")


def test_supporting_organisation_that_is_also_lead_is_refused() -> None:
    dfe = OrganisationFactory(code="DfE", name="Department for Education")
    bis = OrganisationFactory(code="BIS")
    programme = ProgrammeFactory()

    with pytest.raises(ValidationError) as error:
        commitment_create(
            programme=programme,
            code="M01",
            title="Apprenticeships",
            lead_organisations=[dfe, bis],
            supporting_organisations=[dfe],
        )

    assert error.value.message_dict["supporting_organisations"] == [
        "Department for Education cannot be both lead and supporting."
    ]
    assert programme.commitments.count() == 0


def test_database_allows_one_role_per_organisation_per_commitment() -> None:
    commitment = CommitmentFactory()
    organisation = OrganisationFactory()
    CommitmentOrganisation.objects.create(
        commitment=commitment, organisation=organisation, role=OwnershipRole.LEAD
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        CommitmentOrganisation.objects.create(
            commitment=commitment, organisation=organisation, role=OwnershipRole.SUPPORTING
        )


def test_supporting_person_that_is_also_lead_is_refused() -> None:
    minister = PersonFactory(name="Jane Doe")
    with pytest.raises(ValidationError) as error:
        commitment_create(
            programme=ProgrammeFactory(),
            code="M02",
            title="Free schools",
            lead_people=[minister],
            supporting_people=[minister],
        )
    assert "supporting_people" in error.value.message_dict


def test_joint_commitment_records_every_lead() -> None:
    dwp, dclg = OrganisationFactory(code="DWP"), OrganisationFactory(code="DCLG")
    commitment = commitment_create(
        programme=ProgrammeFactory(),
        code="M20",
        title="Troubled families",
        lead_organisations=[dwp, dclg],
    )
    leads = commitment.ownerships.filter(role=OwnershipRole.LEAD)
    assert sorted(leads.values_list("organisation__code", flat=True)) == ["DCLG", "DWP"]


def test_parent_must_be_in_the_same_programme() -> None:
    parent = CommitmentFactory()
    with pytest.raises(ValidationError) as error:
        commitment_create(programme=ProgrammeFactory(), code="1a", title="Child", parent=parent)
    assert "parent" in error.value.message_dict


def test_programme_scales_must_be_of_the_right_kind() -> None:
    status = Scale.objects.get(code="delivery-status")
    programme = Programme(
        code="bad",
        title="Bad",
        kind=ProgrammeKind.OTHER,
        status_scale=status,
        confidence_scale=status,
    )
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "confidence_scale" in error.value.message_dict


def test_deadline_phrase_is_kept_and_parsed_against_the_programme() -> None:
    commitment = commitment_create(
        programme=ProgrammeFactory(),
        code="M03",
        title="Starter homes",
        deadline="by the end of this Parliament",
    )
    commitment.refresh_from_db()
    assert commitment.deadline_phrase == "by the end of this Parliament"
    assert commitment.deadline_latest.isoformat() == "2020-05-07"
