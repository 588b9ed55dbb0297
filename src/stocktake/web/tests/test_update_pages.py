"""The monthly update journey without JavaScript: a department's updates due, the form with its
errors, check your answers, the confirmation and what changed; the central unit's submissions,
its request for more (shown on the department's list until a new update answers it) and its
delivery-confidence judgement."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from stocktake.progress.models import Judgement, Update, UpdateRequest
from stocktake.progress.rounds import reporting_period
from stocktake.register.models import Commitment, ScaleLevel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo_register: None) -> None:
    """Every test here reads the demo register."""


def _month() -> str:
    return f"{reporting_period(timezone.localdate()):%Y-%m}"


def _level(code: str, scale: str = "delivery-status") -> ScaleLevel:
    return ScaleLevel.objects.get(scale__code=scale, code=code)


def test_updates_due_lists_what_the_department_owes_and_what_was_asked(dfe_editor: Client) -> None:
    page = dfe_editor.get("/updates/").content.decode()
    assert "Updates due for" in page
    assert "/commitments/MAN2015/M04/" not in page.split('id="due"')[1]  # sent this month
    assert "/commitments/MAN2015/M01/update/" in page  # joint with BIS, not yet sent
    assert "/commitments/MAN2015/M06/update/" not in page  # NHS England's
    asked = page.split('id="asked"')[1].split('id="due"')[0]
    assert "sites pipeline by region" in asked


def test_an_update_with_errors_then_corrected_then_checked_then_sent(dfe_editor: Client) -> None:
    start = "/commitments/MAN2015/M01/update/"
    before = Update.objects.count()
    response = dfe_editor.post(start, {"narrative": "", "evidence": "Minutes: see the board"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Select the status of the commitment" in page
    assert "Enter what has happened since the last update" in page
    assert "Line 1 of the evidence is not a web link" in page
    assert 'href="#id_status"' in page

    response = dfe_editor.post(
        start,
        {
            "status": _level("minor-issues").pk,
            "narrative": "Levy funds unspent at three large employers.",
            "evidence": "Board minutes https://www.example.gov.uk/minutes\nhttps://example.org/b",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/update/check/")
    assert Update.objects.count() == before  # nothing sent until checked
    check = dfe_editor.get(response["Location"]).content.decode()
    assert "Check your update before sending it" in check
    assert "Levy funds unspent" in check
    assert "Board minutes" in check
    assert "Minor issues" in check

    again = dfe_editor.get(start).content.decode()  # "Change" keeps the answers
    assert "Levy funds unspent" in again

    response = dfe_editor.post("/commitments/MAN2015/M01/update/check/")
    assert response.status_code == 302
    update = Update.objects.order_by("-pk").first()
    assert update.commitment.code == "M01"
    assert update.author.username == "page-dfe-editor"
    assert update.evidence[0] == {
        "title": "Board minutes",
        "url": "https://www.example.gov.uk/minutes",
    }
    done = dfe_editor.get(response["Location"]).content.decode()
    assert "Update sent" in done
    assert "What changed since the last period" in done
    assert "New narrative this period" in done
    assert "/commitments/MAN2015/M01/update/" not in dfe_editor.get("/updates/").content.decode()


def test_the_same_update_sent_twice_is_stored_once(dfe_editor: Client) -> None:
    start = "/commitments/MAN2015/M01/update/"
    answers = {"status": _level("on-track").pk, "narrative": "On course.", "evidence": ""}
    assert dfe_editor.post(start, answers).status_code == 302
    draft = dfe_editor.session["update-draft-" + str(_m01().pk)]
    before = Update.objects.count()

    first = dfe_editor.post(start + "check/")
    # A double click: the second send carries the same draft, read before the first finished.
    session = dfe_editor.session
    session["update-draft-" + str(_m01().pk)] = draft
    session.save()
    second = dfe_editor.post(start + "check/")

    assert Update.objects.count() == before + 1
    assert first["Location"] == second["Location"]
    assert first["Location"].endswith("/update/sent/")


def _m01() -> Commitment:
    return Commitment.objects.get(programme__code="MAN2015", code="M01")


def test_checking_with_nothing_to_check_goes_back_to_the_form(dfe_editor: Client) -> None:
    response = dfe_editor.get("/commitments/MAN2015/M03/update/check/")
    assert response.status_code == 302
    assert response["Location"].endswith("/commitments/MAN2015/M03/update/")


def test_a_department_may_not_update_or_judge_what_it_does_not_report_on(
    dfe_editor: Client,
) -> None:
    assert dfe_editor.get("/commitments/MAN2015/M06/update/").status_code == 403
    month = _month()
    response = dfe_editor.post(
        f"/commitments/MAN2015/M03/periods/{month}/judgement/",
        {"confidence": _level("green", "confidence-5").pk, "rationale": "Ours."},
    )
    assert response.status_code == 403


def test_the_central_unit_sees_the_submissions_with_their_movement(client: Client) -> None:
    page = client.get("/updates/submitted/").content.decode()
    assert "Updates sent for" in page
    assert "M03" in page
    assert "Judged" in page
    assert "More asked" in page
    assert "To review" in page


def test_asking_for_more_shows_on_the_departments_list_until_a_new_update(
    client: Client, dfe_editor: Client
) -> None:
    month = _month()
    review = f"/commitments/MAN2015/M04/periods/{month}/"
    response = client.post(f"{review}ask/", {"message": ""})
    assert response.status_code == 400
    assert "Enter what you need from the department" in response.content.decode()
    response = client.post(f"{review}ask/", {"message": "Which regions respond slowest?"})
    assert response.status_code == 302
    assert "Your request has been sent" in client.get(response["Location"]).content.decode()
    assert "Which regions respond slowest?" in dfe_editor.get("/updates/").content.decode()

    commitment = Commitment.objects.get(programme__code="MAN2015", code="M04")
    Update.objects.create(
        commitment=commitment,
        period=reporting_period(timezone.localdate()),
        status=_level("minor-issues"),
        narrative="London and the South East.",
    )
    assert "Which regions respond slowest?" not in dfe_editor.get("/updates/").content.decode()
    assert UpdateRequest.objects.filter(message__startswith="Which regions").exists()


def test_recording_a_judgement_with_errors_then_with_the_framework_ratings(client: Client) -> None:
    month = _month()
    review = f"/commitments/MAN2015/M04/periods/{month}/"
    response = client.post(f"{review}judgement/", {"rationale": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select the delivery confidence" in page
    assert "Enter the rationale for the judgement" in page
    response = client.post(
        f"{review}judgement/",
        {
            "confidence": _level("amber", "confidence-5").pk,
            "rationale": "The formula slips a month.",
            "planning": "amber_green",
            "capacity": "",
            "stage": "2",
        },
    )
    assert response.status_code == 302
    judgement = Judgement.objects.select_related("update").order_by("-pk").first()
    assert judgement.update.confidence.code == "amber"
    assert judgement.rationale == "The formula slips a month."
    assert (judgement.planning, judgement.capacity, judgement.stage) == ("amber_green", "", 2)
    page = client.get(response["Location"]).content.decode()
    assert "The delivery confidence has been recorded" in page
    assert "Early stages of delivery" in page
    commitment = client.get("/commitments/MAN2015/M04/").content.decode()
    assert "Amber" in commitment


def test_a_period_that_is_not_a_month_is_not_found(client: Client) -> None:
    assert client.get("/commitments/MAN2015/M04/periods/2026-13/").status_code == 404
