"""Organisations, areas and people: the register's reference rows, upserted by natural key.

Organisations and areas may name a parent further down the same file: parents are checked once
every row is read and linked once every row is written.
"""

from __future__ import annotations

import re
from abc import abstractmethod
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import ClassVar

from django.core.exceptions import ValidationError

from stocktake.importing.tabular.cleaning import CellError
from stocktake.importing.tabular.kinds.base import (
    Kind,
    Outcome,
    Row,
    Table,
    differs,
    own_parent_message,
)
from stocktake.importing.tabular.mapping import Field
from stocktake.register.models import (
    Area,
    AreaLevel,
    Organisation,
    OrganisationKind,
    Person,
    PersonKind,
    Programme,
)

_CODE_LENGTH = Organisation._meta.get_field("code").max_length
_WORD = re.compile(r"[^\W_]+")


class OrganisationIndex:
    """Organisations found by code or by name, in any case."""

    def __init__(self, organisations: Iterable[Organisation] = ()) -> None:
        self._by_code: dict[str, Organisation] = {}
        self._codes_by_name: dict[str, set[str]] = defaultdict(set)
        for organisation in organisations:
            self.add(organisation)

    def add(self, organisation: Organisation) -> None:
        code = organisation.code.casefold()
        self._by_code[code] = organisation
        self._codes_by_name[organisation.name.casefold()].add(code)

    def get(self, code: str) -> Organisation | None:
        return self._by_code.get(code.casefold())

    def find(self, text: str) -> Organisation | None:
        """The organisation with this code or, failing that, this name; CellError if the name
        is shared."""
        if found := self.get(text):
            return found
        codes = self._codes_by_name.get(text.casefold(), set())
        if len(codes) > 1:
            named = ", ".join(sorted(self._by_code[code].code for code in codes))
            raise CellError(
                f"“{text}” is the name of more than one organisation: use its code ({named})."
            )
        return self._by_code[next(iter(codes))] if codes else None


class OrganisationFinder:
    """Organisations named in a file. Those not found are a problem, or with ``create_missing``
    new organisations of kind Other, saved by ``missing_create`` before any row is written."""

    def __init__(self, *, create_missing: bool) -> None:
        self.index = OrganisationIndex(Organisation.objects.all())
        self.create_missing = create_missing
        self.missing: list[Organisation] = []

    def find(self, row: Row, field: str, text: str) -> Organisation | None:
        try:
            found = self.index.find(text)
        except CellError as error:
            row.problem(field, error.reason)
            return None
        if found is not None:
            return found
        if not self.create_missing:
            row.problem(
                field,
                f"There is no organisation with the code or name “{text}”: import it first, "
                "or allow missing organisations to be created.",
            )
            return None
        organisation = Organisation(
            code=self._new_code(text), name=text, kind=OrganisationKind.OTHER
        )
        try:
            organisation.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            row.problem(field, f"“{text}” cannot be a new organisation: {' '.join(error.messages)}")
            return None
        self.index.add(organisation)
        self.missing.append(organisation)
        return organisation

    def _new_code(self, name: str) -> str:
        """The name itself if it looks like a code, else its initials ("Department for
        Education" → "DFE"), made unique with a number."""
        words = _WORD.findall(name)
        base = (
            name
            if len(words) == 1 and len(name) <= _CODE_LENGTH
            else "".join(w[0] for w in words).upper()
        )
        base = base[: _CODE_LENGTH - 3] or "ORG"
        code, number = base, 1
        while self.index.get(code) is not None:
            number += 1
            code = f"{base}-{number}"
        return code

    def missing_create(self) -> None:
        Organisation.objects.bulk_create(self.missing)

    def missing_note(self) -> str:
        """A note naming the organisations to be created ('' if none)."""
        if not self.missing:
            return ""
        named = ", ".join(f"{item.name} ({item.code})" for item in self.missing)
        return f"New organisations (kind Other): {named}."


class _Tree(Kind):
    """Organisations or areas: a code, a name, a kind or level, and a parent of the same sort."""

    model: ClassVar[type[Organisation] | type[Area]]
    category: ClassVar[str]  # the model field for the kind or level
    category_choices: ClassVar[list[tuple[str, str]]]
    category_default: ClassVar[str | None]

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        self._stored = {item.code.casefold(): item for item in self.model.objects.all()}
        self._parents_later: list[tuple[int, str]] = []
        self._parents: dict[str, str | None] = {}
        self._own_parent_message = own_parent_message(self.model)

    @abstractmethod
    def _parent_find(self, text: str) -> Organisation | Area | None:
        """The stored (or, once written, imported) parent a cell names; CellError if unclear."""

    def _in_file(self, text: str) -> bool:
        """Whether a row of the file (with problems or not) has the code the text gives."""
        return self.in_file((text.casefold(),))

    def _remember(self, item: Organisation | Area) -> None:
        """Add a row's organisation or area to those its parent may be found among."""

    def _candidate(self, row: Row) -> Organisation | Area | None:
        code = row.text("code", required=True)
        name = row.text("name", required=True)
        category = row.choice(
            self.category,
            choices=self.category_choices,
            noun=self.category.replace("_", " "),
            required=self.category_default is None,
        )
        if not row.ok:
            return None
        stored = self._stored.get(code.casefold())
        category = row.given(
            self.category,
            category,
            stored=getattr(stored, self.category) if stored else self.category_default,
            default=self.category_default,
        )
        candidate = self.model(
            pk=stored.pk if stored else None,
            code=code,
            name=name,
            parent_id=stored.parent_id if stored else None,
            **{self.category: category},
        )
        row.full_clean(candidate)
        return candidate if row.ok else None

    def check(self, row: Row) -> None:
        code = row.text("code")
        first = code is None or self.first_row(
            row, (code.casefold(),), field="code", same=f"code “{code}”"
        )
        candidate = self._candidate(row)
        parent = row.text("parent")
        if candidate is None or not first:
            return
        key = candidate.code.casefold()
        self._remember(candidate)
        stored = self._stored.get(key)
        parent_moves = False
        if parent is not None and parent.casefold() in (key, candidate.name.casefold()):
            row.problem("parent", self._own_parent_message)
        elif parent is not None:
            try:
                found = self._parent_find(parent)
            except CellError as error:
                row.problem("parent", error.reason)
                return
            if found is not None and found.pk == candidate.pk:
                row.problem("parent", self._own_parent_message)
            elif found is None:
                self._parents_later.append((row.number, parent))
            parent_moves = found is None or found.pk != candidate.parent_id
        elif row.has("parent"):
            parent_moves = candidate.parent_id is not None
        if row.ok:
            self.outcomes[self._outcome(stored, candidate, parent_moves=parent_moves)] += 1

    def _outcome(
        self,
        stored: Organisation | Area | None,
        candidate: Organisation | Area,
        *,
        parent_moves: bool,
    ) -> Outcome:
        if stored is None:
            return Outcome.CREATED
        if parent_moves or differs(stored, candidate, ("code", "name", self.category)):
            return Outcome.UPDATED
        return Outcome.UNCHANGED

    def check_end(self) -> None:
        for number, parent in self._parents_later:
            if not self._in_file(parent):
                self.table.problem(
                    row=number,
                    field="parent",
                    reason=f"There is no {self.noun} “{parent}”, stored or in this file.",
                )

    def write(self, rows: Sequence[Row]) -> None:
        new, changed = [], []
        for row in rows:
            candidate = self._candidate(row)
            if candidate is None:
                continue
            stored = self._stored.get(candidate.code.casefold())
            if row.has("parent"):
                self._parents[candidate.code.casefold()] = row.text("parent")
            if stored is None:
                new.append(candidate)
            elif differs(stored, candidate, ("code", "name", self.category)):
                changed.append(candidate)
            self._stored[candidate.code.casefold()] = candidate
        self.model.objects.bulk_create(new)
        self.model.objects.bulk_update(changed, ["code", "name", self.category])
        for item in (*new, *changed):
            self._remember(item)

    def write_end(self) -> None:
        moved = []
        for code, parent in self._parents.items():
            item = self._stored[code]
            parent_pk = self._parent_find(parent).pk if parent else None
            if item.parent_id != parent_pk:
                item.parent_id = parent_pk
                moved.append(item)
        self.model.objects.bulk_update(moved, ["parent"])


class Organisations(_Tree):
    name = "organisations"
    fields = (
        Field("code", required=True, aliases=("organisation_code", "org_code")),
        Field("name", required=True, aliases=("organisation", "organisation_name")),
        Field("kind", aliases=("type", "organisation_kind")),
        Field("parent", aliases=("parent_code", "parent_organisation")),
    )
    model = Organisation
    noun = "organisation"
    category = "kind"
    category_choices = OrganisationKind.choices
    category_default = OrganisationKind.OTHER

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        self._index = OrganisationIndex(self._stored.values())
        self._file = OrganisationIndex()

    def _parent_find(self, text: str) -> Organisation | None:
        return self._index.find(text)

    def _in_file(self, text: str) -> bool:
        """Whether a row of the file has the code or (if it has no problems) the name."""
        try:
            return super()._in_file(text) or self._file.find(text) is not None
        except CellError:
            return True  # a name shared by two rows: the code would be clearer, but it exists

    def _remember(self, item: Organisation) -> None:
        if item.pk is None:
            self._file.add(item)
        else:
            self._index.add(item)


class Areas(_Tree):
    name = "areas"
    fields = (
        Field(
            "code", required=True, aliases=("area_code", "gss_code", "ons_code", "geography_code")
        ),
        Field("name", required=True, aliases=("area", "area_name", "geography")),
        Field("level", required=True, aliases=("area_level", "geography_level")),
        Field("parent", aliases=("parent_code", "parent_area")),
    )
    model = Area
    noun = "area"
    category = "level"
    category_choices = AreaLevel.choices
    category_default = None

    def _parent_find(self, text: str) -> Area | None:
        return self._stored.get(text.casefold())


class People(Kind):
    """People, keyed by name and organisation (two people may share a name in different places)."""

    name = "people"
    noun = "person"
    fields = (
        Field("name", required=True, aliases=("person", "full_name")),
        Field("role", aliases=("job_title", "title")),
        Field("organisation", aliases=("organisation_code", "department")),
        Field("kind", aliases=("person_kind", "type")),
        Field("email", aliases=("email_address",)),
    )

    def __init__(self, *, table: Table, programme: Programme | None, create_missing: bool) -> None:
        super().__init__(table=table, programme=programme, create_missing=create_missing)
        self._organisations = OrganisationFinder(create_missing=create_missing)
        self._stored = {
            self._key(person.name, person.organisation): person
            for person in Person.objects.select_related("organisation")
        }

    @staticmethod
    def _key(name: str, organisation: Organisation | None) -> tuple[str, str]:
        return name.casefold(), organisation.code.casefold() if organisation else ""

    def _candidate(self, row: Row) -> Person | None:
        name = row.text("name", required=True)
        named = row.text("organisation")
        organisation = self._organisations.find(row, "organisation", named) if named else None
        kind = row.choice("kind", choices=PersonKind.choices, noun="kind of person")
        role, email = row.text("role"), row.text("email")
        if not row.ok:
            return None
        stored = self._stored.get(self._key(name, organisation))
        person = Person(
            pk=stored.pk if stored else None,
            name=name,
            organisation=organisation,
            role=row.given("role", role, stored=stored.role if stored else "", default=""),
            kind=row.given(
                "kind",
                kind,
                stored=stored.kind if stored else PersonKind.OFFICIAL,
                default=PersonKind.OFFICIAL,
            ),
            email=row.given("email", email, stored=stored.email if stored else "", default=""),
        )
        row.full_clean(person)
        return person if row.ok else None

    def check(self, row: Row) -> None:
        person = self._candidate(row)
        if person is None:
            return
        key = self._key(person.name, person.organisation)
        if not self.first_row(row, key, field="name", same="name and organisation"):
            return
        stored = self._stored.get(key)
        if stored is None:
            self.outcomes[Outcome.CREATED] += 1
        elif differs(stored, person, ("name", "role", "kind", "email")):
            self.outcomes[Outcome.UPDATED] += 1
        else:
            self.outcomes[Outcome.UNCHANGED] += 1

    def check_end(self) -> None:
        if note := self._organisations.missing_note():
            self.notes.append(note)

    def write_start(self) -> None:
        self._organisations.missing_create()

    def write(self, rows: Sequence[Row]) -> None:
        new, changed = [], []
        for row in rows:
            person = self._candidate(row)
            if person is None:
                continue
            stored = self._stored.get(self._key(person.name, person.organisation))
            if stored is None:
                new.append(person)
            elif differs(stored, person, ("name", "role", "kind", "email")):
                changed.append(person)
        Person.objects.bulk_create(new)
        Person.objects.bulk_update(changed, ["name", "role", "kind", "email"])
