"""What the API reads and writes, as typed schemas (they make the OpenAPI document).

Records are named by their id, and also by their code where people use one (an organisation's
``DfE``, a programme's ``manifesto-2015``, a status's ``on-track``). Writes forbid unknown fields,
so a misspelt field is an error, not silently ignored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints

from stocktake.editing import MAX_VERSION

# Ids are database keys: positive, within a 64-bit integer.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_VERSION - 1, description="The version you read.")]
# Text with no NUL characters (which PostgreSQL cannot store).
NO_NUL = r"^[^\x00]*$"
Text = Annotated[str, StringConstraints(pattern=NO_NUL)]
Line = Annotated[str, StringConstraints(pattern=NO_NUL, max_length=300)]
Code = Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=100)]
Finite = Annotated[float, Field(allow_inf_nan=False)]
# Dates within what both databases store comfortably.
Day = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2200, 12, 31))]


class In(Schema):
    """A write: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


def _code(obj: Any) -> str | None:
    return obj.code if obj is not None else None


# Reference data.


class OrganisationOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    parent: str | None = Field(None, description="The parent organisation's code.")

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return _code(obj.parent)


class AreaOut(Schema):
    id: int
    code: str = Field(description="Official code, e.g. GSS E09000014.")
    name: str
    level: str
    parent: str | None = Field(None, description="The parent area's code.")

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return _code(obj.parent)


# Programmes.


class ProgrammeOut(Schema):
    id: int
    code: str
    title: str
    kind: str
    description: str
    source_document: str
    source_url: str
    source_date: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None
    organisation: str | None = Field(None, description="The owning organisation's code.")
    area: str | None = Field(None, description="The area's code, for a local programme.")
    status_scale: str
    confidence_scale: str
    published: bool
    version: int

    @staticmethod
    def resolve_organisation(obj: Any) -> str | None:
        return _code(obj.organisation)

    @staticmethod
    def resolve_area(obj: Any) -> str | None:
        return _code(obj.area)

    @staticmethod
    def resolve_status_scale(obj: Any) -> str:
        return obj.status_scale.code

    @staticmethod
    def resolve_confidence_scale(obj: Any) -> str:
        return obj.confidence_scale.code


class ProgrammePatch(In):
    """The fields to change, and the version they were read at."""

    version: Version
    title: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=300)] = None
    kind: Code = None
    description: Text = None
    source_document: Line = None
    source_url: Annotated[str, StringConstraints(pattern=NO_NUL, max_length=200)] = None
    source_date: Day | None = None
    start_date: Day | None = None
    end_date: Day | None = None
    organisation: Code | None = Field(None, description="The owning organisation's code.")
    area: Code | None = Field(None, description="The area's official code.")
    published: bool = None


# Commitments.


class DeadlineOut(Schema):
    phrase: str = Field(description="As the source says it, e.g. 'by the end of 2017'.")
    kind: str
    earliest: dt.date | None
    latest: dt.date | None
    event: str


class OwnerOut(Schema):
    code: str
    name: str
    role: str = Field(description="lead or supporting")


class PersonOwnerOut(Schema):
    id: int
    name: str
    role: str


class CommitmentOut(Schema):
    id: int
    programme: str = Field(description="The programme's code.")
    code: str
    title: str
    text: str
    source_document: str
    source_page: str
    source_paragraph: str
    parent: int | None = Field(None, description="The parent commitment's id.")
    deadline: DeadlineOut
    priority_tier: int | None
    published: bool
    government_response: str
    organisations: list[OwnerOut]
    people: list[PersonOwnerOut]
    themes: list[str]
    latest_status: str | None = Field(None, description="Code of the latest update's status.")
    latest_period: dt.date | None = None
    latest_confidence: str | None = Field(None, description="Code of the latest judgement.")
    version: int = Field(description="Send it back with a change (see PATCH).")
    updated_at: dt.datetime

    @staticmethod
    def resolve_programme(obj: Any) -> str:
        return obj.programme.code

    @staticmethod
    def resolve_parent(obj: Any) -> int | None:
        return obj.parent_id

    @staticmethod
    def resolve_deadline(obj: Any) -> dict[str, Any]:
        return {
            "phrase": obj.deadline_phrase,
            "kind": obj.deadline_kind,
            "earliest": obj.deadline_earliest,
            "latest": obj.deadline_latest,
            "event": obj.deadline_event,
        }

    @staticmethod
    def resolve_organisations(obj: Any) -> list[dict[str, str]]:
        return [
            {"code": o.organisation.code, "name": o.organisation.name, "role": o.role}
            for o in obj.ownerships.all()
        ]

    @staticmethod
    def resolve_people(obj: Any) -> list[dict[str, Any]]:
        return [
            {"id": o.person_id, "name": o.person.name, "role": o.role} for o in obj.owners.all()
        ]

    @staticmethod
    def resolve_themes(obj: Any) -> list[str]:
        return [theme.name for theme in obj.themes.all()]

    @staticmethod
    def resolve_latest_status(obj: Any) -> str | None:
        return getattr(obj, "latest_status_code", None)

    @staticmethod
    def resolve_latest_confidence(obj: Any) -> str | None:
        return getattr(obj, "latest_confidence_code", None)

    @staticmethod
    def resolve_latest_period(obj: Any) -> dt.date | None:
        return getattr(obj, "latest_period", None)


class CommitmentPatch(In):
    """The fields to change, and the version they were read at."""

    version: Version
    title: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=300)] = None
    text: Text | None = None
    source_document: Line | None = None
    source_page: Annotated[str, StringConstraints(pattern=NO_NUL, max_length=20)] | None = None
    source_paragraph: Annotated[str, StringConstraints(pattern=NO_NUL, max_length=40)] | None = None
    parent: Id | None = Field(None, description="The parent commitment's id, or null for none.")
    deadline: Line | None = Field(None, description="The deadline phrase; parsed again.")
    priority_tier: Annotated[int, Field(ge=1, le=3)] | None = None
    published: bool | None = None
    government_response: str | None = None


# Milestones.


class MilestoneOut(Schema):
    id: int
    commitment: int = Field(description="The commitment's id.")
    code: str
    title: str
    baseline_due_date: dt.date
    current_due_date: dt.date
    completed_on: dt.date | None
    slippage_days: int
    version: int

    @staticmethod
    def resolve_commitment(obj: Any) -> int:
        return obj.commitment_id


class MilestoneIn(In):
    commitment: Id
    code: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=32)]
    title: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=300)]
    baseline_due_date: Day
    current_due_date: Day | None = None
    completed_on: Day | None = None


class MilestonePatch(In):
    version: Version
    code: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=32)] = None
    title: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=300)] = None
    baseline_due_date: Day = None
    current_due_date: Day = None
    completed_on: Day | None = None


# Updates.


class Link(Schema):
    title: Line = ""
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\x00\s]+$", max_length=2000)]


class UpdateOut(Schema):
    id: int
    commitment: int
    period: dt.date
    status: str
    confidence: str | None
    narrative: str
    evidence: list[dict[str, Any]]
    author: str
    created_at: dt.datetime

    @staticmethod
    def resolve_commitment(obj: Any) -> int:
        return obj.commitment_id

    @staticmethod
    def resolve_status(obj: Any) -> str:
        return obj.status.code

    @staticmethod
    def resolve_confidence(obj: Any) -> str | None:
        return _code(obj.confidence)

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return obj.author_display


class UpdateIn(In):
    period: Day = Field(description="The first day of the month reported on.")
    status: Code = Field(description="A level code on the programme's status scale.")
    confidence: Code | None = Field(
        None, description="A level code on the programme's confidence scale (central unit only)."
    )
    narrative: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=20000)]
    evidence: list[Link] = Field(default=[], max_length=50)
    submission: uuid.UUID | None = Field(
        None,
        description="An id you make for this update (a UUID), so that it is safe to send again: "
        "sent again with the same id, nothing more is stored and the answer is the update "
        "stored the first time.",
    )


# Measures and observations.


class MeasureOut(Schema):
    id: int
    code: str
    name: str
    definition: str
    unit: str
    direction: str
    frequency: str
    source: str
    area_levels: list[str]
    tolerance_pct: float
    fabric: dict[str, bool] = Field(description="Quality: focused, appropriate, balanced, ...")
    quality_note: str
    commitments: list[int] = Field(description="Ids of the commitments it evidences.")
    version: int

    @staticmethod
    def resolve_fabric(obj: Any) -> dict[str, bool]:
        names = ("focused", "appropriate", "balanced", "robust", "integrated", "cost_effective")
        return {name: getattr(obj, name) for name in names}

    @staticmethod
    def resolve_commitments(obj: Any) -> list[int]:
        return [commitment.pk for commitment in obj.commitments.all()]


class MeasurePatch(In):
    """The fields to change, and the version they were read at."""

    version: Version
    name: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=200)] = None
    definition: Text = None
    unit: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=40)] = None
    direction: Code = Field(None, description="higher or lower (which is better)")
    frequency: Code = Field(None, description="monthly, quarterly or annual")
    source: Line = None
    area_levels: list[Code] = Field(None, min_length=1, max_length=10)
    tolerance_pct: Annotated[float, Field(ge=0, le=999, allow_inf_nan=False)] = None
    focused: bool = None
    appropriate: bool = None
    balanced: bool = None
    robust: bool = None
    integrated: bool = None
    cost_effective: bool = None
    quality_note: Text = None


class ObservationOut(Schema):
    id: int
    measure: str
    area: str
    period: dt.date
    value: float
    denominator: float | None
    provisional: bool
    recorded_at: dt.datetime

    @staticmethod
    def resolve_measure(obj: Any) -> str:
        return obj.measure.code

    @staticmethod
    def resolve_area(obj: Any) -> str:
        return obj.area.code


class ObservationIn(In):
    measure: Code = Field(description="The measure's code.")
    area: Code = Field(description="The area's official code.")
    period: Day = Field(description="The first day of the period observed.")
    value: Finite
    denominator: Finite | None = None
    provisional: bool = False


class ObservationsIn(In):
    items: list[ObservationIn] = Field(min_length=1, max_length=5000)


class UpsertOut(Schema):
    added: int
    replaced: int


# Frontline notes and actions.


class NoteOut(Schema):
    id: int
    source: str = Field(description="visit, call, survey, complaint or data")
    noted_on: dt.date
    area: str | None = Field(None, description="The area's official code.")
    text: str
    commitments: list[int] = Field(description="Ids of the commitments it is about.")
    author: str
    created_at: dt.datetime

    @staticmethod
    def resolve_area(obj: Any) -> str | None:
        return _code(obj.area)

    @staticmethod
    def resolve_commitments(obj: Any) -> list[int]:
        return [commitment.pk for commitment in obj.commitments.all()]

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return obj.author_display


class NoteIn(In):
    source: Code = Field(description="visit, call, survey, complaint or data")
    noted_on: Day
    text: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=20000)]
    commitments: list[Id] = Field(min_length=1, max_length=100)
    area: Code | None = Field(None, description="The area's official code.")


class ActionOut(Schema):
    id: int
    title: str
    description: str
    commitments: list[int]
    owner_person: int | None = Field(None, description="The owning person's id.")
    owner_organisation: str | None = Field(None, description="The owning organisation's code.")
    due_date: dt.date
    status: str = Field(description="open, done or dropped")
    completed_on: dt.date | None
    author: str
    created_at: dt.datetime
    version: int

    @staticmethod
    def resolve_commitments(obj: Any) -> list[int]:
        return [commitment.pk for commitment in obj.commitments.all()]

    @staticmethod
    def resolve_owner_person(obj: Any) -> int | None:
        return obj.owner_person_id

    @staticmethod
    def resolve_owner_organisation(obj: Any) -> str | None:
        return _code(obj.owner_organisation)

    @staticmethod
    def resolve_author(obj: Any) -> str:
        return obj.author.get_username() if obj.author_id else ""


class ActionIn(In):
    title: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=300)]
    description: Text = ""
    due_date: Day
    commitments: list[Id] = Field(min_length=1, max_length=100)
    owner_person: Id | None = None
    owner_organisation: Code | None = Field(None, description="The organisation's code.")


class ActionPatch(In):
    version: Version
    title: Annotated[str, StringConstraints(pattern=NO_NUL, min_length=1, max_length=300)] = None
    description: Text = None
    due_date: Day = None
    status: Code = Field(None, description="open, done or dropped")
    completed_on: Day | None = None
    owner_person: Id | None = None
    owner_organisation: Code | None = None
