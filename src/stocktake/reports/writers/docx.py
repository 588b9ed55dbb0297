"""A report as a Word document (python-docx): headings in Word's heading styles, so its
navigation pane lists them; the title, date and period in every page's header and the page
number in the footer."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from stocktake.reports.document import Report, Table
from stocktake.reports.writers.walk import report_walk


class _Writer:
    def __init__(self, document: Document) -> None:
        self.document = document

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level - 1)

    def paragraph(self, text: str, *, label: str = "") -> None:
        paragraph = self.document.add_paragraph()
        if label:
            paragraph.add_run(f"{label} ").bold = True
        paragraph.add_run(text)

    def table(self, table: Table) -> None:
        self.document.add_paragraph(table.caption, style="Caption")
        grid = self.document.add_table(rows=1, cols=len(table.head), style="Table Grid")
        for cell, text in zip(grid.rows[0].cells, table.head, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for row in table.rows:
            for cell, text in zip(grid.add_row().cells, row, strict=True):
                cell.text = text

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self, titles: list[str]) -> None:
        """A Word table-of-contents field over the section headings, holding the titles until
        Word updates it (it asks to on opening: ``updateFields``) and adds the page numbers."""
        paragraphs = [self.document.add_paragraph() for _ in titles] or [
            self.document.add_paragraph()
        ]
        first, last = paragraphs[0], paragraphs[-1]
        _field_char(first, "begin")
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = ' TOC \\o "1-1" \\h \\z \\u '
        first.add_run()._r.append(instruction)
        _field_char(first, "separate")
        for paragraph, title in zip(paragraphs, titles, strict=False):
            paragraph.add_run(title)
        _field_char(last, "end")
        settings = self.document.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def _field_char(paragraph: DocxParagraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) that Word and LibreOffice fill in as they lay out."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def docx_render(report: Report) -> bytes:
    document = Document()
    document.core_properties.title = report.heading
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{report.heading} · {report.dated}"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    report_walk(report, _Writer(document))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
