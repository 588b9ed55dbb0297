"""Every create, change and delete of a register object is recorded with who, when and the old
and new values; the history itself cannot be changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.audit.models import Change, ChangeKind, HistoryIsPermanentError
from stocktake.audit.recording import acting
from stocktake.audit.selectors import commitment_history
from stocktake.funding.models import Fund
from stocktake.funding.services import funding_line_create, spend_record
from stocktake.measures.models import Direction, Frequency, Measure
from stocktake.measures.services import observation_record
from stocktake.register.models import AreaLevel, Commitment, Milestone
from stocktake.register.services import commitment_create, milestone_create
from stocktake.register.tests.factories import AreaFactory, OrganisationFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Lamp-Post-Sorting-42"


@pytest.fixture
def analyst():
    return user_create(username="analyst", password=PASSWORD, role=Role.ANALYST)


@pytest.fixture
def commitment(analyst) -> Commitment:
    with acting(user=analyst, via="test"):
        return commitment_create(
            programme=ProgrammeFactory(code="man", published=True),
            code="M01",
            title="Three million apprenticeships",
            lead_organisations=[OrganisationFactory(code="DfE")],
            themes=["Skills"],
        )


def _latest(model, kind: str) -> Change:
    return Change.objects.filter(
        content_type=ContentType.objects.get_for_model(model), kind=kind
    ).latest("id")


def test_a_create_records_who_when_and_every_value(commitment: Commitment, analyst) -> None:
    created = _latest(Commitment, ChangeKind.CREATED)
    assert (created.actor, created.actor_name, created.via) == (analyst, "analyst", "test")
    assert created.changes["title"] == [None, "Three million apprenticeships"]
    assert created.changes["programme"] == [None, str(commitment.programme)]
    assert created.commitment_id == commitment.pk
    ownership = commitment_history(commitment=commitment)
    kinds = {change.content_type.model for change in ownership}
    assert {"commitment", "commitmentorganisation"} <= kinds
    themes = _latest(Commitment, ChangeKind.CHANGED)
    assert themes.changes == {"themes": [[], ["Skills"]]}


def test_a_change_records_old_and_new_values_only_for_what_changed(
    commitment: Commitment,
) -> None:
    commitment.title = "Three million starts"
    commitment.save()
    changed = _latest(Commitment, ChangeKind.CHANGED)
    assert changed.changes == {"title": ["Three million apprenticeships", "Three million starts"]}
    assert changed.actor is None
    assert changed.actor_name == "system"
    commitment.save()  # nothing changed: nothing recorded
    assert _latest(Commitment, ChangeKind.CHANGED).pk == changed.pk


def test_a_delete_records_the_values_that_went(commitment: Commitment) -> None:
    milestone = milestone_create(
        commitment=commitment,
        code="MS1",
        title="Levy in force",
        baseline_due_date=dt.date(2017, 4, 1),
    )
    milestone.delete()
    deleted = _latest(Milestone, ChangeKind.DELETED)
    assert deleted.changes["title"] == ["Levy in force", None]
    assert deleted.commitment_id == commitment.pk
    assert [c.kind for c in commitment_history(commitment=commitment)][:2] == [
        ChangeKind.DELETED,
        ChangeKind.CREATED,
    ]


def test_bulk_writes_are_recorded_like_single_ones(commitment: Commitment) -> None:
    milestones = Milestone.objects.bulk_create(
        [
            Milestone(
                commitment=commitment,
                code=f"MS{n}",
                title=f"Step {n}",
                baseline_due_date=dt.date(2017, n, 1),
                current_due_date=dt.date(2017, n, 1),
            )
            for n in (1, 2)
        ]
    )
    assert (
        Change.objects.filter(
            kind=ChangeKind.CREATED,
            content_type=ContentType.objects.get_for_model(Milestone),
            object_id__in=[str(m.pk) for m in milestones],
        ).count()
        == 2
    )
    for milestone in milestones:
        milestone.current_due_date = dt.date(2018, 1, 1)
    Milestone.objects.bulk_update(milestones, ["current_due_date"])
    Milestone.objects.filter(pk=milestones[0].pk).update(title="Renamed")
    changes = Change.objects.filter(
        kind=ChangeKind.CHANGED, content_type=ContentType.objects.get_for_model(Milestone)
    ).order_by("id")
    assert [c.changes for c in changes] == [
        {"current_due_date": ["2017-01-01", "2018-01-01"]},
        {"current_due_date": ["2017-02-01", "2018-01-01"]},
        {"title": ["Step 1", "Renamed"]},
    ]


def test_measures_observations_and_funding_are_recorded(commitment: Commitment) -> None:
    measure = Measure.objects.create(
        code="starts",
        name="Apprenticeship starts",
        unit="count",
        direction=Direction.HIGHER,
        frequency=Frequency.MONTHLY,
        area_levels=[AreaLevel.NATION],
    )
    area = AreaFactory(code="E92000001", name="England", level=AreaLevel.NATION)
    observation_record(measure=measure, area=area, period=dt.date(2016, 5, 1), value=100.0)
    observation_record(measure=measure, area=area, period=dt.date(2016, 5, 1), value=120.0)
    revised = _latest(measure.observations.model, ChangeKind.CHANGED)
    assert revised.changes == {"value": [100.0, 120.0]}
    fund = Fund.objects.create(
        code="skills",
        name="Skills fund",
        total=Decimal("1000"),
        start_date=dt.date(2016, 4, 1),
        end_date=dt.date(2020, 3, 31),
    )
    line = funding_line_create(fund=fund, commitment=commitment, allocated=Decimal("500"))
    spend_record(line=line, period=dt.date(2016, 5, 1), amount=Decimal("20"))
    spend_record(line=line, period=dt.date(2016, 5, 1), amount=Decimal("25"))
    history = commitment_history(commitment=commitment)
    assert {"fundingline", "spend"} <= {change.content_type.model for change in history}
    assert history[0].changes == {"amount": ["20.00", "25"]} or history[0].changes == {
        "amount": ["20.00", "25.00"]
    }


def test_the_history_cannot_be_edited_or_deleted(commitment: Commitment) -> None:
    change = Change.objects.first()
    change.actor_name = "someone else"
    with pytest.raises(HistoryIsPermanentError):
        change.save()
    with pytest.raises(HistoryIsPermanentError):
        change.delete()
    with pytest.raises(HistoryIsPermanentError):
        Change.objects.all().update(actor_name="someone else")
    with pytest.raises(HistoryIsPermanentError):
        Change.objects.all().delete()
    assert not Change.objects.filter(actor_name="someone else").exists()


def test_the_admin_records_its_user_and_shows_the_history_read_only(
    commitment: Commitment, analyst
) -> None:
    client = Client()
    client.force_login(analyst)
    url = f"/admin/register/programme/{commitment.programme.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(title="Manifesto 2015, renamed", published="on")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = Change.objects.filter(object_repr="Manifesto 2015, renamed").get()
    assert (changed.actor, changed.via) == (analyst, "admin")
    assert changed.changes["title"][1] == "Manifesto 2015, renamed"
    history_url = f"/admin/audit/change/{changed.pk}/change/"
    assert client.get(history_url).status_code == 200  # to read
    assert client.post(history_url, {"actor_name": "x"}).status_code == 403
    assert client.post(f"/admin/audit/change/{changed.pk}/delete/").status_code == 403
    assert client.get("/admin/audit/change/add/").status_code == 403
    Change.objects.get(pk=changed.pk)  # still there, unchanged
    assert Change.objects.get(pk=changed.pk).actor_name == "analyst"


def test_the_commitment_page_shows_the_history_to_signed_in_users(
    commitment: Commitment, analyst
) -> None:
    commitment.published = True
    commitment.save()
    url = "/commitments/man/M01/"
    visitor = Client().get(url).content.decode()
    assert "History of changes" not in visitor
    client = Client()
    client.force_login(analyst)
    page = client.get(url).content.decode()
    assert "History of changes" in page
    assert "By analyst (test)" in page
    assert "Three million apprenticeships" in page
