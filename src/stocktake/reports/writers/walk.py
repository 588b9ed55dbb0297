"""The order a word-processor document is written in, shared by the DOCX and ODT writers: the
title page and contents, then each section on a new page."""

from __future__ import annotations

from typing import Protocol

from stocktake.reports.document import Facts, Figure, Heading, Paragraph, Report, Table


class DocumentWriter(Protocol):
    def heading(self, text: str, level: int) -> None:
        """``level`` as in HTML: 1 the title, 2 a section, 3 an item, 4 below it."""

    def paragraph(self, text: str, *, label: str = "") -> None: ...

    def table(self, table: Table) -> None: ...

    def page_break(self) -> None: ...

    def contents(self, titles: list[str]) -> None:
        """The contents list: an index the word processor fills with page numbers."""


def report_walk(report: Report, writer: DocumentWriter) -> None:
    writer.paragraph(report.kind)
    writer.heading(report.title, 1)
    writer.paragraph(report.dated)
    for key, value in report.details:
        writer.paragraph(value, label=f"{key}:")
    for paragraph in report.introduction:
        writer.paragraph(paragraph.text, label=paragraph.label)
    writer.heading("Contents", 2)
    sections = report.numbered_sections()
    writer.contents([f"{number}. {section.title}" for number, section in enumerate(sections, 1)])
    for section in sections:
        writer.page_break()
        writer.heading(section.title, 2)
        for block in section.blocks:
            if isinstance(block, Heading):
                writer.heading(block.text, block.level)
            elif isinstance(block, Paragraph):
                writer.paragraph(block.text, label=block.label)
            elif isinstance(block, Facts):
                for key, value in block.rows:
                    writer.paragraph(value, label=f"{key}:")
            elif isinstance(block, Figure):
                writer.paragraph(block.summary, label=f"{block.title}:")
                if block.table is not None:
                    writer.table(block.table)
            else:
                writer.table(block)
