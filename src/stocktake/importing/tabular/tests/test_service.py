"""All or nothing: every problem is reported before anything is written; a dry run writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import IntegrityError, connection

from stocktake.importing.tabular.kinds.observations import Observations, _CopyStaging, _Staging
from stocktake.importing.tabular.report import PROBLEM_LIMIT
from stocktake.importing.tabular.service import ImportRejected, tabular_import
from stocktake.importing.tabular.tests.files import csv_write, xlsx_write
from stocktake.measures.models import Measure, Observation
from stocktake.progress.models import Update
from stocktake.register.models import (
    Commitment,
    CommitmentOrganisation,
    Milestone,
    Organisation,
    Programme,
)
from stocktake.register.tests.factories import (
    AreaFactory,
    CommitmentFactory,
    OrganisationFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    models = (Programme, Organisation, Commitment, CommitmentOrganisation, Milestone, Update)
    return {model.__name__: model.objects.count() for model in models}


def rejected_lines(**arguments: object) -> list[str]:
    before = counts()
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(**arguments)
    assert counts() == before
    return rejected.value.report.problems_text().splitlines()


def test_every_problem_in_a_commitments_file_is_reported(tmp_path: Path) -> None:
    ProgrammeFactory(code="manifesto-2015")
    OrganisationFactory(code="DfE")
    path = csv_write(
        tmp_path / "commitments.csv",
        [
            ["code", "lead organisations", "government response", "published"],
            ["M01", "DfE; Ministry of Magic", "accepted", "yes"],
            ["M01", "DfE", "perhaps", "maybe"],
        ],
    )
    assert rejected_lines(path=path, kind="commitments", programme_code="manifesto-2015") == [
        "commitments.csv, row 1, column title: There is no “title” column: head a column "
        "“title”, or map your header to it in a mapping file.",
        "commitments.csv, row 2, column B (lead organisations): There is no organisation with the "
        "code or name “Ministry of Magic”: import it first, or allow missing organisations to be "
        "created.",
        "commitments.csv, row 3, column A (code): Row 2 has the same code “M01”: give each "
        "commitment one row.",
        "commitments.csv, row 3, column C (government response): “perhaps” is not a government "
        "response: choose from Accepted, Accepted in principle, Partially accepted, Noted, Under "
        "consideration, Rejected.",
        "commitments.csv, row 3, column D (published): “maybe” is not yes or no.",
    ]


def test_every_problem_in_milestones_and_updates_is_reported(tmp_path: Path) -> None:
    CommitmentFactory(programme=ProgrammeFactory(code="manifesto-2015"), code="M01")
    milestones = xlsx_write(
        tmp_path / "milestones.xlsx",
        [
            ["Milestones"],
            ["commitment", "code", "title", "baseline due", "due"],
            ["M01", "MS1", "Bill introduced", "31/02/2017", "soon"],
            ["M99", "MS1", "Royal Assent", "31/03/2017", None],
        ],
    )
    assert rejected_lines(path=milestones, kind="milestones", programme_code="manifesto-2015") == [
        "milestones.xlsx, sheet Data, row 3, column D (baseline due): “31/02/2017” is not a real "
        "date: dates are read day, month, year (31/03/2017 is 31 March 2017).",
        "milestones.xlsx, sheet Data, row 3, column E (due): “soon” is not a date: use e.g. "
        "31/03/2017, 31 March 2017 or 2017-03-31.",
        "milestones.xlsx, sheet Data, row 4, column A (commitment): There is no commitment “M99” "
        "in manifesto-2015.",
    ]
    updates = csv_write(
        tmp_path / "updates.csv",
        [
            ["commitment", "period", "status", "confidence", "narrative"],
            ["M01", "2017-04", "Amberish", "on-track", "Going well."],
            ["M01", "Spring 2017", "complete", "", ""],
        ],
    )
    assert rejected_lines(path=updates, kind="updates", programme_code="manifesto-2015") == [
        "updates.csv, row 2, column C (status): “Amberish” is not on the Delivery status scale: "
        "choose from Complete, On track, Minor issues, Major issues, Off track, Not started.",
        "updates.csv, row 2, column D (confidence): “on-track” is not on the Delivery confidence "
        "(5-point) scale: choose from Green, Amber/Green, Amber, Amber/Red, Red.",
        "updates.csv, row 3, column B (period): “Spring 2017” is not a period: use e.g. 2017-04, "
        "April 2017, Apr-17 or a quarter such as 2017 Q2.",
        "updates.csv, row 3, column E (narrative): Enter the narrative.",
    ]


def test_the_programme_must_be_named_for_commitments(tmp_path: Path) -> None:
    path = csv_write(tmp_path / "c.csv", [["code", "title"], ["1", "One"]])
    assert rejected_lines(path=path, kind="commitments") == [
        "c.csv: Name the programme these commitments belong to."
    ]


def test_a_file_that_cannot_be_read_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert rejected_lines(path=path, kind="areas") == [
        "scan.pdf: The file is not a CSV, Excel (.xlsx, .xls) or OpenDocument (.ods) file."
    ]


def test_a_dry_run_counts_and_writes_nothing(tmp_path: Path) -> None:
    OrganisationFactory(code="DfE", name="Department for Education")
    path = csv_write(
        tmp_path / "organisations.csv",
        [["code", "name"], ["DfE", "Department for Education"], ["HO", "Home Office"]],
    )
    before = counts()
    report = tabular_import(path=path, kind="organisations", dry_run=True)
    assert counts() == before
    assert (report.created, report.unchanged) == (1, 1)
    assert (
        report.summary()
        == "Dry run: nothing was written.\nOrganisations: 2 rows; 1 to create, 1 unchanged."
    )


def test_a_mapping_file_for_odd_headers_and_the_sheet(tmp_path: Path) -> None:
    AreaFactory(code="E09000014")
    Measure.objects.create(
        code="recycling", name="Recycling", unit="%", direction="higher", frequency="monthly"
    )
    path = xlsx_write(
        tmp_path / "return.xlsx",
        [
            ["Council return"],
            ["Indicator", "LA", "Month", "Figure"],
            ["recycling", "E09000014", "Apr-17", "31.5"],
        ],
        sheet="Return",
        cover=True,
    )
    mapping = tmp_path / "return.toml"
    mapping.write_text(
        'sheet = "Return"\nheader_row = 2\n\n[columns]\n"Indicator" = "measure"\n"LA" = "area"\n'
        '"Month" = "period"\n"Figure" = "value"\n'
    )
    report = tabular_import(path=path, kind="observations", mapping_path=mapping)
    assert report.created == 1
    assert Observation.objects.get().period == dt.date(2017, 4, 1)


def test_problems_beyond_the_limit_are_counted(tmp_path: Path) -> None:
    rows = [["measure", "area", "period", "value"]] + [["nope", "E1", "2017-04", "1"]] * (
        PROBLEM_LIMIT + 10
    )
    path = csv_write(tmp_path / "many.csv", rows)
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(path=path, kind="observations")
    report = rejected.value.report
    assert (len(report.problems), report.more_problems) == (
        PROBLEM_LIMIT,
        2 * (PROBLEM_LIMIT + 10) - PROBLEM_LIMIT,
    )
    assert report.problems_text().splitlines()[-1] == "… and 1,020 more problems."


def test_a_failure_while_writing_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    AreaFactory(code="E09000014")
    Measure.objects.create(
        code="recycling", name="Recycling", unit="%", direction="higher", frequency="monthly"
    )
    path = csv_write(
        tmp_path / "o.csv",
        [["measure", "area", "period", "value"]]
        + [["recycling", "E09000014", f"2017-{m:02d}", "1"] for m in range(1, 13)],
    )
    staging = _CopyStaging if connection.vendor == "postgresql" else _Staging
    staged, added, written = [], staging.add, staging.upsert

    def stage(self: _Staging, records: list[tuple]) -> None:
        staged.append(len(records))
        added(self, records)

    def write_then_fail(self: _Staging, **arguments: bool) -> None:
        written(self, **arguments)
        assert Observation.objects.count() == 12
        raise IntegrityError("connection lost")

    monkeypatch.setattr(Observations, "batch_size", 5)
    monkeypatch.setattr(staging, "add", stage)
    monkeypatch.setattr(staging, "upsert", write_then_fail)
    progress: list[int] = []
    with pytest.raises(ImportRejected) as rejected:
        tabular_import(path=path, kind="observations", progress=progress.append)
    assert staged == [5, 5, 2]  # checked rows are staged in batches, and written at the end
    assert rejected.value.report.problems_text() == "o.csv: Nothing was written: connection lost"
    assert not Observation.objects.exists()
    assert progress == [12]
