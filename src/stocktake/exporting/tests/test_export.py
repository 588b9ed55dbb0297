"""A programme comes out in every format, and its JSON goes back in unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from stocktake.exporting.service import ExportError, programme_export
from stocktake.exporting.sheets import Sheet
from stocktake.exporting.writers import xlsx_write
from stocktake.importing.programme import ProgrammeImportError, programme_import
from stocktake.importing.tabular.service import tabular_import
from stocktake.importing.workbook import programme_workbook_import
from stocktake.register.models import Commitment, Programme
from stocktake.tests.processes import run

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_today() -> dt.date:
    return dt.date(2026, 11, 22)


@pytest.fixture
def demo(demo_register: None) -> None:
    """The demo register, loaded once for the module (see ``stocktake/conftest.py``)."""


def test_json_follows_the_documented_schema(demo: None, tmp_path: Path) -> None:
    out = tmp_path / "man.json"
    programme_export(programme_code="MAN2015", format="json", out=out)
    document = json.loads(out.read_text())

    assert document["schema_version"] == "1.0"
    assert set(document["programme"]) >= {"code", "title", "source"}
    first = document["commitments"][0]
    assert set(first) >= {
        "code", "title", "text", "section", "parent", "deadline", "lead_organisations",
        "supporting_organisations", "lead_people", "government_response", "published",
        "milestones", "updates",
    }  # fmt: skip
    assert set(first["deadline"]) == {"phrase", "kind", "earliest", "latest", "event"}
    assert set(first["updates"][0]) >= {
        "period", "status", "confidence", "narrative", "author", "created", "judgement",
    }  # fmt: skip
    judgements = [u["judgement"] for c in document["commitments"] for u in c["updates"]]
    assert any(judgements), "the central unit's judgements are marked as such"
    assert set(next(j for j in judgements if j)) == {"planning", "capacity", "stage"}
    assert (
        len(document["commitments"]) == Commitment.objects.filter(programme__code="MAN2015").count()
    )
    assert document["observations"], "the programme's measures' observations come too"


def test_tabular_formats_hold_the_register_first(demo: None, tmp_path: Path) -> None:
    csv_files = programme_export(programme_code="MAN2015", format="csv", out=tmp_path / "man.csv")
    with csv_files[0].open(encoding="utf-8") as file:
        header = next(csv.reader(file))
    assert header[:4] == ["code", "title", "text", "section"]
    assert {path.name for path in csv_files} >= {"man.csv", "man.observations.csv"}

    programme_export(programme_code="MAN2015", format="xlsx", out=tmp_path / "man.xlsx")
    book = load_workbook(tmp_path / "man.xlsx", read_only=True)
    assert book.sheetnames[0] == "commitments"
    assert "observations" in book.sheetnames

    programme_export(programme_code="MAN2015", format="ods", out=tmp_path / "man.ods")
    assert (tmp_path / "man.ods").stat().st_size > 10_000


def test_unknown_programme_or_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="no programme with the code 'nope'"):
        programme_export(programme_code="nope", format="json", out=tmp_path / "x.json")


@pytest.mark.parametrize("format_", ["json", "xlsx", "ods", "csv"])
def test_round_trip_into_an_empty_database(
    demo: None, migrated_data_dir: Path, tmp_path: Path, format_: str
) -> None:
    """Exported in any format and imported into an empty database, the programme is the same:
    its JSON export there equals its JSON export here."""
    original = tmp_path / "original.json"
    programme_export(programme_code="MAN2015", format="json", out=original)
    exported = tmp_path / f"exported.{format_}"
    programme_export(programme_code="MAN2015", format=format_, out=exported)
    again = tmp_path / "again.json"
    for args in (
        ["import", str(exported)],
        ["export", "--programme", "MAN2015", "--format", "json", "--out", str(again)],
    ):
        result = run(*args, data_dir=migrated_data_dir)
        assert result.returncode == 0, result.stderr
    assert json.loads(again.read_text()) == json.loads(original.read_text())


def test_a_bad_document_names_each_place_and_writes_nothing(demo: None, tmp_path: Path) -> None:
    out = tmp_path / "man.json"
    programme_export(programme_code="MAN2015", format="json", out=out)
    document = json.loads(out.read_text())
    document["programme"]["code"] = "copy"
    document["commitments"][2]["lead_organisations"] = ["NOWHERE"]
    document["commitments"][5]["milestones"][0]["due"] = "not a date"
    before = Commitment.objects.count()

    with pytest.raises(ProgrammeImportError) as error:
        programme_import(document=document, source="man.json")

    assert any(p.startswith("commitments[2]:") and "NOWHERE" in p for p in error.value.problems)
    assert any(p.startswith("commitments[5].milestones[0]") for p in error.value.problems)
    assert Commitment.objects.count() == before
    assert not Programme.objects.filter(code="copy").exists()


def test_a_bad_workbook_names_each_sheet_and_row_and_writes_nothing(
    demo: None, tmp_path: Path
) -> None:
    out = tmp_path / "man.xlsx"
    programme_export(programme_code="MAN2015", format="xlsx", out=out)
    book = load_workbook(out)
    book["programme"]["B3"] = "copy"  # the code, so the programme is new
    book["commitments"]["F3"] = "NOWHERE"  # lead organisations of the second commitment
    book["milestones"]["E4"] = "not a date"  # due date of the third milestone
    book["updates"]["A2"] = "NO-SUCH-COMMITMENT"
    book.save(out)
    before = Commitment.objects.count()

    with pytest.raises(ProgrammeImportError) as error:
        programme_workbook_import(path=out)

    problems = error.value.problems
    assert "man.xlsx, sheet milestones, row 4, column due: “not a date” is not a date" in " ".join(
        problems
    )
    assert any(
        p.startswith("man.xlsx, sheet updates, row 2:") and "NO-SUCH-COMMITMENT" in p
        for p in problems
    )
    assert Commitment.objects.count() == before
    assert not Programme.objects.filter(code="copy").exists()

    book["milestones"]["E4"] = "2026-01-31"
    book["updates"]["A2"] = book["commitments"]["A2"].value
    book.save(out)
    with pytest.raises(ProgrammeImportError) as error:
        programme_workbook_import(path=out)
    assert any(
        p.startswith("man.xlsx, sheet commitments, row 3:") and "NOWHERE" in p
        for p in error.value.problems
    ), error.value.problems
    assert not Programme.objects.filter(code="copy").exists()


def test_the_register_sheet_imports_on_its_own_as_commitments(demo: None, tmp_path: Path) -> None:
    out = tmp_path / "man.xlsx"
    programme_export(programme_code="MAN2015", format="xlsx", out=out)
    copy = Programme.objects.get(code="MAN2015")
    copy.pk, copy.code = None, "copy"  # the same parliament, for "by the end of this Parliament"
    copy.save()

    report = tabular_import(path=out, kind="commitments", programme_code="copy")

    assert report.created == Commitment.objects.filter(programme__code="MAN2015").count()

    def described(code: str) -> list[tuple]:
        return [
            (
                c.code,
                c.title,
                c.deadline_phrase,
                c.deadline_latest,
                c.parent.code if c.parent else None,
                sorted(c.themes.values_list("name", flat=True)),
                sorted(c.ownerships.values_list("organisation__code", "role")),
                sorted(c.owners.values_list("person__name", "role")),
                c.source_page,
                c.source_paragraph,
            )
            for c in Commitment.objects.filter(programme__code=code).order_by("code")
        ]

    assert described("copy") == described("MAN2015")


def test_text_that_looks_like_a_formula_stays_text_in_a_workbook(tmp_path: Path) -> None:
    out = tmp_path / "sheet.xlsx"
    xlsx_write([Sheet("commitments", ("code", "title"), [["M1", "=SUM(A1:A9)"]])], out)

    cell = load_workbook(out)["commitments"]["B2"]

    assert (cell.value, cell.data_type) == ("=SUM(A1:A9)", "s")
