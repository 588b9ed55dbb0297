"""Stocktakes as the central unit runs them: schedule one, read its pack, record what it decided
and the actions it raised, and see overdue actions again at the next one."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from docx import Document

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.audit.models import Change
from stocktake.cli import main
from stocktake.progress.models import Action
from stocktake.progress.services import note_add
from stocktake.progress.tests.factories import report
from stocktake.register.models import (
    Commitment,
    CommitmentOrganisation,
    OwnershipRole,
    Person,
    Taskforce,
)
from stocktake.register.tests.factories import (
    CommitmentFactory,
    MilestoneFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)
from stocktake.reports.tests.reading import pdf_pages
from stocktake.routines.models import PackJob, PackStatus, Stocktake
from stocktake.routines.services import (
    stocktake_action_raise,
    stocktake_decisions_record,
    stocktake_schedule,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@dataclass
class Register:
    commitments: list[Commitment]
    taskforce: Taskforce
    chair: Person
    analyst: Client


@pytest.fixture
def register() -> Register:
    """Three commitments of a programme led by the Department for Education; a taskforce on the
    first two; the first rated twice (Amber, then Green), with a milestone and a frontline
    note."""
    programme = ProgrammeFactory(code="man", title="Manifesto")
    schools = OrganisationFactory(code="DfE", name="Department for Education")
    commitments = [
        CommitmentFactory(programme=programme, code=code, title=title)
        for code, title in (
            ("C1", "More school places"),
            ("C2", "Fewer exclusions"),
            ("C3", "Free school meals"),
        )
    ]
    for commitment in commitments:
        CommitmentOrganisation.objects.create(
            commitment=commitment, organisation=schools, role=OwnershipRole.LEAD
        )
    report(commitments[0], 2, "minor-issues", "amber")
    report(commitments[0], 3, "on-track", "green")
    MilestoneFactory(commitment=commitments[0], code="MS1", title="Sites agreed")
    note_add(
        source="visit",
        noted_on=dt.date(2016, 3, 10),
        text="Heads say the new places fill at once.",
        commitments=[commitments[0]],
    )
    taskforce = Taskforce.objects.create(code="schools", name="Schools taskforce")
    taskforce.commitments.set(commitments[:2])
    analyst = Client()
    analyst.force_login(
        user_create(username="analyst", password="Lamp-Post-Sorting-42", role=Role.ANALYST)
    )
    return Register(commitments, taskforce, PersonFactory(name="Pat Chair"), analyst)


def test_the_schedule_form_says_what_is_missing_and_where_and_schedules_nothing(
    register: Register,
) -> None:
    page = register.analyst.post("/stocktakes/new/", {"held_on": "31/2/2027"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "There is a problem" in text
    assert "Enter a title for the stocktake" in text
    assert "Enter the date of the meeting as a real date" in text
    assert "Choose who chairs the stocktake" in text
    assert 'href="#id_title"' in text  # the summary links to the field

    page = register.analyst.post(
        "/stocktakes/new/",
        {
            "title": "Schools",
            "held_on": "1/4/2027",
            "chair": register.chair.pk,
            "programme": "man",
            "codes": "C1, C9, X2",
        },
    )
    assert "Manifesto has no commitment C9, X2: check the codes" in page.content.decode()
    assert not Stocktake.objects.exists()


def test_scheduling_a_taskforce_stocktake_then_reading_its_pack(register: Register) -> None:
    response = register.analyst.post(
        "/stocktakes/new/",
        {
            "title": "Schools stocktake",
            "held_on": (TODAY + dt.timedelta(days=7)).strftime("%d/%m/%Y"),
            "chair": register.chair.pk,
            "attendees": [register.chair.pk],
            "taskforce": register.taskforce.pk,
            "purpose": "Unblock school places.",
        },
    )
    stocktake = Stocktake.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/stocktakes/{stocktake.pk}/"
    assert [c.code for c in stocktake.commitments.order_by("code")] == ["C1", "C2"]

    listing = register.analyst.get("/stocktakes/").content.decode()
    assert "Upcoming" in listing
    assert "Schools stocktake" in listing
    page = register.analyst.get(f"/stocktakes/{stocktake.pk}/").content.decode()
    assert "More school places" in page
    assert '<td class="govuk-table__cell">DfE</td>' in page  # the lead organisation
    assert "Free school meals" not in page
    assert f'action="/stocktakes/{stocktake.pk}/packs/"' in page

    pack = register.analyst.get(f"/stocktakes/{stocktake.pk}/pack.html").content.decode()
    for expected in (
        "Stocktake pack",
        "C1. More school places",
        "C2. Fewer exclusions",
        "Improved from Amber",  # confidence movement
        "Sites agreed",  # milestones
        "Month 3: on-track.",  # the latest narrative
        "Heads say the new places fill at once.",  # a frontline note
    ):
        assert expected in pack, expected
    document = Document(
        io.BytesIO(register.analyst.get(f"/stocktakes/{stocktake.pk}/pack.docx").content)
    )
    assert "Fewer exclusions" in "\n".join(p.text for p in document.paragraphs)


def test_the_pdf_pack_has_a_page_per_commitment_after_the_summary(
    register: Register, tmp_path: Path
) -> None:
    stocktake = stocktake_schedule(
        title="All three",
        held_on=TODAY,
        chair=register.chair,
        commitments=register.commitments,
    )
    out = tmp_path / "pack.pdf"
    arguments = ["report", "stocktake", "--stocktake", str(stocktake.pk), "--format", "pdf"]
    result = CliRunner().invoke(main, [*arguments, "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = pdf_pages(out.read_bytes())
    # Title and contents, the summary, then one page for each commitment.
    assert len(pages) == 2 + 3
    titles = ("More school places", "Fewer exclusions", "Free school meals")
    for page, title in zip(pages[2:], titles, strict=True):
        assert title in page
        assert "Page " in page
        assert "All three" in page
    missing = CliRunner().invoke(
        main, [*arguments[:2], "--stocktake", "999", "--format", "pdf", "--out", str(out)]
    )
    assert "There is no stocktake number 999." in missing.output


def test_decisions_and_actions_are_recorded_and_overdue_ones_surface_next_time(
    register: Register,
) -> None:
    held = stocktake_schedule(
        title="March stocktake",
        held_on=TODAY - dt.timedelta(days=30),
        chair=register.chair,
        taskforce=register.taskforce,
    )
    response = register.analyst.post(
        f"/stocktakes/{held.pk}/decisions/",
        {"minutes": "Places are ahead.", "decisions": "C1: open two free schools\n\nReview in May"},
    )
    assert response.status_code == 302
    decisions = list(held.decisions.order_by("pk"))
    assert [(d.commitment.code if d.commitment else None, d.text) for d in decisions] == [
        ("C1", "open two free schools"),
        (None, "Review in May"),
    ]

    refused = register.analyst.post(
        f"/stocktakes/{held.pk}/actions/new/",
        {"title": "Agree sites", "due_date": "yesterday"},
    ).content.decode()
    assert "Enter the due date as a real date" in refused
    assert "Choose an owner, an owning organisation or both" in refused
    response = register.analyst.post(
        f"/stocktakes/{held.pk}/actions/new/",
        {
            "title": "Agree sites with councils",
            "owner_person": register.chair.pk,
            "due_date": (TODAY - dt.timedelta(days=3)).strftime("%d/%m/%Y"),
            "commitments": [register.commitments[0].pk],
        },
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert list(action.stocktakes.all()) == [held]
    assert (
        "Agree sites with councils"
        in register.analyst.get(f"/stocktakes/{held.pk}/").content.decode()
    )

    following = stocktake_schedule(
        title="April stocktake",
        held_on=TODAY + dt.timedelta(days=1),
        chair=register.chair,
        taskforce=register.taskforce,
    )
    page = register.analyst.get(f"/stocktakes/{following.pk}/").content.decode()
    assert "Overdue actions carried forward" in page
    assert "Agree sites with councils" in page
    pack = register.analyst.get(f"/stocktakes/{following.pk}/pack.html").content.decode()
    assert "Overdue actions from earlier" in pack
    assert "Agree sites with councils" in pack
    assert "(overdue)" in pack
    # Raising at a stocktake checks the commitments belong to it.
    with pytest.raises(ValidationError, match="not one of this stocktake's commitments"):
        stocktake_action_raise(
            stocktake=following,
            title="Elsewhere",
            due_date=TODAY,
            commitments=[register.commitments[2]],
            owner_person=register.chair,
        )


def test_who_may_see_and_run_stocktakes(register: Register) -> None:
    stocktake = stocktake_schedule(
        title="Schools", held_on=TODAY, chair=register.chair, taskforce=register.taskforce
    )
    visitor = Client()
    assert visitor.get("/stocktakes/")["Location"].startswith("/sign-in/")
    assert visitor.get(f"/stocktakes/{stocktake.pk}/pack.pdf").status_code == 302

    elsewhere = OrganisationFactory(code="DH", name="Health")
    viewer = Client()
    viewer.force_login(
        user_create(
            username="dh",
            password="Lamp-Post-Sorting-42",
            role=Role.VIEWER,
            organisations=[elsewhere],
        )
    )
    assert "Schools" not in viewer.get("/stocktakes/").content.decode()
    assert viewer.get(f"/stocktakes/{stocktake.pk}/").status_code == 404
    assert viewer.get("/stocktakes/new/").status_code == 403
    assert (
        viewer.post(f"/stocktakes/{stocktake.pk}/decisions/", {"decisions": "x"}).status_code == 403
    )


def test_a_pack_is_prepared_while_its_status_page_shows_progress(
    register: Register, settings: object
) -> None:
    settings.STOCKTAKE_PACKS_IN_BACKGROUND = False  # prepared within the request, for the test
    stocktake = stocktake_schedule(
        title="Schools", held_on=TODAY, chair=register.chair, taskforce=register.taskforce
    )
    response = register.analyst.post(f"/stocktakes/{stocktake.pk}/packs/", {"format": "docx"})
    job = PackJob.objects.get()
    assert response["Location"] == f"/stocktakes/{stocktake.pk}/packs/{job.pk}/"
    page = register.analyst.get(response["Location"]).content.decode()
    assert "Your pack is ready" in page
    assert 'http-equiv="refresh"' not in page
    download = register.analyst.get(f"/stocktakes/{stocktake.pk}/packs/{job.pk}/file")
    assert download["Content-Disposition"].startswith('attachment; filename="stocktake-pack-')
    assert "Fewer exclusions" in "\n".join(
        p.text for p in Document(io.BytesIO(download.content)).paragraphs
    )

    PackJob.objects.filter(pk=job.pk).update(
        status=PackStatus.RUNNING, step="Drawing the trajectory charts"
    )
    waiting = register.analyst.get(response["Location"]).content.decode()
    assert "Being prepared:</strong> Drawing the trajectory charts." in waiting
    assert '<meta http-equiv="refresh" content="2">' in waiting  # without JavaScript
    assert 'hx-trigger="every 2s"' in waiting  # with it
    assert (
        register.analyst.get(f"/stocktakes/{stocktake.pk}/packs/{job.pk}/file").status_code == 404
    )

    other = Client()
    other.force_login(
        user_create(username="other", password="Lamp-Post-Sorting-42", role=Role.ANALYST)
    )
    assert other.get(response["Location"]).status_code == 404  # the requester's pack only
    assert (
        register.analyst.post(f"/stocktakes/{stocktake.pk}/packs/", {"format": "exe"}).status_code
        == 404
    )


def test_the_central_unit_corrects_routines_in_the_admin(register: Register) -> None:
    stocktake = stocktake_schedule(
        title="Schools", held_on=TODAY, chair=register.chair, taskforce=register.taskforce
    )
    for path in (
        "/admin/routines/stocktake/",
        f"/admin/routines/stocktake/{stocktake.pk}/change/",
        "/admin/routines/priorityreview/",
        "/admin/routines/practice/add/",
        "/admin/routines/remindersent/",
        "/admin/routines/packjob/",
    ):
        assert register.analyst.get(path).status_code == 200, path
    assert register.analyst.get("/admin/routines/remindersent/add/").status_code == 403


def test_the_stocktake_page_takes_the_same_queries_for_more_commitments_and_actions(
    register: Register,
) -> None:
    stocktake = stocktake_schedule(
        title="Schools",
        held_on=TODAY - dt.timedelta(days=1),
        chair=register.chair,
        commitments=register.commitments[:1],
        attendees=[register.chair],
    )

    def grow() -> None:
        commitment = CommitmentFactory(programme=register.commitments[0].programme)
        stocktake.commitments.add(commitment)
        stocktake.attendees.add(PersonFactory())
        stocktake_action_raise(
            stocktake=stocktake,
            title="More",
            due_date=TODAY - dt.timedelta(days=2),
            commitments=[commitment],
            owner_person=register.chair,
        )
        codes = stocktake.commitments.values_list("code", flat=True)
        stocktake_decisions_record(
            stocktake=stocktake,
            minutes="",
            decisions="\n\n".join(f"{c}: go" for c in codes),
            as_of=TODAY,
        )

    grow()
    with CaptureQueriesContext(connection) as few:
        assert register.analyst.get(f"/stocktakes/{stocktake.pk}/").status_code == 200
    for _ in range(3):
        grow()
    with CaptureQueriesContext(connection) as many:
        page = register.analyst.get(f"/stocktakes/{stocktake.pk}/").content.decode()
    assert page.count(": go</li>") == 5
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_stocktake_is_moved_and_its_attendees_changed(register: Register) -> None:
    stocktake = stocktake_schedule(
        title="Schools", held_on=TODAY, chair=register.chair, taskforce=register.taskforce
    )
    form = register.analyst.get(f"/stocktakes/{stocktake.pk}/change/").content.decode()
    assert f'value="{TODAY:%d/%m/%Y}"' in form
    refused = register.analyst.post(
        f"/stocktakes/{stocktake.pk}/change/",
        {"title": "Schools", "held_on": "40/1/2027", "chair": register.chair.pk},
    ).content.decode()
    assert "Enter the date of the meeting as a real date" in refused
    stocktake.refresh_from_db()
    assert stocktake.held_on == TODAY

    other = PersonFactory(name="Sam Deputy")
    moved = TODAY + dt.timedelta(days=3)
    response = register.analyst.post(
        f"/stocktakes/{stocktake.pk}/change/",
        {
            "title": "Schools, moved",
            "held_on": moved.strftime("%d/%m/%Y"),
            "chair": register.chair.pk,
            "attendees": [other.pk],
        },
    )
    assert response["Location"] == f"/stocktakes/{stocktake.pk}/"
    stocktake.refresh_from_db()
    assert (stocktake.title, stocktake.held_on) == ("Schools, moved", moved)
    assert list(stocktake.attendees.all()) == [other]
    assert stocktake.commitments.count() == 2  # what it covers stays as scheduled
    history = Change.objects.filter(
        content_type=ContentType.objects.get_for_model(Stocktake), object_id=str(stocktake.pk)
    )
    moving = history.get(kind="changed", changes__has_key="held_on")
    assert moving.actor_name == "analyst"  # the history of changes records who moved it
    assert moving.changes["held_on"][1] == moved.isoformat()
    assert history.filter(changes__has_key="attendees").exists()
