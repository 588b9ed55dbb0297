"""PostgreSQL databases of a test's own, beside the one the test run uses (``DATABASE_URL``),
for ``stocktake`` processes to load, serve, back up and restore."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest


def postgres_url() -> str:
    """The test run's PostgreSQL URL; skips the test when the run is on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        pytest.skip("needs PostgreSQL: run the suite with DATABASE_URL=postgres://…")
    return url


def _connect(url: str, *, dbname: str) -> psycopg.Connection:
    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname=dbname,
        autocommit=True,
    )


def connect(url: str) -> psycopg.Connection:
    """An autocommit connection to the database ``url`` names."""
    return _connect(url, dbname=urlsplit(url).path.lstrip("/"))


@contextmanager
def scratch_database(suffix: str) -> Iterator[str]:
    """A new, empty database named after the run's with ``_suffix``; its URL. Dropped after."""
    url = postgres_url()
    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/')}_{suffix}"
    with _connect(url, dbname="postgres") as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with _connect(url, dbname="postgres") as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
