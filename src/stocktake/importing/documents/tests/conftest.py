"""The seed report, and small Word and PDF reports made at test time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

SEED_PATH = Path(__file__).resolve().parents[3] / "register" / "tests" / "data" / "wiring_it_up.txt"

Block = str | tuple[str, str] | list[list[str]]
"""A paragraph; a (style, text) pair such as ("Heading 1", "Part 2"); or a table's rows."""


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8-sig")


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[..., Path]:
    """Write a text report; ``encoding`` as Python names it ("utf-8-sig", "cp1252")."""

    def write(text: str, *, name: str = "report.txt", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write


@pytest.fixture
def write_docx(tmp_path: Path) -> Callable[..., Path]:
    """Write a Word report from paragraphs, styled paragraphs and tables, in that order."""

    def write(blocks: Sequence[Block], *, name: str = "report.docx") -> Path:
        document = docx.Document()
        for block in blocks:
            if isinstance(block, str):
                document.add_paragraph(block)
            elif isinstance(block, tuple):
                style, text = block
                document.add_paragraph(text, style=style)
            else:
                _add_table(document, block)
        path = tmp_path / name
        document.save(str(path))
        return path

    return write


def _add_table(document: docx.document.Document, rows: list[list[str]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value


class _RunningPdf(FPDF):
    """A PDF whose every page has the same header and a page-number footer."""

    running_header = ""

    def header(self) -> None:
        if self.running_header:
            self.set_font("Helvetica", size=9)
            self.cell(0, 8, self.running_header, align="C")
            self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


@pytest.fixture
def write_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Write a PDF report: one list of paragraphs per page, under a running header."""

    def write(
        pages: Sequence[Sequence[str]],
        *,
        header: str = "",
        name: str = "report.pdf",
        user_password: str = "",
    ) -> Path:
        pdf = _RunningPdf()
        pdf.running_header = header
        pdf.set_font("Helvetica", size=11)
        for paragraphs in pages:
            pdf.add_page()
            for paragraph in paragraphs:
                pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        if user_password:
            pdf.set_encryption(owner_password="owner", user_password=user_password)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return write
