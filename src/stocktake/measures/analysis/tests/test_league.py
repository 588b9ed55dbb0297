"""League tables: direction-aware ranks with ties, quartiles, movement and improvement."""

from __future__ import annotations

import datetime as dt

import pytest

from stocktake.measures.analysis.frames import AnalysisInputError
from stocktake.measures.analysis.league import LEAGUE_SCHEMA, league_table
from stocktake.measures.analysis.tests import builders as b

D = dt.date
# January (the baseline), February, March for five areas.
VALUES = {"A": (8, 12, 10), "B": (20, 18, 20), "C": (10, 15, 20), "D": (9, 4, 5), "E": (15, 16, 15)}
ROWS = [
    ("m1", area, D(2024, month, 1), float(v))
    for area, vs in VALUES.items()
    for month, v in zip((1, 2, 3), vs, strict=True)
]


def _table(direction: str, **options: object) -> dict[str, dict]:
    table = league_table(
        observations=b.observations([*ROWS, ("m2", "A", D(2024, 3, 1), 1.0)]),
        measures=b.measures(("m1", direction, "monthly", 5.0), ("m2", "higher", "monthly", 5.0)),
        measure="m1",
        as_of=options.pop("as_of", D(2024, 3, 31)),
        **options,
    )
    assert list(table.schema.items()) == list(LEAGUE_SCHEMA.items())
    return {row["area"]: row for row in table.iter_rows(named=True)}


def test_higher_is_better() -> None:
    """March: B 20, C 20, E 15, A 10, D 5. February: B 18, E 16, C 15, A 12, D 4."""
    table = _table("higher")
    assert list(table) == ["B", "C", "E", "A", "D"]
    assert [row["rank"] for row in table.values()] == [1, 1, 3, 4, 5]  # B and C tie
    assert [row["quartile"] for row in table.values()] == [1, 1, 2, 3, 4]
    assert table["C"]["previous_rank"] == 3
    assert table["C"]["rank_change"] == 2  # up two places
    assert table["E"]["rank_change"] == -1
    assert table["C"]["improvement"] == 10  # 10 in January, 20 now
    assert table["D"]["improvement"] == -4
    assert table["A"]["period"] == D(2024, 3, 1)
    assert table["A"]["baseline_period"] == D(2024, 1, 1)


def test_lower_is_better() -> None:
    table = _table("lower")
    assert list(table) == ["D", "A", "E", "B", "C"]
    assert [row["rank"] for row in table.values()] == [1, 2, 3, 4, 4]
    assert table["D"]["improvement"] == 4  # from 9 to 5 is 4 better
    assert table["C"]["rank_change"] == -1  # third in February


def test_a_chosen_baseline_and_date() -> None:
    table = _table("higher", as_of=D(2024, 2, 20), baseline_period=D(2024, 2, 1))
    assert table["B"]["period"] == D(2024, 2, 1)
    assert table["B"]["improvement"] == 0
    assert table["B"]["previous_rank"] == 1  # January: B 20, E 15, C 10, D 9, A 8


def test_no_data_yet_gives_an_empty_table() -> None:
    assert league_table(
        observations=b.observations(ROWS),
        measures=b.measures(("m1", "higher", "monthly", 5.0)),
        measure="m1",
        as_of=D(2023, 1, 1),
    ).is_empty()


def test_an_unknown_measure_is_refused() -> None:
    with pytest.raises(AnalysisInputError, match="measure 'm9': the measure is not among"):
        league_table(
            observations=b.observations(ROWS),
            measures=b.measures(("m1", "higher", "monthly", 5.0)),
            measure="m9",
            as_of=D(2024, 3, 1),
        )
