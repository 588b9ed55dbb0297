"""`stocktake backup` and `stocktake restore` as an operator runs them, on the database the suite
runs on (a SQLite data directory, or PostgreSQL databases of the test's own): the demo backed up
and restored into a fresh database is the same, row for row, in every table."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from stocktake.ops.tests.databases import connect, scratch_database
from stocktake.tests.processes import STOCKTAKE, command_environment

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))


@dataclass(frozen=True)
class Installation:
    """One database, SQLite (``data_dir``) or PostgreSQL (``url``), and how to read it."""

    data_dir: Path | None = None
    url: str | None = None

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        where = (
            {"DATABASE_URL": self.url} if self.url else {"STOCKTAKE_DATA_DIR": str(self.data_dir)}
        )
        return subprocess.run(  # noqa: S603 - our own command
            [STOCKTAKE, *args],
            env=command_environment(**where),
            capture_output=True,
            text=True,
            timeout=600,
        )

    def tables(self) -> dict[str, list[tuple[object, ...]]]:
        """Every table's rows, sorted."""
        if self.url:
            with connect(self.url) as connection:
                return _rows_by_table(connection, POSTGRES_TABLES)
        connection = sqlite3.connect(self.data_dir / "stocktake.sqlite3")
        try:
            return _rows_by_table(connection, SQLITE_TABLES)
        finally:
            connection.close()


POSTGRES_TABLES = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
SQLITE_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"


def _rows_by_table(connection: Any, tables_query: str) -> dict[str, list[tuple[object, ...]]]:
    return {
        name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)  # noqa: S608
        for (name,) in connection.execute(tables_query).fetchall()
    }


@contextmanager
def fresh(name: str, tmp_path: Path) -> Iterator[Installation]:
    """An installation with an empty database."""
    if ON_POSTGRES:
        with scratch_database(name) as url:
            yield Installation(url=url)
    else:
        (tmp_path / name).mkdir()
        yield Installation(data_dir=tmp_path / name)


@pytest.fixture
def demo(request: pytest.FixtureRequest) -> Installation:
    """The demo: the run's demo data directory on SQLite, the ops tests' demo database on
    PostgreSQL (backups only read them)."""
    if ON_POSTGRES:
        return Installation(url=request.getfixturevalue("postgres_demo"))
    return Installation(data_dir=request.getfixturevalue("demo_template"))


def test_the_demo_backed_up_and_restored_is_the_same_in_every_table(
    demo: Installation, tmp_path: Path
) -> None:
    backup = tmp_path / "stocktake.backup"
    written = demo.run("backup", "--out", str(backup))
    assert written.returncode == 0, written.stderr
    assert written.stdout.startswith(f"Wrote {backup}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stocktake.backup"]

    with fresh("backup_target", tmp_path) as target:
        restored = target.run("restore", str(backup))
        assert restored.returncode == 0, restored.stderr
        # The same tables and rows as the backup said it held.
        assert written.stdout.split(": ", 1)[1].split(" (")[0] in restored.stdout

        original, copy = demo.tables(), target.tables()
        assert sorted(copy) == sorted(original)
        assert len(original["register_commitment"]) > 50
        assert len(original["measures_observation"]) > 5_000
        for table, rows in original.items():
            assert copy[table] == rows, table

        again = target.run("restore", str(backup))
        assert again.returncode == 1
        assert "already has" in again.stderr
        assert "restore only into an empty database" in again.stderr
        assert target.tables() == copy


def test_restore_refuses_what_is_not_a_whole_backup_and_changes_nothing(
    demo: Installation, tmp_path: Path
) -> None:
    nowhere = demo.run("backup", "--out", str(tmp_path / "nowhere" / "stocktake.backup"))
    assert nowhere.returncode == 1
    assert f"There is no folder {tmp_path / 'nowhere'} to write the backup into." in nowhere.stderr
    backup = tmp_path / "stocktake.backup"
    assert demo.run("backup", "--out", str(backup)).returncode == 0
    truncated = tmp_path / "truncated.backup"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 3])
    text = tmp_path / "notes.backup"
    text.write_text("commitments,owner\n", encoding="utf-8")

    with fresh("backup_refused", tmp_path) as target:
        for path, message in (
            (text, "is not a Stocktake backup (neither a SQLite database nor a pg_dump archive)"),
            (truncated, "could not be restored" if ON_POSTGRES else "is damaged"),
        ):
            refused = target.run("restore", str(path))
            assert refused.returncode == 1
            assert message in refused.stderr
            assert "Traceback" not in refused.stderr
            assert not any(target.tables().values()), "nothing was restored"
