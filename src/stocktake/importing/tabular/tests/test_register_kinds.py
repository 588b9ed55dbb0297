"""Organisations, areas, people, commitments and milestones from files, upserted by natural key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stocktake.importing.tabular.service import ImportRejected, tabular_import
from stocktake.importing.tabular.tests.files import csv_write, ods_write, xlsx_write
from stocktake.register.models import (
    Area,
    Commitment,
    Milestone,
    Organisation,
    OrganisationKind,
    OwnershipRole,
    Person,
    Programme,
)
from stocktake.register.tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def test_organisations_with_parents_further_down_and_by_name(tmp_path: Path) -> None:
    path = csv_write(
        tmp_path / "organisations.csv",
        [
            ["Code", "Name", "Kind", "Parent"],
            [
                "EFA",
                "Education Funding Agency",
                "Agency or arm's-length body",
                "Department for Education",
            ],
            ["DfE", "Department for Education", "department", ""],
            ["HGY", "Haringey Council", "Local authority", "n/a"],
        ],
        encoding="utf-8-sig",
    )
    report = tabular_import(path=path, kind="organisations")
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    efa = Organisation.objects.get(code="EFA")
    assert (efa.kind, efa.parent.code) == (OrganisationKind.AGENCY, "DfE")

    csv_write(
        path,
        [
            ["code", "name", "kind", "parent"],
            ["EFA", "Education and Skills Funding Agency", "agency", "DfE"],
            ["DfE", "Department for Education", "department", ""],
            ["HGY", "Haringey Council", "local_authority", ""],
        ],
    )
    report = tabular_import(path=path, kind="organisations")
    assert (report.created, report.updated, report.unchanged) == (0, 1, 2)
    assert Organisation.objects.count() == 3
    assert Organisation.objects.get(code="EFA").name == "Education and Skills Funding Agency"


def test_parents_must_exist_and_not_be_the_row_itself(tmp_path: Path) -> None:
    path = csv_write(
        tmp_path / "organisations.csv",
        [
            ["code", "name", "parent"],
            ["DfE", "Department for Education", "Department for Education"],
            ["EFA", "Education Funding Agency", "DFE"],
            ["OFS", "Office for Students", "Department of Education"],
        ],
    )
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(path=path, kind="organisations")
    assert rejected.value.report.problems_text().splitlines() == [
        "organisations.csv, row 2, column C (parent): An organisation cannot be its own parent.",
        "organisations.csv, row 4, column C (parent): There is no organisation “Department of "
        "Education”, stored or in this file.",
    ]
    assert not Organisation.objects.exists()


def test_areas_from_ods_with_a_title_row(tmp_path: Path) -> None:
    path = ods_write(
        tmp_path / "areas.ods",
        [
            ["Local authority districts, London"],
            ["GSS code", "Area name", "Level", "Parent code"],
            ["E09000014", "Haringey", "Local authority district", "E12000007"],
            ["E12000007", "London", "region", None],
        ],
    )
    report = tabular_import(path=path, kind="areas")
    assert report.created == 2
    assert Area.objects.get(code="E09000014").parent.name == "London"


def test_people_keyed_by_name_and_organisation(tmp_path: Path) -> None:
    dfe = OrganisationFactory(code="DfE", name="Department for Education")
    PersonFactory(name="Jane Smith", organisation=dfe, role="Minister of State")
    path = csv_write(
        tmp_path / "people.csv",
        [
            ["name", "role", "organisation", "kind", "email"],
            ["Jane Smith", "Secretary of State", "Department for Education", "Minister", ""],
            ["Jane Smith", "Director", "HO", "official", "jane.smith@example.gov.uk"],
        ],
    )
    OrganisationFactory(code="HO", name="Home Office")
    report = tabular_import(path=path, kind="people")
    assert (report.created, report.updated) == (1, 1)
    assert Person.objects.get(organisation=dfe).role == "Secretary of State"
    assert Person.objects.filter(name="Jane Smith").count() == 2


@pytest.fixture
def manifesto() -> Programme:
    return ProgrammeFactory(code="manifesto-2015", start_date=dt.date(2015, 5, 8))


@pytest.fixture
def commitments_file(tmp_path: Path) -> Path:
    return xlsx_write(
        tmp_path / "commitments.xlsx",
        [
            ["Manifesto commitments"],
            [],
            [
                "Code",
                "Title",
                "Text",
                "Section",
                "Parent",
                "Lead organisations",
                "Supporting organisations",
                "Lead people",
                "Supporting people",
                "Deadline",
                "Government response",
                "Published",
                "Priority tier",
                "Themes",
            ],
            [
                "M01",
                "Three million apprenticeships",
                "Create three million apprenticeships.",
                "Education and skills",
                "OBJ1",
                "DfE; BIS",
                "HO",
                "Jane Smith",
                None,
                "by the end of this Parliament",
                "Accepted",
                "yes",
                1,
                "Skills; Growth",
            ],
            [
                "OBJ1",
                "A stronger economy",
                None,
                None,
                None,
                "HMT",
                None,
                None,
                None,
                None,
                None,
                "no",
                None,
                None,
            ],
        ],
    )


def test_commitments_with_owners_parents_and_deadlines(
    commitments_file: Path, manifesto: Programme
) -> None:
    for code in ("DfE", "BIS", "HO", "HMT"):
        OrganisationFactory(code=code)
    PersonFactory(name="Jane Smith")
    path = commitments_file

    report = tabular_import(path=path, kind="commitments", programme_code="manifesto-2015")

    assert report.created == 2
    commitment = Commitment.objects.get(code="M01")
    assert commitment.parent.code == "OBJ1"
    assert commitment.deadline_kind == "date"
    assert commitment.deadline_latest == dt.date(2020, 5, 7)
    assert (commitment.published, commitment.priority_tier) == (True, 1)
    assert sorted(
        commitment.ownerships.filter(role=OwnershipRole.LEAD).values_list(
            "organisation__code", flat=True
        )
    ) == ["BIS", "DfE"]
    assert list(commitment.owners.values_list("person__name", flat=True)) == ["Jane Smith"]
    assert sorted(commitment.themes.values_list("name", flat=True)) == [
        "Education and skills",
        "Growth",
        "Skills",
    ]

    again = tabular_import(path=path, kind="commitments", programme_code="manifesto-2015")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_a_corrected_commitment_file_updates_in_place(tmp_path: Path, manifesto: Programme) -> None:
    commitment = CommitmentFactory(programme=manifesto, code="M01", title="Old title")
    OrganisationFactory(code="DfE")
    path = csv_write(
        tmp_path / "commitments.csv",
        [
            ["code", "title", "lead_organisations", "deadline"],
            ["M01", "New title", "DfE", "spring 2017"],
        ],
    )
    report = tabular_import(path=path, kind="commitments", programme_code="manifesto-2015")
    assert (report.created, report.updated) == (0, 1)
    commitment.refresh_from_db()
    assert (commitment.title, commitment.deadline_phrase) == ("New title", "spring 2017")
    assert commitment.text == "Deliver the promise."  # no text column: left as it was
    assert list(commitment.organisations.values_list("code", flat=True)) == ["DfE"]


def test_missing_organisations_are_created_when_asked(tmp_path: Path) -> None:
    path = csv_write(
        tmp_path / "commitments.csv",
        [
            ["code", "title", "lead_organisations"],
            ["1", "Recommendation one", "Department for Education; HO"],
        ],
    )
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(path=path, kind="commitments", programme_code="report-2001")
    assert [problem.reason for problem in rejected.value.report.problems] == [
        "There is no organisation with the code or name “Department for Education”: import it "
        "first, or allow missing organisations to be created.",
        "There is no organisation with the code or name “HO”: import it first, or allow missing "
        "organisations to be created.",
    ]
    assert not Programme.objects.filter(code="report-2001").exists()

    report = tabular_import(
        path=path,
        kind="commitments",
        programme_code="report-2001",
        title="Report",
        create_missing=True,
    )
    assert report.created == 1
    assert (
        "New organisations (kind Other): Department for Education (DFE), HO (HO)." in report.notes
    )
    programme = Programme.objects.get(code="report-2001")
    assert (programme.title, programme.status_scale.code, programme.confidence_scale.code) == (
        "Report",
        "delivery-status",
        "confidence-5",
    )
    assert set(Organisation.objects.values_list("code", "kind")) == {
        ("DFE", "other"),
        ("HO", "other"),
    }


def test_milestones_with_excel_dates(tmp_path: Path, manifesto: Programme) -> None:
    commitment = CommitmentFactory(programme=manifesto, code="M01")
    path = xlsx_write(
        tmp_path / "milestones.xlsx",
        [
            ["commitment", "code", "title", "baseline due", "due", "completed on"],
            ["M01", "MS1", "Bill introduced", dt.date(2016, 3, 31), 42735, None],
            ["M01", "MS2", "Royal Assent", "31/12/2016", "Mar-17", "n/a"],
        ],
    )
    report = tabular_import(path=path, kind="milestones", programme_code="manifesto-2015")
    assert report.created == 2
    first, second = Milestone.objects.filter(commitment=commitment).order_by("code")
    assert (first.baseline_due_date, first.current_due_date) == (
        dt.date(2016, 3, 31),
        dt.date(2016, 12, 31),
    )
    assert (second.current_due_date, second.completed_on) == (dt.date(2017, 3, 31), None)
