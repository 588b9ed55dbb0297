"""The delivery summary of one organisation or one person: their commitments, lead or
supporting, joint ones marked, only those the reader may see."""

from __future__ import annotations

from pathlib import Path

import pytest

from stocktake.register.models import Commitment
from stocktake.reports.document import Table
from stocktake.reports.service import ReportError, report_build, report_render
from stocktake.reports.tests.conftest import AS_OF, Register
from stocktake.reports.tests.reading import odt_paragraphs, pdf_pages


def _rows(report) -> list[tuple[str, ...]]:
    return [
        row for s in report.sections for b in s.blocks if isinstance(b, Table) for row in b.rows
    ]


def test_an_organisations_commitments_with_its_role_and_joint_ones_marked(
    register: Register,
) -> None:
    report = report_build(kind="summary", organisation_code="DH", as_of=AS_OF)
    assert report.title == "Department of Health"
    assert _rows(report) == [
        ("2. Promise 2", "Lead (joint with DfE)", "", "On track", "Green"),
        ("4. Promise 4", "Supporting", "", "On track", "Amber/Green"),
        ("10. Promise 10", "Lead", "", "On track", "Red"),
    ]  # fmt: skip
    assert report.introduction[0].text.startswith(
        "Department of Health leads 2 and supports 1 of the 3 commitments below. 1 of them is joint"
    )


def test_a_person_and_only_what_the_reader_may_see(register: Register) -> None:
    report = report_build(kind="summary", person_id=register.minister.pk, as_of=AS_OF)
    assert [row[:2] for row in _rows(report)] == [("10. Promise 10", "Lead")]
    hidden = Commitment.objects.exclude(code="2")
    scoped = report_build(kind="summary", organisation_code="DH", as_of=AS_OF, commitments=hidden)
    assert [row[0] for row in _rows(scoped)] == ["4. Promise 4", "10. Promise 10"]


def test_a_summary_fits_on_a_page_or_two_after_its_contents(register: Register) -> None:
    report = report_build(kind="summary", organisation_code="DH", as_of=AS_OF)
    pages = pdf_pages(report_render(report=report, format="pdf").content)
    assert 2 <= len(pages) <= 3
    assert "Contents" in pages[0]
    assert "Page 2 of" in pages[1]
    assert "Lead (joint with DfE)" in pages[1]
    assert "Lead (joint with DfE)" in odt_paragraphs(
        report_render(report=report, format="odt").content
    )


@pytest.mark.parametrize(
    ("choices", "message"),
    [
        ({"kind": "summary"}, "A delivery summary is for one organisation or one person"),
        ({"kind": "summary", "organisation_code": "X", "person_id": 1}, "one organisation or one"),
        ({"kind": "summary", "person_id": 999999}, "There is no person with the id 999999."),
        ({"kind": "delivery"}, "The delivery report is about one programme"),
        ({"kind": "progress", "programme_code": "nope"}, "There is no programme with the code"),
        ({"kind": "pack", "programme_code": "man"}, "There is no 'pack' report"),
    ],
)
def test_choices_that_make_no_report_are_refused(
    register: Register, choices: dict, message: str
) -> None:
    with pytest.raises(ReportError, match=message):
        report_build(as_of=AS_OF, **choices)


def test_an_unknown_format_is_refused(register: Register) -> None:
    report = report_build(kind="summary", organisation_code="DH", as_of=AS_OF)
    with pytest.raises(ReportError, match="There is no 'rtf' format"):
        report_render(report=report, format="rtf")


def test_files_are_named_for_the_report_and_date(register: Register, tmp_path: Path) -> None:
    report = report_build(kind="summary", organisation_code="DH", as_of=AS_OF)
    assert (
        report_render(report=report, format="odt").filename == "delivery-summary-dh-2016-03-31.odt"
    )
