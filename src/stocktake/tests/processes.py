"""Helpers for tests that run real processes: a free port, waiting on a condition, and killing
a process at the moment a condition says it is part-way through its work."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

STOCKTAKE = shutil.which("stocktake") or str(Path(sys.executable).with_name("stocktake"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition: Callable[[], bool], *, what: str, timeout: float = 120) -> None:
    """Poll ``condition`` every 20 ms until it holds; fail the test naming ``what`` after
    ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.02)


def killed_when(
    process: subprocess.Popen[bytes], ready: Callable[[], bool], *, what: str, timeout: float = 120
) -> None:
    """SIGKILL ``process`` as soon as ``ready()`` holds (``what`` names that moment); fail if
    the process ends first or the moment never comes."""

    def ready_or_ended() -> bool:
        assert process.poll() is None, f"the process ended before {what}"
        return ready()

    wait_until(ready_or_ended, what=what, timeout=timeout)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL


def command_environment(**settings: str) -> dict[str, str]:
    """This process's environment for a ``stocktake`` subprocess, without the database and
    Stocktake settings the test run itself uses, plus ``settings`` (e.g. ``DATABASE_URL``)."""
    own = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}
    kept = {k: v for k, v in os.environ.items() if k not in own and not k.startswith("STOCKTAKE_")}
    return kept | settings


def run(*args: str, data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``stocktake ARGS`` on SQLite in ``data_dir`` (never the developer's or CI's
    database) and wait for it."""
    return subprocess.run(  # noqa: S603 - our own command with fixed arguments
        [STOCKTAKE, *args],
        env=command_environment(STOCKTAKE_DATA_DIR=str(data_dir)),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
