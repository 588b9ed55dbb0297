"""Commitments and their milestones, within one programme, upserted by code.

New commitments and milestones go through the register's services (``commitment_create``,
``milestone_create``); changes to stored ones are checked with the same model rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import models

from stocktake.importing.tabular.cleaning import CellError, CellValue, cell_text
from stocktake.importing.tabular.kinds.base import (
    Kind,
    Outcome,
    Row,
    Table,
    differs,
    own_parent_message,
)
from stocktake.importing.tabular.kinds.register import OrganisationFinder
from stocktake.importing.tabular.mapping import Field
from stocktake.register.models import (
    Commitment,
    CommitmentOrganisation,
    CommitmentPerson,
    GovernmentResponse,
    Milestone,
    OwnershipRole,
    Person,
    Programme,
    Theme,
)
from stocktake.register.services import (
    commitment_create,
    commitment_deadline_set,
    milestone_create,
)

_TIER = re.compile(r"(?:tier\s*)?([1-3])")
_NAME_AND_ORGANISATION = re.compile(r"(.+?)\s*\(([^()]+)\)")
_COMMITMENT_FIELDS = (
    "title",
    "text",
    "source_page",
    "source_paragraph",
    "deadline_phrase",
    "deadline_kind",
    "deadline_earliest",
    "deadline_latest",
    "deadline_event",
    "priority_tier",
    "published",
    "government_response",
)
_OWNER_COLUMNS = (
    ("lead_organisations", "supporting_organisations"),
    ("lead_people", "supporting_people"),
)


def cell_priority_tier(value: CellValue, /) -> int | None:
    """A priority tier: 1, 2 or 3, or "Tier 1"."""
    text = cell_text(value)
    if text is None:
        return None
    if match := _TIER.fullmatch(text.casefold()):
        return int(match[1])
    raise CellError(f"“{text}” is not a priority tier: use 1, 2 or 3.")


def _pks(items: Iterable[models.Model]) -> set[int | None]:
    return {item.pk for item in items}


class PeopleIndex:
    """People found by name, or by "name (organisation)" where two share a name."""

    def __init__(self, people: Iterable[Person]) -> None:
        self._by_name: dict[str, list[Person]] = defaultdict(list)
        for person in people:
            self._by_name[person.name.casefold()].append(person)

    def find(self, text: str) -> Person:
        found = self._by_name.get(text.casefold(), [])
        if not found and (match := _NAME_AND_ORGANISATION.fullmatch(text)):
            organisation = match[2].casefold()
            found = [
                person
                for person in self._by_name.get(match[1].casefold(), [])
                if person.organisation
                and organisation
                in (person.organisation.code.casefold(), person.organisation.name.casefold())
            ]
        if not found:
            raise CellError(f"There is no person called “{text}”: import them first.")
        if len(found) > 1:
            places = sorted(
                person.organisation.code if person.organisation else "no organisation"
                for person in found
            )
            raise CellError(
                f"“{text}” is more than one person ({', '.join(places)}): add the "
                f"organisation to say which, e.g. “{text} ({places[0]})”."
            )
        return found[0]


@dataclass
class _Draft:
    """A commitment row read: the commitment (not saved), its owners and themes (None where
    the file has no such column), and its parent's code."""

    commitment: Commitment
    owners: dict[str, list | None]
    themes: list[str] | None
    parent: str | None


class Commitments(Kind):
    name = "commitments"
    noun = "commitment"
    uses_programme = needs_programme = True
    fields = (
        Field("code", required=True, aliases=("commitment_code", "ref", "reference")),
        Field("title", required=True),
        Field("text", aliases=("full_text", "description", "commitment")),
        Field("section", aliases=("heading", "objective")),
        Field("parent", aliases=("parent_code",)),
        Field("lead_organisations", aliases=("lead_organisation", "lead_department", "lead")),
        Field("supporting_organisations", aliases=("supporting_organisation", "supporting")),
        Field("lead_people", aliases=("lead_person", "owner", "owners")),
        Field("supporting_people", aliases=("supporting_person",)),
        Field("deadline", aliases=("by_when", "deadline_phrase")),
        Field("government_response", aliases=("response",)),
        Field("published"),
        Field("priority_tier", aliases=("tier", "priority")),
        Field("themes", aliases=("theme",)),
        Field("source_page", aliases=("page",)),
        Field("source_paragraph", aliases=("paragraph", "para")),
    )

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        stored = Commitment.objects.filter(programme_id=programme.pk)
        self._stored = {commitment.code.casefold(): commitment for commitment in stored}
        self._owners: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for model, column, field in (
            (CommitmentOrganisation, "organisation", "organisations"),
            (CommitmentPerson, "person", "people"),
        ):
            for ownership in model.objects.filter(commitment__in=stored).select_related(column):
                owners = self._owners[ownership.commitment_id][f"{ownership.role}_{field}"]
                owners.append(getattr(ownership, column))
        self._themes: dict[int, set[str]] = defaultdict(set)
        for commitment_id, theme in Commitment.themes.through.objects.filter(
            commitment__in=stored
        ).values_list("commitment_id", "theme__name"):
            self._themes[commitment_id].add(theme)
        self._organisations = OrganisationFinder(create_missing=create_missing)
        self._people = PeopleIndex(Person.objects.select_related("organisation"))
        self._parents_later: list[tuple[int, str]] = []
        self._parents: dict[str, str | None] = {}

    def _owners_read(self, row: Row, field: str) -> list | None:
        if not row.has(field):
            return None
        owners = []
        for text in dict.fromkeys(row.items(field)):
            if field.endswith("organisations"):
                owner = self._organisations.find(row, field, text)
            else:
                try:
                    owner = self._people.find(text)
                except CellError as error:
                    row.problem(field, error.reason)
                    continue
            if owner is not None:
                owners.append(owner)
        return owners

    def _draft(self, row: Row) -> _Draft | None:
        code = row.text("code", required=True)
        title = row.text("title", required=True)
        text, deadline = row.text("text"), row.text("deadline")
        page, paragraph = row.text("source_page"), row.text("source_paragraph")
        response = row.choice(
            "government_response", choices=GovernmentResponse.choices, noun="government response"
        )
        published = row.flag("published")
        tier = row.parsed("priority_tier", cell_priority_tier)
        owners = {field: self._owners_read(row, field) for pair in _OWNER_COLUMNS for field in pair}
        themes = _themes(row)
        parent = row.text("parent")
        if not row.ok:
            return None
        stored = self._stored.get(code.casefold())
        commitment = Commitment(
            pk=stored.pk if stored else None,
            programme=self.programme,
            code=code,
            title=title,
            text=row.given("text", text, stored=stored.text if stored else "", default=""),
            source_page=row.given(
                "source_page", page, stored=stored.source_page if stored else "", default=""
            ),
            source_paragraph=row.given(
                "source_paragraph",
                paragraph,
                stored=stored.source_paragraph if stored else "",
                default="",
            ),
            government_response=row.given(
                "government_response",
                response,
                stored=stored.government_response if stored else "",
                default="",
            ),
            published=row.given(
                "published", published, stored=stored.published if stored else False, default=False
            ),
            priority_tier=row.given(
                "priority_tier", tier, stored=stored.priority_tier if stored else None, default=None
            ),
        )
        commitment_deadline_set(
            commitment=commitment,
            phrase=row.given(
                "deadline", deadline, stored=stored.deadline_phrase if stored else "", default=""
            ),
        )
        row.full_clean(
            commitment,
            fields={"deadline_phrase": "deadline"},
        )
        for lead, supporting in _OWNER_COLUMNS:
            leads = owners[lead] if owners[lead] is not None else self._stored_owners(stored, lead)
            supporters = (
                owners[supporting]
                if owners[supporting] is not None
                else self._stored_owners(stored, supporting)
            )
            both = sorted({str(owner) for owner in leads} & {str(owner) for owner in supporters})
            if both:
                row.problem(supporting, f"{', '.join(both)} cannot be both lead and supporting.")
        if not row.ok:
            return None
        return _Draft(commitment, owners, themes, parent)

    def _stored_owners(self, stored: Commitment | None, field: str) -> list:
        return self._owners[stored.pk][field] if stored else []

    def _changes(self, draft: _Draft, stored: Commitment) -> bool:
        if differs(stored, draft.commitment, ("code", *_COMMITMENT_FIELDS)):
            return True
        for field, owners in draft.owners.items():
            if owners is not None and _pks(owners) != _pks(self._owners[stored.pk][field]):
                return True
        return draft.themes is not None and set(draft.themes) != self._themes[stored.pk]

    def check(self, row: Row) -> None:
        code = row.text("code")
        first = code is None or self.first_row(
            row, (code.casefold(),), field="code", same=f"code “{code}”"
        )
        draft = self._draft(row)
        if draft is None or not first:
            return
        stored = self._stored.get(code.casefold())
        parent_moves = False
        if draft.parent is not None and draft.parent.casefold() == code.casefold():
            row.problem("parent", own_parent_message(Commitment))
            return
        if draft.parent is not None:
            found = self._stored.get(draft.parent.casefold())
            if found is None:
                self._parents_later.append((row.number, draft.parent))
            parent_moves = found is None or stored is None or found.pk != stored.parent_id
        elif row.has("parent"):
            parent_moves = stored is not None and stored.parent_id is not None
        if stored is None:
            self.outcomes[Outcome.CREATED] += 1
        elif parent_moves or self._changes(draft, stored):
            self.outcomes[Outcome.UPDATED] += 1
        else:
            self.outcomes[Outcome.UNCHANGED] += 1

    def check_end(self) -> None:
        for number, parent in self._parents_later:
            if not self.in_file((parent.casefold(),)):
                self.table.problem(
                    row=number,
                    field="parent",
                    reason=f"There is no commitment “{parent}” in {self.programme.code}, stored or in this file.",
                )
        if note := self._organisations.missing_note():
            self.notes.append(note)

    def write_start(self) -> None:
        self._organisations.missing_create()

    def write(self, rows: Sequence[Row]) -> None:
        for row in rows:
            draft = self._draft(row)
            if draft is None:
                continue
            key = draft.commitment.code.casefold()
            if row.has("parent"):
                self._parents[key] = draft.parent
            stored = self._stored.get(key)
            if stored is None:
                self._stored[key] = self._create(draft)
            elif self._changes(draft, stored):
                self._stored[key] = self._update(draft, stored)

    def _create(self, draft: _Draft) -> Commitment:
        commitment = draft.commitment
        return commitment_create(
            programme=self.programme,
            code=commitment.code,
            title=commitment.title,
            text=commitment.text,
            lead_organisations=draft.owners["lead_organisations"] or (),
            supporting_organisations=draft.owners["supporting_organisations"] or (),
            lead_people=draft.owners["lead_people"] or (),
            supporting_people=draft.owners["supporting_people"] or (),
            themes=draft.themes or (),
            deadline=commitment.deadline_phrase,
            priority_tier=commitment.priority_tier,
            published=commitment.published,
            government_response=commitment.government_response,
            source_paragraph=commitment.source_paragraph,
        )

    def _update(self, draft: _Draft, stored: Commitment) -> Commitment:
        commitment = draft.commitment
        commitment.parent_id = stored.parent_id
        commitment.save(update_fields=["code", *_COMMITMENT_FIELDS, "updated_at"])
        for model, owner_field, pair in (
            (CommitmentOrganisation, "organisation", _OWNER_COLUMNS[0]),
            (CommitmentPerson, "person", _OWNER_COLUMNS[1]),
        ):
            if all(draft.owners[field] is None for field in pair):
                continue
            model.objects.filter(commitment=commitment).delete()
            model.objects.bulk_create(
                model(commitment=commitment, role=role, **{f"{owner_field}_id": owner_id})
                for role, field in zip(
                    (OwnershipRole.LEAD, OwnershipRole.SUPPORTING), pair, strict=True
                )
                for owner_id in _pks(
                    draft.owners[field]
                    if draft.owners[field] is not None
                    else self._owners[stored.pk][field]
                )
            )
        if draft.themes is not None:
            commitment.themes.set(
                [Theme.objects.get_or_create(name=name)[0] for name in draft.themes]
            )
        return commitment

    def write_end(self) -> None:
        moved = []
        for code, parent in self._parents.items():
            commitment = self._stored[code]
            parent_pk = self._stored[parent.casefold()].pk if parent else None
            if commitment.parent_id != parent_pk:
                commitment.parent_id = parent_pk
                moved.append(commitment)
        Commitment.objects.bulk_update(moved, ["parent"])


class Milestones(Kind):
    name = "milestones"
    noun = "milestone"
    uses_programme = needs_programme = True
    fields = (
        Field("commitment", required=True, aliases=("commitment_code",)),
        Field("code", required=True, aliases=("milestone_code", "milestone")),
        Field("title", required=True),
        Field("baseline_due", required=True, aliases=("baseline_due_date", "baseline_date")),
        Field("due", aliases=("due_date", "current_due_date")),
        Field("completed_on", aliases=("completed", "completed_date", "date_completed")),
    )
    _names = ("code", "title", "baseline_due_date", "current_due_date", "completed_on")

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        commitments = Commitment.objects.filter(programme_id=programme.pk)
        self._commitments = {commitment.code.casefold(): commitment for commitment in commitments}
        self._stored = {
            (milestone.commitment_id, milestone.code.casefold()): milestone
            for milestone in Milestone.objects.filter(commitment__in=commitments)
        }

    def _candidate(self, row: Row) -> Milestone | None:
        code = row.text("commitment", required=True)
        commitment = self._commitments.get(code.casefold()) if code else None
        if code and commitment is None:
            row.problem("commitment", f"There is no commitment “{code}” in {self.programme.code}.")
        milestone_code = row.text("code", required=True)
        title = row.text("title", required=True)
        baseline = row.date("baseline_due", required=True)
        due, completed_on = row.date("due"), row.date("completed_on")
        if not row.ok:
            return None
        stored = self._stored.get((commitment.pk, milestone_code.casefold()))
        milestone = Milestone(
            pk=stored.pk if stored else None,
            commitment=commitment,
            code=milestone_code,
            title=title,
            baseline_due_date=baseline,
            current_due_date=row.given(
                "due", due, stored=stored.current_due_date if stored else baseline, default=baseline
            ),
            completed_on=row.given(
                "completed_on",
                completed_on,
                stored=stored.completed_on if stored else None,
                default=None,
            ),
        )
        row.full_clean(
            milestone, fields={"baseline_due_date": "baseline_due", "current_due_date": "due"}
        )
        return milestone if row.ok else None

    def check(self, row: Row) -> None:
        commitment, code = row.text("commitment"), row.text("code")
        first = None in (commitment, code) or self.first_row(
            row,
            (commitment.casefold(), code.casefold()),
            field="code",
            same=f"milestone code “{code}” of commitment {commitment}",
        )
        milestone = self._candidate(row)
        if milestone is None or not first:
            return
        key = (milestone.commitment_id, milestone.code.casefold())
        stored = self._stored.get(key)
        if stored is None:
            self.outcomes[Outcome.CREATED] += 1
        elif differs(stored, milestone, self._names):
            self.outcomes[Outcome.UPDATED] += 1
        else:
            self.outcomes[Outcome.UNCHANGED] += 1

    def write(self, rows: Sequence[Row]) -> None:
        changed = []
        for row in rows:
            milestone = self._candidate(row)
            if milestone is None:
                continue
            stored = self._stored.get((milestone.commitment_id, milestone.code.casefold()))
            if stored is None:
                milestone_create(
                    commitment=milestone.commitment,
                    code=milestone.code,
                    title=milestone.title,
                    baseline_due_date=milestone.baseline_due_date,
                    current_due_date=milestone.current_due_date,
                    completed_on=milestone.completed_on,
                )
            elif differs(stored, milestone, self._names):
                changed.append(milestone)
        Milestone.objects.bulk_update(changed, self._names)


def _themes(row: Row) -> list[str] | None:
    """The section (a heading of the source) and the themes, as the commitment's themes; None
    (keep what is stored) when the file has neither column."""
    if not row.has("themes") and not row.has("section"):
        return None
    section = row.text("section") if row.has("section") else None
    themes = row.items("themes") if row.has("themes") else []
    return list(dict.fromkeys([*([section] if section else []), *themes]))
