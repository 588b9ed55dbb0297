"""An import killed part-way leaves nothing behind: a real process, a real SQLite file."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
from pathlib import Path

from stocktake.tests.processes import STOCKTAKE, command_environment, killed_when, run

ROWS = 150_000


def _observations_file(database: Path, out: Path) -> None:
    with sqlite3.connect(database) as connection:
        measures = [
            code
            for (code,) in connection.execute(
                "SELECT code FROM measures_measure WHERE frequency = 'monthly' "
                "AND area_levels LIKE '%local_authority%'"
            )
        ]
        areas = [
            code
            for (code,) in connection.execute(
                "SELECT code FROM register_area WHERE level = 'local_authority'"
            )
        ]
    rows = 0
    with out.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["measure", "area", "period", "value", "provisional"])
        month = 0
        while rows < ROWS:
            period = f"{2031 + month // 12}-{month % 12 + 1:02d}"
            for measure in measures:
                for area in areas:
                    writer.writerow([measure, area, period, f"{rows % 97}.5", "no"])
                    rows += 1
            month += 1


def _count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def test_an_import_killed_while_writing_leaves_nothing_behind(demo_data_dir: Path) -> None:
    database = demo_data_dir / "stocktake.sqlite3"
    _observations_file(database, demo_data_dir / "observations.csv")
    before = _count(database, "measures_observation")
    wal = database.with_name(database.name + "-wal")
    wal_before = wal.stat().st_size if wal.exists() else 0

    env = command_environment(STOCKTAKE_DATA_DIR=str(demo_data_dir))
    process = subprocess.Popen(  # noqa: S603 - our own command with fixed arguments
        [STOCKTAKE, "import", str(demo_data_dir / "observations.csv"), "--kind", "observations"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Rows reach the write-ahead log once the import is writing (its page cache spills);
    # kill it then, part-way through its one transaction.
    killed_when(
        process,
        lambda: (wal.stat().st_size if wal.exists() else 0) >= wal_before + 4 * 2**20,
        what="the import writes",
    )

    assert _count(database, "measures_observation") == before

    # And the database takes the next import: the file's first thousand rows, this time whole.
    first_rows = demo_data_dir / "first-rows.csv"
    with (demo_data_dir / "observations.csv").open(encoding="utf-8") as whole:
        first_rows.write_text("".join(line for _, line in zip(range(1001), whole, strict=False)))
    again = run("import", str(first_rows), "--kind", "observations", data_dir=demo_data_dir)
    assert again.returncode == 0, again.stderr
    assert _count(database, "measures_observation") == before + 1000
