"""The public tracker's content: the published commitments of published programmes, each with
its status, deadline phrase and latest progress text, grouped by programme and section; and the
same as open data (CSV and JSON rows).

Everything here starts from the policy's public querysets (``commitments_public``,
``measures_public``), never from the register directly, so nothing unpublished can reach the
page, the downloads or the static site."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from dataclasses import asdict, dataclass

from stocktake.access.policy import commitments_public, measures_public
from stocktake.measures.models import CommitmentMeasure
from stocktake.progress.selectors import latest_update
from stocktake.register.models import Commitment, OwnershipRole, ScaleLevel
from stocktake.reports.grouping import by_section
from stocktake.reports.selectors import report_commitments

FIELDS = (
    "programme_code",
    "programme_title",
    "section",
    "code",
    "title",
    "text",
    "deadline",
    "lead_organisations",
    "status",
    "status_period",
    "progress",
    "progress_recorded_on",
    "measures",
)


@dataclass(frozen=True)
class PublicCommitment:
    programme_code: str
    programme_title: str
    section: str
    code: str
    title: str
    text: str
    deadline: str
    lead_organisations: str
    status: str  # the latest status's label, or "" before the first update
    status_colour: str
    status_period: dt.date | None
    progress: str  # the latest update's narrative
    progress_recorded_on: dt.date | None
    measures: str

    @property
    def anchor(self) -> str:
        return f"commitment-{self.code}"

    def row(self) -> dict[str, str]:
        """The open-data row: the fields in ``FIELDS``, dates as ISO text."""
        values = asdict(self)
        return {
            name: values[name].isoformat()
            if isinstance(values[name], dt.date)
            else (values[name] or "")
            for name in FIELDS
        }


@dataclass(frozen=True)
class PublicSection:
    title: str
    commitments: tuple[PublicCommitment, ...]


@dataclass(frozen=True)
class PublicProgramme:
    code: str
    title: str
    description: str
    source_document: str
    source_url: str
    sections: tuple[PublicSection, ...]

    @property
    def commitments(self) -> tuple[PublicCommitment, ...]:
        return tuple(c for section in self.sections for c in section.commitments)

    def status_counts(self) -> list[tuple[str, str, int]]:
        """(label, colour, count) for each status its commitments stand at, most first."""
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for commitment in self.commitments:
            counts[(commitment.status or "No update yet", commitment.status_colour)] += 1
        return sorted(
            ((label, colour, n) for (label, colour), n in counts.items()), key=lambda r: -r[2]
        )


@dataclass(frozen=True)
class PublicTracker:
    as_of: dt.date
    programmes: tuple[PublicProgramme, ...]

    @property
    def commitments(self) -> tuple[PublicCommitment, ...]:
        return tuple(c for programme in self.programmes for c in programme.commitments)

    def programme(self, code: str) -> PublicProgramme | None:
        return next((p for p in self.programmes if p.code == code), None)


def public_tracker(*, as_of: dt.date, programme_code: str | None = None) -> PublicTracker:
    """The tracker as of ``as_of`` (updates for later periods are left out), for every public
    programme or only ``programme_code``'s. Seven queries whatever the size of the register."""
    public = commitments_public()
    if programme_code is not None:
        public = public.filter(programme__code=programme_code)
    latest = public.annotate(
        public_status_id=latest_update("status", before=_month_after(as_of)),
        public_period=latest_update("period", before=_month_after(as_of)),
        public_narrative=latest_update("narrative", before=_month_after(as_of)),
        public_recorded_at=latest_update("created_at", before=_month_after(as_of)),
    )
    commitments = report_commitments(commitments=latest)
    levels = ScaleLevel.objects.in_bulk({c.public_status_id for c in commitments} - {None})
    measures: dict[int, list[str]] = defaultdict(list)
    links = CommitmentMeasure.objects.filter(
        commitment__in=public.values("pk"), measure__in=measures_public()
    )
    for commitment_id, name in links.order_by("measure__name").values_list(
        "commitment_id", "measure__name"
    ):
        measures[commitment_id].append(name)

    programmes = []
    for _code, members in by_section(commitments, key=lambda c: c.programme.code):
        programme = members[0].programme
        sections = tuple(
            PublicSection(
                title,
                tuple(_entry(c, levels.get(c.public_status_id), measures[c.pk]) for c in group),
            )
            for title, group in by_section(members, key=lambda c: c.section)
        )
        programmes.append(
            PublicProgramme(
                code=programme.code,
                title=programme.title,
                description=programme.description,
                source_document=programme.source_document,
                source_url=programme.source_url,
                sections=sections,
            )
        )
    return PublicTracker(as_of=as_of, programmes=tuple(programmes))


def _month_after(day: dt.date) -> dt.date:
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _entry(
    commitment: Commitment, status: ScaleLevel | None, measures: list[str]
) -> PublicCommitment:
    leads = [
        o.organisation.name for o in commitment.ownerships.all() if o.role == OwnershipRole.LEAD
    ]
    recorded = commitment.public_recorded_at
    return PublicCommitment(
        programme_code=commitment.programme.code,
        programme_title=commitment.programme.title,
        section=commitment.section,
        code=commitment.code,
        title=commitment.title,
        text=commitment.text,
        deadline=commitment.deadline_phrase,
        lead_organisations="; ".join(leads),
        status=status.label if status else "",
        status_colour=status.colour if status else "grey",
        status_period=commitment.public_period,
        progress=commitment.public_narrative or "",
        progress_recorded_on=recorded.date() if recorded else None,
        measures="; ".join(measures),
    )


def public_csv(tracker: PublicTracker) -> bytes:
    """Every public commitment as one CSV row (UTF-8 with a byte-order mark, for Excel)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(commitment.row() for commitment in tracker.commitments)
    return out.getvalue().encode("utf-8-sig")


def public_json(tracker: PublicTracker) -> bytes:
    """The same rows as JSON, with the date they were published as of."""
    document = {
        "as_of": tracker.as_of.isoformat(),
        "fields": list(FIELDS),
        "programmes": [
            {"code": p.code, "title": p.title, "source_document": p.source_document}
            for p in tracker.programmes
        ],
        "commitments": [commitment.row() for commitment in tracker.commitments],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()
