"""A stocktake's pack as a download, built through the reports package from the commitments the
reader may see: straight away (``pack_response``), or prepared in the background while the
reader watches a status page (``pack_job_start``), for packs that take a while (a PDF of forty
commitments lays out for tens of seconds).

The background is a thread of the web process, not a task queue: a pack is minutes of work at
most, the job row in the database carries its progress to whichever worker answers the status
page, and a job cut short by a restart shows as failed, to be asked for again. Set
``STOCKTAKE_PACKS_IN_BACKGROUND=0`` to prepare packs within the request instead."""

from __future__ import annotations

import datetime as dt
import threading

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import close_old_connections, connection
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from stocktake.access.policy import commitments_visible
from stocktake.reports.service import report_build, report_render
from stocktake.routines.models import PackJob, PackStatus, Stocktake
from stocktake.web.report_views import file_response

KEPT_FOR = dt.timedelta(days=1)
# A job still waiting or running this long after it was asked for died with its worker.
ABANDONED_AFTER = dt.timedelta(minutes=30)


def pack_response(request: HttpRequest, stocktake: Stocktake, format: str) -> HttpResponse:
    report = report_build(
        kind="stocktake",
        stocktake_id=stocktake.pk,
        as_of=timezone.localdate(),
        commitments=commitments_visible(request.user),
    )
    return file_response(report_render(report=report, format=format))


def pack_job_start(*, stocktake: Stocktake, format: str, by: AbstractBaseUser) -> PackJob:
    """Ask for a pack; it is prepared in a background thread (or at once, when the setting
    says so). Jobs older than a day are cleared first."""
    PackJob.objects.filter(created_at__lt=timezone.now() - KEPT_FOR).delete()
    job = PackJob.objects.create(stocktake=stocktake, format=format, requested_by=by)
    if getattr(settings, "STOCKTAKE_PACKS_IN_BACKGROUND", True):
        threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start()
    else:
        pack_job_run(job_id=job.pk)
    return job


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        pack_job_run(job_id=job_id)
    finally:
        connection.close()


def pack_job_run(*, job_id: int) -> None:
    """Prepare the job's pack as its requester may see it, recording each step as it starts."""
    job = PackJob.objects.select_related("requested_by", "stocktake").get(pk=job_id)

    def tell(step: str) -> None:
        PackJob.objects.filter(pk=job_id).update(status=PackStatus.RUNNING, step=step)

    try:
        tell("Reading the register")
        report = report_build(
            kind="stocktake",
            stocktake_id=job.stocktake_id,
            as_of=timezone.localdate(),
            commitments=commitments_visible(job.requested_by),
            progress=tell,
        )
        pages = len(report.sections)
        tell(f"Laying out {job.format.upper()} ({pages} sections, a page or more each)")
        rendered = report_render(report=report, format=job.format)
    except Exception as error:
        PackJob.objects.filter(pk=job_id).update(
            status=PackStatus.FAILED,
            error=str(error) or type(error).__name__,
            finished_at=timezone.now(),
        )
        return
    PackJob.objects.filter(pk=job_id).update(
        status=PackStatus.DONE,
        step="Ready",
        content=rendered.content,
        filename=rendered.filename,
        mime=rendered.mime,
        finished_at=timezone.now(),
    )


def pack_job_get(*, job_id: int, stocktake: Stocktake, user: AbstractBaseUser) -> PackJob | None:
    """The job, for its requester only (the pack holds what they may see); a job abandoned by
    a restarted worker is marked failed."""
    job = (
        PackJob.objects.defer("content")
        .filter(pk=job_id, stocktake=stocktake, requested_by_id=user.pk)
        .first()
    )
    if job and not job.finished and job.created_at < timezone.now() - ABANDONED_AFTER:
        PackJob.objects.filter(pk=job.pk).update(
            status=PackStatus.FAILED, error="The pack was not finished: ask for it again."
        )
        job.refresh_from_db(fields=["status", "error"])
    return job
