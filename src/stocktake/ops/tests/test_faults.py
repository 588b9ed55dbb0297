"""Faults an installation meets, met by real processes on a real SQLite data directory: a report
killed while it renders, a data directory that has become read-only, a disk that fills up."""

from __future__ import annotations

import hashlib
import os
import pty
import select
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from stocktake.tests.processes import STOCKTAKE, command_environment, killed_when


def database_digest(data_dir: Path) -> str:
    """A digest of every row of every table (the database's content, not its file's bytes)."""
    connection = sqlite3.connect(f"file:{data_dir / 'stocktake.sqlite3'}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for statement in connection.iterdump():
            digest.update(statement.encode())
        return digest.hexdigest()
    finally:
        connection.close()


def test_a_report_killed_while_it_renders_leaves_no_output_and_the_database_as_it_was(
    demo_data_dir: Path, tmp_path: Path
) -> None:
    demo = demo_data_dir
    before = database_digest(demo)
    reports = tmp_path / "reports"
    reports.mkdir()
    out = reports / "progress.pdf"
    out.write_bytes(b"%PDF- last month's report")
    # On a terminal the command shows its progress; kill it once it says it is writing the PDF.
    primary, secondary = pty.openpty()
    process = subprocess.Popen(  # noqa: S603 - our own command
        [STOCKTAKE, "report", "progress", "--programme", "MAN2015", "--format", "pdf",
         "--out", str(out)],
        env=command_environment(STOCKTAKE_DATA_DIR=str(demo), TERM="xterm"),
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )  # fmt: skip
    os.close(secondary)
    shown = bytearray()

    def writing_the_pdf() -> bool:
        while select.select([primary], [], [], 0)[0]:
            try:
                shown.extend(os.read(primary, 65536))
            except OSError:  # the terminal closed
                break
        return b"Writing PDF" in shown

    try:
        killed_when(process, writing_the_pdf, what="the report is writing its PDF")
    finally:
        os.close(primary)

    assert out.read_bytes() == b"%PDF- last month's report"
    assert sorted(p.name for p in reports.iterdir()) == ["progress.pdf"]
    assert database_digest(demo) == before


@pytest.fixture
def read_only(demo_data_dir: Path) -> Iterator[list[str]]:
    """The command prefix that runs a command with the demo's data directory read-only: the
    folder's permissions for a user, a read-only bind mount in a namespace of its own for root
    (whom permissions do not stop)."""
    demo = demo_data_dir
    if os.geteuid() != 0:
        modes = {path: path.stat().st_mode for path in (demo, *demo.iterdir())}
        for path in modes:
            path.chmod(0o555 if path.is_dir() else 0o444)
        yield []
        for path, mode in modes.items():
            path.chmod(mode)
        return
    if subprocess.run(["unshare", "--mount", "true"], check=False).returncode != 0:  # noqa: S607
        pytest.skip("running as root without mount namespaces: cannot make a folder read-only")
    script = 'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec "$@"'
    yield ["unshare", "--mount", "sh", "-c", script, str(demo)]


def test_a_read_only_data_directory_is_a_clear_message_and_changes_nothing(
    demo_data_dir: Path, read_only: list[str], tmp_path: Path
) -> None:
    demo = demo_data_dir
    before = database_digest(demo)
    observations = tmp_path / "observations.csv"
    observations.write_text(
        "measure,area,period,value\nae-4hr,E92000001,2031-01,91.5\n", encoding="utf-8"
    )
    for command in (
        ["demo", "--no-serve"],
        ["migrate"],
        ["import", str(observations), "--kind", "observations"],
    ):
        refused = subprocess.run(  # noqa: S603 - our own command
            [*read_only, STOCKTAKE, *command],
            env=command_environment(STOCKTAKE_DATA_DIR=str(demo)),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert refused.returncode == 1, command
        assert f"Cannot write to the data directory {demo}: it is read-only." in refused.stderr
        assert "Traceback" not in refused.stderr
    assert database_digest(demo) == before


def test_a_full_disk_is_a_clear_message_and_changes_nothing(
    demo_data_dir: Path, tmp_path: Path
) -> None:
    """The data directory on a disk with half a megabyte free (a small tmpfs, in a mount
    namespace of the test's own): an import of ten thousand observations fills it."""
    if os.geteuid() != 0 or subprocess.run(["unshare", "--mount", "true"], check=False).returncode:  # noqa: S607
        pytest.skip("needs root and mount namespaces to mount a small disk")
    demo = demo_data_dir
    before = database_digest(demo)
    with sqlite3.connect(demo / "stocktake.sqlite3") as connection:
        areas = [
            code
            for (code,) in connection.execute(
                "SELECT DISTINCT area.code FROM measures_observation observation "
                "JOIN register_area area ON area.id = observation.area_id "
                "JOIN measures_measure measure ON measure.id = observation.measure_id "
                "WHERE measure.code = 'ae-4hr'"
            )
        ]
    connection.close()
    observations = tmp_path / "observations.csv"
    with observations.open("w", encoding="utf-8") as out:
        out.write("measure,area,period,value\n")
        for year in range(2031, 2041):
            for month in range(1, 13):
                out.writelines(f"ae-4hr,{area},{year}-{month:02d},91.5\n" for area in areas)
    disk, after = tmp_path / "disk", tmp_path / "after"
    disk.mkdir()
    after.mkdir()
    size = (demo / "stocktake.sqlite3").stat().st_size + 512 * 1024
    # Mount the small disk, copy the data directory onto it, import; then copy the database
    # back off it (the disk goes with the namespace) and pass on the import's exit status.
    script = (
        'mount -t tmpfs -o size="$1" tmpfs "$2" && cp -a "$3"/. "$2"/ || exit 99; '
        'STOCKTAKE_DATA_DIR="$2" "$5" import "$6" --kind observations; status=$?; '
        'cp "$2"/stocktake.sqlite3* "$4"/; exit $status'
    )
    refused = subprocess.run(  # noqa: S603 - our own command, in a namespace of its own
        ["unshare", "--mount", "sh", "-c", script, "sh", str(size), str(disk), str(demo),  # noqa: S607
         str(after), STOCKTAKE, str(observations)],
        env=command_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert refused.returncode == 1, refused.stderr
    assert (
        f"The disk holding the database {disk / 'stocktake.sqlite3'} is full: nothing was changed."
        in refused.stderr
    )
    assert "Traceback" not in refused.stderr
    assert database_digest(after) == before
