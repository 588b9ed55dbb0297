"""Loads the demo register: the hand-written content, plus a year of monthly updates and
illustrative measure data generated from its hints. Safe to run again: what is there stays."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from stocktake.access.models import Role
from stocktake.access.services import user_create
from stocktake.audit.recording import acting
from stocktake.demo import content
from stocktake.demo.frontline import frontline_load, round_load
from stocktake.demo.national import PROGRAMME_CODE, national_load
from stocktake.demo.paths import level_for, narrative, path_months
from stocktake.demo.routines import routines_load
from stocktake.demo.timeline import Timeline
from stocktake.funding.models import Fund, FundContribution
from stocktake.funding.services import funding_line_create, spend_record
from stocktake.measures.models import (
    CommitmentMeasure,
    Measure,
    Observation,
    Target,
    Trajectory,
    TrajectoryPoint,
)
from stocktake.measures.services import observations_bulk_create
from stocktake.measures.trajectories import trajectory_points
from stocktake.periods import add_months, month_start, months_later, period_starts
from stocktake.progress.models import Update
from stocktake.progress.services import updates_bulk_create
from stocktake.register.models import (
    Area,
    Commitment,
    Milestone,
    Organisation,
    Person,
    Programme,
    Scale,
    Taskforce,
)
from stocktake.register.services import commitment_create, milestone_create

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "stocktake-demo"  # noqa: S105 - printed for the local demo, never in production
# (username, role, organisation codes): the demo's users besides the administrator "demo".
DEMO_ROLE_USERS = (
    ("analyst", Role.ANALYST, ()),
    ("dfe-editor", Role.EDITOR, ("DfE",)),
    ("dh-viewer", Role.VIEWER, ("DH",)),
    ("minister", Role.READER, ()),
)
UPDATE_MONTHS = 12
# Share of the planned change by which a measure ends off its trajectory, by its commitment's path.
DRIFT = {"slipping": -0.12, "at_risk": -0.18, "stalled": -0.1, "improving": 0.03}

# Each programme's scales: the manifesto uses the six-point status and the five-point
# confidence of major projects; the council uses RAG and a four-point likelihood of delivery.
SCALES = {
    content.MANIFESTO.code: ("delivery-status", "confidence-5"),
    content.COUNCIL_PLAN.code: ("rag-status", "likelihood-4"),
}
COMMITMENTS = {
    content.MANIFESTO.code: content.MANIFESTO_COMMITMENTS,
    content.COUNCIL_PLAN.code: content.COUNCIL_COMMITMENTS,
}

COUNTED = {
    "programmes": Programme,
    "commitments": Commitment,
    "milestones": Milestone,
    "updates": Update,
    "organisations": Organisation,
    "people": Person,
    "taskforces": Taskforce,
    "areas": Area,
    "measures": Measure,
    "targets": Target,
    "observations": Observation,
    "funds": Fund,
}


def _counts() -> Counter[str]:
    return Counter({name: model.objects.count() for name, model in COUNTED.items()})


@dataclass
class DemoReport:
    scale: str
    created: Counter[str] = field(default_factory=Counter)
    totals: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        if not any(self.created.values()):
            return f"The {self.scale} register was already loaded: nothing to add."
        lines = [f"Loaded the {self.scale} register:"]
        lines += [
            f"  {name:<14} {self.created[name]:>8,} created, {self.totals[name]:>8,} in all"
            for name in COUNTED
            if self.created[name]
        ]
        return "\n".join(lines)


def demo_load(
    *, scale: str = "demo", progress: bool = False, today: dt.date | None = None
) -> DemoReport:
    """Load the demo register (``scale="demo"``) or the national-scale volumes."""
    today = today or timezone.localdate()
    before = _counts()
    with acting(name="demo loader", via="stocktake demo"):
        _demo_user_ensure()
        if scale == "national":
            if not Programme.objects.filter(code=PROGRAMME_CODE).exists():
                with _progress_bar(enabled=progress, total=45_000) as advance:
                    national_load(advance=advance, as_of=today)
        elif not Programme.objects.filter(code=content.MANIFESTO.code).exists():
            _content_load(Timeline(content_as_of=content.DEMO_AS_OF, today=today), today=today)
        _demo_role_users_ensure()
    after = _counts()
    return DemoReport(scale=scale, created=after - before, totals=after)


@contextmanager
def _progress_bar(*, enabled: bool, total: int) -> Iterator[Callable[[int], None]]:
    if not enabled:
        yield lambda _rows: None
        return
    from rich.progress import Progress

    with Progress() as bar:
        task = bar.add_task("Generating national-scale data", total=total)
        yield lambda rows: bar.advance(task, rows)
        bar.update(task, completed=total)


def _demo_user_ensure() -> None:
    if not get_user_model().objects.filter(username=DEMO_USERNAME).exists():
        user_create(username=DEMO_USERNAME, password=DEMO_PASSWORD, admin=True)


def _demo_role_users_ensure() -> None:
    """One user for each role (see README), all with the demo password."""
    for username, role, codes in DEMO_ROLE_USERS:
        organisations = list(Organisation.objects.filter(code__in=codes))
        if len(organisations) < len(codes):
            continue  # the national-scale data has no such departments
        if not get_user_model().objects.filter(username=username).exists():
            user_create(
                username=username,
                password=DEMO_PASSWORD,
                email=f"{username}@example.org",  # for the reminders' digests
                role=role,
                organisations=organisations,
            )


@transaction.atomic
def _content_load(timeline: Timeline, *, today: dt.date) -> None:
    rng = random.Random(2015)
    areas = _areas_load()
    organisations = _organisations_load()
    people = _people_load(organisations)
    for spec in content.PROGRAMMES:
        programme = _programme_load(spec, timeline, organisations, areas)
        commitments = _commitments_load(
            programme, COMMITMENTS[spec.code], timeline, organisations, people, today=today
        )
        _updates_load(programme, commitments, today=today, rng=rng)
    _taskforces_load(people, organisations)
    _measures_load(timeline, areas, today=today, rng=rng)
    _funds_load(timeline, organisations, today=today)
    frontline_load(today=today)
    round_load(today=today)
    routines_load(today=today)


def _areas_load() -> dict[str, Area]:
    areas: dict[str, Area] = {}
    for spec in (*content.REGIONS, *content.LOCAL_AUTHORITIES, *content.HARINGEY_WARDS):
        areas[spec.code] = Area.objects.get_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "level": spec.level,
                "parent": areas.get(spec.parent or ""),
            },
        )[0]
    return areas


def _organisations_load() -> dict[str, Organisation]:
    organisations = {
        spec.code: Organisation.objects.get_or_create(
            code=spec.code, defaults={"name": spec.name, "kind": spec.kind}
        )[0]
        for spec in content.ORGANISATIONS
    }
    for spec in content.ORGANISATIONS:
        if spec.parent:
            organisation = organisations[spec.code]
            organisation.parent = organisations[spec.parent]
            organisation.full_clean()
            organisation.save(update_fields=["parent"])
    return organisations


def _people_load(organisations: dict[str, Organisation]) -> dict[str, Person]:
    return {
        spec.key: Person.objects.get_or_create(
            name=spec.name,
            organisation=organisations[spec.organisation],
            defaults={"role": spec.role, "kind": spec.kind, "email": spec.email},
        )[0]
        for spec in content.PEOPLE
    }


def _programme_load(
    spec: content.Programme,
    timeline: Timeline,
    organisations: dict[str, Organisation],
    areas: dict[str, Area],
) -> Programme:
    status_scale, confidence_scale = SCALES[spec.code]
    programme = Programme(
        code=spec.code,
        title=timeline.text(spec.title),
        kind=spec.kind,
        description=timeline.text(spec.description),
        source_document=timeline.text(spec.source_document),
        start_date=timeline.date(spec.start_date),
        end_date=timeline.date(spec.end_date),
        organisation=organisations[spec.owner],
        published=True,
        area=areas.get(spec.area or ""),
        status_scale=Scale.objects.get(code=status_scale),
        confidence_scale=Scale.objects.get(code=confidence_scale),
    )
    programme.full_clean()
    programme.save()
    return programme


def _commitments_load(
    programme: Programme,
    specs: tuple[content.Commitment, ...],
    timeline: Timeline,
    organisations: dict[str, Organisation],
    people: dict[str, Person],
    *,
    today: dt.date,
) -> list[tuple[Commitment, content.Commitment]]:
    loaded: dict[str, Commitment] = {}
    pairs = []
    # Parents before their children.
    for spec in sorted(specs, key=lambda spec: spec.parent is not None):
        commitment = commitment_create(
            programme=programme,
            code=spec.code,
            title=timeline.text(spec.title),
            text=timeline.text(spec.text),
            parent=loaded.get(spec.parent or ""),
            lead_organisations=[organisations[code] for code in spec.lead_organisations],
            supporting_organisations=[
                organisations[code] for code in spec.supporting_organisations
            ],
            lead_people=[people[key] for key in spec.lead_people],
            supporting_people=[people[key] for key in spec.supporting_people],
            themes=[spec.theme],
            deadline=timeline.text(spec.deadline),
            priority_tier=spec.priority_tier,
            published=spec.published,
        )
        for milestone in spec.milestones:
            baseline = timeline.date(milestone.baseline_due)
            current = months_later(baseline, milestone.slip_months)
            milestone_create(
                commitment=commitment,
                code=milestone.code,
                title=timeline.text(milestone.title),
                baseline_due_date=baseline,
                current_due_date=current,
                completed_on=min(current, today) if milestone.completed else None,
            )
        loaded[spec.code] = commitment
        pairs.append((commitment, spec))
    return pairs


def _updates_load(
    programme: Programme,
    commitments: list[tuple[Commitment, content.Commitment]],
    *,
    today: dt.date,
    rng: random.Random,
) -> None:
    """A year of monthly updates to last month; the central unit's confidence each quarter."""
    statuses = list(programme.status_scale.levels.order_by("-rank"))
    confidences = list(programme.confidence_scale.levels.order_by("-rank"))
    first = add_months(month_start(today), -UPDATE_MONTHS)
    updates = []
    for commitment, spec in commitments:
        if spec.path is None:
            continue
        commitment.programme = programme
        milestones = list(commitment.milestones.order_by("current_due_date"))
        lead = commitment.ownerships.filter(role="lead").select_related("organisation").first()
        lead_name = lead.organisation.name if lead else "the lead organisation"
        author = commitment.owners.filter(role="lead").select_related("person").last()
        for index, month in enumerate(path_months(spec.path, months=UPDATE_MONTHS, rng=rng)):
            period = add_months(first, index)
            updates.append(
                Update(
                    commitment=commitment,
                    period=period,
                    status=level_for(statuses, month),
                    confidence=level_for(confidences, month) if index % 3 == 2 else None,
                    narrative=narrative(
                        month,
                        lead=lead_name,
                        next_step=_next_step(milestones, period),
                        done=_done(milestones, period),
                        rng=rng,
                    ),
                    author_name=str(author.person) if author else lead_name,
                    created_at=_reported_at(period, rng, today=today),
                )
            )
    updates_bulk_create(updates=updates)


def _reported_at(period: dt.date, rng: random.Random, *, today: dt.date) -> dt.datetime:
    """A working day early in the month after the period, but never after ``today``."""
    day = min(add_months(period, 1) + dt.timedelta(days=rng.randint(2, 9)), today)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour=rng.randint(9, 17))))


def _next_step(milestones: list[Milestone], period: dt.date) -> str:
    upcoming = [m for m in milestones if m.current_due_date >= period and not _done_by(m, period)]
    if not upcoming:
        return "All milestones are complete."
    milestone = upcoming[0]
    when = f"{milestone.current_due_date:%B %Y}"
    if milestone.slippage_days > 0:
        return f"“{milestone.title}” is now expected in {when}, later than the baseline."
    return f"Next milestone: “{milestone.title}”, due {when}."


def _done_by(milestone: Milestone, period: dt.date) -> bool:
    return milestone.completed_on is not None and milestone.completed_on < add_months(period, 1)


def _done(milestones: list[Milestone], period: dt.date) -> str:
    finished = [m for m in milestones if m.completed_on and month_start(m.completed_on) == period]
    return "".join(f"“{m.title}” was completed this month. " for m in finished)


def _taskforces_load(people: dict[str, Person], organisations: dict[str, Organisation]) -> None:
    manifesto = {
        c.code: c for c in Commitment.objects.filter(programme__code=content.MANIFESTO.code)
    }
    for spec in content.TASKFORCES:
        taskforce = Taskforce.objects.create(
            code=spec.code.lower(), name=spec.name, remit=spec.remit, chair=people[spec.chair]
        )
        taskforce.organisations.set([organisations[code] for code in spec.member_organisations])
        taskforce.people.set([people[spec.chair], *(people[key] for key in spec.member_people)])
        taskforce.commitments.set([manifesto[code] for code in spec.commitments])


def _measures_load(
    timeline: Timeline, areas: dict[str, Area], *, today: dt.date, rng: random.Random
) -> None:
    """Illustrative data: each local authority follows its trajectory with noise and drift."""
    # Codes are unique across the demo's programmes.
    by_code = {c.code: c for c in Commitment.objects.all()}
    last_period = add_months(month_start(today), -1)
    local_authorities = [spec.code for spec in content.LOCAL_AUTHORITIES]
    for spec in content.MEASURES:
        measure = Measure(
            code=spec.code.lower(),
            name=spec.name,
            definition=spec.definition,
            unit=spec.unit,
            direction=spec.direction,
            frequency=spec.frequency,
            source=spec.source,
            area_levels=list(spec.area_levels),
            tolerance_pct=Decimal(str(spec.tolerance_pct)),
            focused=spec.fabric.focused,
            appropriate=spec.fabric.appropriate,
            balanced=spec.fabric.balanced,
            robust=spec.fabric.robust,
            integrated=spec.fabric.integrated,
            cost_effective=spec.fabric.cost_effective,
            quality_note=spec.fabric.note,
        )
        measure.full_clean()
        measure.save()
        for evidence in spec.evidences:
            CommitmentMeasure.objects.create(
                commitment=by_code[evidence.commitment],
                measure=measure,
                weight=Decimal(str(evidence.weight)),
            )
        drift = _drift(spec)
        series = [
            _area_series(
                measure, spec, areas[code], timeline, last_period=last_period, drift=drift, rng=rng
            )
            for code in spec.areas or local_authorities
        ]
        # Written together: each kind of row in one bulk insert (the rows take their parents'
        # keys as the parents are inserted).
        Target.objects.bulk_create([area.target for area in series])
        Trajectory.objects.bulk_create([area.trajectory for area in series])
        TrajectoryPoint.objects.bulk_create([point for area in series for point in area.points])
        observations = [observation for area in series for observation in area.observations]
        observations += _aggregates(measure, spec, observations, areas)
        observations_bulk_create(observations=observations)
        if "nation" in spec.area_levels and not spec.areas:
            _national_target_load(measure, spec, areas)


def _drift(spec: content.Measure) -> float:
    """How far off its trajectory the measure ends, from its main commitment's path."""
    main = max(spec.evidences, key=lambda evidence: evidence.weight).commitment
    specs = (*content.MANIFESTO_COMMITMENTS, *content.COUNCIL_COMMITMENTS)
    path = next(commitment.path for commitment in specs if commitment.code == main)
    return DRIFT.get(path or "", 0.0)


@dataclass(frozen=True)
class AreaSeries:
    """One area's target, trajectory and values of a measure, not yet saved."""

    target: Target
    trajectory: Trajectory
    points: list[TrajectoryPoint]
    observations: list[Observation]


def _area_series(
    measure: Measure,
    spec: content.Measure,
    area: Area,
    timeline: Timeline,
    *,
    last_period: dt.date,
    drift: float,
    rng: random.Random,
) -> AreaSeries:
    size = rng.uniform(0.6, 1.6) if spec.unit == "count" else 1.0
    offset = 0.0 if spec.unit == "count" else rng.uniform(-0.08, 0.08) * spec.baseline_value
    baseline_date, target_date = timeline.date(spec.baseline_date), timeline.date(spec.target_date)
    baseline, target = spec.baseline_value * size + offset, spec.target_value * size + offset
    target_row = Target(
        measure=measure,
        area=area,
        baseline_date=baseline_date,
        baseline_value=round(baseline, 2),
        target_date=target_date,
        target_value=round(target, 2),
        reward_amount=Decimal(spec.reward) if spec.reward else None,
    )
    parameters = {"profile": [0.06 * math.cos(2 * math.pi * (m - 2) / 12) for m in range(12)]}
    trajectory = Trajectory(
        target=target_row,
        kind=spec.trajectory,
        parameters=parameters if spec.trajectory == "seasonal" else {},
    )
    points = trajectory_points(
        kind=spec.trajectory,
        baseline_date=baseline_date,
        baseline_value=baseline,
        target_date=target_date,
        target_value=target,
        frequency=measure.frequency,
        parameters=trajectory.parameters,
    )
    observed = [(period, value) for period, value in points if period <= last_period]
    area_drift = drift + rng.uniform(-0.06, 0.06)
    # People counted, for rates' funnel plots: a steady population per area, from its own seed.
    people = random.Random(f"{measure.code}:{area.code}").randint(2_000, 20_000)
    series = []
    for index, (period, planned) in enumerate(observed):
        share = index / max(len(observed) - 1, 1)
        # Drift scales the planned change, so it is direction-aware: below a rising target,
        # above a falling one.
        drifted = planned + (target - baseline) * area_drift * share
        value = max(drifted * (1 + rng.gauss(0, spec.noise)), 0.0)
        series.append(
            Observation(
                measure=measure,
                area=area,
                period=period,
                value=round(value, 1 if spec.unit != "count" else 0),
                denominator=people if spec.unit == "percent" else None,
                provisional=period == last_period,
            )
        )
    return AreaSeries(
        target=target_row,
        trajectory=trajectory,
        points=[
            TrajectoryPoint(trajectory=trajectory, period=period, value=round(value, 2))
            for period, value in points
        ],
        observations=series,
    )


def _national_target_load(measure: Measure, spec: content.Measure, areas: dict[str, Area]) -> None:
    """A national target and trajectory made of the local authorities' (summed or averaged),
    so regions, which have none of their own, get theirs from it by share."""
    nation = next(area for area in areas.values() if area.level == "nation")
    local = Target.objects.filter(measure=measure, area__level="local_authority")
    combine = sum if spec.aggregation == "sum" else (lambda values: sum(values) / len(values))
    first = local.first()
    target = Target.objects.create(
        measure=measure,
        area=nation,
        baseline_date=first.baseline_date,
        baseline_value=round(combine(local.values_list("baseline_value", flat=True)), 2),
        target_date=first.target_date,
        target_value=round(combine(local.values_list("target_value", flat=True)), 2),
    )
    trajectory = Trajectory.objects.create(target=target, kind=first.trajectory.kind)
    by_period: dict[dt.date, list[float]] = {}
    for period, value in TrajectoryPoint.objects.filter(trajectory__target__in=local).values_list(
        "period", "value"
    ):
        by_period.setdefault(period, []).append(value)
    TrajectoryPoint.objects.bulk_create(
        TrajectoryPoint(trajectory=trajectory, period=period, value=round(combine(values), 2))
        for period, values in sorted(by_period.items())
    )


def _aggregates(
    measure: Measure, spec: content.Measure, observations: list[Observation], areas: dict[str, Area]
) -> list[Observation]:
    """Regional and national figures built from the local authorities, where the measure has them."""
    totals: dict[tuple[str, dt.date], list[Observation]] = {}
    for observation in observations:
        region = observation.area.parent
        for level, parent in (("region", region), ("nation", region.parent if region else None)):
            if parent is not None and level in spec.area_levels:
                totals.setdefault((parent.code, observation.period), []).append(observation)
    last = max((o.period for o in observations), default=None)
    return [
        Observation(
            measure=measure,
            area=areas[code],
            period=period,
            value=round(_combined(spec, parts), 1),
            denominator=sum(o.denominator for o in parts) if spec.unit == "percent" else None,
            provisional=period == last,
        )
        for (code, period), parts in totals.items()
    ]


def _combined(spec: content.Measure, parts: list[Observation]) -> float:
    """The areas' sum, or their mean weighted by the people counted when there are any."""
    if spec.aggregation == "sum":
        return sum(o.value for o in parts)
    weights = [o.denominator or 1.0 for o in parts]
    return sum(o.value * w for o, w in zip(parts, weights, strict=True)) / sum(weights)


def _funds_load(
    timeline: Timeline, organisations: dict[str, Organisation], *, today: dt.date
) -> None:
    commitments = {
        c.code: c for c in Commitment.objects.filter(programme__code=content.MANIFESTO.code)
    }
    for spec in content.FUNDS:
        fund = Fund.objects.create(
            code=spec.code.lower(),
            name=timeline.text(spec.name),
            description=spec.note,
            total=Decimal(spec.total),
            start_date=timeline.date(spec.start_date),
            end_date=timeline.date(spec.end_date),
        )
        FundContribution.objects.bulk_create(
            [
                FundContribution(fund=fund, organisation=organisations[code])
                for code in spec.contributors
            ]
        )
        months = period_starts(fund.start_date, min(fund.end_date, today), frequency="monthly")
        all_months = period_starts(fund.start_date, fund.end_date, frequency="monthly")
        for line_spec in spec.lines:
            line = funding_line_create(
                fund=fund,
                commitment=commitments[line_spec.commitment],
                allocated=Decimal(line_spec.allocated),
            )
            # Spend runs a little behind an even profile, as it usually does.
            monthly = Decimal(line_spec.allocated) / len(all_months) * Decimal("0.9")
            for period in months:
                spend_record(line=line, period=period, amount=monthly.quantize(Decimal("1")))
