"""The upload page's form: a file, what it holds, and where it goes."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename

from stocktake.importing.service import PROGRAMME, ImportOutcome, file_import

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
KINDS = [
    (PROGRAMME, "A whole programme (a Stocktake export: JSON, XLSX or ODS)"),
    ("commitments", "Commitments"),
    ("milestones", "Milestones"),
    ("updates", "Updates"),
    ("organisations", "Organisations"),
    ("people", "People"),
    ("areas", "Areas"),
    ("measures", "Measures"),
    ("targets", "Targets and trajectories"),
    ("observations", "Observations"),
]
SUFFIXES = {".csv", ".xlsx", ".ods", ".json"}


class ImportForm(forms.Form):
    file = forms.FileField(
        label="File",
        help_text="CSV, Excel (XLSX) or OpenDocument (ODS) with a header row, or a JSON export. "
        "Up to 50 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(SUFFIXES))}),
    )
    kind = forms.ChoiceField(label="What the file holds", choices=KINDS, widget=forms.RadioSelect)
    programme = forms.SlugField(
        label="Programme code",
        required=False,
        help_text="For commitments, milestones and updates. A new code creates the programme.",
    )
    title = forms.CharField(
        label="Programme title", required=False, help_text="Only for a new programme."
    )
    create_missing = forms.BooleanField(
        label="Create organisations the file names that are not in the register yet",
        required=False,
    )
    dry_run = forms.BooleanField(
        label="Check the file only: change nothing", required=False, initial=True
    )

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in SUFFIXES:
            raise forms.ValidationError("The file must be a CSV, XLSX, ODS or JSON file.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 50 MB.")
        return upload

    def clean(self) -> dict:
        data = super().clean()
        kind, upload = data.get("kind"), data.get("file")
        if kind and upload:
            suffix = Path(upload.name).suffix.lower()
            if suffix == ".json" and kind != PROGRAMME:
                self.add_error(
                    "kind",
                    "A JSON file holds a whole programme; choose that, or upload a CSV, XLSX "
                    "or ODS file for the other kinds.",
                )
            if suffix == ".csv" and kind == PROGRAMME:
                self.add_error(
                    "kind",
                    "A whole programme comes as one JSON, XLSX or ODS file; a CSV file holds "
                    "one kind of record.",
                )
        if kind in {"commitments", "milestones", "updates"} and not data.get("programme"):
            self.add_error("programme", "Enter the code of the programme these belong to.")
        return data


def upload_import(
    *,
    upload: UploadedFile,
    kind: str,
    programme_code: str | None,
    title: str | None,
    create_missing: bool,
    dry_run: bool,
    by: Any,
) -> ImportOutcome:
    """Import an uploaded file through the same entry point as the command line, as ``by``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / get_valid_filename(Path(upload.name).name)
        with path.open("wb") as file:
            for chunk in upload.chunks():
                file.write(chunk)
        return file_import(
            path=path,
            kind=kind,
            programme_code=programme_code,
            title=title,
            create_missing=create_missing,
            dry_run=dry_run,
            display_name=upload.name,
            by=by,
        )
