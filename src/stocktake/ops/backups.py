"""Backups: a consistent snapshot of the whole database in one file, and its restore into an
empty database.

On SQLite the snapshot is SQLite's online backup (the file is itself a SQLite database); on
PostgreSQL it is ``pg_dump``'s custom archive, taken in a snapshot exported from a REPEATABLE READ
transaction that also counts every table's rows, so the counts describe exactly what was dumped.
A backup is written beside its destination and moved into place whole: an interrupted backup
never leaves a partial file under the name asked for. A restore goes only into a database with no
tables, all or nothing.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connections, transaction

from stocktake.ops.files import written_whole

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """The backup or restore cannot be done; nothing was changed."""


@dataclass(frozen=True)
class Snapshot:
    """What a backup holds or a restore brought back: rows per table, and the database."""

    path: Path
    database: str
    rows: dict[str, int]

    def summary(self, verb: str) -> str:
        return (
            f"{verb} {self.path}: {len(self.rows):,} tables, {sum(self.rows.values()):,} rows "
            f"({self.database})."
        )


def backup_write(*, out: Path) -> Snapshot:
    """Write a consistent snapshot of the database to ``out`` (replacing it whole if present)."""
    if not out.parent.is_dir():
        raise BackupError(f"There is no folder {out.parent} to write the backup into.")
    try:
        with written_whole(out) as partial:
            rows = _sqlite_backup(partial) if _is_sqlite() else _postgres_backup(partial)
    except OSError as error:
        raise BackupError(
            f"Cannot write the backup to {out}: {error.strerror or error}."
        ) from error
    return Snapshot(path=out, database=_database_description(), rows=rows)


def restore_read(*, path: Path) -> Snapshot:
    """Restore the backup at ``path`` into this installation's database, which must be empty."""
    kind = _backup_kind(path)
    if _is_sqlite():
        if kind != "sqlite":
            raise BackupError(
                f"{path} is a PostgreSQL backup: restore it with DATABASE_URL set to an empty "
                "PostgreSQL database."
            )
        rows = _sqlite_restore(path)
    else:
        if kind != "postgresql":
            raise BackupError(
                f"{path} is a SQLite backup: restore it without DATABASE_URL, into an empty "
                "STOCKTAKE_DATA_DIR."
            )
        rows = _postgres_restore(path)
    return Snapshot(path=path, database=_database_description(), rows=rows)


def _is_sqlite() -> bool:
    return connections["default"].vendor == "sqlite"


def _database_description() -> str:
    connection = connections["default"]
    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version} at {connection.settings_dict['NAME']}"
    settings = connection.settings_dict
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (version,) = cursor.fetchone()
    return f"PostgreSQL {version.split()[0]}, {settings['NAME']} at {settings['HOST']}:{settings['PORT'] or 5432}"


def _backup_kind(path: Path) -> str:
    try:
        with path.open("rb") as file:
            start = file.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror or error}.") from error
    if start.startswith(SQLITE_MAGIC):
        return "sqlite"
    if start.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(
        f"{path} is not a Stocktake backup (neither a SQLite database nor a pg_dump archive)."
    )


# SQLite -------------------------------------------------------------------------------------


def _sqlite_path() -> Path:
    return Path(connections["default"].settings_dict["NAME"])


def _sqlite_rows(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    return {
        table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        for table in tables
    }


@contextlib.contextmanager
def _sqlite_open(path: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    connection = sqlite3.connect(uri, uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _sqlite_backup(partial: Path) -> dict[str, int]:
    source_path = _sqlite_path()
    if not source_path.exists():
        raise BackupError(f"There is no database at {source_path} to back up.")
    with _sqlite_open(source_path, read_only=True) as source, _sqlite_open(partial) as copy:
        # One step: the whole database is copied inside one read transaction, a consistent
        # snapshot even while the application writes.
        source.backup(copy)
        return _sqlite_rows(copy)


def _sqlite_restore(path: Path) -> dict[str, int]:
    with _sqlite_open(path, read_only=True) as backup:
        try:
            (verdict,) = backup.execute("PRAGMA quick_check").fetchone()
            rows = _sqlite_rows(backup)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is damaged: {error}.") from error
        if verdict != "ok":
            raise BackupError(f"{path} is damaged: {verdict}.")
        if "django_migrations" not in rows:
            raise BackupError(f"{path} is a SQLite database but not a Stocktake backup.")
        target_path = _sqlite_path()
        connections["default"].close()
        try:
            with _sqlite_open(target_path) as target:
                existing = _sqlite_rows(target)
                if existing:
                    raise BackupError(_not_empty(f"The database at {target_path}", len(existing)))
                backup.backup(target)
        except sqlite3.Error as error:
            raise BackupError(f"Cannot restore into {target_path}: {error}.") from error
    return rows


# PostgreSQL ---------------------------------------------------------------------------------


def _client_environment() -> dict[str, str]:
    settings = connections["default"].settings_dict
    given = {
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGDATABASE": settings.get("NAME"),
        "PGSSLMODE": settings.get("OPTIONS", {}).get("sslmode"),
    }
    return os.environ | {key: str(value) for key, value in given.items() if value}


def _client_tool(name: str) -> str:
    """The path of ``pg_dump`` or ``pg_restore``, refused unless it is as new as the server."""
    tool = shutil.which(name)
    if tool is None:
        raise BackupError(
            f"Backups of PostgreSQL need {name}: install the PostgreSQL client tools "
            "(apt-get install postgresql-client)."
        )
    version = subprocess.run(  # noqa: S603 - a fixed argument to the tool found on PATH
        [tool, "--version"], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(r"(\d+)(?:\.\d+)?", version)
    client_major = int(found[1]) if found else 0
    server_major = connections["default"].pg_version // 10000
    if client_major < server_major:
        raise BackupError(
            f"{name} {client_major} cannot read a PostgreSQL {server_major} server: install "
            f"postgresql-client-{server_major}."
        )
    return tool


def _postgres_rows(cursor: Any) -> dict[str, int]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    tables = [name for (name,) in cursor.fetchall()]
    rows = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from the catalogue
        rows[table] = cursor.fetchone()[0]
    return rows


def _postgres_backup(partial: Path) -> dict[str, int]:
    tool = _client_tool("pg_dump")
    with transaction.atomic(), connections["default"].cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        (snapshot,) = cursor.fetchone()
        rows = _postgres_rows(cursor)
        # pg_dump reads the same snapshot, so the archive holds exactly the rows counted.
        dumped = subprocess.run(  # noqa: S603 - the client tool with fixed arguments
            [tool, "--format=custom", f"--snapshot={snapshot}", f"--file={partial}"],
            env=_client_environment(),
            capture_output=True,
            text=True,
        )
    if dumped.returncode != 0:
        raise BackupError(f"pg_dump failed: {_first_line(dumped.stderr)}")
    return rows


def _postgres_restore(path: Path) -> dict[str, int]:
    tool = _client_tool("pg_restore")
    connection = connections["default"]
    with connection.cursor() as cursor:
        existing = _postgres_rows(cursor)
    if existing:
        name = connection.settings_dict["NAME"]
        raise BackupError(_not_empty(f"The database {name}", len(existing)))
    connection.close()
    restored = subprocess.run(  # noqa: S603 - the client tool with fixed arguments
        [
            tool,
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        env=_client_environment(),
        capture_output=True,
        text=True,
    )
    if restored.returncode != 0:
        raise BackupError(
            f"{path} could not be restored (nothing was changed): {_first_line(restored.stderr)}"
        )
    with connection.cursor() as cursor:
        return _postgres_rows(cursor)


def _not_empty(database: str, tables: int) -> str:
    return (
        f"{database} already has {tables} tables: restore only into an empty database "
        "(a new STOCKTAKE_DATA_DIR, or a new PostgreSQL database made with createdb)."
    )


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0] if lines else "no message"
