"""Downloads on the programme and the upload page, as a browser without JavaScript uses them."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from stocktake.exporting.programme import programme_document
from stocktake.exporting.service import TABULAR
from stocktake.exporting.sheets import programme_sheets
from stocktake.register.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_today() -> dt.date:
    return dt.date(2026, 11, 22)


@pytest.fixture
def demo(demo_register: None) -> None:
    """The demo register, loaded once for the module (see ``stocktake/conftest.py``)."""


@pytest.fixture
def analyst(client: Client, demo: None) -> Client:
    client.force_login(get_user_model().objects.get(username="demo"))
    return client


@pytest.fixture
def official(client: Client) -> Client:
    user = get_user_model().objects.create_user("official", password="Lamp-Post-42")
    client.force_login(user)
    return client


def _document(code: str) -> dict:
    document = programme_document(programme=Programme.objects.get(code="MAN2015"))
    document["programme"]["code"] = code
    return document


def _export_upload(name: str = "copy.json", code: str = "copy") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, json.dumps(_document(code)).encode(), "application/json")


def test_downloads_need_sign_in(demo: None) -> None:
    response = Client().get("/programmes/MAN2015/download.xlsx")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")


def test_every_download_format(analyst: Client) -> None:
    xlsx = analyst.get("/programmes/MAN2015/download.xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Disposition"] == 'attachment; filename="MAN2015.xlsx"'
    assert b"".join(xlsx.streaming_content)[:2] == b"PK"

    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(analyst.get("/programmes/MAN2015/download.csv").streaming_content))
    )
    assert "MAN2015.csv" in archive.namelist()
    assert "MAN2015.observations.csv" in archive.namelist()

    document = json.loads(
        b"".join(analyst.get("/programmes/MAN2015/download.json").streaming_content)
    )
    assert document["programme"]["code"] == "MAN2015"
    assert analyst.get("/programmes/MAN2015/download.ods").status_code == 200


def test_unknown_programme_or_format_is_a_404(analyst: Client) -> None:
    assert analyst.get("/programmes/NOPE/download.json").status_code == 404
    assert analyst.get("/programmes/MAN2015/download.pdf").status_code == 404


def test_import_page_is_for_the_central_unit(client: Client, official: Client) -> None:
    assert official.get("/import/").status_code == 403
    official.logout()
    assert official.get("/import/").status_code == 302


def test_a_dry_run_checks_and_changes_nothing(analyst: Client) -> None:
    response = analyst.post(
        "/import/", {"file": _export_upload(), "kind": "programme", "dry_run": "on"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The file is good" in page
    assert not Programme.objects.filter(code="copy").exists()


def test_importing_a_programme_export(analyst: Client) -> None:
    response = analyst.post("/import/", {"file": _export_upload(), "kind": "programme"})
    assert "Imported programme &#39;copy&#39;" in response.content.decode()
    assert Programme.objects.get(code="copy").commitments.count() == 41


def test_importing_a_programme_workbook(analyst: Client, tmp_path: Path) -> None:
    out = tmp_path / "copy.ods"
    TABULAR["ods"](programme_sheets(document=_document("copy")), out)
    upload = SimpleUploadedFile(out.name, out.read_bytes())
    response = analyst.post("/import/", {"file": upload, "kind": "programme"})
    assert "Imported programme &#39;copy&#39;" in response.content.decode()
    assert Programme.objects.get(code="copy").commitments.count() == 41


def test_problems_are_listed_and_nothing_is_changed(analyst: Client) -> None:
    broken = SimpleUploadedFile("broken.json", b'{"schema_version": "0.1"}')
    response = analyst.post("/import/", {"file": broken, "kind": "programme"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "The file was not imported" in page
    assert "schema_version must be" in page
    assert Programme.objects.count() == 2


def test_form_errors_use_the_error_summary(analyst: Client) -> None:
    wrong = SimpleUploadedFile("notes.docx", b"not a spreadsheet")
    response = analyst.post("/import/", {"file": wrong, "kind": "commitments"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert 'href="#id_file"' in page
    assert "The file must be a CSV, XLSX, ODS or JSON file." in page
    assert "Enter the code of the programme these belong to." in page
    assert "<title>Error: Import a file" in page
