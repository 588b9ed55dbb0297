"""The public tracker: what it shows, and that nothing unpublished ever appears in it, on the
page, in the open data or in the static site."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.cli import main
from stocktake.measures.models import Direction, Frequency, Measure
from stocktake.progress.services import update_create
from stocktake.progress.tests.factories import report
from stocktake.register.models import CommitmentOrganisation, OwnershipRole, Programme, Theme
from stocktake.register.tests.factories import (
    CommitmentFactory,
    OrganisationFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

# Every word that must never be public: unpublished commitments, programmes and measures, and
# updates on unpublished commitments.
SECRETS = (
    "Hidden commitment",
    "Hidden-programme commitment",
    "Hidden programme",
    "Hidden update narrative",
    "Hidden-programme update",
    "Hidden measure",
)


def _measure(code: str, name: str) -> Measure:
    return Measure.objects.create(
        code=code, name=name, unit="count", direction=Direction.HIGHER, frequency=Frequency.MONTHLY
    )


@pytest.fixture
def register() -> None:
    """A published programme with a published and an unpublished commitment, and an unpublished
    programme whose commitment is flagged published."""
    public = ProgrammeFactory(code="open", title="Open programme", published=True)
    hidden = ProgrammeFactory(code="closed", title="Hidden programme", published=False)
    schools = Theme.objects.create(name="Schools")
    shown = CommitmentFactory(programme=public, code="1", title="Build new schools")
    shown.published = True
    shown.deadline_phrase = "By spring 2017"
    shown.save()
    shown.themes.add(schools)
    CommitmentOrganisation.objects.create(
        commitment=shown,
        organisation=OrganisationFactory(code="DfE", name="Education"),
        role=OwnershipRole.LEAD,
    )
    unpublished = CommitmentFactory(programme=public, code="2", title="Hidden commitment")
    elsewhere = CommitmentFactory(programme=hidden, code="1", title="Hidden-programme commitment")
    elsewhere.published = True
    elsewhere.save()
    report(shown, 3, "on-track")
    report(shown, 4, "major-issues")
    update = report(unpublished, 4, "off-track")
    update_create(
        commitment=unpublished,
        period=update.period,
        status=update.status,
        narrative="Hidden update narrative",
    )
    update_create(
        commitment=elsewhere,
        period=update.period,
        status=update.status,
        narrative="Hidden-programme update",
    )
    _measure("places", "School places").commitments.add(shown)
    _measure("secret", "Hidden measure").commitments.add(unpublished, elsewhere)


def _assert_nothing_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text


@pytest.mark.usefixtures("register")
def test_the_tracker_shows_published_commitments_with_status_deadline_and_progress() -> None:
    visitor = Client()
    index = visitor.get("/public/").content.decode()
    assert "Open programme" in index
    assert "1 published commitment in 1 programme" in index
    _assert_nothing_secret(index)

    page = visitor.get("/public/open/").content.decode()
    assert "Build new schools" in page
    assert "Schools" in page  # the section
    assert "By spring 2017" in page
    assert "Major issues" in page  # the latest status, with its period
    assert "April 2016" in page
    assert "Month 4: major-issues." in page  # the latest progress text
    assert "Education" in page
    assert "School places" in page
    _assert_nothing_secret(page)
    assert visitor.get("/public/closed/").status_code == 404


@pytest.mark.usefixtures("register")
def test_a_signed_in_analyst_sees_only_what_the_public_sees() -> None:
    analyst = user_create(username="analyst", password="Lamp-Post-Sorting-42", role=Role.ANALYST)
    client = Client()
    client.force_login(analyst)
    for path in (
        "/public/",
        "/public/open/",
        "/public/commitments.csv",
        "/public/commitments.json",
    ):
        response = client.get(path)
        _assert_nothing_secret(response.content.decode("utf-8-sig"))
        assert response.content == Client().get(path).content, path
        # The same for everyone, so a proxy may keep it a few minutes and serve it to anyone.
        assert response["Cache-Control"] == "public, max-age=300", path
    assert client.get("/public/closed/").status_code == 404


@pytest.mark.usefixtures("register")
def test_the_open_data_holds_exactly_the_public_rows() -> None:
    visitor = Client()
    response = visitor.get("/public/commitments.csv")
    assert response["Content-Disposition"] == 'attachment; filename="commitments.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row["programme_code"], row["code"]) for row in rows] == [("open", "1")]
    assert rows[0]["status"] == "Major issues"
    assert rows[0]["status_period"] == "2016-04-01"
    assert rows[0]["progress"] == "Month 4: major-issues."
    assert rows[0]["measures"] == "School places"

    document = json.loads(visitor.get("/public/commitments.json").content)
    assert document["commitments"] == rows
    assert [p["code"] for p in document["programmes"]] == ["open"]
    assert visitor.get("/public/commitments.xml").status_code == 404


@pytest.mark.usefixtures("register")
def test_stocktake_publish_writes_a_static_site_that_links_only_to_its_own_files(
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["publish", "--out", str(out), "--as-of", "2016-05-31"])
    assert result.exit_code == 0, result.output
    assert "1 published commitments in 1 programmes" in result.output
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert {"index.html", "open/index.html", "commitments.csv", "commitments.json"} <= set(written)
    assert "static/stocktake/stocktake.css" in written
    assert any(name.startswith("static/govuk/assets/fonts/") for name in written)
    for name in ("index.html", "open/index.html", "commitments.csv", "commitments.json"):
        _assert_nothing_secret((out / name).read_text(encoding="utf-8-sig"))

    page = (out / "open" / "index.html").read_text()
    assert "Month 4: major-issues." in page
    assert 'href="../static/stocktake/stocktake.css"' in page
    assert 'href="../index.html"' in page
    # Every link and source is relative and names a file the site holds.
    for name in ("index.html", "open/index.html"):
        html = (out / name).read_text()
        for target in _links(html):
            if target.startswith(("#", "http")):
                continue
            assert not target.startswith("/"), target
            assert (out / name).parent.joinpath(target.split("#")[0]).resolve().is_file(), target


def test_publish_refuses_a_file_for_a_folder(tmp_path: Path) -> None:
    file = tmp_path / "site"
    file.write_text("not a folder")
    result = CliRunner().invoke(main, ["publish", "--out", str(file)])
    assert result.exit_code != 0
    assert "is a file" in result.output
    assert file.read_text() == "not a folder"


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]+)"', html)


@pytest.mark.usefixtures("register")
def test_publishing_again_removes_what_is_no_longer_published(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert CliRunner().invoke(main, ["publish", "--out", str(out)]).exit_code == 0
    assert (out / "open" / "index.html").is_file()
    Programme.objects.filter(code="open").update(published=False)
    again = CliRunner().invoke(main, ["publish", "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert not (out / "open").exists()
    assert "Build new schools" not in (out / "commitments.csv").read_text(encoding="utf-8-sig")
    assert (out / "static" / "stocktake" / "stocktake.css").is_file()

    foreign = tmp_path / "elsewhere"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    refused = CliRunner().invoke(main, ["publish", "--out", str(foreign)])
    assert refused.exit_code != 0
    assert "holds files Stocktake did not write" in refused.output
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
