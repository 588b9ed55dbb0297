"""Bad spreadsheets, generated: truncated, wrong encoding, huge cells, formulas, random bytes.

Each import either takes the file whole (when the damage left it valid) or refuses it with a
report of its problems and the database exactly as it was; it never crashes. The number of
cases tried is printed at the end of the test run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given

from stocktake.exporting.service import programme_export
from stocktake.importing.service import PROGRAMME, file_import
from stocktake.importing.tabular.tests.files import csv_write, ods_write, xlsx_write
from stocktake.importing.tests.damage import CASES_TRIED, DAMAGE, EXAMPLES, Damage, damaged
from stocktake.measures.models import Measure, Observation
from stocktake.progress.models import Update
from stocktake.register.models import (
    Area,
    AreaLevel,
    Commitment,
    Milestone,
    Organisation,
    OrganisationKind,
    Person,
    Programme,
)

pytestmark = pytest.mark.django_db
MODELS = (
    Organisation,
    Area,
    Person,
    Programme,
    Commitment,
    Milestone,
    Update,
    Measure,
    Observation,
)


def _register() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.fixture
def reference_data() -> None:
    Organisation.objects.create(code="DfE", name="Department for Education", kind="department")
    for number in range(1, 6):
        Area.objects.create(
            code=f"E0600000{number}", name=f"Borough {number}", level=AreaLevel.LOCAL_AUTHORITY
        )
    Measure.objects.create(
        code="apprenticeships",
        name="Apprenticeship starts",
        unit="count",
        direction="higher",
        frequency="monthly",
    )


def _good_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """One valid file of each format, and the kind it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    observations = [["measure", "area", "period", "value", "provisional"]] + [
        ["apprenticeships", f"E0600000{area}", f"2016-{month:02d}", 100 + area * month, "no"]
        for area in range(1, 6)
        for month in range(1, 7)
    ]
    commitments = [
        ["code", "title", "text", "lead_organisations", "deadline", "section"],
        *(
            [f"M{n:02d}", f"Commitment {n}", "We will do it.", "DfE", "by 2020", "Skills"]
            for n in range(1, 6)
        ),
    ]
    organisations = [
        ["code", "name", "kind", "parent"],
        ["EFA", "Education Funding Agency", OrganisationKind.AGENCY, "DfE"],
        ["STA", "Standards and Testing Agency", OrganisationKind.AGENCY, "DfE"],
    ]
    return {
        "csv": (csv_write(folder / "observations.csv", observations), "observations"),
        "xlsx": (xlsx_write(folder / "commitments.xlsx", commitments), "commitments"),
        "ods": (ods_write(folder / "organisations.ods", organisations), "organisations"),
    }


def _text_damage(text: str, how: str) -> bytes:
    if how == "utf-16":
        return text.encode("utf-16")
    if how == "utf-32":
        return text.encode("utf-32")
    if how == "huge-cell":
        return text.replace("no", "x" * 1_000_000, 1).encode()
    if how == "formula":
        return text.replace("apprenticeships", "=cmd|' /C calc'!A0", 1).encode()
    return text.replace(",", ";").encode()  # a semicolon-separated file


@pytest.mark.parametrize("format_", ["csv", "xlsx", "ods"])
@EXAMPLES
@given(damage=DAMAGE)
def test_a_damaged_spreadsheet_is_taken_whole_or_refused_with_nothing_changed(
    reference_data: None, tmp_path: Path, format_: str, damage: Damage
) -> None:
    good, kind = _good_files(tmp_path / "good")[format_]
    path = damaged(good, damage, tmp_path / "damaged")
    before = _register()

    outcome = file_import(path=path, kind=kind, programme_code="p", create_missing=False)

    CASES_TRIED[f"damaged {format_}"] += 1
    if not outcome.imported:
        assert outcome.problems, outcome.summary
        assert all(str(problem).strip() for problem in outcome.problems)
        assert _register() == before
    shutil.rmtree(tmp_path / "damaged")


@pytest.mark.parametrize("how", ["utf-16", "utf-32", "huge-cell", "formula", "semicolons"])
def test_a_csv_in_an_odd_shape_is_refused_with_its_place_named(
    reference_data: None, tmp_path: Path, how: str
) -> None:
    good, kind = _good_files(tmp_path)["csv"]
    path = tmp_path / "odd.csv"
    path.write_bytes(_text_damage(good.read_text(encoding="utf-8"), how))
    before = _register()

    outcome = file_import(path=path, kind=kind)

    CASES_TRIED["odd csv"] += 1
    assert not outcome.imported
    assert outcome.problems
    assert all(str(problem).startswith("odd.csv") for problem in outcome.problems)
    assert _register() == before


@EXAMPLES
@given(damage=DAMAGE)
def test_a_damaged_programme_export_is_taken_whole_or_refused(
    reference_data: None, tmp_path: Path, damage: Damage
) -> None:
    good = tmp_path / "good" / "p.xlsx"
    if not good.exists():
        good.parent.mkdir(parents=True)
        file_import(
            path=_good_files(tmp_path / "files")["xlsx"][0], kind="commitments", programme_code="p"
        )
        programme_export(programme_code="p", format="xlsx", out=good)
    path = damaged(good, damage, tmp_path / "damaged")
    before = _register()

    outcome = file_import(path=path, kind=PROGRAMME)

    CASES_TRIED["damaged programme export"] += 1
    if not outcome.imported:
        assert outcome.problems
        assert _register() == before
    shutil.rmtree(tmp_path / "damaged")
