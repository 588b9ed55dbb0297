"""Serving Stocktake: the checks a production start must pass, and gunicorn started in-process.

``stocktake serve --production`` refuses to start, with one message per problem, unless the
production settings are complete, the database is PostgreSQL and reachable, its tables are up to
date and Django's deployment checks pass; it then collects the static files (hashed and
compressed, served by WhiteNoise) if they changed since the last start, and starts gunicorn with
several workers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles.finders import get_finders
from django.core import checks
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

# Each worker answers one request at a time: the requests are CPU-bound, and threads in one
# process would queue on its interpreter lock (a quick API read behind a page being drawn), while
# the operating system shares the cores fairly between processes.
THREADS_PER_WORKER = 1


def workers_default(*, production: bool) -> int:
    """Gunicorn's usual advice in production, two per CPU plus one; one in development."""
    return 2 * (os.cpu_count() or 1) + 1 if production else 1


def production_problems() -> list[str]:
    """What stops this installation from serving in production; empty when it may start."""
    if not settings.PRODUCTION:
        return ["Production settings are off: set STOCKTAKE_ENV=production."]
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        return [
            "Production needs PostgreSQL: set DATABASE_URL, e.g. "
            "postgres://stocktake@db.example.gov.uk:5432/stocktake."
        ]
    connection = connections["default"]
    try:
        connection.ensure_connection()
        pending = _migrations_pending()
    except DatabaseError as error:
        where = "{HOST}:{PORT}/{NAME}".format(**connection.settings_dict)
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error)
        return [f"Cannot use the database at {where}: {first_line}"]
    problems = []
    if pending:
        problems.append(
            f"The database's tables are not up to date ({len(pending)} migrations to apply, "
            f"first {pending[0]}): run `stocktake migrate`."
        )
    for message in checks.run_checks(include_deployment_checks=True):
        if message.level >= checks.WARNING and not message.is_silenced():
            problems.append(f"{message.id}: {message.msg}")
    return problems


def _migrations_pending() -> list[str]:
    executor = MigrationExecutor(connections["default"])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def static_files_collect() -> bool:
    """Build the hashed, compressed static files WhiteNoise serves, unless they are newer than
    every source file already (compressing takes a minute of CPU); whether it built them."""
    if static_files_current():
        return False
    call_command("collectstatic", interactive=False, verbosity=0)
    return True


def static_files_current() -> bool:
    """Whether the collected files' manifest is newer than every static file Django finds."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return False
    built = manifest.stat().st_mtime
    return all(
        Path(storage.path(path)).stat().st_mtime <= built
        for finder in get_finders()
        for path, storage in finder.list([])
    )


def _warm() -> None:
    """Import every view and compile every template once, here in gunicorn's master process,
    so that each worker forked from it (at the start, and when one is recycled) answers its
    first requests as quickly as the rest."""
    from django.template import engines
    from django.urls import reverse

    reverse("home")  # reversing a URL walks every URL pattern, importing every view
    for engine in engines.all():
        environment = getattr(engine, "env", None)  # Jinja2's; Django's own engine has none
        if environment is not None:
            for name in environment.list_templates(extensions=["html", "txt", "xml"]):
                environment.get_template(name)


def gunicorn_run(*, host: str, port: int, workers: int, production: bool) -> None:
    """Serve the WSGI application with gunicorn in this process until it is stopped."""
    from gunicorn.app.base import BaseApplication

    from stocktake.wsgi import application

    if production:
        _warm()
    # The checks above used a connection; forked workers must open their own.
    connections.close_all()

    class Server(BaseApplication):
        def load_config(self) -> None:
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("threads", THREADS_PER_WORKER)
            self.cfg.set("accesslog", "-")
            if production:
                self.cfg.set("worker_class", "gthread")
                self.cfg.set("timeout", 60)
                self.cfg.set("graceful_timeout", 20)
                # Behind a proxy that reuses its connections: keep idle ones a little longer
                # than gunicorn's 2 s, so fewer requests race a connection being closed.
                self.cfg.set("keepalive", 5)
                # Recycle workers now and then so no slow leak grows without bound.
                self.cfg.set("max_requests", 2000)
                self.cfg.set("max_requests_jitter", 200)

        def load(self) -> Any:
            return application

    Server().run()
