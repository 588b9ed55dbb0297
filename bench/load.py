"""Load test (issue 8): simulated users against `stocktake serve --production` on the
national-scale demo in PostgreSQL, each request type's latency under load beside its
single-user median measured in the same run; then the deadline rush.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stocktake_bench .venv/bin/python bench/load.py
    DATABASE_URL=… .venv/bin/python bench/load.py --users 10 --duration 15 --rush-updates 50

The database given is migrated and the demo and national-scale registers are loaded into it when
missing (loading twice adds nothing). The script starts `stocktake serve --production` on a free
port of 127.0.0.1 (or uses --port of one already running there), measures each request type's
single-user median (--baseline requests each, one at a time), then runs --users simulated users
for --duration seconds, each choosing a request from the mix (`_mix`), waiting for the answer, then
reading it for a random time between half and one and a half times --think seconds (default 10:
people read the page they asked for; --think 2 is a stress test). Every request counts; an error is a network
failure or an answer other than the one expected. The load stays on 127.0.0.1 and stops at
--duration seconds or --max-requests requests, whichever comes first.

The deadline rush: --rush-updates updates (default 200) to different commitments, sent spread over
--rush-seconds (default 10) by as many senders as users (signed in), each once through the update
form (the form, then Send on the check page); then the database is read back to check that every
one was stored exactly once, on its commitment.

Target: no errors, and each request type's p95 under load within 5x its single-user median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
MAX_DURATION = 600
TARGET_RATIO = 5
# The simulated users sign in as the demo's central unit administrator, who sees every
# commitment and may send updates for any (the national-scale departments have no editors).
PERSON = "demo"
RACED = ("ConnectionResetError", "RemoteDisconnected", "BrokenPipeError")
RESENT: list[str] = []  # GETs sent again after a reused connection was closed under them
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def _form(fields: dict[str, str]) -> bytes:
    return urllib.parse.urlencode(fields).encode()


@dataclass(frozen=True)
class Request:
    """One HTTP request; a form's body may hold ``{csrf}``, the token from the last form seen."""

    method: str
    path: str
    body: bytes | None = None
    expected: int = 200
    form: bool = False


@dataclass
class Kind:
    """One type of request: how often users make it and what each one is."""

    name: str
    weight: int
    make: Callable[[random.Random], Request | list[Request]]
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Site:
    """The server under load and how its users get in: the API token, the demo password."""

    port: int
    token: str
    password: str

    def signed_in(self) -> Client:
        client = Client(self.port, self.token)
        client.sign_in(PERSON, self.password)
        return client


class Client:
    """One user's keep-alive connection, reopened after a failure, and before a request after a
    pause long enough for the server to have closed it (`serve --production` keeps idle
    connections 5 s). Like a browser, a GET that fails on a reused connection before any answer
    (the server closed it as the request left) is sent again once on a new one."""

    IDLE = 3.0

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.headers = {
            "Host": f"{HOST}:{port}",
            "X-Forwarded-Proto": "https",  # as the HTTPS proxy in front of gunicorn would add
            "Origin": f"https://{HOST}:{port}",
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
        }
        self.connection: http.client.HTTPConnection | None = None
        self.used_at = 0.0
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def sign_in(self, username: str, password: str) -> None:
        """Sign in through the sign-in page, as a person does; pages are then theirs."""
        self.answer(Request("GET", "/sign-in/"))
        form = {"csrfmiddlewaretoken": "{csrf}", "username": username, "password": password}
        self.answer(Request("POST", "/sign-in/", _form(form), 302, form=True), form=True)

    def answer(self, request: Request, *, form: bool = False) -> bytes:
        """The body of the expected answer; stops the run on anything else."""
        _elapsed, error, body = self._exchange(request, form=form)
        if error:
            sys.exit(f"Setting up: {error}")
        return body

    def send(self, requests: Request | list[Request]) -> tuple[float, str | None]:
        """The time in seconds of the request (or of the requests in turn, such as a form's
        pages) and, if one failed, why."""
        total = 0.0
        for request in requests if isinstance(requests, list) else [requests]:
            elapsed, error, _body = self._exchange(request, form=request.form)
            total += elapsed
            if error:
                return total, error
        return total, None

    def _exchange(self, request: Request, *, form: bool = False) -> tuple[float, str | None, bytes]:
        start = time.perf_counter()
        if start - self.used_at > self.IDLE:
            self.close()
        reused = self.connection is not None
        _elapsed, error, body = self._once(request, form=form)
        if error and reused and request.method == "GET" and error.startswith(RACED):
            RESENT.append(request.path)
            _elapsed, error, body = self._once(request, form=form)
        return time.perf_counter() - start, error, body

    def _once(self, request: Request, *, form: bool) -> tuple[float, str | None, bytes]:
        start = time.perf_counter()
        headers = dict(self.headers)
        if form:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = request.body
        if form and body is not None:
            body = body.replace(b"%7Bcsrf%7D", self.csrf.encode())
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=120)
            self.connection.request(request.method, request.path, body=body, headers=headers)
            answer = self.connection.getresponse()
            body = answer.read()
            status = answer.status
            token = CSRF.search(body)
            if token:
                self.csrf = token[1].decode()
            for header in answer.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
            if answer.getheader("Connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return time.perf_counter() - start, f"{type(error).__name__}: {error}", b""
        self.used_at = time.perf_counter()
        elapsed = self.used_at - start
        if status != request.expected:
            return elapsed, f"{request.method} {request.path[:80]} answered {status}", body
        return elapsed, None, body

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _setup(database_url: str) -> None:
    if not database_url.startswith(("postgres://", "postgresql://")):
        sys.exit("bench/load.py runs on PostgreSQL: set DATABASE_URL=postgres://…")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from stocktake.demo.loader import demo_load

    call_command("migrate", verbosity=0)
    demo_load(today=timezone.localdate())
    demo_load(scale="national", today=timezone.localdate(), progress=sys.stdout.isatty())


@dataclass(frozen=True)
class Register:
    """What the simulated users ask for: real codes from the national-scale register."""

    programme: str
    organisations: list[str]
    statuses: list[str]
    words: list[str]
    commitments: list[tuple[int, str]]  # id, code
    measures: list[str]
    observations: list[
        dict[str, object]
    ]  # the busiest measure's latest values, as the API takes them
    status_codes: list[str]
    status_ids: list[int]  # the same levels, as the update form's radios give them


def _register() -> Register:
    from django.db.models import Count

    from stocktake.demo.national import PROGRAMME_CODE
    from stocktake.measures.models import Measure, Observation
    from stocktake.register.models import Commitment, Organisation, Programme

    programme = Programme.objects.select_related("status_scale").get(code=PROGRAMME_CODE)
    commitments = list(
        Commitment.objects.filter(programme=programme).order_by("code").values_list("id", "code")
    )
    measures = list(Measure.objects.order_by("code").values_list("code", flat=True))
    # Bulk writes send a block of the busiest measure's latest values again, unchanged (what a
    # monthly upload that repeats itself does): the replacement is real, the data stays the same.
    busiest = (
        Observation.objects.values("measure__code")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["measure__code"]
    )
    latest = Observation.objects.filter(measure__code=busiest).order_by("-period")[0].period
    observations = [
        {
            "measure": busiest,
            "area": area,
            "period": latest.isoformat(),
            "value": float(value),
            "provisional": provisional,
        }
        for area, value, provisional in Observation.objects.filter(
            measure__code=busiest, period=latest
        )
        .order_by("area__code")
        .values_list("area__code", "value", "provisional")
    ]
    organisations = list(
        Organisation.objects.filter(ownerships__commitment__programme=programme)
        .distinct()
        .values_list("code", flat=True)
    )
    statuses = list(programme.status_scale.levels.values_list("code", flat=True))
    return Register(
        programme=PROGRAMME_CODE,
        organisations=organisations,
        statuses=statuses,
        words=["school", "health", "homes", "deliver", "local", "crime", "energy", "jobs"],
        commitments=commitments,
        measures=measures,
        observations=observations,
        status_codes=statuses,
        status_ids=list(programme.status_scale.levels.values_list("pk", flat=True)),
    )


def _token() -> tuple[object, str]:
    from django.contrib.auth import get_user_model

    from stocktake.access.tokens import token_create
    from stocktake.demo.loader import DEMO_USERNAME

    user = get_user_model().objects.get(username=DEMO_USERNAME)
    return token_create(user=user, name=f"bench/load.py {secrets.token_hex(4)}")


def _mix(register: Register, *, bulk_size: int) -> list[Kind]:
    programme = register.programme

    def listed(rng: random.Random) -> Request:
        query = [f"programme={programme}"]
        if rng.random() < 0.5:
            query.append(f"organisation={rng.choice(register.organisations)}")
        if rng.random() < 0.4:
            query.append(f"status={rng.choice(register.statuses)}")
        if rng.random() < 0.3:
            query.append(f"q={rng.choice(register.words)}")
        if rng.random() < 0.3:
            query.append(f"page={rng.randint(2, 4)}")
        return Request("GET", "/commitments/?" + "&".join(query))

    def observations(rng: random.Random) -> Request:
        start = rng.randrange(max(1, len(register.observations) - bulk_size + 1))
        items = register.observations[start : start + bulk_size]
        return Request("POST", "/api/observations/", json.dumps({"items": items}).encode())

    def update(rng: random.Random) -> Request:
        pk, _code = rng.choice(register.commitments)
        return _update_request(pk, rng.choice(register.status_codes), "Load test update.")

    return [
        Kind("dashboard", 12, lambda _rng: Request("GET", "/")),
        Kind("commitment list, filtered", 18, listed),
        Kind(
            "commitment",
            22,
            lambda rng: Request(
                "GET", f"/commitments/{programme}/{rng.choice(register.commitments)[1]}/"
            ),
        ),
        Kind(
            "measure", 12, lambda rng: Request("GET", f"/measures/{rng.choice(register.measures)}/")
        ),
        Kind(
            "API: commitments",
            12,
            lambda rng: Request(
                "GET",
                f"/api/commitments/?programme={programme}"
                f"&organisation={rng.choice(register.organisations)}",
            ),
        ),
        Kind(
            "API: observations",
            10,
            lambda rng: Request(
                "GET",
                f"/api/observations/?measure={register.observations[0]['measure']}"
                f"&area={rng.choice(register.observations)['area']}",
            ),
        ),
        Kind(
            "update form, sent",
            6,
            lambda rng: _update_form(
                programme,
                rng.choice(register.commitments)[1],
                rng.choice(register.status_ids),
                "Load test update through the form.",
            ),
        ),
        Kind("API: add an update", 4, update),
        Kind(f"API: {bulk_size} observations", 6, observations),
    ]


def _update_form(programme: str, code: str, status_id: int, narrative: str) -> list[Request]:
    """Sending an update through the web: the form, the form sent (to the check page), the
    check page's Send."""
    base = f"/commitments/{programme}/{code}/update/"
    fields = {"csrfmiddlewaretoken": "{csrf}", "status": str(status_id), "narrative": narrative}
    return [
        Request("GET", base),
        Request("POST", base, _form(fields), 302, form=True),
        Request("POST", base + "check/", _form({"csrfmiddlewaretoken": "{csrf}"}), 302, form=True),
    ]


def _update_request(pk: int, status: str, narrative: str) -> Request:
    period = dt.date.today().replace(day=1).isoformat()
    body = {"period": period, "status": status, "narrative": narrative}
    return Request("POST", f"/api/commitments/{pk}/updates/", json.dumps(body).encode(), 201)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _baseline(
    kinds: list[Kind], client: Client, repeat: int, rng: random.Random
) -> dict[str, float]:
    medians = {}
    for kind in kinds:
        client.send(kind.make(rng))  # warm up
        times = []
        for _ in range(repeat):
            elapsed, error = client.send(kind.make(rng))
            if error:
                sys.exit(f"Single user, {kind.name}: {error}")
            times.append(elapsed)
        medians[kind.name] = statistics.median(times)
    return medians


def _load(
    kinds: list[Kind],
    site: Site,
    *,
    users: int,
    duration: float,
    think: float,
    max_requests: int,
    seed: int,
) -> float:
    weights = [kind.weight for kind in kinds]
    budget = iter(range(max_requests))
    lock = threading.Lock()
    clients = [site.signed_in() for _ in range(users)]  # before the clock starts
    stop_at = time.monotonic() + duration

    def user(number: int) -> None:
        rng = random.Random(seed + number)  # noqa: S311 - simulated users, not secrets
        client = clients[number]
        time.sleep(rng.uniform(0, think))  # users arrive over the first moments
        while time.monotonic() < stop_at:
            with lock:
                if next(budget, None) is None:
                    break
            kind = rng.choices(kinds, weights)[0]
            elapsed, error = client.send(kind.make(rng))
            with lock:
                kind.latencies.append(elapsed)
                if error:
                    kind.errors.append(error)
            time.sleep(rng.uniform(0.5 * think, 1.5 * think))
        client.close()

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started


def _rush(
    register: Register, site: Site, *, updates: int, seconds: float, senders: int
) -> list[str]:
    """Send ``updates`` updates through the update form, spread over ``seconds``; the problems
    found reading them back."""
    from stocktake.progress.models import Update

    run = secrets.token_hex(4)
    chosen = random.Random(run).sample(register.commitments, updates)  # noqa: S311
    pending = list(enumerate(chosen))
    lock = threading.Lock()
    failures: list[str] = []
    clients = [site.signed_in() for _ in range(min(senders, updates))]  # before the clock
    started = time.monotonic()

    def sender(client: Client) -> None:
        while True:
            with lock:
                if not pending:
                    break
                number, (_pk, code) = pending.pop(0)
            due = started + seconds * number / updates
            time.sleep(max(0.0, due - time.monotonic()))
            flow = _update_form(
                register.programme,
                code,
                register.status_ids[0],
                f"Deadline rush {run} #{number}",
            )
            _elapsed, error = client.send(flow)
            if error:
                with lock:
                    failures.append(f"#{number}: {error}")
        client.close()

    threads = [threading.Thread(target=sender, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - started
    stored = list(
        Update.objects.filter(narrative__startswith=f"Deadline rush {run} #").values_list(
            "narrative", "commitment_id"
        )
    )
    counts = defaultdict(int)
    for narrative, _ in stored:
        counts[int(narrative.rsplit("#", 1)[1])] += 1
    problems = list(failures)
    problems += [f"#{n} stored {c} times" for n, c in sorted(counts.items()) if c != 1]
    problems += [f"#{n} not stored" for n in range(updates) if n not in counts]
    wrong = [
        n for n, pk in ((int(t.rsplit("#", 1)[1]), c) for t, c in stored) if pk != chosen[n][0]
    ]
    problems += [f"#{n} stored on the wrong commitment" for n in wrong]
    sys.stdout.write(
        f"\nDeadline rush: {updates} updates sent over {took:.1f} s by {len(threads)} senders; "
        f"{len(stored)} stored, {len(counts)} distinct, "
        f"{'each exactly once' if not problems else f'{len(problems)} problems'}\n"
    )
    for problem in problems[:20]:
        sys.stdout.write(f"  {problem}\n")
    return problems


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _serve(
    database_url: str, workers: int | None, log: Path
) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = dict(os.environ) | {
        "DATABASE_URL": database_url,
        "STOCKTAKE_SECRET_KEY": secrets.token_urlsafe(50),
        "STOCKTAKE_ALLOWED_HOSTS": HOST,
        # Kept between runs: collectstatic then copies and compresses only what changed.
        "STOCKTAKE_STATIC_ROOT": str(Path(tempfile.gettempdir()) / "stocktake-load-static"),
    }
    env.pop("STOCKTAKE_ENV", None)
    command = [
        str(Path(sys.executable).with_name("stocktake")),
        "serve",
        "--production",
        "--host",
        HOST,
        "--port",
        str(port),
    ]
    if workers:
        command += ["--workers", str(workers)]
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 600
    while True:
        if process.poll() is not None:
            sys.exit(f"stocktake serve --production stopped; see {log}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return process, port
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                sys.exit(f"stocktake serve --production did not answer; see {log}")
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 2)[2],
    )
    parser.add_argument("--users", type=int, default=50, help="simulated users (default 50)")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load (default 60)")
    parser.add_argument(
        "--think",
        type=float,
        default=10.0,
        help="mean seconds a user reads an answer before the next request (default 10; "
        "2 is a stress test, beyond what people do)",
    )
    parser.add_argument("--max-requests", type=int, default=100_000, help="stop after this many")
    parser.add_argument("--baseline", type=int, default=10, help="single-user requests per type")
    parser.add_argument("--bulk-size", type=int, default=200, help="observations per bulk write")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: the server's)")
    parser.add_argument("--port", type=int, help="use a server already running on 127.0.0.1")
    parser.add_argument("--rush-updates", type=int, default=200, help="0 skips the rush")
    parser.add_argument("--rush-seconds", type=float, default=10)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if not 0 < args.duration <= MAX_DURATION:
        parser.error(f"--duration must be between 0 and {MAX_DURATION} seconds")

    database_url = os.environ.get("DATABASE_URL", "")
    _setup(database_url)
    register = _register()
    record, token = _token()
    log = Path(tempfile.mkdtemp(prefix="stocktake-load-")) / "serve.log"
    server, port = (None, args.port) if args.port else _serve(database_url, args.workers, log)
    try:
        kinds = _mix(register, bulk_size=args.bulk_size)
        rng = random.Random(args.seed)  # noqa: S311
        from stocktake.demo.loader import DEMO_PASSWORD

        site = Site(port=port, token=token, password=DEMO_PASSWORD)
        single = _baseline(kinds, site.signed_in(), args.baseline, rng)
        took = _load(
            kinds,
            site,
            users=args.users,
            duration=args.duration,
            think=args.think,
            max_requests=args.max_requests,
            seed=args.seed,
        )
        failed = _report(kinds, single, args, took)
        if args.rush_updates:
            problems = _rush(
                register,
                site,
                updates=args.rush_updates,
                seconds=args.rush_seconds,
                senders=args.users,
            )
            failed |= bool(problems)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=60)
        from stocktake.access.tokens import token_revoke

        token_revoke(user=record.user, pk=record.pk)
    sys.exit(1 if failed else 0)


def _report(
    kinds: list[Kind], single: dict[str, float], args: argparse.Namespace, took: float
) -> bool:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (version,) = cursor.fetchone()
    total = sum(len(kind.latencies) for kind in kinds)
    errors = sum(len(kind.errors) for kind in kinds)
    lines = [
        f"Load on the national-scale demo, PostgreSQL {version.split()[0]}, "
        f"stocktake serve --production; {args.users} users, think {args.think} s, {took:.0f} s",
        f"{total:,} requests, {total / took:.1f} per second, {errors} errors "
        f"({len(RESENT)} GETs sent again on a new connection, as a browser does)",
        "",
        f"{'request':<26} {'n':>6} {'err':>4} {'per s':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'1 user ms':>9} {'p95/1u':>7}",
    ]
    failed = errors > 0
    for kind in kinds:
        if not kind.latencies:
            lines.append(f"{kind.name:<26} {0:>6}")
            continue
        ms = [t * 1000 for t in kind.latencies]
        p95 = _percentile(ms, 0.95)
        base = single[kind.name] * 1000
        ratio = p95 / base
        failed |= ratio > TARGET_RATIO
        lines.append(
            f"{kind.name:<26} {len(ms):>6} {len(kind.errors):>4} {len(ms) / took:>6.1f} "
            f"{_percentile(ms, 0.5):>8.0f} {p95:>8.0f} {_percentile(ms, 0.99):>8.0f} "
            f"{base:>9.0f} {ratio:>6.1f}{'!' if ratio > TARGET_RATIO else ' '}"
        )
    for kind in kinds:
        for error in sorted(set(kind.errors))[:5]:
            lines.append(f"  error, {kind.name}: {error}")
    lines.append(
        f"Target (no errors, p95 within {TARGET_RATIO}x the single-user median): "
        + ("not met" if failed else "met")
    )
    sys.stdout.write("\n".join(lines) + "\n")
    return failed


if __name__ == "__main__":
    main()
