"""Benchmark: importing observations from a CSV file, against the database's own bulk path.

    .venv/bin/python bench/import_observations.py --rows 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/import_observations.py

Writes a CSV of ``--rows`` observations (50 measures, 350 areas and as many months as needed) to a
temporary directory and migrates a fresh database: a temporary SQLite file, or with DATABASE_URL
a throwaway PostgreSQL database ``stocktake_bench_import`` on that server, dropped afterwards.
Then times

(a) ``tabular_import(kind="observations")``: both passes, all checks, one transaction;
(b) the database's own bulk path for the same file into an equivalent table (same columns and
    indexes): on SQLite ``executemany`` through the sqlite3 module in one transaction, on
    PostgreSQL ``COPY … FROM STDIN`` through psycopg's ``cursor.copy()`` into a regular table;
(c) on PostgreSQL, (b) again into a table that also has the foreign keys to the measure and the
    area, as the import's table has: the database checks them row by row at commit, a cost the
    import pays and (b) does not;

and prints rows per second for each and their ratio; then times (a) again on the same file
(every row an update) and measures the import's memory on a third run (tracemalloc slows
Python, so that run is not timed): the tracemalloc peak and the process's peak resident size.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import resource
import sqlite3
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import click

MEASURES, AREAS = 50, 350
BENCH_DATABASE = "stocktake_bench_import"


def _months(count: int) -> list[str]:
    return [f"{2010 + month // 12}-{month % 12 + 1:02d}" for month in range(count)]


def csv_generate(path: Path, *, rows: int) -> None:
    """Observations in the order a statistical release lists them: by measure, area, period."""
    months = _months(-(-rows // (MEASURES * AREAS)))
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["measure", "area", "period", "value", "provisional"])
        written = 0
        for measure in range(MEASURES):
            for area in range(AREAS):
                for index, period in enumerate(months):
                    if written == rows:
                        return
                    value = (measure * 7 + area * 3 + index) % 1000 + 0.5
                    writer.writerow([f"m{measure:02d}", f"E{area:08d}", period, value, "no"])
                    written += 1


def _csv_records(path: Path, measures: dict[str, int], areas: dict[str, int]) -> Iterator[tuple]:
    """The file's rows as the table's values, with as little Python as the format allows."""
    recorded_at = dt.datetime.now(tz=dt.UTC).isoformat(sep=" ")
    with path.open(newline="") as file:
        reader = csv.reader(file)
        next(reader)
        for measure, area, period, value, provisional in reader:
            yield (
                measures[measure],
                areas[area],
                f"{period}-01",
                float(value),
                provisional == "yes",
                recorded_at,
            )


COLUMNS = "measure_id, area_id, period, value, provisional, recorded_at"


def bulk_sqlite(path: Path, database: Path) -> None:
    """executemany into a copy of the observations table (same schema, constraints, indexes)."""
    from django.db.backends.sqlite3._functions import register

    connection = sqlite3.connect(database)
    try:
        register(connection)  # the SQL functions the table's check constraints call, as Django has
        connection.execute("PRAGMA synchronous = NORMAL")  # as Django's connection has it
        for (sql,) in connection.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'measures_observation' AND sql IS NOT NULL"
        ):
            connection.execute(sql.replace("measures_observation", "bench_observation"))
        measures = dict(connection.execute("SELECT code, id FROM measures_measure"))
        areas = dict(connection.execute("SELECT code, id FROM register_area"))
        with connection:
            connection.executemany(
                f"INSERT INTO bench_observation ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",  # noqa: S608
                _csv_records(path, measures, areas),
            )
        connection.execute("DROP TABLE bench_observation")
    finally:
        connection.close()


def bulk_postgresql(path: Path, url: str, *, foreign_keys: bool = False) -> None:
    """COPY into a copy of the observations table (same columns, constraints and indexes;
    with ``foreign_keys`` also its references to the measure and area, checked at commit).

    A regular table, as the import writes to: a temporary one skips the write-ahead log and
    would make the bulk path look faster than it is for the data's real home."""
    import psycopg

    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_observation (LIKE measures_observation INCLUDING ALL)")
        references = cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'measures_observation'::regclass AND contype = 'f'"
        ).fetchall()
        for (definition,) in references if foreign_keys else []:
            cursor.execute(f"ALTER TABLE bench_observation ADD {definition}")
        measures = dict(cursor.execute("SELECT code, id FROM measures_measure").fetchall())
        areas = dict(cursor.execute("SELECT code, id FROM register_area").fetchall())
        with cursor.copy(f"COPY bench_observation ({COLUMNS}) FROM STDIN") as copy:
            for record in _csv_records(path, measures, areas):
                copy.write_row(record)
        connection.commit()
        cursor.execute("DROP TABLE bench_observation")
        connection.commit()


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@click.command()
@click.option("--rows", default=1_000_000, show_default=True, help="Observations in the file.")
def main(rows: int) -> None:
    """Time the observations import against the database's bulk path."""
    server_url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory(prefix="stocktake-bench-") as directory:
        workdir = Path(directory)
        if server_url is None:
            os.environ["STOCKTAKE_DATA_DIR"] = str(workdir)
            _run(workdir, rows=rows, postgres_url=None)
            return
        os.environ["DATABASE_URL"] = _postgres_database_create(server_url)
        try:
            _run(workdir, rows=rows, postgres_url=os.environ["DATABASE_URL"])
        finally:
            _postgres_database_drop(server_url)


def _run(workdir: Path, *, rows: int, postgres_url: str | None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from stocktake.importing.tabular.service import tabular_import
    from stocktake.measures.models import Measure
    from stocktake.register.models import Area, AreaLevel

    call_command("migrate", interactive=False, verbosity=0)
    Measure.objects.bulk_create(
        Measure(
            code=f"m{n:02d}",
            name=f"Measure {n}",
            unit="count",
            direction="higher",
            frequency="monthly",
        )
        for n in range(MEASURES)
    )
    Area.objects.bulk_create(
        Area(code=f"E{n:08d}", name=f"Area {n}", level=AreaLevel.LOCAL_AUTHORITY)
        for n in range(AREAS)
    )
    path = workdir / "observations.csv"
    csv_generate(path, rows=rows)
    months = -(-rows // (MEASURES * AREAS))
    engine = (
        f"PostgreSQL {connection.pg_version // 10000}"
        if postgres_url
        else f"SQLite {sqlite3.sqlite_version}"
    )
    click.echo(
        f"{rows:,} rows ({MEASURES} measures × {AREAS} areas × {months} months), "
        f"{path.stat().st_size / 1e6:.1f} MB CSV, {engine}"
    )
    connection.close()

    if postgres_url:
        bulk_seconds = _timed(lambda: bulk_postgresql(path, postgres_url))
        bulk_name = "COPY FROM STDIN (psycopg cursor.copy)"
        checked_seconds = _timed(lambda: bulk_postgresql(path, postgres_url, foreign_keys=True))
    else:
        bulk_seconds = _timed(lambda: bulk_sqlite(path, settings.DATABASES["default"]["NAME"]))
        bulk_name = "executemany (sqlite3 module)"

    rss_before = _maxrss_mb()
    import_seconds = _timed(lambda: tabular_import(path=path, kind="observations"))
    update_seconds = _timed(lambda: tabular_import(path=path, kind="observations"))
    tracemalloc.start()
    tabular_import(path=path, kind="observations")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    def line(label: str, seconds: float) -> str:
        return f"{label:<44} {seconds:7.1f} s {rows / seconds:10,.0f} rows/s"

    click.echo(line("(a) tabular_import", import_seconds))
    click.echo(line(f"(b) {bulk_name}", bulk_seconds))
    click.echo(f"ratio (a)/(b): {import_seconds / bulk_seconds:.2f}×")
    if postgres_url:
        click.echo(line("(c) COPY, the table's foreign keys too", checked_seconds))
        click.echo(f"ratio (a)/(c): {import_seconds / checked_seconds:.2f}×")
    click.echo(line("(a) again: every row an update", update_seconds))
    click.echo(
        f"memory of an import: tracemalloc peak {peak / 1e6:.1f} MB; peak RSS "
        f"{_maxrss_mb():.0f} MB ({rss_before:.0f} MB before the imports)"
    )


def _postgres_database_create(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    return urlunsplit(urlsplit(url)._replace(path=f"/{BENCH_DATABASE}"))


def _postgres_database_drop(url: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")


if __name__ == "__main__":
    main()
