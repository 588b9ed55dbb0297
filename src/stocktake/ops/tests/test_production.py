"""`stocktake serve --production` as a deployment runs it: a real gunicorn on a free port, a
PostgreSQL database of the test's own with the demo in it, pages and static files over HTTP; the
database connection dropped under it, between requests and in the middle of one; and the server
killed in the middle of a bulk write through the API."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest
from psycopg import Connection

from stocktake.ops.tests.databases import connect
from stocktake.tests.processes import STOCKTAKE, command_environment, free_port, wait_until

PROXY = {"X-Forwarded-Proto": "https"}  # what the HTTPS proxy in front of gunicorn adds
SORRY = "Sorry, there is a problem with the service"


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


@dataclass(frozen=True)
class Server:
    port: int
    database_url: str

    def get(self, path: str, *, headers: dict[str, str] | None = None) -> Response:
        return self.send("GET", path, headers=PROXY if headers is None else headers)

    def send(
        self, method: str, path: str, *, headers: dict[str, str], body: bytes | None = None
    ) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=headers)
            answer = connection.getresponse()
            return Response(answer.status, dict(answer.getheaders()), answer.read())
        finally:
            connection.close()


def production_environment(*, database_url: str, static_root: Path) -> dict[str, str]:
    return command_environment(
        DATABASE_URL=database_url,
        STOCKTAKE_SECRET_KEY=secrets.token_urlsafe(50),
        STOCKTAKE_ALLOWED_HOSTS="127.0.0.1,localhost",
        STOCKTAKE_STATIC_ROOT=str(static_root),
    )


@contextmanager
def serving(database_url: str, log: Path) -> Iterator[tuple[Server, subprocess.Popen[bytes]]]:
    """`stocktake serve --production` on a free port, in a process group of its own; the server
    once it answers, and its process."""
    port = free_port()
    # Kept between runs, as on a server: collecting (compressing) the static files takes a
    # minute of CPU the first time, and is skipped while they are current.
    static_root = Path(tempfile.gettempdir()) / "stocktake-test-static"
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - our own command
            [STOCKTAKE, "serve", "--production", "--port", str(port), "--workers", "2"],
            env=production_environment(database_url=database_url, static_root=static_root),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        served = Server(port=port, database_url=database_url)
        try:
            wait_until(lambda: _answers(served, process), what="the server answers", timeout=300)
            yield served, process
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=60)


@pytest.fixture(scope="module")
def server(postgres_demo: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serving(postgres_demo, tmp_path_factory.mktemp("log") / "serve.log") as (served, _):
        yield served


def _answers(server: Server, process: subprocess.Popen[bytes]) -> bool:
    assert process.poll() is None, "stocktake serve --production stopped"
    try:
        server.get("/")
    except OSError:
        return False
    return True


def test_production_serves_pages_and_hashed_static_files(server: Server) -> None:
    dashboard = server.get("/")
    assert dashboard.status == 200
    assert "Manifesto commitments" in dashboard.text
    assert dashboard.headers["Strict-Transport-Security"].startswith("max-age=31536000")

    listed = server.get("/commitments/?q=school")
    assert listed.status == 200
    commitment = re.search(r'href="(/commitments/[^/"]+/[^/"]+/)"', listed.text)
    assert commitment, "the list links to commitments"
    assert server.get(commitment[1]).status == 200
    measure = re.search(r'href="(/measures/[^/"]+/)"', server.get("/measures/").text)
    assert measure, "the measure list links to measures"
    assert server.get(measure[1]).status == 200

    css = re.search(r'href="(/static/stocktake/stocktake\.[0-9a-f]{12}\.css)"', dashboard.text)
    assert css, "the page links the hashed stylesheet collectstatic wrote"
    stylesheet = server.get(css[1], headers={"Accept-Encoding": "gzip"} | PROXY)
    assert stylesheet.status == 200
    assert stylesheet.headers["Content-Encoding"] == "gzip"
    assert "immutable" in stylesheet.headers["Cache-Control"]
    favicon = server.get("/static/govuk/assets/images/favicon.ico")
    assert favicon.status == 200


def test_production_sends_plain_http_to_https(server: Server) -> None:
    answer = server.get("/commitments/", headers={})
    assert answer.status == 301
    assert answer.headers["Location"] == f"https://127.0.0.1:{server.port}/commitments/"


def test_a_connection_dropped_between_requests_is_replaced(server: Server) -> None:
    assert server.get("/").status == 200
    with connect(server.database_url) as admin:
        dropped = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    assert dropped >= 1, "the workers keep their connections between requests"
    for _ in range(6):  # every worker thread's kept connection was dropped
        assert server.get("/").status == 200


def test_a_connection_dropped_mid_request_gives_the_error_page_then_recovers(
    server: Server,
) -> None:
    answers: list[Response] = []
    with connect(server.database_url) as admin, connect(server.database_url) as observer:
        # Hold the commitments table so the dashboard's request waits inside the database,
        # then drop that request's connection while it waits. The wait is watched from a
        # second connection: inside the holding transaction pg_stat_activity would show the
        # same snapshot at every look.
        admin.execute("BEGIN")
        admin.execute("LOCK TABLE register_commitment IN ACCESS EXCLUSIVE MODE")
        request = threading.Thread(target=lambda: answers.append(server.get("/")))
        request.start()
        waiting = (
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        wait_until(lambda: observer.execute(waiting).fetchone() is not None, what="it waits")
        (pid,) = observer.execute(waiting).fetchone()
        observer.execute("SELECT pg_terminate_backend(%s)", [pid])
        admin.execute("ROLLBACK")
        request.join(timeout=60)

    (answer,) = answers
    assert answer.status == 500
    assert SORRY in answer.text
    assert "Traceback" not in answer.text
    for _ in range(6):
        again = server.get("/")
        assert again.status == 200
        assert "Manifesto commitments" in again.text


def test_a_server_killed_in_the_middle_of_a_bulk_write_keeps_none_of_it(
    postgres_demo: str, tmp_path: Path
) -> None:
    with connect(postgres_demo) as admin, connect(postgres_demo) as observer:
        stored = _values(admin, "ae-4hr")
        # One request: each stored value of the measure replaced, and as many new ones added.
        later = {(area, period.replace(year=period.year + 30)): 50.0 for area, period in stored}
        replaced = {key: value + 1 for key, value in stored.items()}
        items = [
            {"measure": "ae-4hr", "area": area, "period": period.isoformat(), "value": value}
            for (area, period), value in (replaced | later).items()
        ]
        assert 1000 < len(items) <= 5000
        token = subprocess.run(  # noqa: S603 - our own command
            [STOCKTAKE, "token", "analyst", "--name", "bulk writes"],
            env=command_environment(DATABASE_URL=postgres_demo),
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
        headers = PROXY | {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        body = json.dumps({"items": items}).encode()

        with serving(postgres_demo, tmp_path / "serve.log") as (server, process):
            # Hold one stored value, so the write stops there: its new values added and
            # replacements under way, inside its one transaction. Kill the server as it waits.
            admin.execute("BEGIN")
            admin.execute(
                "SELECT 1 FROM measures_observation o JOIN measures_measure m "
                "ON m.id = o.measure_id WHERE m.code = 'ae-4hr' ORDER BY o.id DESC LIMIT 1 "
                "FOR UPDATE OF o"
            )
            threading.Thread(
                target=lambda: _sent_or_cut(server, "POST", "/api/observations/", headers, body),
                daemon=True,
            ).start()
            waiting = (
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND query LIKE 'UPDATE%%measures_observation%%'"
            )
            wait_until(lambda: observer.execute(waiting).fetchone(), what="the write waits")
            (writer,) = observer.execute(waiting).fetchone()
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=60)
            admin.execute("ROLLBACK")
            gone = "SELECT count(*) = 0 FROM pg_stat_activity WHERE pid = %s"
            wait_until(
                lambda: observer.execute(gone, [writer]).fetchone()[0],
                what="the killed server's connection ends",
            )

        assert _values(admin, "ae-4hr") == stored, "none of the killed write was kept"

        # A server started again takes the same request whole.
        with serving(postgres_demo, tmp_path / "serve-again.log") as (server, _):
            answer = server.send("POST", "/api/observations/", headers=headers, body=body)
        assert answer.status == 200, answer.text
        assert json.loads(answer.body) == {"added": len(later), "replaced": len(replaced)}
        assert _values(admin, "ae-4hr") == replaced | later


def _values(admin: Connection, measure: str) -> dict[tuple[str, dt.date], float]:
    """A measure's stored values by area code and period."""
    rows = admin.execute(
        "SELECT a.code, o.period, o.value FROM measures_observation o "
        "JOIN measures_measure m ON m.id = o.measure_id "
        "JOIN register_area a ON a.id = o.area_id WHERE m.code = %s",
        [measure],
    ).fetchall()
    return {(area, period): float(value) for area, period, value in rows}


def _sent_or_cut(
    server: Server, method: str, path: str, headers: dict[str, str], body: bytes
) -> None:
    """Send a request whose server may be killed before it answers."""
    with suppress(OSError, http.client.HTTPException):
        server.send(method, path, headers=headers, body=body)


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({}, "Set STOCKTAKE_SECRET_KEY in production."),
        ({"STOCKTAKE_SECRET_KEY": "k" * 60}, "Set STOCKTAKE_ALLOWED_HOSTS"),
        (
            {"STOCKTAKE_SECRET_KEY": secrets.token_urlsafe(50), "STOCKTAKE_ALLOWED_HOSTS": "x"},
            "Production needs PostgreSQL: set DATABASE_URL",
        ),
    ],
)
def test_production_refuses_to_start_without_its_settings(
    tmp_path: Path, settings: dict[str, str], message: str
) -> None:
    refused = subprocess.run(  # noqa: S603 - our own command
        [STOCKTAKE, "serve", "--production", "--port", str(free_port())],
        env=command_environment(STOCKTAKE_DATA_DIR=str(tmp_path), **settings),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 1
    assert message in refused.stderr
    assert "Traceback" not in refused.stderr
