"""Fixtures every app's tests share: the demo register, loaded once per module, and data
directories for ``stocktake`` processes (a fresh installation, or one with the demo loaded),
each made once per run and copied for every test that asks."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

from stocktake.demo.loader import demo_load
from stocktake.tests.processes import run


@pytest.fixture(scope="session", autouse=True)
def quick_passwords() -> Iterator[None]:
    """Hashing passwords at full strength is slow by design (a quarter of a second each); the
    tests make many users, the demo's among them."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="module")
def demo_today() -> dt.date | None:
    """The day the demo register is dated from: today, unless a module pins it."""
    return None


@pytest.fixture(scope="module")
def demo_register(
    django_db_setup: None,  # noqa: ARG001 - asked for its effect: the test database exists
    django_db_blocker: object,
    demo_today: dt.date | None,
) -> Iterator[None]:
    """The demo register for every test of a module; rolled back after.

    Loading it takes seconds, so a module's tests share one load inside a transaction that is
    never committed; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load(today=demo_today)
        yield
        transaction.set_rollback(True)


def _data_dir_made(factory: pytest.TempPathFactory, *command: str) -> Path:
    directory = factory.mktemp(command[0])
    result = run(*command, data_dir=directory)
    if result.returncode != 0:
        pytest.fail(f"stocktake {' '.join(command)} failed:\n{result.stderr}")
    return directory


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _data_dir_made(tmp_path_factory, "migrate")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _data_dir_made(tmp_path_factory, "demo", "--no-serve")


@pytest.fixture
def migrated_data_dir(migrated_template: Path, tmp_path: Path) -> Path:
    """A data directory holding a freshly migrated, empty SQLite database."""
    return Path(shutil.copytree(migrated_template, tmp_path / "migrated"))


@pytest.fixture
def demo_data_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A data directory holding an SQLite database with the demo loaded (as `stocktake demo`
    leaves it, dated from today)."""
    return Path(shutil.copytree(demo_template, tmp_path / "demo"))
