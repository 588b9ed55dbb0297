"""Headers are found under title rows, in any case and spacing, or as a mapping file says."""

from __future__ import annotations

from pathlib import Path

import pytest

from stocktake.importing.tabular.kinds import KINDS
from stocktake.importing.tabular.mapping import (
    ColumnMapping,
    MappingFileError,
    column_letter,
    header_find,
    header_normalise,
    header_problems,
    mapping_load,
)
from stocktake.importing.tabular.readers import SourceRow

FIELDS = KINDS["observations"].fields


def rows(*values: list) -> list[SourceRow]:
    return [SourceRow(None, number, list(row)) for number, row in enumerate(values, start=1)]


def test_headers_are_compared_without_case_or_punctuation() -> None:
    assert header_normalise("  Area Code ") == "area_code"
    assert header_normalise("TOLERANCE (%)") == "tolerance"
    assert [column_letter(index) for index in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def test_the_header_is_found_under_title_rows() -> None:
    source = iter(
        rows(
            ["Table 3: Household waste recycled"],
            ["England, 2017"],
            [None, None, "Value", None],
            ["Measure code", "Area Code", "Month", "Value"],
            ["recycling", "E09000014", "2017-04", "31"],
        )
    )
    header = header_find(source, fields=FIELDS, mapping=ColumnMapping())
    assert header is not None
    assert header.number == 4
    assert header.columns == {"measure": 0, "area": 1, "period": 2, "value": 3}
    assert header.labels["period"] == "C (Month)"
    assert next(source).number == 5


def test_a_mapping_file_names_odd_headers(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('header_row = 2\n[columns]\n"LA code" = "area"\n"Indicator ref" = "measure"\n')
    mapping = mapping_load(path=path, fields=FIELDS)
    header = header_find(
        iter(rows(["Recycling"], ["Indicator ref", "LA code", "period", "value", "Notes"])),
        fields=FIELDS,
        mapping=mapping,
    )
    assert header.columns == {"measure": 0, "area": 1, "period": 2, "value": 3}
    assert header.ignored == ["E (Notes)"]


def test_a_bad_mapping_file_lists_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "map.toml"
    path.write_text('sheets = "Data"\nheader_row = "three"\n[columns]\n"LA" = "local_authority"\n')
    with pytest.raises(MappingFileError) as error:
        mapping_load(path=path, fields=FIELDS)
    assert error.value.reasons == [
        "Unknown setting “sheets”: use columns, sheet, header_row.",
        "“LA” is mapped to “local_authority”, which is not a column of this kind: "
        "use one of measure, area, period, value, provisional, denominator.",
        "“header_row” must be a row number, such as 3.",
    ]


def test_missing_and_repeated_columns_are_each_a_problem() -> None:
    header = header_find(
        iter(rows(["measure", "area", "area code", "value"])),
        fields=FIELDS,
        mapping=ColumnMapping(),
    )
    assert header_problems(header=header, fields=FIELDS) == [
        (
            "period",
            "There is no “period” column: head a column “period”, or map your header to it in a "
            "mapping file.",
        ),
        (
            "area",
            "Columns B (area) and C (area code) both hold “area”: keep one, or rename the other.",
        ),
    ]
