"""Commitment roll-up: the suggestion and its reasons, by hand."""

from __future__ import annotations

import datetime as dt

import polars as pl

from stocktake.measures.analysis.frames import LAST_UPDATES, LINKS, MILESTONES
from stocktake.measures.analysis.rollup import commitment_rollup

D = dt.date
AS_OF = D(2024, 4, 15)


def _frame(rows: list[tuple], contract: dict) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=list(contract), orient="row").cast(dict(contract))


def _rollup(
    links: list[tuple], milestones: list[tuple] = (), updates: list[tuple] = ()
) -> dict[str, dict]:
    assessment = pl.DataFrame(
        {
            "measure": ["m1", "m2", "m3", "m3", "m4", "m5"],
            "area": ["A", "A", "A", "B", "A", "A"],
            "status": ["on_track", "ahead", "on_track", "on_track", "off_track", "no_data"],
        }
    )
    result = commitment_rollup(
        assessment=assessment,
        links=_frame(links, LINKS),
        milestones=_frame(list(milestones), MILESTONES),
        last_updates=_frame(list(updates), LAST_UPDATES),
        as_of=AS_OF,
    )
    return {row["commitment"]: row for row in result.iter_rows(named=True)}


def test_measures_milestones_and_the_last_update() -> None:
    """Measures m1, m2, m3 (weight 2) on track, m4 off: 3 of 4, weighted 4/5. MS2 was due on
    1 March (45 days ago), first agreed for 1 February (29 days' slip). The last update was for
    January: three months old."""
    links = [("C1", "m1", 1.0), ("C1", "m2", 1.0), ("C1", "m3", 2.0), ("C1", "m4", 1.0)]
    milestones = [
        ("C1", "MS1", D(2024, 1, 1), D(2024, 1, 1), D(2024, 1, 5)),
        ("C1", "MS2", D(2024, 2, 1), D(2024, 3, 1), None),
    ]
    row = _rollup(links, milestones, [("C1", D(2024, 1, 1))])["C1"]
    assert row["score"] == 0.8
    assert row["suggested_status"] == "at_risk"  # the overdue milestone
    assert row["reasons"] == [
        "3 of 4 measures on track (weighted 80%)",
        "milestone MS2 is 45 days overdue",
        "milestone MS2 has slipped 29 days from its baseline",
        "last update is 3 months old",
    ]


def test_measures_alone_set_the_level() -> None:
    result = _rollup(
        [("good", "m1", 1.0), ("mixed", "m1", 1.0), ("mixed", "m4", 1.0), ("bad", "m4", 1.0)],
        updates=[(c, D(2024, 4, 1)) for c in ("good", "mixed", "bad")],
    )
    assert {c: (r["suggested_status"], r["score"]) for c, r in result.items()} == {
        "bad": ("off_track", 0.0),
        "good": ("on_track", 1.0),
        "mixed": ("at_risk", 0.5),
    }
    assert result["good"]["reasons"] == ["1 of 1 measure on track (weighted 100%)"]


def test_a_long_overdue_milestone_is_off_track() -> None:
    row = _rollup(
        [("C1", "m1", 1.0)],
        [("C1", "MS1", D(2023, 12, 1), D(2023, 12, 1), None)],
        [("C1", D(2024, 4, 1))],
    )["C1"]
    assert row["suggested_status"] == "off_track"
    assert "milestone MS1 is 136 days overdue" in row["reasons"]


def test_nothing_to_judge_is_no_data() -> None:
    row = _rollup([("C2", "m5", 1.0), ("C2", "m9", 1.0)])["C2"]
    assert row["suggested_status"] == "no_data"
    assert row["score"] is None
    assert row["reasons"] == ["2 measures with no data to judge", "no update on record"]
