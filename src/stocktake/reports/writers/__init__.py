"""A report in each format. Every writer takes the same :class:`~stocktake.reports.document.Report`
and returns the file's bytes."""

from __future__ import annotations

from collections.abc import Callable

from stocktake.reports.document import Report
from stocktake.reports.writers.docx import docx_render
from stocktake.reports.writers.html import html_render
from stocktake.reports.writers.odt import odt_render
from stocktake.reports.writers.pdf import pdf_render

WRITERS: dict[str, Callable[[Report], bytes]] = {
    "html": lambda report: html_render(report).encode(),
    "pdf": pdf_render,
    "docx": docx_render,
    "odt": odt_render,
}

MIME = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
}

FORMATS = tuple(WRITERS)
