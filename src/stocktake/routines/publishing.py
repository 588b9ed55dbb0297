"""The public tracker as pages: served by the app at ``/public/`` and written as a static site by
``stocktake publish --out DIR``. Both render the same templates; only the links differ (URLs in
the app, relative file paths on disk, so the site works opened from a folder or on any host)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse

from stocktake.routines.public import PublicTracker, public_csv, public_json, public_tracker

# What the public pages need from our static files: GOV.UK Frontend's styles (ours include
# them), its fonts and images. The pages need no JavaScript.
STATIC_PARTS = ("stocktake/stocktake.css", "govuk/assets")
DATA_FILES = {"csv": "commitments.csv", "json": "commitments.json"}
MANIFEST = ".stocktake-site"  # what a run wrote, so the next run replaces it whole


class PublishError(Exception):
    """The static site cannot be written where asked."""


@dataclass(frozen=True)
class PublicLinks:
    """Where the public pages point: ``index``, ``programme(code)``, ``data(format)`` and
    ``static(path)``."""

    index: str
    programme: Callable[[str], str]
    data: Callable[[str], str]
    static: Callable[[str], str]


def web_links() -> PublicLinks:
    """Links between the pages the app serves."""
    return PublicLinks(
        index=reverse("public-index"),
        programme=lambda code: reverse("public-programme", args=[code]),
        data=lambda format: reverse("public-data", args=[format]),
        static=static,
    )


def _site_links(depth: int) -> PublicLinks:
    """Relative links from a page ``depth`` folders below the site's root."""
    up = "../" * depth
    return PublicLinks(
        index=f"{up}index.html",
        programme=lambda code: f"{up}{code}/index.html",
        data=lambda format: f"{up}{DATA_FILES[format]}",
        static=lambda path: f"{up}static/{path}",
    )


def public_index_render(tracker: PublicTracker, links: PublicLinks) -> str:
    return render_to_string("routines/public_index.html", {"tracker": tracker, "links": links})


def public_programme_render(tracker: PublicTracker, code: str, links: PublicLinks) -> str:
    return render_to_string(
        "routines/public_programme.html",
        {"tracker": tracker, "programme": tracker.programme(code), "links": links},
    )


def public_site_write(
    *, out: Path, as_of: dt.date, progress: Callable[[str], None] | None = None
) -> PublicTracker:
    """Write the public tracker into ``out`` (created if missing): ``index.html``, one folder
    per programme, the open data and the static files. A folder an earlier run wrote is
    replaced whole, so a programme or commitment unpublished since leaves no page behind; a
    folder holding anything else is refused."""
    tell = progress or (lambda _step: None)
    _site_folder_check(out)
    tell("Reading the published commitments")
    tracker = public_tracker(as_of=as_of)
    _earlier_site_remove(out)
    out.mkdir(parents=True, exist_ok=True)
    tell(f"Writing {len(tracker.programmes)} programme pages")
    (out / "index.html").write_text(public_index_render(tracker, _site_links(0)))
    for programme in tracker.programmes:
        folder = out / programme.code
        folder.mkdir(exist_ok=True)
        page = public_programme_render(tracker, programme.code, _site_links(1))
        (folder / "index.html").write_text(page)
    (out / DATA_FILES["csv"]).write_bytes(public_csv(tracker))
    (out / DATA_FILES["json"]).write_bytes(public_json(tracker))
    tell("Copying styles, fonts and images")
    source = Path(settings.STATICFILES_DIRS[0])
    for part in STATIC_PARTS:
        target = out / "static" / part
        if (source / part).is_dir():
            shutil.copytree(source / part, target, dirs_exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / part, target)
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    (out / MANIFEST).write_text("\n".join(written) + "\n")
    return tracker


def _site_folder_check(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} is a file; give a folder to write the site into.")
    if out.is_dir() and any(out.iterdir()) and not (out / MANIFEST).is_file():
        raise PublishError(
            f"{out} holds files Stocktake did not write; give a new or empty folder (an earlier "
            "site is replaced whole, so nothing else may live beside it)."
        )


def _earlier_site_remove(out: Path) -> None:
    """Remove what an earlier run wrote (listed in its manifest), then the emptied folders."""
    manifest = out / MANIFEST
    if not manifest.is_file():
        return
    for name in manifest.read_text().splitlines():
        path = (out / name).resolve()
        if name and path.is_relative_to(out.resolve()) and path.is_file():
            path.unlink()
    for folder in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    manifest.unlink()
