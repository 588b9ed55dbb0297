"""A report as a paged PDF: WeasyPrint lays out the HTML with its print styles (A4, the title
and the date and period at the top of every page, page numbers at the foot, the contents with
page numbers). Fonts are the system's (Debian's fonts-liberation and fonts-dejavu-core);
nothing is fetched: the fetcher allows no protocol at all."""

from __future__ import annotations

from stocktake.reports.document import Report
from stocktake.reports.writers.html import html_render


def pdf_render(report: Report) -> bytes:
    # Imported here: loading Pango costs time that the other formats need not spend.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=frozenset())
    return HTML(string=html_render(report), url_fetcher=fetcher, media_type="print").write_pdf()
