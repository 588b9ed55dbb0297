"""The ``stocktake`` command: what users need, with Django's own commands behind ``manage``."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
    import django
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        if "DATABASE_URL" not in os.environ:
            settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        django.setup()
    except ImproperlyConfigured as error:
        raise click.ClickException(str(error)) from error
    except OSError as error:
        raise click.ClickException(
            f"Cannot make the data directory {settings.DATA_DIR}: {error.strerror or error}. "
            "Set STOCKTAKE_DATA_DIR to a folder Stocktake may write to."
        ) from error
    from stocktake.ops.database_errors import data_directory_problem

    problem = data_directory_problem()
    if problem:
        raise click.ClickException(problem)


def _call(command: str, *args: str, **options: Any) -> None:
    from django.core.management import call_command

    call_command(command, *args, **options)


def with_django(function: Callable[..., Any]) -> Callable[..., Any]:
    """Set Django up before the command runs (so ``--help`` works without a database)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _setup_django()
        from django.db import OperationalError, ProgrammingError

        from stocktake.audit.recording import acting
        from stocktake.ops.database_errors import database_error_explained

        # Whoever runs the command on the server acts as the system operator: the history
        # records their changes as "system operator (command line)". A database that cannot
        # be used (read-only, full, not migrated, unreachable) is a message, not a traceback.
        try:
            with acting(name="system operator", via="command line"):
                return function(*args, **kwargs)
        except (OperationalError, ProgrammingError) as error:
            raise click.ClickException(database_error_explained(error)) from error

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="stocktake")
def main() -> None:
    """Stocktake: the delivery register for government delivery units.

    Data lives in a SQLite file under STOCKTAKE_DATA_DIR (default ./stocktake-data/)
    unless DATABASE_URL points at PostgreSQL.
    """


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option("--no-serve", is_flag=True, help="Load the demo, then stop without serving.")
@click.option(
    "--scale",
    type=click.Choice(["demo", "national"]),
    default="demo",
    show_default=True,
    help="demo: a realistic small register; national: benchmark volumes (517 commitments).",
)
@with_django
def demo(host: str, port: int, no_serve: bool, scale: str) -> None:
    """Migrate, load the demo register and serve it (safe to run again)."""
    from django.conf import settings

    from stocktake.demo.loader import DEMO_PASSWORD, DEMO_USERNAME, demo_load

    if settings.PRODUCTION:
        raise click.ClickException("The demo is not for production (STOCKTAKE_ENV=production).")
    _call("migrate", interactive=False, verbosity=0)
    report = demo_load(scale=scale, progress=True)
    click.echo(report.summary())
    click.echo(
        f"\nSign in at http://{host}:{port}/admin/ as '{DEMO_USERNAME}' "
        f"with password '{DEMO_PASSWORD}' (demo only)."
    )
    if not no_serve:
        _serve(host=host, port=port, workers=1)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--workers", type=int, help="Worker processes (default 1; with --production 2 per CPU + 1)."
)
@click.option(
    "--production",
    is_flag=True,
    help="Production settings (STOCKTAKE_SECRET_KEY, STOCKTAKE_ALLOWED_HOSTS, DATABASE_URL "
    "needed): checks them and the database, collects the static files, then serves.",
)
def serve(host: str, port: int, workers: int | None, production: bool) -> None:
    """Serve the web application with gunicorn."""
    if production:
        os.environ["STOCKTAKE_ENV"] = "production"
    # Each worker process answers one request at a time: a pool of polars threads in each would
    # only contend with the other workers for the same cores (set before polars is imported).
    os.environ.setdefault("POLARS_MAX_THREADS", "1")
    _setup_django()
    from stocktake.ops.deployment import production_problems, static_files_collect, workers_default

    if production:
        problems = production_problems()
        if problems:
            message = "Stocktake cannot start in production:\n" + "\n".join(
                f"  - {problem}" for problem in problems
            )
            raise click.ClickException(message)
        static_files_collect()
    _serve(
        host=host,
        port=port,
        workers=workers or workers_default(production=production),
        production=production,
    )


def _serve(*, host: str, port: int, workers: int, production: bool = False) -> None:
    from stocktake.ops.deployment import gunicorn_run

    click.echo(
        f"Stocktake is running at http://{host}:{port}/ with {workers} worker"
        f"{'s' if workers > 1 else ''} (press Ctrl+C to stop)."
    )
    gunicorn_run(host=host, port=port, workers=workers, production=production)


@main.command()
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The backup file to write (replaced whole if it exists).",
)
@with_django
def backup(out: Path) -> None:
    """Back up the whole database to one file: a consistent snapshot, taken while Stocktake
    runs (SQLite's online backup; pg_dump on PostgreSQL)."""
    from stocktake.ops.backups import BackupError, backup_write

    try:
        snapshot = backup_write(out=out)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(snapshot.summary("Wrote"))


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_django
def restore(file: Path) -> None:
    """Restore a backup made by `stocktake backup` into an empty database (a new
    STOCKTAKE_DATA_DIR, or a new PostgreSQL database): all or nothing."""
    from stocktake.ops.backups import BackupError, restore_read

    try:
        snapshot = restore_read(path=file)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(snapshot.summary("Restored"))


@main.command()
@with_django
def migrate() -> None:
    """Create or upgrade the database tables."""
    _call("migrate", interactive=False)


@main.command()
@click.argument("username")
@click.option("--email", default="", help="Email address for reminders.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@click.option(
    "--admin", is_flag=True, help="Make the user a central unit administrator (every right)."
)
@click.option(
    "--role",
    type=click.Choice(["administrator", "analyst", "editor", "viewer", "reader"]),
    help="The user's role: central unit administrator or analyst, department editor or viewer, "
    "or reader.",
)
@click.option(
    "--organisation",
    "organisation_codes",
    multiple=True,
    metavar="CODE",
    help="An organisation the role is for (and those below it); repeat for several. "
    "Needed for editors and viewers; a reader without one reads every programme.",
)
@with_django
def createuser(
    username: str,
    email: str,
    password_stdin: bool,
    admin: bool,
    role: str | None,
    organisation_codes: tuple[str, ...],
) -> None:
    """Create a user who can sign in, with a role for some organisations."""
    from django.core.exceptions import ValidationError

    from stocktake.access.services import UserExistsError, user_create
    from stocktake.register.models import Organisation

    organisations = list(Organisation.objects.filter(code__in=organisation_codes))
    unknown = sorted(set(organisation_codes) - {o.code for o in organisations})
    if unknown:
        raise click.BadParameter(
            f"No organisation has the code {', '.join(unknown)}.", param_hint="--organisation"
        )
    if organisation_codes and role is None:
        raise click.UsageError("Say which --role the user has for the organisations.")

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = user_create(
            username=username,
            email=email,
            password=password,
            admin=admin,
            role=role,
            organisations=organisations,
        )
    except (UserExistsError, ValidationError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        raise click.ClickException(" ".join(messages)) from error
    roles = "; ".join(str(grant) for grant in user.role_grants.select_related("organisation"))
    click.echo(f"Created user '{user.get_username()}'" + (f": {roles}." if roles else "."))


@main.command()
@click.argument("username")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
@click.option("--revoke", "revoke_name", metavar="NAME", help="Revoke the user's token NAME.")
@with_django
def token(username: str, name: str, revoke_name: str | None) -> None:
    """Make an API token for a user (printed once, on its own line), or revoke one.

    Scripts send it as `Authorization: Bearer <token>` (see docs/api.md)."""
    from django.contrib.auth import get_user_model
    from django.core.exceptions import ValidationError

    from stocktake.access.tokens import TokenNotFoundError, token_create, token_revoke

    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise click.BadParameter(f"No user is called '{username}'.", param_hint="USERNAME")
    if revoke_name is not None:
        try:
            token_revoke(user=user, name=revoke_name)
        except TokenNotFoundError as error:
            raise click.ClickException(str(error)) from error
        click.echo(f"Revoked {username}'s token '{revoke_name}': it opens nothing now.")
        return
    try:
        record, secret = token_create(user=user, name=name)
    except ValidationError as error:
        raise click.ClickException(" ".join(error.messages)) from error
    click.echo(
        f"Made {username}'s token '{record.name}'. Copy it now: it is not shown again.", err=True
    )
    click.echo(secret)


@main.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command, e.g. `stocktake manage check --deploy`."""
    _setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["stocktake manage", *args])


@main.command("parse-deadline")
@click.argument("phrases", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per phrase, one a line.")
@click.option(
    "--start", type=click.DateTime(["%Y-%m-%d"]), help="Programme start, for 'within 12 months'."
)
@click.option(
    "--parliament-end",
    type=click.DateTime(["%Y-%m-%d"]),
    help="End of the parliament, for 'by the end of this Parliament'.",
)
def parse_deadline(
    phrases: tuple[str, ...], as_json: bool, start: Any, parliament_end: Any
) -> None:
    """Show how Stocktake reads deadline phrases such as 'spring 2001' or '2016/17'."""
    import json

    from rich.console import Console
    from rich.table import Table

    from stocktake.register.deadlines import deadline_parse

    deadlines = [
        deadline_parse(
            phrase,
            programme_start=start.date() if start else None,
            parliament_end=parliament_end.date() if parliament_end else None,
        )
        for phrase in phrases
    ]
    if as_json:
        for deadline in deadlines:
            click.echo(json.dumps(deadline.as_dict()))
        return
    table = Table("phrase", "kind", "earliest", "latest", "event")
    for deadline in deadlines:
        row = deadline.as_dict()
        table.add_row(
            *(row[key] or "" for key in ("phrase", "kind", "earliest", "latest", "event"))
        )
    Console().print(table)


@main.command()
@click.option("--programme", "programme_code", required=True, help="The programme's code.")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["csv", "xlsx", "ods", "json"]),
    required=True,
    help="csv writes one file per kind of record beside --out.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_django
def export(programme_code: str, format_: str, out: Path) -> None:
    """Export a programme: commitments, owners, deadlines, milestones, updates, observations."""
    from stocktake.exporting.service import ExportError, programme_export

    try:
        paths = programme_export(programme_code=programme_code, format=format_, out=out)
    except ExportError as error:
        raise click.ClickException(str(error)) from error
    for path in paths:
        click.echo(f"Wrote {path}")


@main.command()
@click.argument(
    "kind", type=click.Choice(["progress", "delivery", "summary", "stocktake", "review"])
)
@click.option("--programme", "programme_code", help="The programme (for a summary: only it).")
@click.option("--organisation", "organisation_code", help="Summary: the organisation's code.")
@click.option("--person", "person_id", type=int, help="Summary: the person's id.")
@click.option("--stocktake", "stocktake_id", type=int, help="Stocktake pack: its number.")
@click.option("--review", "review_id", type=int, help="Priority review report: its number.")
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Report on updates up to this date (YYYY-MM-DD; default: today).",
)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Progress report: from this date (default: the programme's source date or start).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["html", "pdf", "docx", "odt"]),
    required=True,
    help="pdf is paged: contents page, page numbers, the date and period on every page.",
)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
@with_django
def report(
    kind: str,
    programme_code: str | None,
    organisation_code: str | None,
    person_id: int | None,
    stocktake_id: int | None,
    review_id: int | None,
    as_of: Any,
    since: Any,
    format_: str,
    out: Path,
) -> None:
    """Write a report: the progress report (each commitment's text, deadline and progress,
    by section), the delivery report (every priority's judgement, its movement and reasons),
    the delivery summary of one organisation (--organisation) or person (--person), or the
    pack for a stocktake (--stocktake: a summary, then a page per commitment), or a priority
    review's short report (--review)."""
    from django.utils import timezone
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from stocktake.reports.service import ReportError, report_write

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(f"The {kind} report", total=None)
        try:
            written = report_write(
                out=out,
                format=format_,
                progress=lambda step: bar.update(task, description=step),
                kind=kind,
                programme_code=programme_code,
                organisation_code=organisation_code,
                person_id=person_id,
                stocktake_id=stocktake_id,
                review_id=review_id,
                as_of=as_of.date() if as_of else timezone.localdate(),
                since=since.date() if since else None,
            )
        except ReportError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Wrote {written}")


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write the site into (created if missing).",
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Show updates for periods up to this date (YYYY-MM-DD; default: today).",
)
@with_django
def publish(out: Path, as_of: Any) -> None:
    """Write the public tracker as a static site: the published commitments of published
    programmes with their status, deadline and progress, and the open data (CSV, JSON).
    Open its index.html from disk, or copy the folder to any web host."""
    from django.utils import timezone

    from stocktake.routines.publishing import PublishError, public_site_write

    try:
        tracker = public_site_write(
            out=out,
            as_of=as_of.date() if as_of else timezone.localdate(),
            progress=lambda step: click.echo(step, err=True),
        )
    except PublishError as error:
        raise click.ClickException(str(error)) from error
    click.echo(
        f"Wrote {out / 'index.html'}: {len(tracker.commitments):,} published commitments "
        f"in {len(tracker.programmes):,} programmes."
    )


@main.command()
@click.option("--dry-run", is_flag=True, help="Show who would get what; send and record nothing.")
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="The day the digests are for (YYYY-MM-DD; default: today).",
)
@with_django
def remind(dry_run: bool, as_of: Any) -> None:
    """Send each person their daily digest by email: updates due and overdue for their
    organisations, milestones and deadlines coming up, actions overdue. Once a day per person:
    a second run the same day sends nothing. Email goes to the console unless
    STOCKTAKE_EMAIL_HOST (and its fellows) name an SMTP server."""
    from django.utils import timezone

    from stocktake.routines.reminders import Digest, reminders_send

    def told(digest: Digest) -> None:
        verb = "Would send" if dry_run else "Sent"
        click.echo(f"{verb} to {digest.user.email}: {digest.subject}")
        if dry_run:
            click.echo(digest.text())

    outcome = reminders_send(
        as_of=as_of.date() if as_of else timezone.localdate(), dry_run=dry_run, tell=told
    )
    for digest, problem in outcome.failed:
        click.echo(f"Could not send to {digest.user.email}: {problem}", err=True)
    click.echo(
        f"{len(outcome.sent)} digest{'s' if len(outcome.sent) != 1 else ''} "
        f"{'to send' if dry_run else 'sent'}; {outcome.skipped_already_sent} already sent today; "
        f"{outcome.nothing_to_say} with nothing to say."
    )
    if outcome.failed:
        raise click.ClickException(f"{len(outcome.failed)} digests could not be sent.")


KINDS = [
    "programme",
    "organisations",
    "areas",
    "people",
    "commitments",
    "milestones",
    "updates",
    "measures",
    "targets",
    "observations",
]


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    type=click.Choice(KINDS),
    help="What the file holds. Not needed for a programme export (JSON, or XLSX/ODS/CSV files).",
)
@click.option("--programme", "programme_code", help="Programme code (created if new).")
@click.option("--title", help="Title for a programme that --programme creates.")
@click.option(
    "--mapping",
    "mapping_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="TOML file mapping the file's headers to Stocktake's.",
)
@click.option("--dry-run", is_flag=True, help="Check the file and report; change nothing.")
@click.option("--create-missing", is_flag=True, help="Create organisations the file names.")
@with_django
def import_(
    file: Path,
    kind: str | None,
    programme_code: str | None,
    title: str | None,
    mapping_path: Path | None,
    dry_run: bool,
    create_missing: bool,
) -> None:
    """Import a CSV, XLSX or ODS file, or a whole programme as exported: all or nothing."""
    from rich.progress import Progress

    from stocktake.importing.service import file_import, kind_guessed

    kind = kind or kind_guessed(file)
    if kind is None:
        raise click.UsageError("Say what the file holds with --kind.")
    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task(f"Importing {file.name}", total=None)
        outcome = file_import(
            path=file,
            kind=kind,
            programme_code=programme_code,
            title=title,
            mapping_path=mapping_path,
            create_missing=create_missing,
            dry_run=dry_run,
            progress=lambda rows: bar.advance(task, rows),
        )
    if outcome.problems:
        lines = [outcome.summary, *(f"  {problem}" for problem in outcome.problems)]
        if outcome.more_problems:
            lines.append(f"  … and {outcome.more_problems:,} more problems.")
        raise click.ClickException("\n".join(lines))
    click.echo(outcome.summary)


@main.command("import-document")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--programme",
    "programme_code",
    help="Code for the new programme (default: from the file name).",
)
@click.option("--title", help="Title for the programme (default: the document's title).")
@click.option("--dry-run", is_flag=True, help="List what would be created; change nothing.")
@click.option(
    "--create-missing", is_flag=True, help="Create the responsible bodies the register lacks."
)
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date for the first updates when the document gives no published date.",
)
@with_django
def import_document(
    file: Path,
    programme_code: str | None,
    title: str | None,
    dry_run: bool,
    create_missing: bool,
    as_of: Any,
) -> None:
    """Import a report's numbered conclusions or recommendations (text, Markdown, DOCX, PDF)
    as a programme: one commitment each, with deadline, section, bodies and first update."""
    from rich.console import Console
    from rich.table import Table

    from stocktake.importing.documents.service import DocumentImportError, document_import

    try:
        report = document_import(
            path=file,
            programme_code=programme_code,
            title=title,
            dry_run=dry_run,
            create_missing=create_missing,
            as_of=as_of.date() if as_of else None,
        )
    except DocumentImportError as error:
        raise click.ClickException(str(error)) from error
    if dry_run:
        table = Table(*report.ROW_HEADINGS)
        table.columns[1].no_wrap = True
        table.columns[1].max_width = 48
        table.columns[1].overflow = "ellipsis"
        for row in report.as_rows():
            table.add_row(*row)
        Console().print(table)
    click.echo(report.summary())


@main.command()
@click.option("--programme", "programme_code", help="Only the measures of this programme.")
@click.option("--measure", "measure_code", help="Only this measure (its code).")
@click.option(
    "--as-of",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Assess as of this date (YYYY-MM-DD; default: today).",
)
@click.option(
    "--format",
    "format_",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="json: a list of objects, one per measure and area.",
)
@with_django
def assess(programme_code: str | None, measure_code: str | None, as_of: Any, format_: str) -> None:
    """Where every measure stands in every area: actual against trajectory, status, and the
    trend projected to the target date with its 95% interval and the chance of reaching it."""
    import csv
    import json

    from django.utils import timezone
    from rich.console import Console
    from rich.table import Table

    from stocktake.measures.assessments import FIELDS, assessment_run
    from stocktake.measures.selectors import UnknownCodeError, measures_select

    try:
        measures = measures_select(programme_code=programme_code, measure_code=measure_code)
    except UnknownCodeError as error:
        raise click.ClickException(str(error)) from error
    assessment = assessment_run(
        measures=measures, as_of=as_of.date() if as_of else timezone.localdate()
    )
    records = assessment.records()
    if format_ == "json":
        click.echo(json.dumps(records, indent=2))
    elif format_ == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v, exact=True) for k, v in row.items()} for row in records)
    else:
        table = Table(*FIELDS, title=f"Assessment as of {assessment.as_of:%-d %B %Y}")
        for record in records:
            table.add_row(*(_cell(record[field]) for field in FIELDS))
        Console(width=None if sys.stdout.isatty() else 200).print(table)
    for problem in assessment.problems:
        click.echo(f"Not assessed: {problem.message}", err=True)
    if assessment.problems:
        sys.exit(1)


def _cell(value: Any, *, exact: bool = False) -> str:
    """A figure as text: booleans as true/false; numbers shortened unless ``exact``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float) and not exact:
        return f"{value:.2g}" if abs(value) < 1 else f"{value:,.1f}"
    return str(value)
