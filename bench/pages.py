"""Benchmark the pages (issue 5) on the national-scale demo: the median time to render each page
type, through the whole middleware stack, signed in as the central unit's analyst, beside a
trivial view's in the same run.

    .venv/bin/python bench/pages.py                    # SQLite, in a new temporary database
    .venv/bin/python bench/pages.py --repeat 50
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/stocktake_bench .venv/bin/python bench/pages.py

On SQLite the database is created afresh in a temporary folder; with DATABASE_URL the database
given is migrated and the demo and national-scale registers are loaded into it when missing
(loading twice adds nothing). Each page is requested once to warm up, then --repeat times.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def trivial(_request: HttpRequest) -> HttpResponse:
    """The floor: a view that does no work, behind the same middleware as the pages."""
    return HttpResponse("ok", content_type="text/plain")


# This module is the URL configuration while the benchmark runs: the trivial view, then the
# application's own URLs (set in main(), once Django is set up).
urlpatterns: list = []


def _pages() -> dict[str, str]:
    from django.db.models import Count

    from stocktake.demo.national import PROGRAMME_CODE
    from stocktake.measures.models import Measure
    from stocktake.register.models import Area, Commitment, Organisation, Person, Taskforce
    from stocktake.routines.models import Stocktake

    commitment = Commitment.objects.filter(programme__code=PROGRAMME_CODE).order_by("code")[0]
    measure = Measure.objects.annotate(n=Count("observations")).order_by("-n")[0]
    stocktake = Stocktake.objects.order_by("-pk")[0]
    organisation = Organisation.objects.annotate(n=Count("ownerships")).order_by("-n")[0]
    person = Person.objects.annotate(n=Count("ownerships")).order_by("-n")[0]
    taskforce = Taskforce.objects.order_by("code")[0]
    area = Area.objects.filter(programmes__isnull=False).order_by("code")[0]
    return {
        "trivial view": "/bench/trivial/",
        "dashboard": "/",
        "dashboard, one programme": f"/?programme={PROGRAMME_CODE}",
        "commitment list": "/commitments/",
        "commitment list, filtered": f"/commitments/?programme={PROGRAMME_CODE}"
        "&status=off-track&sort=confidence&q=deliver",
        "commitment list, CSV": f"/commitments/download.csv?programme={PROGRAMME_CODE}",
        "commitment": f"/commitments/{PROGRAMME_CODE}/{commitment.code}/",
        "programmes": "/programmes/",
        "programme": f"/programmes/{PROGRAMME_CODE}/",
        "organisations": "/organisations/",
        "organisation": f"/organisations/{organisation.code}/",
        "people": "/people/",
        "person": f"/people/{person.pk}/",
        "taskforces": "/taskforces/",
        "taskforce": f"/taskforces/{taskforce.code}/",
        "areas": "/areas/",
        "area": f"/areas/{area.code}/",
        "measures": "/measures/",
        "measure": f"/measures/{measure.code}/",
        "updates due": "/updates/",
        "updates sent": "/updates/submitted/",
        "actions": "/actions/",
        "stocktakes": "/stocktakes/",
        "stocktake": f"/stocktakes/{stocktake.pk}/",
        "priority reviews": "/reviews/",
        "public tracker": "/public/",
        "page not found": "/no-such-page/",
    }


def _median_ms(client: object, url: str, repeat: int) -> tuple[float, int]:
    def fetch() -> int:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
        return response.status_code

    status = fetch()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fetch()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL"):
        os.environ["STOCKTAKE_DATA_DIR"] = tempfile.mkdtemp(prefix="stocktake-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stocktake.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.ROOT_URLCONF = __name__
    urlpatterns.extend([path("bench/trivial/", trivial), path("", include("stocktake.urls"))])
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]

    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from stocktake.demo.loader import demo_load

    call_command("migrate", verbosity=0)
    demo_load(today=timezone.localdate())
    demo_load(scale="national", today=timezone.localdate(), progress=sys.stdout.isatty())

    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 page is timed too
    client = Client()
    # Signed in as the central unit's analyst, who may see every page and download.
    client.force_login(get_user_model().objects.get(username="analyst"))
    rows = [(name, *_median_ms(client, url, args.repeat)) for name, url in _pages().items()]
    floor = rows[0][1]
    lines = [
        f"Pages on the national-scale demo, {connection.vendor}, median of {args.repeat}",
        f"{'page':<28} {'status':>6} {'median ms':>10} {'× trivial':>10}",
        *(
            f"{name:<28} {status:>6} {median:>10.1f} {median / floor:>10.0f}"
            for name, median, status in rows
        ),
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
