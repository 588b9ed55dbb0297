"""The programme document laid out as sheets: one sheet (or CSV file) per kind of record.

The register (commitments) comes first and its headers are the tabular import's default headers,
so a sheet exported here imports back on its own with ``stocktake import --kind commitments``.
The whole workbook, with its ``programme`` and ``scales`` sheets, imports back as the same
programme (``importing/workbook.py`` reads these layouts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Sheet:
    """One kind of record as a table: what a CSV file or a spreadsheet sheet holds."""

    name: str
    columns: tuple[str, ...]
    rows: list[list[Any]]


def joined(values: list[str]) -> str:
    return LIST_SEPARATOR.join(values)


def evidence_text(links: list[dict[str, str]]) -> str:
    """Evidence links in one cell: ``title <url>; title <url>``."""
    return joined([f"{link.get('title', '')} <{link['url']}>".strip() for link in links])


def person_name(key: str) -> str:
    """ "Caroline Ashby (DfE)" → "Caroline Ashby": the name the people sheet and imports use."""
    return key.rsplit(" (", 1)[0]


PROGRAMME_FIELDS = (
    "code",
    "title",
    "kind",
    "description",
    "source",
    "source_url",
    "source_date",
    "start_date",
    "end_date",
    "organisation",
    "area",
    "status_scale",
    "confidence_scale",
    "published",
)
COMMITMENT_COLUMNS = (
    "code",
    "title",
    "text",
    "section",
    "parent",
    "lead_organisations",
    "supporting_organisations",
    "lead_people",
    "supporting_people",
    "deadline",
    "government_response",
    "published",
    "priority_tier",
    "themes",
    "source_page",
    "source_paragraph",
    # Derived, for people reading the sheet; an import works them out again.
    "deadline_kind",
    "deadline_earliest",
    "deadline_latest",
    "deadline_event",
    "latest_period",
    "latest_status",
    "latest_confidence",
)
MILESTONE_COLUMNS = ("commitment", "code", "title", "baseline_due", "due", "completed_on")
UPDATE_COLUMNS = (
    "commitment",
    "period",
    "status",
    "confidence",
    "narrative",
    "author",
    "created",
    "judgement",
    "planning",
    "capacity",
    "stage",
    "evidence",
)
ORGANISATION_COLUMNS = ("code", "name", "kind", "parent")
PERSON_COLUMNS = ("name", "role", "organisation", "kind", "email")
AREA_COLUMNS = ("code", "name", "level", "parent")
MEASURE_COLUMNS = (
    "code",
    "name",
    "unit",
    "direction",
    "frequency",
    "tolerance_pct",
    "commitment",
    "definition",
    "source",
    "area_levels",
    "weights",
)
OBSERVATION_COLUMNS = ("measure", "area", "period", "value", "provisional", "denominator")
SCALE_COLUMNS = (
    "scale",
    "scale_name",
    "scale_kind",
    "scale_description",
    "code",
    "label",
    "rank",
    "colour",
    "description",
)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _judgement_cells(judgement: dict[str, Any] | None) -> list[Any]:
    """Whether the update is the central unit's judgement, and its framework ratings."""
    if judgement is None:
        return [_yes_no(False), None, None, None]
    return [_yes_no(True), judgement["planning"], judgement["capacity"], judgement["stage"]]


def _commitment_row(commitment: dict[str, Any]) -> list[Any]:
    updates = commitment["updates"]
    latest = updates[-1] if updates else {}
    rated = next((u["confidence"] for u in reversed(updates) if u["confidence"]), None)
    deadline = commitment["deadline"]
    return [
        commitment["code"],
        commitment["title"],
        commitment["text"],
        commitment["section"],
        commitment["parent"],
        joined(commitment["lead_organisations"]),
        joined(commitment["supporting_organisations"]),
        joined([person_name(key) for key in commitment["lead_people"]]),
        joined([person_name(key) for key in commitment["supporting_people"]]),
        deadline["phrase"],
        commitment["government_response"],
        _yes_no(commitment["published"]),
        commitment["priority_tier"],
        joined(commitment["themes"]),
        commitment["source"]["page"],
        commitment["source"]["paragraph"],
        deadline["kind"],
        deadline["earliest"],
        deadline["latest"],
        deadline["event"],
        latest.get("period"),
        latest.get("status"),
        rated,
    ]


def _nested(
    commitments: list[dict[str, Any]], key: str, row: Callable[[dict[str, Any]], list[Any]]
) -> list[list[Any]]:
    return [[c["code"], *row(item)] for c in commitments for item in c[key]]


def programme_sheets(*, document: dict[str, Any]) -> list[Sheet]:
    """The programme document as sheets, the register first."""
    commitments = document["commitments"]
    programme = document["programme"]
    return [
        Sheet("commitments", COMMITMENT_COLUMNS, [_commitment_row(c) for c in commitments]),
        Sheet(
            "milestones",
            MILESTONE_COLUMNS,
            _nested(
                commitments,
                "milestones",
                lambda m: [m["code"], m["title"], m["baseline_due"], m["due"], m["completed_on"]],
            ),
        ),
        Sheet(
            "updates",
            UPDATE_COLUMNS,
            _nested(
                commitments,
                "updates",
                lambda u: [
                    *(u[key] for key in UPDATE_COLUMNS[1:7]),
                    *_judgement_cells(u["judgement"]),
                    evidence_text(u["evidence"]),
                ],
            ),
        ),
        Sheet(
            "organisations",
            ORGANISATION_COLUMNS,
            [[o[key] for key in ORGANISATION_COLUMNS] for o in document["organisations"]],
        ),
        Sheet(
            "people",
            PERSON_COLUMNS,
            [[p[key] for key in PERSON_COLUMNS] for p in document["people"]],
        ),
        Sheet("areas", AREA_COLUMNS, [[a[key] for key in AREA_COLUMNS] for a in document["areas"]]),
        Sheet(
            "measures",
            MEASURE_COLUMNS,
            [
                [
                    *(m[key] for key in MEASURE_COLUMNS[:6]),
                    joined([link["code"] for link in m["commitments"]]),
                    m["definition"],
                    m["source"],
                    joined(m["area_levels"]),
                    joined([f"{link['weight']:g}" for link in m["commitments"]]),
                ]
                for m in document["measures"]
            ],
        ),
        Sheet(
            "observations",
            OBSERVATION_COLUMNS,
            [
                [
                    o["measure"],
                    o["area"],
                    o["period"],
                    o["value"],
                    _yes_no(o["provisional"]),
                    o["denominator"],
                ]
                for o in document["observations"]
            ],
        ),
        Sheet(
            "scales",
            SCALE_COLUMNS,
            [
                [
                    scale["code"],
                    scale["name"],
                    scale["kind"],
                    scale["description"],
                    *(level[key] for key in SCALE_COLUMNS[4:]),
                ]
                for scale in document["scales"]
                for level in scale["levels"]
            ],
        ),
        Sheet(
            "programme",
            ("field", "value"),
            [
                ["schema_version", document["schema_version"]],
                *(
                    [key, _yes_no(programme[key]) if key == "published" else programme[key]]
                    for key in PROGRAMME_FIELDS
                ),
            ],
        ),
    ]
