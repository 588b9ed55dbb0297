"""Bad reports, generated (see ``importing/tests/damage.py``): a damaged Word or PDF report is
imported whole or refused with its problems and the database exactly as it was; never a crash."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from itertools import count
from pathlib import Path

import pytest
from hypothesis import given

from stocktake.importing.documents.service import DocumentImportError, document_import
from stocktake.importing.tests.damage import CASES_TRIED, DAMAGE, EXAMPLES, Damage, damaged
from stocktake.register.models import Commitment, Organisation, Programme

pytestmark = pytest.mark.django_db
CODES = count(1)


def _register() -> tuple[int, int, int]:
    return Programme.objects.count(), Commitment.objects.count(), Organisation.objects.count()


@pytest.mark.parametrize("format_", ["docx", "pdf"])
@EXAMPLES
@given(damage=DAMAGE)
def test_a_damaged_report_is_taken_whole_or_refused_with_nothing_changed(
    tmp_path: Path,
    format_: str,
    damage: Damage,
    write_docx: Callable[..., Path],
    write_pdf: Callable[..., Path],
) -> None:
    blocks = [
        ("Title", "Joining up delivery"),
        "Recommendation 1: Departments should publish a delivery plan. By when: April 2017",
        "Progress: plans were published in March.",
        "Recommendation 2: The Treasury should pool budgets for cross-cutting work.",
    ]
    if format_ == "docx":
        good = write_docx(blocks, name="report.docx")
    else:
        good = write_pdf([[text for text in blocks if isinstance(text, str)]], name="report.pdf")
    path = damaged(good, damage, tmp_path / "damaged")
    before = _register()

    try:
        document_import(
            path=path, programme_code=f"joining-up-{next(CODES)}", as_of=dt.date(2017, 1, 1)
        )
    except DocumentImportError as error:
        refused = error
    else:
        refused = None
    if refused is not None:
        assert refused.problems
        assert all(problem.strip() for problem in refused.problems)
        assert _register() == before
    CASES_TRIED[f"damaged {format_}"] += 1
    shutil.rmtree(tmp_path / "damaged")
