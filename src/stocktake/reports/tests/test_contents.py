"""Word and OpenDocument reports carry a real contents index (which the word processor fills
with page numbers) and a page number on every page; HTML and PDF draw the charts."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import replace
from pathlib import Path

from odf.opendocument import load
from odf.text import PageCount, PageNumber, TableOfContent

from stocktake.reports.document import Figure, Paragraph, Report, Section, Table
from stocktake.reports.tests.reading import inked, odt_paragraphs, png_pages
from stocktake.reports.writers import WRITERS

REPORT = Report(
    kind="Stocktake pack",
    title="Schools",
    as_of=dt.date(2016, 3, 31),
    period="March 2016",
    sections=(
        Section("Summary", (Paragraph("Two commitments."),)),
        Section(
            "C1. More school places",
            (
                Figure(
                    title="Places created",
                    summary="120 against a trajectory of 100.",
                    svg='<svg role="img" viewBox="0 0 10 10"><title>Places</title></svg>',
                    table=Table("Places by month", ("Period", "Actual"), (("March", "120"),)),
                ),
            ),
        ),
    ),
)


def _docx_part(content: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return package.read(name).decode()


def test_docx_has_a_contents_field_word_updates_on_opening_and_numbered_pages() -> None:
    content = WRITERS["docx"](REPORT)
    body = _docx_part(content, "word/document.xml")
    assert 'TOC \\o "1-1" \\h \\z \\u' in body
    assert body.index("1. Summary") < body.index("2. C1. More school places")
    assert '<w:updateFields w:val="true"/>' in _docx_part(content, "word/settings.xml")
    footer = _docx_part(content, "word/footer1.xml")
    assert 'w:instr="PAGE"' in footer
    assert 'w:instr="NUMPAGES"' in footer
    # A chart is its summary and its numbers in a word processor.
    assert "120 against a trajectory of 100." in body
    assert "Places by month" in body


def test_odt_has_a_table_of_contents_index_and_page_numbers() -> None:
    document = load(io.BytesIO(WRITERS["odt"](REPORT)))
    (index,) = document.text.getElementsByType(TableOfContent)
    assert index.getAttribute("name") == "Contents"
    paragraphs = odt_paragraphs(WRITERS["odt"](REPORT))
    assert paragraphs.index("1. Summary") < paragraphs.index("2. C1. More school places")
    assert document.masterstyles.getElementsByType(PageNumber)
    assert document.masterstyles.getElementsByType(PageCount)


def test_html_draws_the_chart_inline_with_its_summary() -> None:
    html = WRITERS["html"](REPORT).decode()
    assert '<svg role="img" viewBox="0 0 10 10"><title>Places</title></svg>' in html
    assert "<strong>Places created.</strong> 120 against a trajectory of 100." in html


def test_a_figure_is_drawn_on_the_pdf_page(tmp_path: Path) -> None:
    block = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" role="img">'
    block += '<title>Block</title><rect width="100" height="50" fill="#1d70b8"/></svg>'
    drawn = replace(
        REPORT,
        sections=(Section("Chart", (Figure("Block", "A filled block.", block),)),),
    )
    plain = replace(REPORT, sections=(Section("Chart", (Paragraph("A filled block."),)),))
    (tmp_path / "drawn").mkdir()
    (tmp_path / "plain").mkdir()
    (with_figure,) = png_pages(WRITERS["pdf"](drawn), tmp_path / "drawn", last=2)[1:]
    (without,) = png_pages(WRITERS["pdf"](plain), tmp_path / "plain", last=2)[1:]
    assert inked(with_figure) > inked(without) + 0.05
