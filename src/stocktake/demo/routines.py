"""The demo's routines: two stocktakes held (with their decisions and actions, one action still
open past its date), two coming up (one of the same taskforce, so the overdue action surfaces in
its pack), priority reviews and a practice library drawn from the seed articles (the 2015
Implementation Unit, frontline engagement, Haringey's Corporate Delivery Unit, innovation in
local government). Dated from ``today`` so it always reads as current."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from stocktake.progress.services import action_complete
from stocktake.register.models import Area, Commitment, Organisation, Person, Taskforce, Theme
from stocktake.routines.models import PracticeKind, ReviewStatus
from stocktake.routines.services import (
    practice_add,
    review_action_raise,
    review_record,
    stocktake_action_raise,
    stocktake_decisions_record,
    stocktake_schedule,
)


def _people(*names: str) -> list[Person]:
    found = {p.name: p for p in Person.objects.filter(name__in=names)}
    return [found[name] for name in names if name in found]


def _role(role: str) -> Person:
    return Person.objects.filter(role=role).order_by("pk").first()


def _commitments(programme: str, *codes: str) -> list[Commitment]:
    found = {
        c.code: c for c in Commitment.objects.filter(programme__code=programme, code__in=codes)
    }
    return [found[code] for code in codes if code in found]


def _organisation(code: str) -> Organisation | None:
    return Organisation.objects.filter(code=code).first()


def _days(today: dt.date, days: int) -> dt.date:
    return today + dt.timedelta(days=days)


def routines_load(*, today: dt.date) -> None:
    _stocktakes_load(today)
    _reviews_load(today)
    _practice_load(today)


def _chair(organisation: str) -> Person:
    """The most senior person the demo names for ``organisation`` (its first)."""
    return Person.objects.filter(organisation__code=organisation).order_by("pk").first()


def _stocktakes_load(today: dt.date) -> None:
    pm = _role("Prime Minister")
    housing = Taskforce.objects.get(code="itf-hsg")
    members = list(housing.people.all())
    held = stocktake_schedule(
        title="Housing stocktake with the Prime Minister",
        held_on=_days(today, -45),
        chair=pm,
        attendees=members,
        taskforce=housing,
        purpose="Are we on course for one million homes, and what would unblock starter homes?",
    )
    stocktake_decisions_record(
        stocktake=held,
        minutes=(
            "Completions are rising but starter homes lag: no site has planning consent yet. The "
            "Prime Minister asked for a plan to release public land faster."
        ),
        decisions=(
            "M12: DCLG to bring forward the starter homes regulations before the summer.\n\n"
            "M13: the Homes and Communities Agency to publish the public land pipeline by site.\n\n"
            "The taskforce to return with a delivery trajectory for each of the three commitments."
        ),
        as_of=today,
    )
    dclg, hca = _organisation("DCLG"), _organisation("HCA")
    first = _commitments("MAN2015", "M12")
    done = stocktake_action_raise(
        stocktake=held,
        title="Publish the public land pipeline, site by site",
        due_date=_days(today, -30),
        commitments=_commitments("MAN2015", "M13"),
        owner_organisation=hca,
    )
    action_complete(action=done, completed_on=_days(today, -32))
    stocktake_action_raise(
        stocktake=held,
        title="Lay the starter homes regulations",
        description="Needed before councils can count starter homes against their plans.",
        due_date=_days(today, -10),
        commitments=first,
        owner_organisation=dclg,
        owner_person=housing.chair,
    )
    stocktake_action_raise(
        stocktake=held,
        title="Agree a delivery trajectory for each housing commitment",
        due_date=_days(today, 20),
        owner_organisation=dclg,
    )

    health = stocktake_schedule(
        title="Health and care stocktake",
        held_on=_days(today, -20),
        chair=pm,
        attendees=_people_of("DH", "NHSE", "IU"),
        commitments=_commitments("MAN2015", "M05", "M06", "M07", "M08"),
        purpose="The A&E four-hour standard has slipped for a second quarter: why, and what now?",
    )
    stocktake_decisions_record(
        stocktake=health,
        minutes="Discharge delays, not arrivals, explain most of the slippage.",
        decisions=(
            "M06: NHS Improvement to put the ten worst-performing trusts on a weekly call.\n\n"
            "M06: a joint priority review of discharge from hospital, reporting in six weeks."
        ),
        as_of=today,
    )
    stocktake_action_raise(
        stocktake=health,
        title="Weekly call with the ten worst-performing trusts",
        due_date=_days(today, -3),
        commitments=_commitments("MAN2015", "M06"),
        owner_organisation=_organisation("NHSI"),
    )

    stocktake_schedule(
        title="Housing stocktake: follow-up",
        held_on=_days(today, 14),
        chair=pm,
        attendees=members,
        taskforce=housing,
        purpose="Follow up the last stocktake's actions and agree the trajectories.",
    )
    apprenticeships = Taskforce.objects.get(code="itf-app")
    stocktake_schedule(
        title="Apprenticeships stocktake",
        held_on=_days(today, 28),
        chair=pm,
        attendees=list(apprenticeships.people.all()),
        taskforce=apprenticeships,
    )
    stocktake_schedule(
        title="Haringey performance stocktake",
        held_on=_days(today, 7),
        chair=_role("Leader of the Council"),
        attendees=_people_of("HGY", "HFH"),
        commitments=_commitments("HGY-CP", "P3.1", "P5.1", "P5.2", "P4.1"),
        purpose="The Leader's quarterly look at recycling, repairs and temporary accommodation.",
    )


def _people_of(*organisations: str) -> list[Person]:
    return list(Person.objects.filter(organisation__code__in=organisations).order_by("pk")[:6])


def _reviews_load(today: dt.date) -> None:
    cdu = _people_of("HGY")
    temporary = review_record(
        title="Temporary accommodation priority review",
        scope=(
            "Why the number of households in temporary accommodation keeps rising although "
            "the council has met its prevention targets.\n\nThe review looks at prevention, "
            "the supply of private rented homes and move-on; not at allocations policy."
        ),
        status=ReviewStatus.REPORTED,
        started_on=_days(today, -120),
        reported_on=_days(today, -60),
        lead=cdu[0] if cdu else None,
        team=cdu[:4],
        organisations=[o for o in (_organisation("HGY"), _organisation("HFH")) if o],
        commitments=_commitments("HGY-CP", "P5.2", "P5"),
        findings=(
            "Prevention work succeeds, but most cases arrive within days of eviction, too late "
            "for prevention to work.\n\n"
            "Landlords leave the council's private rented scheme for better rents from other "
            "boroughs placing households in Haringey.\n\n"
            "Nobody owns move-on: households stay in temporary homes for want of a plan."
        ),
        recommendations=(
            "Give landlords a single offer, matched with neighbouring boroughs.\n\n"
            "Contact households at notice, not at eviction, using court and benefit data.\n\n"
            "Name one officer accountable for move-on, with a weekly caseload review."
        ),
    )
    review_action_raise(
        review=temporary,
        title="Agree a common landlord offer with neighbouring boroughs",
        due_date=_days(today, -5),
        owner_organisation=_organisation("HGY"),
    )
    review_action_raise(
        review=temporary,
        title="Set up the weekly move-on caseload review",
        due_date=_days(today, 25),
        owner_organisation=_organisation("HFH") or _organisation("HGY"),
    )
    review_record(
        title="Discharge from hospital priority review",
        scope="Why delayed transfers of care are rising, and what would reduce them this winter.",
        status=ReviewStatus.UNDER_WAY,
        started_on=_days(today, -14),
        lead=_chair("IU"),
        team=_people_of("IU", "DH")[:4],
        organisations=[o for o in (_organisation("DH"), _organisation("NHSE")) if o],
        commitments=_commitments("MAN2015", "M06", "M10"),
    )


@dataclass(frozen=True)
class _Entry:
    title: str
    kind: str
    summary: str
    worked: str
    did_not: str
    organisation: str
    area: str  # an area's name, or ""
    themes: tuple[str, ...]
    commitments: tuple[str, ...]  # "programme:code"
    source: str
    days_ago: int


IU_ARTICLE = "Institute for Government: Getting better at getting things done (2015)"
FRONTLINE = "The MJ: 'Reinvent' policy-making to improve delivery, says study"
HARINGEY = "Institute for Government: Learning from Whitehall – how we adapted the PMDU"
INNOVATION = "Whitehall Innovation Hub report on innovation in government (2009)"

PRACTICE: tuple[_Entry, ...] = (
    _Entry(
        "Cross-cutting taskforces to unblock the highest priorities",
        PracticeKind.GOOD_PRACTICE,
        "Eleven implementation taskforces bring ministers and officials from every department "
        "involved round one table to drive progress on the highest-priority areas.",
        "Barriers that sat between departments came to the table early; the chair can settle "
        "them on the spot.",
        "Taskforces met several times before their commitments had milestones and measures to "
        "track, so early meetings were long on discussion and short on data.",
        "CO",
        "",
        ("Delivery methods", "Housing"),
        ("MAN2015:M13", "MAN2015:M01"),
        IU_ARTICLE,
        300,
    ),
    _Entry(
        "Departmental implementation units adapt the centre's methods",
        PracticeKind.GOOD_PRACTICE,
        "Health, Communities, Education, Business and Environment set up their own "
        "implementation units, applying the Cabinet Office model to their own sectors.",
        "Proven methods arrived with people who knew them; each unit fitted them to its "
        "secretary of state's priorities.",
        "The units were new and still defining their roles while the first returns were due.",
        "DH",
        "",
        ("Delivery methods", "Capability"),
        ("MAN2015:M05",),
        IU_ARTICLE,
        280,
    ),
    _Entry(
        "Implementation Basecamp: training new delivery staff together",
        PracticeKind.GOOD_PRACTICE,
        "The Implementation Unit opened its flagship training programme to recruits of the "
        "new departmental units, building a shared way of working across Whitehall.",
        "A common vocabulary (trajectories, stocktakes, delivery confidence) from the first "
        "week; recruits from departments met the centre's analysts.",
        "",
        "IU",
        "",
        ("Capability",),
        (),
        IU_ARTICLE,
        260,
    ),
    _Entry(
        "Data and frontline intelligence together, StateStat style",
        PracticeKind.GOOD_PRACTICE,
        "Borrowing from Maryland's StateStat, the unit combines rigorous data analysis with "
        "intelligence from visits to the frontline before each stocktake.",
        "Visits explained what the data could not: why two areas with the same funding diverged.",
        "Visit notes were kept in personal notebooks and lost when staff moved on.",
        "IU",
        "England",
        ("Delivery methods", "Data"),
        ("MAN2015:M06",),
        IU_ARTICLE,
        240,
    ),
    _Entry(
        "Single departmental plans published after the Spending Review",
        PracticeKind.LESSON,
        "Each department's single plan sets objectives, milestones and measures, but the "
        "plans could only be published once the Spending Review had settled budgets.",
        "Milestones and measures agreed in one document made tracking possible.",
        "Months passed between the manifesto and the published plans, with no agreed "
        "milestones to track against in the meantime.",
        "CO",
        "",
        ("Planning",),
        (),
        IU_ARTICLE,
        220,
    ),
    _Entry(
        "Involving frontline staff from the start of policy design",
        PracticeKind.LESSON,
        "A Cabinet Office-commissioned study found that frontline professionals often grasp "
        "better what citizens want and how to deliver it than policy-makers do.",
        "Where councils and police were involved early, the policy arrived ready to deliver.",
        "Localisation programmes existed as isolated examples rather than flowing from a "
        "joined-up strategy for frontline engagement.",
        "HO",
        "",
        ("Frontline engagement", "Policing"),
        ("MAN2015:M24",),
        FRONTLINE,
        200,
    ),
    _Entry(
        "Priority reviews run jointly with service managers",
        PracticeKind.GOOD_PRACTICE,
        "Haringey's Corporate Delivery Unit diagnoses stuck priorities together with the "
        "service managers who own them, rather than reviewing them from outside.",
        "A shared analysis of the problem and shared priorities for action: services saw the "
        "unit as a partner alongside them, not the centre on top of them.",
        "Hard-pressed service leads found the time hard to give at first.",
        "HGY",
        "Haringey",
        ("Delivery methods", "Local government"),
        ("HGY-CP:P5.2",),
        HARINGEY,
        180,
    ),
    _Entry(
        "Plotting trajectories with heads of service",
        PracticeKind.GOOD_PRACTICE,
        "The unit supported services to use their data and plot trajectories for future "
        "performance, instead of setting the trajectories for them.",
        "Heads of service gained confidence in improving outcomes; some teams now ask more "
        "probing questions of their own performance than the unit does.",
        "Capability gaps in data analysis surfaced in several services and took time to fill.",
        "HGY",
        "Haringey",
        ("Data", "Local government"),
        ("HGY-CP:P3.1", "HGY-CP:P5.1"),
        HARINGEY,
        160,
    ),
    _Entry(
        "Delivery summaries for cabinet members",
        PracticeKind.GOOD_PRACTICE,
        "Each cabinet member gets a page or two on their priorities, which they take into "
        "their discussions with the services they oversee.",
        "A sharper and more constructive sense of accountability between members and "
        "operational leads.",
        "At first it was not clear how members, services and the unit would work together.",
        "HGY",
        "Haringey",
        ("Accountability", "Local government"),
        ("HGY-CP:P3", "HGY-CP:P5"),
        HARINGEY,
        140,
    ),
    _Entry(
        "Housing repairs on time: a trajectory every repairs team owns",
        PracticeKind.GOOD_PRACTICE,
        "Homes for Haringey set a monthly trajectory for repairs completed on time and "
        "reviewed it with each repairs team, alongside residents' complaints.",
        "Sustained improvement in timeliness within a year.",
        "Complaints data arrived a month late and did not match the repairs system's codes.",
        "HFH",
        "Haringey",
        ("Housing", "Data"),
        ("HGY-CP:P5.1",),
        HARINGEY,
        120,
    ),
    _Entry(
        "Councils raising regeneration finance in new ways",
        PracticeKind.INNOVATION,
        "Some councils fund local regeneration through innovative finance (joint ventures, "
        "bonds, land pooling) that no performance measure captures.",
        "Schemes went ahead that grant funding alone could not have paid for.",
        "Central performance frameworks neither saw nor rewarded the work, so it spread slowly.",
        "HGY",
        "London",
        ("Innovation", "Regeneration"),
        ("HGY-CP:P4.1",),
        INNOVATION,
        100,
    ),
    _Entry(
        "Collaborative regional governance: the London Collaborative",
        PracticeKind.INNOVATION,
        "Regional partnerships such as the London Collaborative evolve new governance "
        "frameworks through collaborative leadership across councils and agencies.",
        "Partners took on shared problems none could solve alone.",
        "Performance management as the only driver of change left no place to record or "
        "spread what the partnerships learned.",
        "DCLG",
        "London",
        ("Innovation", "Local government"),
        ("MAN2015:M34",),
        INNOVATION,
        80,
    ),
    _Entry(
        "Performance management alone misses innovation",
        PracticeKind.LESSON,
        "New practices and governance models went unnoticed because the performance "
        "framework did not capture them: keep a record of what measures cannot see.",
        "Looking to councils and the police surfaced innovations the centre had missed.",
        "Rigid distinctions between local and national government kept lessons from crossing over.",
        "CO",
        "",
        ("Innovation", "Delivery methods"),
        (),
        INNOVATION,
        60,
    ),
)


def _practice_load(today: dt.date) -> None:
    for entry in PRACTICE:
        commitments = []
        for reference in entry.commitments:
            programme, code = reference.split(":")
            commitments += _commitments(programme, code)
        practice_add(
            title=entry.title,
            kind=entry.kind,
            summary=entry.summary,
            what_worked=entry.worked,
            what_did_not=entry.did_not,
            organisation=_organisation(entry.organisation),
            area=Area.objects.filter(name=entry.area).first() if entry.area else None,
            themes=[Theme.objects.get_or_create(name=name)[0] for name in entry.themes],
            commitments=commitments,
            source=entry.source,
            recorded_on=_days(today, -entry.days_ago),
        )
