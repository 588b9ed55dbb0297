"""Updates are only ever added: importing the same file again adds nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from stocktake.importing.tabular.service import tabular_import
from stocktake.importing.tabular.tests.files import csv_write
from stocktake.progress.models import Update
from stocktake.register.models import Commitment
from stocktake.register.tests.factories import CommitmentFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commitment() -> Commitment:
    return CommitmentFactory(programme=ProgrammeFactory(code="manifesto-2015"), code="M01")


def updates_file(path: Path, *rows: list[str]) -> Path:
    header = ["Commitment", "Period", "Status", "Confidence", "Narrative", "Author"]
    return csv_write(path, [header, *rows], encoding="cp1252")


def test_updates_by_level_code_or_label(tmp_path: Path, commitment: Commitment) -> None:
    path = updates_file(
        tmp_path / "updates.csv",
        ["M01", "Apr 2017", "On track", "amber-green", "Bill drafted – £2m spent.", "Jo Bloggs"],
        ["m01", "2017-05", "MINOR-ISSUES", "", "Consultation delayed.", ""],
    )
    report = tabular_import(path=path, kind="updates", programme_code="manifesto-2015")
    assert report.created == 2
    april, may = Update.objects.filter(commitment=commitment).order_by("period")
    assert (april.period, april.status.code, april.confidence.label) == (
        dt.date(2017, 4, 1),
        "on-track",
        "Amber/Green",
    )
    assert (april.narrative, april.author_name) == ("Bill drafted – £2m spent.", "Jo Bloggs")
    assert (may.status.label, may.confidence) == ("Minor issues", None)


def test_importing_again_skips_updates_already_recorded(
    tmp_path: Path, commitment: Commitment
) -> None:
    rows = [["M01", "2017-04", "on-track", "green", "Bill drafted.", ""]]
    path = updates_file(tmp_path / "updates.csv", *rows)
    tabular_import(path=path, kind="updates", programme_code="manifesto-2015")

    correction = [
        "M01",
        "2017-04",
        "minor-issues",
        "amber",
        "Bill drafted; a clause is contested.",
        "",
    ]
    updates_file(path, *rows, correction)
    report = tabular_import(path=path, kind="updates", programme_code="manifesto-2015")

    assert (report.created, report.skipped) == (1, 1)
    latest = Update.objects.filter(commitment=commitment).order_by("created_at").last()
    assert latest.status.code == "minor-issues"
    assert Update.objects.count() == 2
