"""A programme's export says whether it is published, and the import reads it back; an export
from before the flag existed imports unpublished."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stocktake.exporting.service import programme_export
from stocktake.importing.programme import programme_import
from stocktake.register.models import Programme
from stocktake.register.tests.factories import CommitmentFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_the_published_flag_goes_out_and_comes_back(tmp_path: Path) -> None:
    CommitmentFactory(programme=ProgrammeFactory(code="open", published=True), published=True)
    out = tmp_path / "open.json"
    programme_export(programme_code="open", format="json", out=out)
    document = json.loads(out.read_text())
    assert document["programme"]["published"] is True

    document["programme"]["code"] = "copy"
    programme_import(document=document, source="open.json")
    assert Programme.objects.get(code="copy").published

    del document["programme"]["published"]
    document["programme"]["code"] = "older"
    programme_import(document=document, source="older.json")
    assert not Programme.objects.get(code="older").published
