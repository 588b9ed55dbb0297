"""The `stocktake` command as a user runs it: a real process, a real data directory."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from stocktake.tests.processes import STOCKTAKE, command_environment, run

COMMANDS = [
    "assess",
    "backup",
    "createuser",
    "demo",
    "export",
    "import",
    "import-document",
    "manage",
    "migrate",
    "parse-deadline",
    "publish",
    "remind",
    "report",
    "restore",
    "serve",
    "token",
]


def test_help_lists_every_command(tmp_path: Path) -> None:
    result = run("--help", data_dir=tmp_path)
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "manage"])
def test_every_command_has_help(tmp_path: Path, command: str) -> None:
    result = run(command, "--help", data_dir=tmp_path)
    assert result.returncode == 0
    assert "Usage:" in result.stdout
    assert not (tmp_path / "stocktake.sqlite3").exists()


def test_manage_passes_through_to_django(tmp_path: Path) -> None:
    result = run("manage", "check", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_parse_deadline_prints_json_per_phrase(tmp_path: Path) -> None:
    result = run("parse-deadline", "--json", "2016/17", "Ongoing", data_dir=tmp_path)
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {
            "phrase": "2016/17",
            "kind": "window",
            "earliest": "2016-04-01",
            "latest": "2017-03-31",
            "event": None,
        },
        {"phrase": "Ongoing", "kind": "ongoing", "earliest": None, "latest": None, "event": None},
    ]


def test_migrate_then_createuser_from_stdin(tmp_path: Path) -> None:
    assert run("migrate", data_dir=tmp_path).returncode == 0
    assert (tmp_path / "stocktake.sqlite3").exists()

    created = run(
        "createuser", "analyst", "--password-stdin", data_dir=tmp_path, stdin="Lamp-Post-42\n"
    )
    assert created.returncode == 0, created.stderr
    assert "Created user 'analyst'" in created.stdout

    again = run("createuser", "analyst", "--password-stdin", data_dir=tmp_path, stdin="x\n")
    assert again.returncode != 0
    assert "already exists" in again.stderr

    weak = run("createuser", "minister", "--password-stdin", data_dir=tmp_path, stdin="password\n")
    assert weak.returncode != 0
    assert "too common" in weak.stderr


def test_production_mode_passes_the_deployment_checks(tmp_path: Path) -> None:
    env_vars = {
        "STOCKTAKE_ENV": "production",
        "STOCKTAKE_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-for-tests",
        "STOCKTAKE_ALLOWED_HOSTS": "delivery.example.gov.uk",
    }
    env = command_environment(STOCKTAKE_DATA_DIR=str(tmp_path), **env_vars)
    result = subprocess.run(  # noqa: S603
        [STOCKTAKE, "manage", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STOCKTAKE_")}
    env |= {"STOCKTAKE_ENV": "production", "STOCKTAKE_DATA_DIR": str(tmp_path)}
    result = subprocess.run(  # noqa: S603
        [STOCKTAKE, "manage", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "STOCKTAKE_SECRET_KEY" in result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_demo_loads_once_then_serves_the_home_page(tmp_path: Path) -> None:
    first = run("demo", "--no-serve", data_dir=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "commitments" in first.stdout
    assert "Sign in at" in first.stdout
    again = run("demo", "--no-serve", data_dir=tmp_path)
    assert "already loaded" in again.stdout

    port = _free_port()
    env = command_environment(STOCKTAKE_DATA_DIR=str(tmp_path))
    server = subprocess.Popen(  # noqa: S603
        [STOCKTAKE, "demo", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/")
        assert "Manifesto commitments" in page
        assert "Corporate Plan" in page
        css = _get_when_up(f"http://127.0.0.1:{port}/static/stocktake/stocktake.css")
        assert "govuk-template" in css
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get_when_up(url: str, *, attempts: int = 100) -> str:
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


SEED_REPORT = (
    Path(__file__).resolve().parents[1] / "register" / "tests" / "data" / "wiring_it_up.txt"
)


def test_import_document_lists_then_imports_the_seed_report_once(migrated_data_dir: Path) -> None:
    dry = run("import-document", str(SEED_REPORT), "--dry-run", data_dir=migrated_data_dir)
    assert dry.returncode == 0, dry.stderr
    assert "nothing was written" in dry.stdout
    assert "42 commitments" in dry.stdout

    real = run(
        "import-document", str(SEED_REPORT), "--as-of", "2000-06-30", data_dir=migrated_data_dir
    )
    assert real.returncode == 0, real.stderr
    assert "Imported" in real.stdout
    assert "programme 'wiring-it-up' (Wiring It Up)" in real.stdout
    assert "42 with a deadline: 17 date, 13 ongoing, 9 window, 2 event, 1 immediate" in real.stdout

    again = run("import-document", str(SEED_REPORT), data_dir=migrated_data_dir)
    assert again.returncode == 1
    assert "'wiring-it-up' already exists" in again.stderr


def test_report_writes_the_seed_reports_progress_and_refuses_unknown_codes(
    migrated_data_dir: Path,
) -> None:
    imported = run(
        "import-document", str(SEED_REPORT), "--as-of", "2000-06-30", data_dir=migrated_data_dir
    )
    assert imported.returncode == 0, imported.stderr

    out = migrated_data_dir / "progress.pdf"
    written = run(
        "report", "progress", "--programme", "wiring-it-up", "--as-of", "2000-06-30",
        "--format", "pdf", "--out", str(out), data_dir=migrated_data_dir,
    )  # fmt: skip
    assert written.returncode == 0, written.stderr
    assert written.stdout.strip() == f"Wrote {out}"
    assert out.read_bytes().startswith(b"%PDF-")

    for args, message in (
        (("delivery", "--programme", "nope"), "There is no programme with the code 'nope'."),
        (("summary", "--organisation", "NOPE"), "There is no organisation with the code 'NOPE'."),
        (("summary",), "A delivery summary is for one organisation or one person"),
        (("progress",), "The progress report is about one programme"),
    ):
        refused = run(
            "report",
            *args,
            "--format",
            "html",
            "--out",
            str(migrated_data_dir / "x.html"),
            data_dir=migrated_data_dir,
        )
        assert refused.returncode == 1
        assert message in refused.stderr
        assert "Traceback" not in refused.stderr
    assert not (migrated_data_dir / "x.html").exists()


ASSESSED = {
    "measure",
    "area",
    "period",
    "actual",
    "trajectory",
    "variance",
    "variance_pct",
    "status",
    "projection",
    "projection_low",
    "projection_high",
    "probability",
    "stale",
}


def test_assess_prints_every_area_of_a_measure_and_refuses_bad_input(demo_data_dir: Path) -> None:

    result = run("assess", "--programme", "HGY-CP", "--format", "json", data_dir=demo_data_dir)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [row["measure"] for row in rows] == ["hgy-recycling", "hgy-repairs", "hgy-ta"]
    assert all(set(row) == ASSESSED for row in rows)
    assert {row["status"] for row in rows} <= {"on_track", "ahead", "off_track", "no_data"}

    table = run("assess", "--measure", "ae-4hr", data_dir=demo_data_dir)
    assert table.returncode == 0, table.stderr
    assert "Assessment as of" in table.stdout
    csv_rows = run("assess", "--measure", "ae-4hr", "--format", "csv", data_dir=demo_data_dir)
    lines = csv_rows.stdout.splitlines()
    assert lines[0] == ",".join(sorted(ASSESSED, key=list(rows[0]).index))
    assert len(lines) == 1 + 84  # every local authority, region and the nation

    for args, message in (
        (("--measure", "nope"), "There is no measure with the code 'nope'."),
        (("--programme", "nope"), "There is no programme with the code 'nope'."),
        (("--as-of", "2026-13-01"), "Invalid value for '--as-of'"),
    ):
        refused = run("assess", *args, data_dir=demo_data_dir)
        assert refused.returncode != 0
        assert message in refused.stderr
        assert "Traceback" not in refused.stderr
