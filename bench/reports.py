"""Benchmark the reports (issue 6) on the national-scale demo: the delivery report for all 517
commitments as a PDF, its time per page and peak memory, beside baselines in the same run.

    .venv/bin/python bench/reports.py                  # SQLite, in a new temporary database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stocktake_bench .venv/bin/python bench/reports.py

Steps, each timed, with the process's peak resident set (Linux's VmHWM, reset before each step
through /proc/self/clear_refs):

- read: the report's content from the database (the selectors, a fixed number of queries);
- HTML: the same report rendered to HTML, no layout (the first baseline);
- one-page PDF: a trivial one-page report through WeasyPrint (the second baseline: its fixed
  cost, fonts loaded);
- delivery report PDF: the whole report laid out and written;
- delivery report DOCX: the same content as a Word document;
- stocktake pack: a stocktake of 40 commitments (half with an overdue action), its content read
  (the selectors, charts drawn for any measures) and laid out as a PDF, a page per commitment.
  The national-scale demo has no measures, so its pages carry no trajectory charts; the demo
  register's packs do (see docs/routines.md).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MB = 1024 * 1024


def _peak_reset() -> None:
    Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _step(function: Callable[[], Any]) -> tuple[Any, float, float]:
    """``function``'s result, seconds and peak resident megabytes."""
    _peak_reset()
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start, _peak_mb()


def main() -> None:
    if not os.environ.get("DATABASE_URL"):
        os.environ["STOCKTAKE_DATA_DIR"] = tempfile.mkdtemp(prefix="stocktake-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
    import django

    django.setup()

    from django.core.management import call_command
    from django.db import connection
    from pypdf import PdfReader

    from stocktake.demo.loader import demo_load
    from stocktake.demo.national import PROGRAMME_CODE
    from stocktake.reports.document import Heading, Paragraph, Report, Section
    from stocktake.reports.service import report_build
    from stocktake.reports.writers.docx import docx_render
    from stocktake.reports.writers.html import html_render
    from stocktake.reports.writers.pdf import pdf_render

    call_command("migrate", verbosity=0)
    today = dt.date.today()
    demo_load(scale="national", today=today, progress=sys.stdout.isatty())

    report, read_s, read_mb = _step(
        lambda: report_build(kind="delivery", programme_code=PROGRAMME_CODE, as_of=today)
    )
    html, html_s, html_mb = _step(lambda: html_render(report))
    one_page = Report(
        kind="Delivery report",
        title="One page",
        as_of=today,
        period="one month",
        sections=(Section("Summary", (Paragraph("A trivial report."),)),),
    )
    _, trivial_s, trivial_mb = _step(lambda: pdf_render(one_page))
    pdf, pdf_s, pdf_mb = _step(lambda: pdf_render(report))
    docx, docx_s, docx_mb = _step(lambda: docx_render(report))

    stocktake_id = _stocktake_schedule(today)
    pack, pack_read_s, pack_read_mb = _step(
        lambda: report_build(kind="stocktake", stocktake_id=stocktake_id, as_of=today)
    )
    pack_pdf, pack_pdf_s, pack_pdf_mb = _step(lambda: pdf_render(pack))
    pack_pages = len(PdfReader(io.BytesIO(pack_pdf)).pages)

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    trivial_pages = 2  # the title and contents page, then the section
    priorities = sum(isinstance(b, Heading) for s in report.sections[1:] for b in s.blocks)
    rows = [
        ("read (selectors)", read_s, read_mb, "", ""),
        ("HTML, no layout", html_s, html_mb, f"{len(html) / MB:.1f} MB", ""),
        (
            "one-page PDF (baseline)",
            trivial_s,
            trivial_mb,
            f"{trivial_pages} pages",
            trivial_s / trivial_pages,
        ),
        ("delivery report PDF", pdf_s, pdf_mb, f"{pages} pages", pdf_s / pages),
        ("delivery report DOCX", docx_s, docx_mb, f"{len(docx) / MB:.1f} MB", ""),
        ("stocktake pack read (40)", pack_read_s, pack_read_mb, "", ""),
        (
            "stocktake pack PDF (40)",
            pack_pdf_s,
            pack_pdf_mb,
            f"{pack_pages} pages",
            pack_pdf_s / pack_pages,
        ),
    ]
    lines = [
        f"Delivery report of {priorities} priorities on the national-scale demo, "
        f"{connection.vendor}",
        f"{'step':<26} {'seconds':>8} {'peak RSS MB':>12} {'size':>10} {'s per page':>11}",
        *(
            f"{name:<26} {seconds:>8.2f} {peak:>12.0f} {size:>10} "
            f"{(f'{per_page:.3f}' if per_page != '' else ''):>11}"
            for name, seconds, peak, size, per_page in rows
        ),
        f"PDF time per page against the one-page baseline's: "
        f"{(pdf_s / pages) / (trivial_s / trivial_pages):.2f}× (delivery report), "
        f"{(pack_pdf_s / pack_pages) / (trivial_s / trivial_pages):.2f}× (stocktake pack)",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


def _stocktake_schedule(today: dt.date) -> int:
    """Schedule a stocktake of 40 national-scale commitments, half of them with an overdue
    action; its number."""
    from stocktake.demo.national import PROGRAMME_CODE
    from stocktake.progress.services import action_raise
    from stocktake.register.models import Commitment, Person
    from stocktake.routines.services import stocktake_schedule

    chair = Person.objects.create(name="Benchmark Chair", role="Prime Minister")
    forty = list(Commitment.objects.filter(programme__code=PROGRAMME_CODE).order_by("pk")[:40])
    stocktake = stocktake_schedule(
        title="National stocktake", held_on=today, chair=chair, commitments=forty
    )
    for commitment in forty[::2]:
        action_raise(
            title=f"Unblock {commitment.title}",
            due_date=today - dt.timedelta(days=7),
            commitments=[commitment],
            owner_person=chair,
        )
    return stocktake.pk


if __name__ == "__main__":
    main()
