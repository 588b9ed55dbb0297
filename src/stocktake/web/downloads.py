"""Downloads: a programme's export packed into one file, and the commitment list as shown."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.http import Http404

from stocktake.exporting.service import ExportError, programme_export
from stocktake.exporting.writers import Sheet, csv_write, xlsx_write
from stocktake.register.models import Commitment

MIME = {
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "application/zip",
}


@dataclass(frozen=True)
class Download:
    content: io.BytesIO
    filename: str
    mime: str


def programme_download_file(*, programme_code: str, format: str) -> Download:
    """The export as one file; CSV's several tables come as a zip of CSV files."""
    if format not in MIME:
        raise Http404("No such format.")
    with tempfile.TemporaryDirectory() as folder:
        suffix = "csv" if format == "csv" else format
        try:
            paths = programme_export(
                programme_code=programme_code,
                format=format,
                out=Path(folder) / f"{programme_code}.{suffix}",
            )
        except ExportError as error:
            raise Http404(str(error)) from error
        if format == "csv":
            content = io.BytesIO()
            with zipfile.ZipFile(content, "w", zipfile.ZIP_DEFLATED) as archive:
                for path in paths:
                    archive.write(path, arcname=path.name)
            content.seek(0)
            return Download(content, f"{programme_code}-csv.zip", MIME["csv"])
        return Download(io.BytesIO(paths[0].read_bytes()), paths[0].name, MIME[format])


LIST_FORMATS = ("csv", "xlsx")
LIST_COLUMNS = (
    "programme",
    "code",
    "title",
    "lead_organisations",
    "deadline",
    "latest_status",
    "delivery_confidence",
    "latest_period",
    "link",
)


def commitment_list_file(
    *, commitments: list[Commitment], format: str, link: Callable[[Commitment], str]
) -> Download:
    """The commitment list as shown (the same filters, order and columns) as CSV or XLSX.

    ``commitments`` carry their latest ratings (``latest_levels_attach``) and lead ownerships;
    ``link`` gives each one's full web address."""
    if format not in LIST_FORMATS:
        raise Http404("No such format.")
    rows = [
        [
            commitment.programme.code,
            commitment.code,
            commitment.title,
            "; ".join(o.organisation.code for o in commitment.lead_ownerships),
            commitment.deadline_phrase,
            commitment.latest_status.label if commitment.latest_status else "",
            commitment.latest_confidence.label if commitment.latest_confidence else "",
            commitment.latest_period.isoformat() if commitment.latest_period else "",
            link(commitment),
        ]
        for commitment in commitments
    ]
    sheet = Sheet(name="commitments", columns=LIST_COLUMNS, rows=rows)
    write = csv_write if format == "csv" else xlsx_write
    with tempfile.TemporaryDirectory() as folder:
        (path,) = write([sheet], Path(folder) / f"commitments.{format}")
        content = io.BytesIO(path.read_bytes())
    mime = "text/csv" if format == "csv" else MIME["xlsx"]
    return Download(content, f"commitments.{format}", mime)
