"""The demo in a PostgreSQL database of the ops tests' own, loaded once per run: the deployment
serves it, backups read it (neither changes it)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from stocktake.ops.tests.databases import scratch_database
from stocktake.tests.processes import STOCKTAKE, command_environment


@pytest.fixture(scope="session")
def postgres_demo() -> Iterator[str]:
    """The URL of a PostgreSQL database holding the demo (skips the test on SQLite)."""
    with scratch_database("demo") as url:
        loaded = subprocess.run(  # noqa: S603 - our own command
            [STOCKTAKE, "demo", "--no-serve"],
            env=command_environment(DATABASE_URL=url),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert loaded.returncode == 0, loaded.stderr
        yield url
