"""The delivery report: every priority's judgement on the programme's scale, its movement
since the last report period and the reasons, read back from HTML, PDF and DOCX."""

from __future__ import annotations

from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext

from stocktake.progress.models import DeliveryStage, FrameworkRating
from stocktake.progress.services import judgement_record
from stocktake.register.tests.factories import CommitmentFactory, scale_level
from stocktake.reports.document import Facts, Heading, Paragraph, Table
from stocktake.reports.service import report_build, report_render
from stocktake.reports.tests.conftest import AS_OF, Register, _rate
from stocktake.reports.tests.reading import docx_paragraphs, inked, pdf_pages, png_pages


def _build(register: Register):
    return report_build(kind="delivery", programme_code=register.programme.code, as_of=AS_OF)


def test_summary_counts_judgements_by_level_and_movement(register: Register) -> None:
    report = _build(register)
    assert report.period == "March 2016"
    summary = report.sections[0]
    movement = next(b for b in summary.blocks if isinstance(b, Table))
    assert movement.head == (
        "Judgement", "Priorities", "Improved", "Worsened", "No change", "First judgement"
    )  # fmt: skip
    assert movement.rows == (
        ("Green", "1", "1", "0", "0", "0"),
        ("Amber/Green", "1", "0", "0", "0", "1"),
        ("Amber", "1", "0", "0", "1", "0"),
        ("Amber/Red", "0", "0", "0", "0", "0"),
        ("Red", "1", "0", "1", "0", "0"),
        ("Not yet rated", "2", "", "", "", ""),
    )


def test_every_priority_in_source_order_with_judgement_then_and_now(register: Register) -> None:
    overview = [b for b in _build(register).sections[0].blocks if isinstance(b, Table)][1]
    assert overview.rows == (
        ("2. Promise 2", "DfE, DH", "Green", "Amber", "Improved"),
        ("3. Promise 3", "DfE", "Amber", "Amber", "No change"),
        ("4. Promise 4", "", "Amber/Green", "", "First judgement"),
        ("5. Promise 5", "", "Not yet rated", "", "Not yet rated"),
        ("6. Promise 6", "", "Not yet rated", "", "Not yet rated"),
        ("10. Promise 10", "DH", "Red", "Green", "Worsened"),
    )


def test_sections_by_theme_give_the_reasons_as_of_the_report_date(register: Register) -> None:
    report = _build(register)
    assert [s.title for s in report.sections] == [
        "Summary", "Health", "Schools", "Other commitments"
    ]  # fmt: skip
    health = report.sections[1].blocks
    assert health[0] == Heading("2. Promise 2")
    facts = dict(health[1].rows)
    assert isinstance(health[1], Facts)
    assert facts["Judgement"] == "Green (March 2016)"
    assert facts["Last period"] == "Amber (February 2016)"
    assert facts["Movement"] == "Improved"
    assert health[2] == Paragraph("March: funding confirmed, delivery on course.", "Reasons:")
    unrated = report.sections[2].blocks[-1]
    assert unrated == Paragraph("March: a department's return, not yet judged.", "Reasons:")


def test_reading_takes_the_same_queries_for_more_priorities(register: Register) -> None:
    with CaptureQueriesContext(connection) as few:
        _build(register)
    for number in range(20):
        more = CommitmentFactory(programme=register.programme, code=f"9{number}")
        _rate(more, AS_OF.replace(day=1), "amber", "More.")
    with CaptureQueriesContext(connection) as many:
        report = _build(register)
    assert len(report.sections[0].blocks[2].rows) == 26
    assert len(many.captured_queries) == len(few.captured_queries)


def test_pdf_has_contents_page_numbers_and_period_on_every_page(
    register: Register, tmp_path: Path
) -> None:
    pdf = report_render(report=_build(register), format="pdf").content
    pages = pdf_pages(pdf)
    assert len(pages) >= 5  # title and contents, summary, then one page per theme
    assert "Contents" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        assert "Period: March 2016 · As of 31 March 2016" in text
        assert "Delivery report: Manifesto" in text
    assert "March: the contractor failed." in "".join(pages)
    assert "April: after the report." not in "".join(pages)
    (title_page,) = png_pages(pdf, tmp_path, last=1)
    assert inked(title_page) > 0.005


def test_docx_and_html_say_the_same(register: Register) -> None:
    report = _build(register)
    paragraphs = docx_paragraphs(report_render(report=report, format="docx").content)
    assert "Reasons: March: the contractor failed." in paragraphs
    assert "Movement: Worsened" in paragraphs
    html = report_render(report=report, format="html").content.decode()
    assert '<th scope="col">Movement</th>' in html
    assert "March: the contractor failed." in html


def test_the_assessment_framework_ratings_given_with_a_judgement_are_shown(
    register: Register,
) -> None:
    judgement_record(
        commitment=register.commitments["3"],
        period=AS_OF.replace(day=1),
        confidence=scale_level("confidence-5", "amber-green"),
        rationale="March: the unit's judgement after the visit.",
        planning=FrameworkRating.AMBER_GREEN,
        capacity=FrameworkRating.RED,
        stage=DeliveryStage.EARLY,
    )
    report = _build(register)
    tables = {b.caption: b for b in report.sections[0].blocks if isinstance(b, Table)}
    assert tables["Assessment framework: priorities by stage of delivery"].rows == (
        ("2. Early stages of delivery", "1"),
    )
    assert tables["Assessment framework: each rated priority"].rows == (
        ("3. Promise 3", "Amber/Green", "Red", "2. Early stages of delivery"),
    )
    entry = next(
        block
        for section in report.sections[1:]
        for index, block in enumerate(section.blocks)
        if isinstance(block, Facts) and section.blocks[index - 1] == Heading("3. Promise 3")
    )
    assert ("Capacity to drive progress", "Red: highly problematic") in entry.rows
    assert ("Stage of delivery", "2. Early stages of delivery") in entry.rows
