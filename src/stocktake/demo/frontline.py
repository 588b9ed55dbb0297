"""The demo's frontline intelligence, actions and this month's round: notes from visits, calls,
surveys, complaints and data; the actions raised to unblock delivery (some overdue, some done, one
dropped); a few departments' updates for the current month, one judged by the central unit and one
sent back with a request for more. Dated relative to the day the demo loads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from stocktake.demo import content
from stocktake.progress.models import ActionStatus, DeliveryStage, FrameworkRating, NoteSource
from stocktake.progress.rounds import reporting_period
from stocktake.progress.services import (
    action_change,
    action_raise,
    judgement_record,
    note_add,
    update_create,
    update_request,
)
from stocktake.register.models import Area, Commitment, Organisation, Person, ScaleLevel


@dataclass(frozen=True)
class DemoNote:
    source: NoteSource
    days_ago: int
    area: str | None  # area name
    commitments: tuple[str, ...]  # commitment codes
    text: str


@dataclass(frozen=True)
class DemoAction:
    title: str
    commitments: tuple[str, ...]
    organisation: str | None  # organisation code
    person: str | None  # person name
    due_in_days: int  # negative: due in the past
    description: str = ""
    status: ActionStatus = ActionStatus.OPEN
    completed_days_ago: int | None = None


NOTES = (
    DemoNote(
        NoteSource.VISIT,
        12,
        "Manchester",
        ("M06",),
        "Visited the emergency department at a large acute trust. Staff say the four-hour "
        "standard is missed mostly at night, when patients waiting for a mental health bed stay "
        "in cubicles for up to 20 hours. Discharge to social care is the other bottleneck: "
        "eleven medically fit patients were waiting for packages of care on the day.",
    ),
    DemoNote(
        NoteSource.CALL,
        20,
        None,
        ("M01", "M01a"),
        "Call with three large employers' apprenticeship leads. All three are paying the levy "
        "but have not yet spent their funds: they find the new standards slow to approve and "
        "would rather keep their old frameworks until the standards they need exist.",
    ),
    DemoNote(
        NoteSource.SURVEY,
        35,
        None,
        ("M03",),
        "Pulse survey of 412 nursery providers: 38% say the funded hourly rate does not cover "
        "the cost of a place, and 1 in 5 say they will limit the number of 30-hour places they "
        "offer next term.",
    ),
    DemoNote(
        NoteSource.COMPLAINT,
        9,
        "Haringey",
        ("P3.2",),
        "Residents' association in Northumberland Park reports fly-tipping at the same three "
        "sites every week since the bulky-waste charge rose; photographs sent to the service.",
    ),
    DemoNote(
        NoteSource.DATA,
        6,
        "North East",
        ("M13",),
        "Local authority completions data for the first half-year shows starts well ahead of "
        "completions in the North East: builders report a shortage of bricklayers and roofers.",
    ),
    DemoNote(
        NoteSource.VISIT,
        27,
        "Haringey",
        ("P2.1",),
        "Visit to the hospital discharge team: reablement capacity was cut when two providers "
        "left the framework; the team is placing people in short-term residential care "
        "instead, and fewer are still at home 91 days after discharge.",
    ),
    DemoNote(
        NoteSource.CALL,
        3,
        None,
        ("M20",),
        "Call with the Universal Credit programme: the digital service is live in 70 jobcentres; "
        "work coaches say claimants without a bank account cannot complete a claim online.",
    ),
)

ACTIONS = (
    DemoAction(
        "Agree a joint plan with NHS England for mental health beds in the worst-performing "
        "emergency departments",
        ("M06", "M08"),
        "NHSE",
        "Professor Geraint Mellor, National Director for Urgent and Emergency Care",
        -14,
        "Raised after the visit to Manchester: long waits for mental health beds drive the "
        "breaches at night.",
    ),
    DemoAction(
        "Publish the list of apprenticeship standards still awaiting approval, with dates",
        ("M01",),
        "BIS",
        "Catherine Yeoman, Director, Apprenticeships (SRO, Apprenticeships Reform Programme)",
        21,
    ),
    DemoAction(
        "Review the funded hourly rate for 30 hours with HM Treasury",
        ("M03",),
        "DfE",
        "Louise Armitage, Director, Early Years and Childcare (SRO, 30 Hours Free Childcare)",
        -5,
        "The provider survey shows 38% say the rate does not cover their costs.",
    ),
    DemoAction(
        "Fund a construction skills academy pilot in the North East",
        ("M13",),
        "DCLG",
        None,
        45,
    ),
    DemoAction(
        "Clear the three fly-tipping hot spots in Northumberland Park and install cameras",
        ("P3.2",),
        "HGY-ENV",
        "Claire Donoghue, Assistant Director, Environment and Neighbourhoods",
        -30,
        status=ActionStatus.DONE,
        completed_days_ago=33,
    ),
    DemoAction(
        "Re-procure reablement capacity lost when two providers left the framework",
        ("P2.1",),
        "HGY-ASC",
        "Folake Bankole, Director of Adult Social Services",
        -2,
    ),
    DemoAction(
        "Let claimants without a bank account claim Universal Credit by telephone",
        ("M20",),
        "DWP",
        None,
        -40,
        "Overtaken: the programme now offers a payment exception service in every jobcentre.",
        status=ActionStatus.DROPPED,
    ),
)


def frontline_load(*, today: dt.date) -> None:
    """The demo's notes and actions, by the demo administrator; the done and dropped actions
    are raised open and then closed, so their history shows both."""
    author = get_user_model().objects.filter(username="demo").first()
    commitments = {
        c.code: c
        for c in Commitment.objects.filter(
            programme__code__in=[programme.code for programme in content.PROGRAMMES]
        )
    }
    areas = {area.name: area for area in Area.objects.filter(name__in=_area_names())}
    for spec in NOTES:
        note_add(
            source=spec.source,
            noted_on=today - dt.timedelta(days=spec.days_ago),
            area=areas.get(spec.area) if spec.area else None,
            commitments=[commitments[code] for code in spec.commitments],
            text=spec.text,
            author=author,
        )
    organisations = {o.code: o for o in Organisation.objects.all()}
    people = {str(person): person for person in Person.objects.all()}
    for spec in ACTIONS:
        action = action_raise(
            title=spec.title,
            description=spec.description,
            commitments=[commitments[code] for code in spec.commitments],
            owner_organisation=organisations[spec.organisation] if spec.organisation else None,
            owner_person=people[spec.person] if spec.person else None,
            due_date=today + dt.timedelta(days=spec.due_in_days),
            author=author,
        )
        if spec.status != ActionStatus.OPEN:
            completed_on = (
                today - dt.timedelta(days=spec.completed_days_ago)
                if spec.completed_days_ago is not None
                else None
            )
            action_change(
                action=action,
                expected_version=action.version,
                changes={"status": spec.status, "completed_on": completed_on},
            )


def _area_names() -> set[str]:
    return {spec.area for spec in NOTES if spec.area}


@dataclass(frozen=True)
class DemoReturn:
    """A department's update for the current month."""

    commitment: str
    status: str  # level code on the programme's status scale
    author: str
    narrative: str
    evidence: tuple[tuple[str, str], ...] = ()


RETURNS = (
    DemoReturn(
        "M03",
        "on-track",
        "Louise Armitage",
        "Early implementer areas now offer 30 hours to 15,000 children. Eligibility checking "
        "through the childcare service is live; provider take-up in the pilot areas is 94%. "
        "The rate review with HM Treasury is the main risk to the national roll-out.",
        (("Early implementer evaluation, interim report", "https://www.example.gov.uk/30-hours"),),
    ),
    DemoReturn(
        "M04",
        "minor-issues",
        "Mark Tennant",
        "The second consultation on the national funding formula closed; 25,000 responses are "
        "being analysed. Publication of the final formula moves by a month.",
    ),
    DemoReturn(
        "M02",
        "major-issues",
        "Helen Drury",
        "Sites remain the constraint: 61 approved free schools are without a permanent site. "
        "The Education Funding Agency is buying two sites a week against a need of three.",
    ),
    DemoReturn(
        "P3.1",
        "amber",
        "Claire Donoghue",
        "Recycling reached 36% in the quarter. The food waste roll-out to flats was paused while "
        "the collection contract is varied; it resumes next month.",
    ),
)


def round_load(*, today: dt.date) -> None:
    """This month's round so far: a few updates sent, one judged, one asked for more."""
    period = reporting_period(today)
    unit = get_user_model().objects.filter(username="demo").first()
    commitments = {
        c.code: c
        for c in Commitment.objects.filter(
            programme__code__in=[programme.code for programme in content.PROGRAMMES],
            code__in=[spec.commitment for spec in RETURNS],
        ).select_related("programme")
    }
    levels = {
        (level.scale_id, level.code): level
        for level in ScaleLevel.objects.filter(scale__kind__in=["status", "confidence"])
    }
    for spec in RETURNS:
        commitment = commitments[spec.commitment]
        update_create(
            commitment=commitment,
            period=period,
            status=levels[(commitment.programme.status_scale_id, spec.status)],
            narrative=spec.narrative,
            evidence=[{"title": title, "url": url} for title, url in spec.evidence],
            author_name=spec.author,
        )
    childcare = commitments["M03"]
    judgement_record(
        commitment=childcare,
        period=period,
        confidence=levels[(childcare.programme.confidence_scale_id, "amber-green")],
        rationale="Take-up in the early implementer areas is strong and eligibility checking "
        "works. The funded rate is the open question: the provider survey suggests a fifth "
        "may limit places, so confidence stays below Green until the rate review concludes.",
        planning=FrameworkRating.GREEN,
        capacity=FrameworkRating.AMBER_GREEN,
        stage=DeliveryStage.UNDER_WAY,
        author=unit,
    )
    update_request(
        commitment=commitments["M02"],
        period=period,
        message="Please set out the sites pipeline by region, with the date each site is "
        "expected to complete, and what you need from HM Treasury to buy faster.",
        author=unit,
    )
