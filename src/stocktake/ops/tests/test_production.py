"""`stocktake serve --production` as a deployment runs it: a real gunicorn on a free port, a
PostgreSQL database of the test's own with the demo in it, pages and static files over HTTP; and
the database connection dropped under it, between requests and in the middle of one."""

from __future__ import annotations

import http.client
import re
import secrets
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path, headers=PROXY if headers is None else headers)
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


@pytest.fixture(scope="module")
def server(postgres_demo: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    # Kept between runs, as on a server: collecting (compressing) the static files takes a
    # minute of CPU the first time, and is skipped while they are current.
    static_root = Path(tempfile.gettempdir()) / "stocktake-test-static"
    log = (tmp_path_factory.mktemp("log") / "serve.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own command
        [STOCKTAKE, "serve", "--production", "--port", str(port), "--workers", "2"],
        env=production_environment(database_url=postgres_demo, static_root=static_root),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    served = Server(port=port, database_url=postgres_demo)
    try:
        wait_until(lambda: _answers(served, process), what="the server answers", timeout=300)
        yield served
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()


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
