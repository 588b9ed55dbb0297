"""A stocktake's pack: a summary table of its commitments, the overdue actions it should see
again, then one page per commitment (confidence and its movement, status, trajectory charts,
milestones, open actions, the latest narrative, frontline notes)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from django.db.models import QuerySet

from stocktake.measures.assessments import assessment_run
from stocktake.measures.models import CommitmentMeasure, Measure
from stocktake.progress.models import Action, ActionStatus, Note
from stocktake.progress.selectors import latest_update
from stocktake.register.models import Commitment, Milestone
from stocktake.reports.document import (
    Block,
    Facts,
    Figure,
    Paragraph,
    Report,
    Section,
    Table,
    long_date,
)
from stocktake.reports.selectors import Judgement, judgements_as_of, report_commitments
from stocktake.reports.wording import MOVEMENT, heading, rating, responsibility
from stocktake.routines.models import Stocktake
from stocktake.routines.selectors import actions_carried

NOTES_PER_COMMITMENT = 3
SUMMARY_HEAD = ("Commitment", "Lead", "Status", "Confidence", "Movement", "Open actions")


def stocktake_pack_build(
    *,
    stocktake: Stocktake,
    commitments: QuerySet[Commitment],
    as_of: dt.date,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """The pack for ``stocktake``, from those of its commitments in ``commitments`` (what the
    reader may see), with ratings and actions as of ``as_of``."""
    tell = progress or (lambda _step: None)
    scope = commitments.filter(pk__in=stocktake.commitments.values("pk"))
    tell("Reading the commitments and their judgements")
    found = report_commitments(
        commitments=scope.annotate(latest_narrative=latest_update("narrative"))
    )
    judgements = judgements_as_of(commitments=scope, as_of=as_of)
    milestones = _by_commitment(
        Milestone.objects.filter(commitment__in=scope.values("pk")).order_by(
            "current_due_date", "code"
        )
    )
    actions = _actions_by_commitment(scope)
    notes = _notes_by_commitment(scope)
    tell("Drawing the trajectory charts")
    charts = _charts(scope, as_of=as_of)
    carried = actions_carried(stocktake=stocktake, as_of=as_of)

    summary_blocks: list[Block] = [
        Table(
            caption="The commitments at this stocktake",
            head=SUMMARY_HEAD,
            rows=tuple(_summary_row(c, judgements.of(c), actions[c.pk], as_of) for c in found),
        )
    ]
    if carried:
        summary_blocks.append(_actions_table("Overdue actions from earlier", carried, as_of))
    sections = [Section("Summary", tuple(summary_blocks))]
    tell(f"Writing {len(found)} commitment pages")
    for commitment in found:
        sections.append(
            Section(
                heading(commitment),
                _page(
                    commitment,
                    judgements.of(commitment),
                    milestones=milestones[commitment.pk],
                    actions=actions[commitment.pk],
                    notes=notes[commitment.pk],
                    charts=charts[commitment.pk],
                    as_of=as_of,
                ),
            )
        )
    return Report(
        kind="Stocktake pack",
        title=stocktake.title,
        as_of=as_of,
        period=f"updates up to {long_date(as_of)}",
        sections=tuple(sections),
        introduction=(Paragraph(stocktake.purpose),) if stocktake.purpose else (),
        details=_details(stocktake, len(found)),
        filename_stem=f"stocktake-pack-{stocktake.pk}-{stocktake.held_on.isoformat()}",
        compact=True,
    )


def _details(stocktake: Stocktake, count: int) -> tuple[tuple[str, str], ...]:
    details = [
        ("Meeting", long_date(stocktake.held_on)),
        ("Chair", str(stocktake.chair)),
    ]
    attendees = ", ".join(str(person) for person in stocktake.attendees.all())
    if attendees:
        details.append(("Attendees", attendees))
    if stocktake.taskforce_id:
        details.append(("Taskforce", stocktake.taskforce.name))
    details.append(("Commitments", f"{count:,}"))
    return tuple(details)


def _movement(judgement: Judgement) -> str:
    words = MOVEMENT[judgement.movement]
    if judgement.movement in ("up", "down") and judgement.previous is not None:
        return f"{words} from {judgement.previous.label}"
    return words


def _summary_row(
    commitment: Commitment, judgement: Judgement, actions: list[Action], as_of: dt.date
) -> tuple[str, ...]:
    overdue = sum(action.is_overdue(as_of) for action in actions)
    leads = ", ".join(o.organisation.code for o in commitment.ownerships.all() if o.role == "lead")
    return (
        heading(commitment),
        leads or "None",
        judgement.status.label if judgement.status else "No update yet",
        judgement.confidence.label if judgement.confidence else "Not yet rated",
        _movement(judgement),
        f"{len(actions)} ({overdue} overdue)" if overdue else str(len(actions)),
    )


def _page(
    commitment: Commitment,
    judgement: Judgement,
    *,
    milestones: list[Milestone],
    actions: list[Action],
    notes: list[Note],
    charts: list[Figure],
    as_of: dt.date,
) -> tuple[Block, ...]:
    blocks: list[Block] = [
        Facts(
            (
                ("Programme", commitment.programme.title),
                ("Responsible", responsibility(commitment) or "Not named"),
                ("Deadline", commitment.deadline_phrase or "None given"),
                (
                    "Confidence",
                    rating(
                        judgement.confidence, judgement.confidence_period, missing="Not yet rated"
                    ),
                ),
                ("Movement", _movement(judgement)),
                (
                    "Status",
                    rating(judgement.status, judgement.status_period, missing="No update yet"),
                ),
            )
        ),
        *charts,
    ]
    if milestones:
        blocks.append(
            Table(
                caption="Milestones",
                head=("Milestone", "Baseline due", "Now due", "Done"),
                rows=tuple(_milestone_row(m, as_of) for m in milestones),
            )
        )
    if actions:
        blocks.append(_actions_table("Open actions", actions, as_of, commitments=False))
    blocks.append(
        Paragraph(commitment.latest_narrative or "No update yet.", label="Latest update:")
    )
    for note in notes:
        where = f", {note.area.name}" if note.area_id else ""
        blocks.append(
            Paragraph(
                note.text,
                label=f"Frontline note ({note.get_source_display()}{where}, "
                f"{long_date(note.noted_on)}):",
            )
        )
    return tuple(blocks)


def _milestone_row(milestone: Milestone, as_of: dt.date) -> tuple[str, ...]:
    if milestone.completed_on:
        done = short_date(milestone.completed_on)
    elif milestone.is_overdue(as_of=as_of):
        done = "Overdue"
    else:
        done = "Not yet"
    return (
        f"{milestone.code}. {milestone.title}",
        short_date(milestone.baseline_due_date),
        short_date(milestone.current_due_date),
        done,
    )


def _actions_table(
    caption: str, actions: list[Action], as_of: dt.date, *, commitments: bool = True
) -> Table:
    head = ("Action", "Owner", "Due", "Commitments") if commitments else ("Action", "Owner", "Due")
    rows = []
    for action in actions:
        row = (
            action.title,
            _owner(action),
            short_date(action.due_date) + (" (overdue)" if action.is_overdue(as_of) else ""),
        )
        if commitments:
            row += (", ".join(c.code for c in action.commitments.all()),)
        rows.append(row)
    return Table(caption=caption, head=head, rows=tuple(rows))


def short_date(day: dt.date) -> str:
    """``12 Nov 2026``: dates that fit a table cell."""
    return f"{day.day} {day:%b %Y}"


def _owner(action: Action) -> str:
    """Short enough for a table cell: the person's name and the organisation's code."""
    names = [action.owner_person.name] if action.owner_person_id else []
    if action.owner_organisation_id:
        names.append(action.owner_organisation.code)
    return ", ".join(names)


def _by_commitment(milestones: QuerySet[Milestone]) -> dict[int, list[Milestone]]:
    found: dict[int, list[Milestone]] = defaultdict(list)
    for milestone in milestones:
        found[milestone.commitment_id].append(milestone)
    return found


def _actions_by_commitment(scope: QuerySet[Commitment]) -> dict[int, list[Action]]:
    """Each commitment's open actions, soonest due first. Three queries."""
    links = Action.commitments.through.objects.filter(
        commitment__in=scope.values("pk"), action__status=ActionStatus.OPEN
    )
    pairs = list(links.values_list("commitment_id", "action_id"))
    actions = (
        Action.objects.filter(pk__in={a for _, a in pairs})
        .select_related("owner_person", "owner_organisation")
        .prefetch_related("commitments")
        .in_bulk()
    )
    found: dict[int, list[Action]] = defaultdict(list)
    for commitment_id, action_id in pairs:
        found[commitment_id].append(actions[action_id])
    for listed in found.values():
        listed.sort(key=lambda a: (a.due_date, a.pk))
    return found


def _notes_by_commitment(scope: QuerySet[Commitment]) -> dict[int, list[Note]]:
    """Each commitment's latest frontline notes. Two queries."""
    links = Note.commitments.through.objects.filter(commitment__in=scope.values("pk"))
    pairs = list(links.values_list("commitment_id", "note_id"))
    notes = Note.objects.filter(pk__in={n for _, n in pairs}).select_related("area").in_bulk()
    found: dict[int, list[Note]] = defaultdict(list)
    for commitment_id, note_id in pairs:
        found[commitment_id].append(notes[note_id])
    for pk, listed in found.items():
        found[pk] = sorted(listed, key=lambda n: (n.noted_on, n.pk), reverse=True)[
            :NOTES_PER_COMMITMENT
        ]
    return found


def _charts(scope: QuerySet[Commitment], *, as_of: dt.date) -> dict[int, list[Figure]]:
    """Each commitment's measures as trajectory charts, from one assessment of them all."""
    # The charts are the web's (drawn on the server as SVG); imported here so that reports
    # without charts do not load the analysis.
    from stocktake.web.measure_pages import commitment_measure_views

    links = list(
        CommitmentMeasure.objects.filter(commitment__in=scope.values("pk")).values_list(
            "commitment_id", "measure_id"
        )
    )
    measures = Measure.objects.filter(pk__in={m for _, m in links})
    by_pk = measures.in_bulk()
    assessment = assessment_run(measures=measures, as_of=as_of)
    found: dict[int, list[Figure]] = defaultdict(list)
    for commitment_id, measure_id in sorted(links, key=lambda pair: by_pk[pair[1]].name):
        for view in commitment_measure_views(measures=[by_pk[measure_id]], assessment=assessment):
            if view.chart is not None:
                found[commitment_id].append(
                    Figure(
                        title=view.chart.title,
                        summary=view.chart.summary,
                        # Ids unique in the pack, where a measure serves two commitments.
                        svg=str(view.chart.svg).replace(
                            view.chart.key, f"commitment-{commitment_id}-{view.chart.key}"
                        ),
                        table=_chart_table(view.chart.table),
                    )
                )
    return found


def _chart_table(params: dict) -> Table:
    """A chart's govukTable parameters as a report table."""
    return Table(
        caption=str(params.get("caption", "")),
        head=tuple(str(cell.get("text", "")) for cell in params.get("head", ())),
        rows=tuple(
            tuple(str(cell.get("text", "")) for cell in row) for row in params.get("rows", ())
        ),
    )
